/**
 * The reachability matrix the exercise screen shows: the endpoints the reach checks mention, on the
 * ports they use. "Expected" exists only where a check defines the cell (the reference solution is
 * not known before it is revealed); "yours" comes from the live engine, or from the learner's
 * predictions in a predict exercise.
 */
import {
  evaluateConnection,
  resolveEndpoint,
  type Cluster,
  type CompiledModel,
  type Endpoint,
  type PortProtocol,
} from '../../../core/netpol/index.ts';
import type { Expectation, ReachCheck } from '../../../core/exercise/types.ts';
import { portText } from './connection-text.ts';

/** One row/column of the matrix. */
export interface MatrixEndpoint {
  /** `namespace/pod`, or the external's name, or the IP. */
  readonly key: string;
  readonly endpoint: Endpoint;
}

export type CellVerdict = Expectation | 'self' | 'unknown';

export interface MatrixCell {
  readonly expected?: Expectation;
  readonly yours: CellVerdict;
  /** Expected is known and yours says otherwise. */
  readonly differs: boolean;
  /** What a screen reader hears, e.g. `a to b on 8080/TCP: expected deny, yours allow`. */
  readonly label: string;
}

export interface LiveMatrix {
  readonly endpoints: readonly MatrixEndpoint[];
  readonly ports: readonly PortProtocol[];
  /** `cells[port][from][to]`. */
  readonly cells: readonly (readonly (readonly MatrixCell[])[])[];
  readonly differences: number;
}

/** Where "yours" comes from. */
export type YoursSource =
  | { readonly kind: 'engine'; readonly model: CompiledModel }
  | { readonly kind: 'predictions'; readonly answer: (check: ReachCheck) => Expectation | undefined };

export interface LiveMatrixInput {
  readonly cluster: Cluster;
  readonly checks: readonly ReachCheck[];
  /** The expected verdict of a check, when known. */
  readonly expected: (check: ReachCheck) => Expectation | undefined;
  readonly yours: YoursSource;
}

/** The key an endpoint is listed under. */
export function endpointKey(endpoint: Endpoint): string {
  if (endpoint.kind === 'pod') return `${endpoint.pod.namespace}/${endpoint.pod.name}`;
  return endpoint.name ?? endpoint.ip;
}

function cellKey(from: string, to: string, port: PortProtocol): string {
  return `${from}\u0000${to}\u0000${portText(port.port, port.protocol)}`;
}

/** The ports the checks use, in order of first use. */
export function checkPorts(checks: readonly ReachCheck[]): PortProtocol[] {
  const seen = new Map<string, PortProtocol>();
  for (const check of checks) {
    const key = portText(check.port, check.protocol);
    if (!seen.has(key)) seen.set(key, { port: check.port, protocol: check.protocol });
  }
  return [...seen.values()];
}

function verdictWord(verdict: CellVerdict): string {
  if (verdict === 'self') return 'always allowed (same pod)';
  return verdict === 'unknown' ? 'not answered' : verdict;
}

/** Builds the matrix; endpoints are listed in order of first mention by a check. */
export function computeLiveMatrix(input: LiveMatrixInput): LiveMatrix {
  const endpoints = new Map<string, MatrixEndpoint>();
  const expectations = new Map<string, Expectation>();
  const answers = new Map<string, Expectation>();
  for (const check of input.checks) {
    const from = resolveEndpoint(input.cluster, check.from);
    const to = resolveEndpoint(input.cluster, check.to);
    if (!from.ok || !to.ok) continue;
    const fromKey = endpointKey(from.endpoint);
    const toKey = endpointKey(to.endpoint);
    if (!endpoints.has(fromKey)) endpoints.set(fromKey, { key: fromKey, endpoint: from.endpoint });
    if (!endpoints.has(toKey)) endpoints.set(toKey, { key: toKey, endpoint: to.endpoint });
    const key = cellKey(fromKey, toKey, check);
    const expected = input.expected(check);
    if (expected !== undefined) expectations.set(key, expected);
    if (input.yours.kind === 'predictions') {
      const answer = input.yours.answer(check);
      if (answer !== undefined) answers.set(key, answer);
    }
  }
  const listed = [...endpoints.values()];
  const ports = checkPorts(input.checks);
  let differences = 0;
  const cells = ports.map((port) =>
    listed.map((from) =>
      listed.map((to): MatrixCell => {
        const key = cellKey(from.key, to.key, port);
        const expected = expectations.get(key);
        let yours: CellVerdict;
        if (from.key === to.key && from.endpoint.kind === 'pod') yours = 'self';
        else if (input.yours.kind === 'engine') {
          const verdict = evaluateConnection(input.yours.model, {
            from: from.endpoint,
            to: to.endpoint,
            port: port.port,
            protocol: port.protocol,
          });
          yours = verdict.allowed ? 'allow' : 'deny';
        } else yours = answers.get(key) ?? 'unknown';
        const effective = yours === 'self' ? 'allow' : yours;
        const differs = expected !== undefined && effective !== 'unknown' && effective !== expected;
        if (differs) differences++;
        const label = `${from.key} to ${to.key} on ${portText(port.port, port.protocol)}: expected ${expected ?? 'not checked'}, yours ${verdictWord(yours)}`;
        return { ...(expected === undefined ? {} : { expected }), yours, differs, label };
      }),
    ),
  );
  return { endpoints: listed, ports, cells, differences };
}
