import { describe, expect, it } from 'vitest';
import type { PortProtocol } from '../../../../core/netpol/index.ts';
import { planNodes, sharedLabels } from './graph-nodes.ts';
import { SLOT_LIMIT } from './graph-layout.ts';
import { dbFromApiOnly, testCluster, testMatrix } from './graph-test-clusters.ts';

const ports: PortProtocol[] = [{ port: 5432, protocol: 'TCP' }];
const apps = ['web', 'api', 'db'];

function plan(namespaces: number, replicas: number, externals = 0) {
  const cluster = testCluster({ namespaces, apps, replicas, externals });
  const matrix = testMatrix(cluster, dbFromApiOnly(namespaces), ports);
  return { matrix, plan: planNodes(matrix.endpoints, matrix.classOf, SLOT_LIMIT) };
}

describe('planNodes', () => {
  it('draws every pod and address of a small cluster, with a slot per namespace name', () => {
    const { plan: small } = plan(1, 1, 2);
    expect(small.level).toBe('pod');
    expect(small.groupSlots).toBe(true);
    expect(small.nodes.map((node) => node.key)).toEqual([
      'ns-0/api-0',
      'ns-0/db-0',
      'ns-0/web-0',
      'outside-0',
      'outside-1',
    ]);
    expect(small.nodes.map((node) => node.kind)).toEqual(['pod', 'pod', 'pod', 'outside', 'outside']);
    expect(small.nodes[0]).toMatchObject({ label: 'api-0', name: 'ns-0/api-0', group: 'ns-0' });
  });

  it('groups pods that no policy tells apart, within their namespace', () => {
    const { plan: alike, matrix } = plan(2, 5);
    expect(alike.level).toBe('alike');
    expect(alike.nodes.map((node) => node.label)).toEqual([
      'app=api ×5',
      'app=db ×5',
      'app=web ×5',
      'app=api ×5',
      'app=db ×5',
      'app=web ×5',
    ]);
    expect(alike.nodes.map((node) => node.group)).toEqual(['ns-0', 'ns-0', 'ns-0', 'ns-1', 'ns-1', 'ns-1']);
    expect(alike.nodes[0]?.title).toBe('5 pods in ns-0 that policies treat alike (app=api)');
    // Every endpoint belongs to exactly the node that lists it.
    matrix.endpoints.forEach((_, index) => {
      expect(alike.nodes[alike.nodeOf[index] as number]?.members).toContain(index);
    });
    expect(alike.nodes.reduce((sum, node) => sum + node.members.length, 0)).toBe(matrix.endpoints.length);
  });

  it('draws one node per namespace when the groups of alike pods do not fit', () => {
    const { plan: wide } = plan(20, 5, 2);
    expect(wide.level).toBe('namespace');
    expect(wide.groupSlots).toBe(false);
    expect(wide.nodes).toHaveLength(22);
    expect(wide.nodes[0]).toMatchObject({ key: 'ns:ns-0', label: 'ns-0', title: 'namespace ns-0: 15 pods' });
    expect(wide.nodes.slice(-2).map((node) => node.key)).toEqual(['outside-0', 'outside-1']);
  });

  it('merges the smallest namespaces when even one node each is too many', () => {
    const { plan: huge, matrix } = plan(40, 1);
    expect(huge.nodes).toHaveLength(SLOT_LIMIT);
    const merged = huge.nodes[huge.nodes.length - 1];
    expect(merged).toMatchObject({ label: '13 other ns', name: '13 other namespaces' });
    expect(huge.nodes.reduce((sum, node) => sum + node.members.length, 0)).toBe(matrix.endpoints.length);
  });

  it('draws many outside addresses as one node per kind of address', () => {
    const { plan: crowded } = plan(1, 1, 6);
    const outside = crowded.nodes.filter((node) => node.kind === 'outside');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ label: '6 addresses', members: [3, 4, 5, 6, 7, 8] });
  });
});

describe('sharedLabels', () => {
  it('keeps the labels every member carries with one value', () => {
    expect(
      sharedLabels([
        { app: 'web', tier: 'a' },
        { app: 'web', tier: 'b' },
      ]),
    ).toEqual(['app=web']);
    expect(sharedLabels([])).toEqual([]);
  });
});
