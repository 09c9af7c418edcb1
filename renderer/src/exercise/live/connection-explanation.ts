/**
 * One connection explained for the "why" panel: the engine's own explanation
 * (core/netpol/explain.ts) laid out by side — the headline, then egress at the source and ingress at
 * the destination, each with the rule that allowed it or why every candidate rule missed — plus the
 * checks that look at the same connection. Built in the live worker, shown on the main thread.
 */
import {
  describeEndpoint,
  evaluateConnection,
  explainVerdict,
  PROTOCOLS,
  resolveEndpoint,
  type Cluster,
  type CompiledModel,
  type Direction,
  type Protocol,
  type SideVerdict,
} from '../../../../core/netpol/index.ts';
import type { Expectation } from '../../../../core/exercise/index.ts';
import type { ResolvedCheck } from './live-matrix.ts';
import { endpointKey } from './live-matrix.ts';

/** A connection typed by the learner (or filled in from a cell or an edge). */
export interface ProbeRequest {
  readonly from: string;
  readonly to: string;
  readonly port: string;
  readonly protocol: string;
}

export interface ProbeProblem {
  readonly field: 'from' | 'to' | 'port' | 'protocol';
  readonly message: string;
}

export interface SideExplanation {
  readonly direction: Direction;
  readonly allowed: boolean;
  readonly reason: SideVerdict['reason'];
  /** The side's verdict in one line, e.g. `Ingress to prod/db: allowed by prod/db ingress rule 0`. */
  readonly statement: string;
  /** The lines under it: which policies isolate the pod, each rule's outcome. */
  readonly details: readonly string[];
}

/** A check that looks at the explained connection. */
export interface CheckOnConnection {
  readonly id: string;
  readonly expect: Expectation;
  readonly informational: boolean;
  /** Predict exercises: what the learner predicted for it. */
  readonly prediction?: Expectation;
}

export interface ConnectionExplanation {
  /** Endpoint keys as the probe form takes them, and as people read them. */
  readonly fromKey: string;
  readonly toKey: string;
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly allowed: boolean;
  readonly selfConnection: boolean;
  /** The engine's first line, e.g. `DENIED: prod/web -> prod/db on 5432/TCP`. */
  readonly headline: string;
  /** Why in a sentence, when the engine gives one (self connections, which side blocks). */
  readonly summary: readonly string[];
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  /** How a typed end was read, e.g. `10.0.0.5 is the IP of pod prod/db`. */
  readonly notes: readonly string[];
  readonly checks: readonly CheckOnConnection[];
  /** Every line as the engine wrote it (for copying, and for the CLI's wording). */
  readonly lines: readonly string[];
}

export type ProbeResult =
  | { readonly ok: true; readonly explanation: ConnectionExplanation }
  | { readonly ok: false; readonly problems: readonly ProbeProblem[] };

/**
 * Splits the engine's lines into blocks: a line that starts in the first column opens a block, and
 * the indented lines after it belong to it. The engine writes the headline, an optional summary,
 * then the egress side and the ingress side, so the last two blocks are the two sides.
 */
export function explanationBlocks(lines: readonly string[]): { head: string; children: string[] }[] {
  const blocks: { head: string; children: string[] }[] = [];
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    if (/^\s/.test(line) && last !== undefined) last.children.push(line.trim().replace(/^- /, ''));
    else blocks.push({ head: line, children: [] });
  }
  return blocks;
}

function side(
  verdict: SideVerdict,
  block: { head: string; children: string[] } | undefined,
): SideExplanation {
  return {
    direction: verdict.direction,
    allowed: verdict.allowed,
    reason: verdict.reason,
    statement: block?.head ?? '',
    details: block?.children ?? [],
  };
}

function readPort(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** Resolves and explains one connection against `model`; problems name the field to fix. */
export function explainProbe(
  cluster: Cluster,
  model: CompiledModel,
  checks: readonly ResolvedCheck[],
  request: ProbeRequest,
  predictions?: ReadonlyMap<string, Expectation>,
): ProbeResult {
  const problems: ProbeProblem[] = [];
  const from = resolveEndpoint(cluster, request.from);
  const to = resolveEndpoint(cluster, request.to);
  if (!from.ok) problems.push({ field: 'from', message: from.error });
  if (!to.ok) problems.push({ field: 'to', message: to.error });
  const port = readPort(request.port);
  if (port === undefined)
    problems.push({ field: 'port', message: 'a port is a whole number from 1 to 65535' });
  const protocol = PROTOCOLS.find((candidate) => candidate === request.protocol.trim().toUpperCase());
  if (protocol === undefined)
    problems.push({ field: 'protocol', message: 'the protocol is TCP, UDP or SCTP' });
  if (!from.ok || !to.ok || port === undefined || protocol === undefined) return { ok: false, problems };

  const connection = { from: from.endpoint, to: to.endpoint, port, protocol };
  const verdict = evaluateConnection(model, connection);
  const lines = explainVerdict(verdict, connection);
  const blocks = explanationBlocks(lines);
  const fromKey = endpointKey(from.endpoint);
  const toKey = endpointKey(to.endpoint);
  const onConnection = checks
    .filter(
      (entry) =>
        entry.fromKey === fromKey &&
        entry.toKey === toKey &&
        entry.check.port === port &&
        entry.check.protocol === protocol,
    )
    .map(({ check }): CheckOnConnection => {
      const prediction = predictions?.get(check.id);
      return {
        id: check.id,
        expect: check.expect,
        informational: check.informational,
        ...(prediction === undefined ? {} : { prediction }),
      };
    });
  return {
    ok: true,
    explanation: {
      fromKey,
      toKey,
      from: describeEndpoint(from.endpoint),
      to: describeEndpoint(to.endpoint),
      port,
      protocol,
      allowed: verdict.allowed,
      selfConnection: verdict.selfConnection,
      headline: lines[0] ?? '',
      summary: blocks.slice(1, -2).map((block) => block.head),
      egress: side(verdict.egress, blocks[blocks.length - 2]),
      ingress: side(verdict.ingress, blocks[blocks.length - 1]),
      notes: [from, to].flatMap((resolution) => (resolution.ok && resolution.note ? [resolution.note] : [])),
      checks: onConnection,
      lines,
    },
  };
}
