import { describe, expect, it } from 'vitest';
import { reachChecks } from '../connection-text.ts';
import { computeLiveMatrix, matrixCell } from './live-matrix.ts';
import { computeMatrix } from '../../../../core/netpol/index.ts';
import { checkPorts } from './live-matrix.ts';
import { analyseSubmission } from '../submission-analysis.ts';
import { DB_POLICY, predictExercise, writeExercise } from '../test-fixtures.ts';

describe('computeLiveMatrix', () => {
  const exercise = writeExercise();
  const checks = reachChecks(exercise.checks);

  function matrixFor(text: string, withFullMatrix = false) {
    const analysis = analyseSubmission(exercise, text);
    if (!analysis.model) throw new Error('text has errors');
    const full = withFullMatrix ? computeMatrix(analysis.model, checkPorts(checks)) : undefined;
    return computeLiveMatrix({
      cluster: exercise.cluster,
      checks,
      expected: (check) => check.expect,
      yours: { kind: 'engine', model: analysis.model, ...(full === undefined ? {} : { matrix: full }) },
    });
  }

  it('lists the endpoints and ports the checks use, in order of mention', () => {
    const matrix = matrixFor('');
    expect(matrix.endpoints.map((endpoint) => endpoint.key)).toEqual(['prod/web', 'prod/db', 'prod/batch']);
    expect(matrix.ports).toEqual([{ port: 5432, protocol: 'TCP' }]);
  });

  it('marks where an open cluster differs from the checks', () => {
    const matrix = matrixFor('');
    const batchToDb = matrixCell(matrix, 0, 2, 1);
    expect(batchToDb).toMatchObject({ expected: 'deny', yours: 'allow', differs: true });
    expect(batchToDb.label).toBe('prod/batch to prod/db on 5432/TCP: expected deny, yours allow');
    expect(matrix.differences).toBe(1);
    expect(matrix.differencesByPort).toEqual([1]);
    expect(matrixCell(matrix, 0, 0, 2)).toMatchObject({ yours: 'allow', differs: false });
    expect(matrixCell(matrix, 0, 0, 2).expected).toBeUndefined();
    expect(matrixCell(matrix, 0, 1, 1).yours).toBe('self');
  });

  it('agrees with the checks once the right policy is written', () => {
    const matrix = matrixFor(DB_POLICY);
    expect(matrix.differences).toBe(0);
    expect(matrixCell(matrix, 0, 2, 1)).toMatchObject({ expected: 'deny', yours: 'deny' });
    expect(matrixCell(matrix, 0, 0, 1)).toMatchObject({ expected: 'allow', yours: 'allow' });
  });

  it('reads the same verdicts from a precomputed full matrix as from the evaluator', () => {
    for (const text of ['', DB_POLICY]) {
      const slow = matrixFor(text);
      const fast = matrixFor(text, true);
      expect(fast.yours).toEqual(slow.yours);
      expect(fast.expected).toEqual(slow.expected);
    }
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
    expect(matrixCell(matrix, 0, 0, 1)).toMatchObject({ yours: 'allow', differs: false });
    expect(matrixCell(matrix, 1, 1, 0).yours).toBe('unknown');
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
