/**
 * The reachability matrix the exercise screen shows: the endpoints the reach checks mention, on the
 * ports they use. "Expected" exists only where a check defines the cell (the reference solution is
 * not known before it is revealed); "yours" comes from the live engine, or from the learner's
 * predictions in a predict exercise. Cells are kept as compact codes so a large matrix crosses from
 * the worker cheaply; {@link matrixCell} spells one out for the cells on screen.
 */
import {
  evaluateConnection,
  isAllowed,
  resolveEndpoint,
  type Cluster,
  type CompiledModel,
  type Endpoint,
  type Matrix,
  type PortProtocol,
} from '../../../../core/netpol/index.ts';
import type { Expectation, ReachCheck } from '../../../../core/exercise/index.ts';
import { portText } from '../connection-text.ts';

/** One row/column of the matrix. */
export interface MatrixEndpoint {
  /** `namespace/pod`, or the external's name, or the IP. */
  readonly key: string;
  readonly kind: 'pod' | 'ip';
}

/** `outside`: both ends are addresses outside the cluster, where no policy applies. */
export type CellVerdict = Expectation | 'self' | 'unknown' | 'outside';

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
  /** Per port, `codes[from * n + to]`: see `VERDICT_CODES`. */
  readonly yours: readonly Uint8Array[];
  /** Per port, `codes[from * n + to]`: 0 not checked, 1 allow, 2 deny. */
  readonly expected: readonly Uint8Array[];
  readonly differencesByPort: readonly number[];
  readonly differences: number;
}

const VERDICT_CODES: readonly CellVerdict[] = ['deny', 'allow', 'self', 'unknown', 'outside'];
const EXPECTATION_CODES: readonly (Expectation | undefined)[] = [undefined, 'allow', 'deny'];

/** Where "yours" comes from. */
export type YoursSource =
  | {
      readonly kind: 'engine';
      readonly model: CompiledModel;
      /** The full matrix of the model on the check ports, when already computed (faster lookups). */
      readonly matrix?: Matrix;
    }
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

/** The ports the checks use, in order of first use. */
export function checkPorts(checks: readonly ReachCheck[]): PortProtocol[] {
  const seen = new Map<string, PortProtocol>();
  for (const check of checks) {
    const key = portText(check.port, check.protocol);
    if (!seen.has(key)) seen.set(key, { port: check.port, protocol: check.protocol });
  }
  return [...seen.values()];
}

/** A reach check with both ends resolved in the cluster. */
export interface ResolvedCheck {
  readonly check: ReachCheck;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly fromKey: string;
  readonly toKey: string;
  /** Index into `checkPorts(checks)`. */
  readonly portIndex: number;
}

/** The checks whose ends exist, resolved once (checks naming nothing are left to the grader). */
export function resolveChecks(cluster: Cluster, checks: readonly ReachCheck[]): ResolvedCheck[] {
  const portIndex = new Map(
    checkPorts(checks).map((port, index) => [portText(port.port, port.protocol), index]),
  );
  const resolved: ResolvedCheck[] = [];
  for (const check of checks) {
    const from = resolveEndpoint(cluster, check.from);
    const to = resolveEndpoint(cluster, check.to);
    if (!from.ok || !to.ok) continue;
    resolved.push({
      check,
      from: from.endpoint,
      to: to.endpoint,
      fromKey: endpointKey(from.endpoint),
      toKey: endpointKey(to.endpoint),
      portIndex: portIndex.get(portText(check.port, check.protocol)) ?? 0,
    });
  }
  return resolved;
}

function verdictWord(verdict: CellVerdict): string {
  if (verdict === 'self') return 'always allowed (same pod)';
  if (verdict === 'outside') return 'not decided by policies (both ends outside the cluster)';
  return verdict === 'unknown' ? 'not answered' : verdict;
}

/** One cell spelled out: verdicts, whether it differs, and its accessible label. */
export function matrixCell(matrix: LiveMatrix, portIndex: number, from: number, to: number): MatrixCell {
  const size = matrix.endpoints.length;
  const yours = VERDICT_CODES[matrix.yours[portIndex]?.[from * size + to] ?? 3] ?? 'unknown';
  const expected = EXPECTATION_CODES[matrix.expected[portIndex]?.[from * size + to] ?? 0];
  const effective = yours === 'self' || yours === 'outside' ? 'allow' : yours;
  const differs = expected !== undefined && effective !== 'unknown' && effective !== expected;
  const port = matrix.ports[portIndex];
  const fromKey = matrix.endpoints[from]?.key ?? '?';
  const toKey = matrix.endpoints[to]?.key ?? '?';
  const where = port === undefined ? '' : ` on ${portText(port.port, port.protocol)}`;
  const label = `${fromKey} to ${toKey}${where}: expected ${expected ?? 'not checked'}, yours ${verdictWord(yours)}`;
  return { ...(expected === undefined ? {} : { expected }), yours, differs, label };
}

