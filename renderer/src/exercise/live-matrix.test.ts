import { describe, expect, it } from 'vitest';
import { reachChecks } from './connection-text.ts';
import { checkPorts, computeLiveMatrix } from './live-matrix.ts';
import { buildEngineGraph, buildPredictionGraph, describeGraph } from './reach-graph.ts';
import { analyseSubmission, clusterModel } from './submission-analysis.ts';
import { DB_POLICY, predictExercise, writeExercise } from './test-fixtures.ts';

describe('computeLiveMatrix', () => {
  const exercise = writeExercise();
  const checks = reachChecks(exercise.checks);

  function matrixFor(text: string) {
    const analysis = analyseSubmission(exercise, text);
    if (!analysis.model) throw new Error('text has errors');
    return computeLiveMatrix({
      cluster: exercise.cluster,
      checks,
      expected: (check) => check.expect,
      yours: { kind: 'engine', model: analysis.model },
    });
  }

  it('lists the endpoints and ports the checks use, in order of mention', () => {
    const matrix = matrixFor('');
    expect(matrix.endpoints.map((endpoint) => endpoint.key)).toEqual(['prod/web', 'prod/db', 'prod/batch']);
    expect(matrix.ports).toEqual([{ port: 5432, protocol: 'TCP' }]);
  });

  it('marks where an open cluster differs from the checks', () => {
    const matrix = matrixFor('');
    const batchToDb = matrix.cells[0]?.[2]?.[1];
    expect(batchToDb).toMatchObject({ expected: 'deny', yours: 'allow', differs: true });
    expect(batchToDb?.label).toBe('prod/batch to prod/db on 5432/TCP: expected deny, yours allow');
    expect(matrix.differences).toBe(1);
    expect(matrix.cells[0]?.[0]?.[2]).toMatchObject({ yours: 'allow', differs: false });
    expect(matrix.cells[0]?.[0]?.[2]?.expected).toBeUndefined();
    expect(matrix.cells[0]?.[1]?.[1]?.yours).toBe('self');
  });

  it('agrees with the checks once the right policy is written', () => {
    const matrix = matrixFor(DB_POLICY);
    expect(matrix.differences).toBe(0);
    expect(matrix.cells[0]?.[2]?.[1]).toMatchObject({ expected: 'deny', yours: 'deny' });
    expect(matrix.cells[0]?.[0]?.[1]).toMatchObject({ expected: 'allow', yours: 'allow' });
  });

  it('uses predictions as "yours" and leaves unanswered cells unknown', () => {
    const predict = predictExercise();
    const matrix = computeLiveMatrix({
      cluster: predict.cluster,
      checks: reachChecks(predict.checks),
      expected: () => undefined,
      yours: { kind: 'predictions', answer: (check) => (check.id === 'web-to-db' ? 'allow' : undefined) },
    });
    expect(matrix.ports.map((port) => port.port)).toEqual([3306, 80]);
    expect(matrix.cells[0]?.[0]?.[1]).toMatchObject({ yours: 'allow', differs: false });
    expect(matrix.cells[1]?.[1]?.[0]?.yours).toBe('unknown');
  });
});

describe('analyseSubmission', () => {
  it('reports errors with positions and builds no model', () => {
    const analysis = analyseSubmission(writeExercise(), 'kind: NetworkPolicy\nmetadata: [\n');
    expect(analysis.hasErrors).toBe(true);
    expect(analysis.model).toBeUndefined();
    expect(analysis.diagnostics[0]?.position).toBeDefined();
  });

  it('keeps the cluster policies unless the learner replaces them', () => {
    const predict = predictExercise();
    const replacing = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: default }
spec:
  podSelector: {}
  policyTypes: [Egress]
`;
    const analysis = analyseSubmission(predict, replacing);
    expect(analysis.diagnostics.map((diagnostic) => diagnostic.id)).toContain(
      'grade.replaces-cluster-policy',
    );
    expect(analysis.model?.policies).toHaveLength(1);
  });
});

describe('reachability graph', () => {
  it('draws allowed connections and classifies the checked ones', () => {
    const exercise = writeExercise();
    const checks = reachChecks(exercise.checks);
    const graph = buildEngineGraph(exercise.cluster, clusterModel(exercise), checks, checkPorts(checks));
    expect(graph.nodes.map((node) => node.key)).toEqual(['prod/batch', 'prod/db', 'prod/web', 'backup']);
    const edge = (from: string, to: string) =>
      graph.edges.find((item) => item.from === from && item.to === to);
    expect(edge('prod/batch', 'prod/db')?.status).toBe('unexpected');
    expect(edge('prod/web', 'prod/db')?.status).toBe('expected');
    expect(edge('prod/db', 'prod/web')?.status).toBe('allowed');
    expect(describeGraph(graph)).toContain(
      'prod/batch -> prod/db on 5432/TCP: allowed, but a check expects it denied.',
    );
  });

  it('shows a missing connection when the policy blocks what a check wants', () => {
    const exercise = writeExercise();
    const checks = reachChecks(exercise.checks);
    const denyAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: prod }
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
    const model = analyseSubmission(exercise, denyAll).model;
    if (!model) throw new Error('no model');
    const graph = buildEngineGraph(exercise.cluster, model, checks, checkPorts(checks));
    const missing = graph.edges.find((edge) => edge.from === 'prod/web' && edge.to === 'prod/db');
    expect(missing).toMatchObject({ status: 'missing', ports: ['5432/TCP'] });
  });

  it('draws predicted connections', () => {
    const predict = predictExercise();
    const graph = buildPredictionGraph(predict.cluster, reachChecks(predict.checks), (check) =>
      check.id === 'db-to-web' ? 'allow' : 'deny',
    );
    expect(graph.edges.map((edge) => `${edge.from}>${edge.to}:${edge.status}`)).toEqual([
      'default/db>default/web:predicted',
    ]);
  });
});
