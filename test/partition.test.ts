/**
 * The partition is exact: every connection, anywhere in the space (any pod, any address, any port of
 * any protocol), gets from its cell the verdict the engine gives it directly, for every policy set.
 * And a diff is empty exactly when no connection tells the two sets apart.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel } from '../core/netpol/compile.ts';
import { evaluateConnection } from '../core/netpol/evaluate.ts';
import { referenceAllowed } from '../core/netpol/reference-evaluator.ts';
import { cellConnection, cellOf, partitionSpace, spaceCells } from '../core/netpol/space.ts';
import { decideSpace, diffPolicies } from '../core/netpol/diff.ts';
import type { Endpoint, Protocol } from '../core/netpol/types.ts';
import { clusterArbitrary, policiesArbitrary } from './support/random-cluster.ts';

const protocol = fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP');
const port = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.constantFrom(53, 79, 80, 81, 443, 8080, 8081, 9090),
);
const outsideIp = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
    .map(([a, b]) => `10.0.${a % 5}.${b}`),
  fc.constantFrom('192.168.0.1', '0.0.0.0', '255.255.255.255', '8.8.8.8'),
  fc.integer({ min: 0, max: 0x7ff }).map((value) => `fd00::${value.toString(16)}`),
  fc.constantFrom('::', 'ffff::1', '2001:db8::5'),
);

describe('the connection space partition', () => {
  it('gives every connection its own verdict, for every policy set', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        policiesArbitrary,
        policiesArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat(), outsideIp, fc.integer({ min: 0, max: 2 }), port, protocol), {
          minLength: 1,
          maxLength: 20,
        }),
        (cluster, left, right, probes) => {
          const space = partitionSpace(cluster, [left, right]);
          const models = [compileModel(cluster, left), compileModel(cluster, right)];
          for (const [a, b, ip, shape, portNumber, proto] of probes) {
            const pods = cluster.pods;
            if (pods.length === 0) continue;
            const podA: Endpoint = { kind: 'pod', pod: pods[a % pods.length]! };
            const podB: Endpoint = { kind: 'pod', pod: pods[b % pods.length]! };
            const outside: Endpoint = { kind: 'ip', ip };
            if (pods.some((pod) => pod.ips.includes(ip))) continue;
            const [from, to] = shape === 0 ? [podA, podB] : shape === 1 ? [podA, outside] : [outside, podB];
            const connection = { from, to, port: portNumber, protocol: proto };
            const cell = cellOf(space, connection);
            if (cell === undefined) {
              // Only a pod talking to itself, or to an address of a family it has no address in,
              // falls outside every decided cell.
              const self = from.kind === 'pod' && to.kind === 'pod' && from.pod === to.pod;
              const pod = from.kind === 'pod' ? from.pod : to.kind === 'pod' ? to.pod : undefined;
              const family = (text: string): string => (text.includes(':') ? 'ipv6' : 'ipv4');
              const foreign =
                shape !== 0 && pod !== undefined && !pod.ips.some((podIp) => family(podIp) === family(ip));
              expect(self || foreign).toBe(true);
              continue;
            }
            const stand = cellConnection(space, cell);
            expect(stand).toBeDefined();
            for (const [index, model] of models.entries()) {
              const direct = evaluateConnection(model, connection).allowed;
              expect(evaluateConnection(model, stand!).allowed).toBe(direct);
              if (from !== to)
                expect(referenceAllowed(cluster, index === 0 ? left : right, connection)).toBe(direct);
            }
          }
        },
      ),
      { numRuns: 400, seed: 20261202 },
    );
  });

  it('finds no difference between a set and itself, and one wherever single connections differ', () => {
    fc.assert(
      fc.property(clusterArbitrary, policiesArbitrary, policiesArbitrary, (cluster, left, right) => {
        expect(diffPolicies(cluster, left, left).same).toBe(true);
        const space = partitionSpace(cluster, [left, right]);
        const models = [compileModel(cluster, left), compileModel(cluster, right)];
        const differs = decideSpace(space, [left, right]).some((cell) => cell.allowed[0] !== cell.allowed[1]);
        const diff = diffPolicies(cluster, left, right);
        expect(diff.same).toBe(!differs);
        expect(diff.cellsDiffering > 0).toBe(differs);
        for (const line of diff.lines) {
          expect(evaluateConnection(models[0]!, line.example).allowed).toBe(line.left === 'allow');
          expect(evaluateConnection(models[1]!, line.example).allowed).toBe(line.right === 'allow');
        }
        // Every cell counts once: the lines merge exactly the differing cells.
        let count = 0;
        for (const cell of spaceCells(space)) {
          const connection = cellConnection(space, cell)!;
          if (
            evaluateConnection(models[0]!, connection).allowed !==
            evaluateConnection(models[1]!, connection).allowed
          )
            count++;
        }
        expect(diff.cellsDiffering).toBe(count);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
