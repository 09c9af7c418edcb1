import { describe, expect, it } from 'vitest';
import type { PortProtocol } from '../../../../core/netpol/index.ts';
import { LiveAnalysis } from '../live/live-analysis.ts';
import { DB_POLICY, predictExercise, writeExercise } from '../test-fixtures.ts';
import { buildReachGraph, describeGraph, type GraphEdge, type ReachGraph } from './reach-graph.ts';
import { dbFromApiOnly, testCluster, testMatrix } from './graph-test-clusters.ts';

function graphOf(text: string): ReachGraph {
  const graph = new LiveAnalysis(writeExercise()).fromText(text).graph;
  if (graph === undefined) throw new Error('no graph');
  return graph;
}

function edge(edges: readonly GraphEdge[], from: string, to: string): GraphEdge | undefined {
  return edges.find((item) => item.from === from && item.to === to);
}

describe('reachability graph', () => {
  it('draws allowed connections and classifies the checked ones', () => {
    const graph = graphOf('');
    expect(graph.level).toBe('pod');
    expect(graph.nodes.map((node) => node.key)).toEqual(['prod/batch', 'prod/db', 'prod/web', 'backup']);
    const edges = graph.byPort[0] ?? [];
    expect(edge(edges, 'prod/batch', 'prod/db')?.status).toBe('unexpected');
    expect(edge(edges, 'prod/web', 'prod/db')?.status).toBe('expected');
    expect(edge(edges, 'prod/db', 'prod/web')?.status).toBe('allowed');
    expect(edge(edges, 'prod/batch', 'prod/db')?.label).toBe(
      'prod/batch to prod/db on 5432/TCP: allowed, but a check expects deny',
    );
    expect(edge(edges, 'prod/batch', 'prod/db')?.sample).toEqual({
      from: 'prod/batch',
      to: 'prod/db',
      port: 5432,
      protocol: 'TCP',
    });
    expect(describeGraph(graph, edges, '5432/TCP')).toContain('1 allowed, but a check expects deny');
  });

  it('shows a missing connection when the policy blocks what a check wants', () => {
    const denyAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: prod }
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
    const missing = edge(graphOf(denyAll).byPort[0] ?? [], 'prod/web', 'prod/db');
    expect(missing).toMatchObject({
      status: 'missing',
      ports: ['5432/TCP'],
      allowedPairs: 0,
      differences: 1,
    });
    expect(edge(graphOf(DB_POLICY).byPort[0] ?? [], 'prod/batch', 'prod/db')).toBeUndefined();
  });

  it('never draws an edge between two addresses outside the cluster', () => {
    const cluster = testCluster({ namespaces: 1, apps: ['web'], replicas: 1, externals: 3 });
    const ports: PortProtocol[] = [{ port: 80, protocol: 'TCP' }];
    const matrix = testMatrix(cluster, '', ports);
    const graph = buildReachGraph({ mode: 'engine', ...matrix, checks: [] });
    const outside = new Set(graph.nodes.filter((node) => node.kind === 'outside').map((node) => node.key));
    expect(outside.size).toBe(3);
    const edges = graph.byPort[0] ?? [];
    expect(edges.some((item) => outside.has(item.from) && outside.has(item.to))).toBe(false);
    expect(edge(edges, 'ns-0/web-0', 'outside-1')?.status).toBe('allowed');
    expect(edge(edges, 'outside-1', 'ns-0/web-0')?.status).toBe('allowed');
  });

  it('counts pod pairs between grouped nodes and loops within a group', () => {
    const cluster = testCluster({ namespaces: 2, apps: ['web', 'api', 'db'], replicas: 5 });
    const ports: PortProtocol[] = [{ port: 5432, protocol: 'TCP' }];
    const matrix = testMatrix(cluster, dbFromApiOnly(2), ports);
    const graph = buildReachGraph({ mode: 'engine', ...matrix, checks: [] });
    expect(graph.level).toBe('alike');
    const key = (label: string, group: string): string =>
      graph.nodes.find((node) => node.label === label && node.group === group)?.key ?? '?';
    const edges = graph.byPort[0] ?? [];
    const apiToDb = edge(edges, key('app=api ×5', 'ns-0'), key('app=db ×5', 'ns-0'));
    expect(apiToDb).toMatchObject({ allowedPairs: 25, pairs: 25, status: 'allowed' });
    expect(apiToDb?.label).toContain('(25 of 25 pod pairs)');
    expect(edge(edges, key('app=web ×5', 'ns-0'), key('app=db ×5', 'ns-0'))).toBeUndefined();
    // Another namespace's api is not the policy's peer.
    expect(edge(edges, key('app=api ×5', 'ns-1'), key('app=db ×5', 'ns-0'))).toBeUndefined();
    const webLoop = edge(edges, key('app=web ×5', 'ns-0'), key('app=web ×5', 'ns-0'));
    expect(webLoop).toMatchObject({ allowedPairs: 20, pairs: 20 });
    expect(webLoop?.path.startsWith('M')).toBe(true);
    expect(webLoop?.path).toContain(' C ');
  });

  it('merges every port into one edge per pair with its worst status', () => {
    const exercise = writeExercise();
    const extra = {
      ...exercise,
      checks: [
        ...exercise.checks,
        {
          id: 'web-to-db-http',
          type: 'reach' as const,
          from: 'prod/web',
          to: 'prod/db',
          port: 80,
          protocol: 'TCP' as const,
          expect: 'deny' as const,
          informational: false,
          weight: 1,
        },
      ],
    };
    const graph = new LiveAnalysis(extra).fromText('').graph as ReachGraph;
    expect(graph.ports.map((port) => port.port)).toEqual([5432, 80]);
    expect(edge(graph.byPort[0] ?? [], 'prod/web', 'prod/db')?.status).toBe('expected');
    expect(edge(graph.byPort[1] ?? [], 'prod/web', 'prod/db')?.status).toBe('unexpected');
    const merged = edge(graph.anyPort, 'prod/web', 'prod/db');
    expect(merged).toMatchObject({ status: 'unexpected', ports: ['80/TCP', '5432/TCP'] });
    expect(merged?.sample.port).toBe(80);
    expect(merged?.label).toBe(
      'prod/web to prod/db on 80/TCP, 5432/TCP: 5432/TCP allowed, as a check expects; 80/TCP allowed, but a check expects deny',
    );
  });

  it('draws predictions, and marks them against the engine once graded', () => {
    const analysis = new LiveAnalysis(predictExercise());
    const before = analysis.fromPredictions({ predictions: [['db-to-web', 'allow']], truth: [] }).graph;
    const all = [...(before?.byPort.flat() ?? [])];
    expect(all.map((item) => `${item.from}>${item.to}:${item.status}`)).toEqual([
      'default/db>default/web:predicted',
    ]);
    const after = analysis.fromPredictions({
      predictions: [
        ['db-to-web', 'allow'],
        ['web-to-db', 'allow'],
      ],
      truth: [
        ['db-to-web', 'allow'],
        ['web-to-db', 'deny'],
      ],
    }).graph;
    const graded = [...(after?.byPort.flat() ?? [])];
    expect(graded.map((item) => `${item.from}>${item.to}:${item.status}`).sort()).toEqual([
      'default/db>default/web:expected',
      'default/web>default/db:unexpected',
    ]);
    expect(after?.mode).toBe('predictions');
  });
});
