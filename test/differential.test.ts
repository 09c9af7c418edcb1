/**
 * Differential test: the compiled engine (matrix and single evaluations) must agree with the plain
 * reference evaluator on every cell of random clusters with random valid policies.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileModel } from '../core/netpol/compile.ts';
import { evaluateConnection } from '../core/netpol/evaluate.ts';
import { computeMatrix, isAllowed } from '../core/netpol/matrix.ts';
import { referenceAllowed } from '../core/netpol/reference-evaluator.ts';
import { describeEndpoint } from '../core/netpol/explain.ts';
import type { Cluster, Endpoint, NetworkPolicy, PortProtocol, Protocol } from '../core/netpol/types.ts';
import { PROBE_PORTS, clusterArbitrary, policiesArbitrary } from './support/random-cluster.ts';

/** The first cell where an engine path disagrees with the reference, as readable text. */
function firstDisagreement(
  cluster: Cluster,
  policies: readonly NetworkPolicy[],
  ports: readonly PortProtocol[],
): string | undefined {
  const model = compileModel(cluster, policies);
  const matrix = computeMatrix(model, ports);
  const endpoints = matrix.endpoints;
  for (let portIndex = 0; portIndex < ports.length; portIndex++) {
    const { port, protocol } = ports[portIndex] as PortProtocol;
    for (let from = 0; from < endpoints.length; from++) {
      for (let to = 0; to < endpoints.length; to++) {
        const connection = {
          from: endpoints[from] as Endpoint,
          to: endpoints[to] as Endpoint,
          port,
          protocol,
        };
        const expected = referenceAllowed(cluster, policies, connection);
        const viaMatrix = isAllowed(matrix, portIndex, from, to);
        const viaEvaluate = evaluateConnection(model, connection).allowed;
        if (viaMatrix !== expected || viaEvaluate !== expected) {
          const route = `${describeEndpoint(connection.from)} -> ${describeEndpoint(connection.to)} ${port}/${protocol}`;
          return `${route}: reference ${expected}, matrix ${viaMatrix}, evaluate ${viaEvaluate}`;
        }
      }
    }
  }
  return undefined;
}

describe('compiled engine vs reference evaluator', () => {
  it('agrees on every cell of random clusters and policies', () => {
    fc.assert(
      fc.property(clusterArbitrary, policiesArbitrary, (cluster, policies) => {
        expect(firstDisagreement(cluster, policies, PROBE_PORTS)).toBeUndefined();
      }),
      { numRuns: 2500, seed: 20260101 },
    );
  });

  it('agrees with many policies on few pods (dense overlaps)', () => {
    const manyPolicies = fc
      .tuple(policiesArbitrary, policiesArbitrary, policiesArbitrary)
      .map((lists) => lists.flat().map((policy, index) => ({ ...policy, name: `p-${index}` })));
    fc.assert(
      fc.property(clusterArbitrary, manyPolicies, (cluster, policies) => {
        expect(firstDisagreement(cluster, policies, PROBE_PORTS.slice(0, 3))).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on single connections with addresses outside the cluster and any port', () => {
    const outsider = fc
      .oneof(fc.constantFrom('10.0.1.1', '10.0.3.200', '192.168.0.1', 'fd00::1', '2001:db8::5'))
      .map((ip): Endpoint => ({ kind: 'ip', ip }));
    fc.assert(
      fc.property(
        clusterArbitrary,
        policiesArbitrary,
        fc.nat(),
        fc.nat(),
        outsider,
        fc.boolean(),
        fc.integer({ min: 1, max: 65535 }),
        fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'),
        (cluster, policies, fromIndex, toIndex, address, outbound, port, protocol) => {
          const pods = cluster.pods.map((pod): Endpoint => ({ kind: 'pod', pod }));
          const podEnd = pods[fromIndex % pods.length] as Endpoint;
          const other = toIndex % 3 === 0 ? address : (pods[toIndex % pods.length] as Endpoint);
          const connection = outbound
            ? { from: podEnd, to: other, port, protocol }
            : { from: other, to: podEnd, port, protocol };
          const verdict = evaluateConnection(compileModel(cluster, policies), connection);
          expect(verdict.allowed).toBe(referenceAllowed(cluster, policies, connection));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('lists endpoints as sorted pods then externals, with the matrix shape', () => {
    fc.assert(
      fc.property(clusterArbitrary, (cluster) => {
        const matrix = computeMatrix(compileModel(cluster, []), PROBE_PORTS);
        const names = matrix.endpoints.map(describeEndpoint);
        const podNames = names.slice(0, cluster.pods.length);
        expect(podNames).toEqual(
          [...podNames].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)),
        );
        expect(matrix.endpoints.slice(cluster.pods.length).map((endpoint) => endpoint.kind)).toEqual(
          cluster.externals.map(() => 'ip'),
        );
        for (const cells of matrix.cells) {
          expect(cells.length).toBe(names.length * names.length);
          // No policies: everything is allowed.
          expect(cells.every((cell) => cell === 1)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