/** Builds the matrix; endpoints are listed in order of first mention by a check. */
export function computeLiveMatrix(input: LiveMatrixInput): LiveMatrix {
  const resolved = resolveChecks(input.cluster, input.checks);
  const endpoints = new Map<string, { index: number; endpoint: Endpoint }>();
  for (const { from, to, fromKey, toKey } of resolved) {
    if (!endpoints.has(fromKey)) endpoints.set(fromKey, { index: endpoints.size, endpoint: from });
    if (!endpoints.has(toKey)) endpoints.set(toKey, { index: endpoints.size, endpoint: to });
  }
  const listed = [...endpoints.values()].map((entry) => entry.endpoint);
  const size = listed.length;
  const ports = checkPorts(input.checks);
  const yours = ports.map(() => new Uint8Array(size * size));
  const expected = ports.map(() => new Uint8Array(size * size));
  const answers = ports.map(() => new Uint8Array(size * size).fill(3));

  for (const entry of resolved) {
    const cell = (endpoints.get(entry.fromKey)?.index ?? 0) * size + (endpoints.get(entry.toKey)?.index ?? 0);
    const expectation = input.expected(entry.check);
    if (expectation !== undefined)
      (expected[entry.portIndex] as Uint8Array)[cell] = expectation === 'allow' ? 1 : 2;
    if (input.yours.kind === 'predictions') {
      const answer = input.yours.answer(entry.check);
      if (answer !== undefined) (answers[entry.portIndex] as Uint8Array)[cell] = answer === 'allow' ? 1 : 0;
    }
  }

  const source = input.yours;
  const fullIndex =
    source.kind === 'engine' && source.matrix !== undefined
      ? new Map(source.matrix.endpoints.map((endpoint, index) => [endpointKey(endpoint), index]))
      : undefined;
  const fullOf = listed.map((endpoint) => fullIndex?.get(endpointKey(endpoint)));
  ports.forEach((port, portIndex) => {
    const codes = yours[portIndex] as Uint8Array;
    const checked = expected[portIndex] as Uint8Array;
    for (let from = 0; from < size; from++) {
      const fromEndpoint = listed[from] as Endpoint;
      for (let to = 0; to < size; to++) {
        const cell = from * size + to;
        const toEndpoint = listed[to] as Endpoint;
        if (from === to && fromEndpoint.kind === 'pod') codes[cell] = 2;
        else if (fromEndpoint.kind === 'ip' && toEndpoint.kind === 'ip' && checked[cell] === 0)
          codes[cell] = 4;
        else if (source.kind === 'predictions')
          codes[cell] = (answers[portIndex] as Uint8Array)[cell] as number;
        else {
          const fullFrom = fullOf[from];
          const fullTo = fullOf[to];
          const allowed =
            source.matrix !== undefined && fullFrom !== undefined && fullTo !== undefined
              ? isAllowed(source.matrix, portIndex, fullFrom, fullTo)
              : evaluateConnection(source.model, {
                  from: fromEndpoint,
                  to: toEndpoint,
                  port: port.port,
                  protocol: port.protocol,
                }).allowed;
          codes[cell] = allowed ? 1 : 0;
        }
      }
    }
  });

  const matrix: LiveMatrix = {
    endpoints: listed.map((endpoint) => ({ key: endpointKey(endpoint), kind: endpoint.kind })),
    ports,
    yours,
    expected,
    differencesByPort: [],
    differences: 0,
  };
  const differencesByPort = ports.map((_, portIndex) => {
    let count = 0;
    const checked = expected[portIndex] as Uint8Array;
    for (let cell = 0; cell < checked.length; cell++) {
      if (checked[cell] !== 0 && matrixCell(matrix, portIndex, Math.floor(cell / size), cell % size).differs)
        count++;
    }
    return count;
  });
  const differences = differencesByPort.reduce((sum, count) => sum + count, 0);
  return { ...matrix, differencesByPort, differences };
}
