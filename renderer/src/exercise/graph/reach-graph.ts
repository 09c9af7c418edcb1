/**
 * The reachability graph's data: nodes (pods, or groups of pods beyond a few dozen, see
 * graph-nodes.ts) placed by graph-layout.ts, and for each port the checks use a directed edge
 * wherever a connection is allowed, classified against the checks so the picture shows what still
 * differs. Two addresses outside the cluster never get an edge: no policy decides their traffic.
 */
import type { Endpoint, PortProtocol, Protocol } from '../../../../core/netpol/index.ts';
import type { Expectation } from '../../../../core/exercise/index.ts';
import { portText } from '../connection-text.ts';
import {
  edgePath,
  fitLabel,
  GRAPH_HEIGHT,
  GRAPH_WIDTH,
  groupArc,
  layoutSlots,
  loopPath,
  NODE_RADIUS,
  SLOT_LIMIT,
  type Slot,
} from './graph-layout.ts';
import { OUTSIDE_GROUP, planNodes, type GraphLevel, type NodePlan, type NodeSpec } from './graph-nodes.ts';
import { endpointKey } from '../live/live-matrix.ts';

/**
 * - `expected`: allowed, and a check wants it allowed.
 * - `unexpected`: allowed where a check wants it denied.
 * - `missing`: a check wants it allowed, and it is not.
 * - `allowed`: allowed, no check says anything.
 * - `predicted`: the learner predicts it allowed, and the engine's answer is not known yet.
 */
export type EdgeStatus = 'expected' | 'unexpected' | 'missing' | 'allowed' | 'predicted';

/** Whose verdicts the edges show. */
export type GraphMode = 'engine' | 'predictions';

export interface GraphNode extends NodeSpec, Slot {
  readonly memberCount: number;
}

export interface GraphGroup {
  readonly name: string;
  /** The slot the group's name takes; absent when each namespace is one node. */
  readonly slot?: Slot;
  readonly label: string;
  /** SVG path of the band behind the group's slots. */
  readonly arc: string;
}

/** A connection to explain: endpoint keys as the probe form takes them. */
export interface ConnectionRef {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface GraphEdge {
  /** Unique within one view of the graph. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly status: EdgeStatus;
  /** The ports it stands for (one, unless the view merges every port). */
  readonly ports: readonly string[];
  readonly path: string;
  /** Pairs of endpoints it stands for that are allowed, and all pairs (1 and 1 between two pods). */
  readonly allowedPairs: number;
  readonly pairs: number;
  /** Checks on this edge whose verdict differs from what they expect. */
  readonly differences: number;
  /** The connection its "why" explains: a differing check, else a checked one, else an allowed one. */
  readonly sample: ConnectionRef;
  /** What a screen reader hears. */
  readonly label: string;
}

export interface ReachGraph {
  readonly width: number;
  readonly height: number;
  readonly nodeRadius: number;
  readonly level: GraphLevel;
  readonly mode: GraphMode;
  readonly nodes: readonly GraphNode[];
  readonly groups: readonly GraphGroup[];
  readonly ports: readonly PortProtocol[];
  /** Edges per port, in the order of `ports`. */
  readonly byPort: readonly (readonly GraphEdge[])[];
  /** Edges over every port at once: a pair's worst status. */
  readonly anyPort: readonly GraphEdge[];
}

/** A check placed on the endpoints (matrix order) it connects. */
export interface GraphCheck {
  readonly portIndex: number;
  readonly from: number;
  readonly to: number;
  readonly expected?: Expectation;
  /** The learner's verdict for it: the engine's, or their prediction (absent: not answered). */
  readonly yours?: Expectation;
}

export interface GraphInput {
  readonly mode: GraphMode;
  /** Every pod (sorted by namespace, then name) and external, as the engine's matrix lists them. */
  readonly endpoints: readonly Endpoint[];
  readonly classOf: Int32Array;
  readonly ports: readonly PortProtocol[];
  /** Engine mode: the matrix cells per port (`cells[p][from * n + to]`). */
  readonly cells?: readonly Uint8Array[];
  readonly checks: readonly GraphCheck[];
}

const STATUS_ORDER: readonly EdgeStatus[] = ['unexpected', 'missing', 'expected', 'predicted', 'allowed'];

/** Legend and sentence wording per status; predictions read differently from the engine. */
export function statusWords(status: EdgeStatus, mode: GraphMode): string {
  if (mode === 'predictions') {
    return {
      expected: 'you predict allow, and it is allowed',
      unexpected: 'you predict allow, but it is denied',
      missing: 'you predict deny, but it is allowed',
      allowed: 'you predict allow',
      predicted: 'you predict allow',
    }[status];
  }
  return {
    expected: 'allowed, as a check expects',
    unexpected: 'allowed, but a check expects deny',
    missing: 'denied, but a check expects allow',
    allowed: 'allowed, not checked',
    predicted: 'allowed',
  }[status];
}

/** Whether an edge shows a difference from what the checks expect. */
export function isDifference(status: EdgeStatus): boolean {
  return status === 'unexpected' || status === 'missing';
}

interface Tally {
  readonly fromNode: number;
  readonly toNode: number;
  allowed: number;
  pairs: number;
  unexpected: number;
  missing: number;
  agreeingAllow: number;
  sample?: { from: number; to: number; rank: number };
}

/**
 * Endpoints of one node that share an equivalence class. Every connection from one part to another
 * has the same verdict (a pod to itself aside), so node pairs are counted part by part rather than
 * endpoint by endpoint: a few hundred pairs of parts instead of millions of cells.
 */
interface Part {
  readonly node: number;
  readonly members: number[];
  readonly outside: boolean;
}

function partsOf(input: GraphInput, nodeOf: Int32Array): Part[] {
  const parts = new Map<string, Part>();
  input.endpoints.forEach((endpoint, index) => {
    const key = `${nodeOf[index]}:${input.classOf[index]}`;
    let part = parts.get(key);
    if (part === undefined) {
      part = { node: nodeOf[index] as number, members: [], outside: endpoint.kind === 'ip' };
      parts.set(key, part);
    }
    part.members.push(index);
  });
  return [...parts.values()];
}

/** What every node pair's endpoint pairs and checks say on one port, indexed by `from * count + to`. */
function tallyPort(
  input: GraphInput,
  portIndex: number,
  parts: readonly Part[],
  nodeOf: Int32Array,
  count: number,
): Tally[] {
  const tallies: Tally[] = [];
  for (let fromNode = 0; fromNode < count; fromNode++) {
    for (let toNode = 0; toNode < count; toNode++) {
      tallies.push({ fromNode, toNode, allowed: 0, pairs: 0, unexpected: 0, missing: 0, agreeingAllow: 0 });
    }
  }
  const offer = (tally: Tally, from: number, to: number, rank: number): void => {
    if (tally.sample === undefined || rank < tally.sample.rank) tally.sample = { from, to, rank };
  };
  const size = input.endpoints.length;
  const cells = input.cells?.[portIndex];
  if (input.mode === 'engine' && cells !== undefined) {
    for (const source of parts) {
      for (const target of parts) {
        // Two addresses outside the cluster: no policy decides their traffic, so no edge.
        if (source.outside && target.outside) continue;
        const from = source.members[0] as number;
        const to = (source === target ? source.members[1] : target.members[0]) as number | undefined;
        if (to === undefined) continue;
        const pairs =
          source.members.length * target.members.length - (source === target ? source.members.length : 0);
        const tally = tallies[source.node * count + target.node] as Tally;
        tally.pairs += pairs;
        if (cells[from * size + to] !== 1) continue;
        if (tally.allowed === 0) offer(tally, from, to, 2);
        tally.allowed += pairs;
      }
    }
  }
  for (const check of input.checks) {
    if (check.portIndex !== portIndex || check.from === check.to) continue;
    const tally = tallies[(nodeOf[check.from] as number) * count + (nodeOf[check.to] as number)] as Tally;
    if (input.mode === 'predictions' && check.yours === 'allow') tally.allowed++;
    if (check.yours === undefined) continue;
    const differs = check.expected !== undefined && check.expected !== check.yours;
    if (differs && check.yours === 'allow') tally.unexpected++;
    else if (differs) tally.missing++;
    else if (check.expected === 'allow') tally.agreeingAllow++;
    offer(tally, check.from, check.to, differs ? 0 : 1);
  }
  return tallies;
}

function statusOf(tally: Tally, mode: GraphMode): EdgeStatus | undefined {
  if (tally.unexpected > 0) return 'unexpected';
  if (tally.missing > 0) return 'missing';
  if (tally.allowed === 0) return undefined;
  if (tally.agreeingAllow > 0) return 'expected';
  return mode === 'predictions' ? 'predicted' : 'allowed';
}

function pairsNote(allowed: number, pairs: number): string {
  return pairs > 1 ? ` (${allowed} of ${pairs} pod pairs)` : '';
}

/** Nodes on their slots, each group's name slot first when groups have one. */
function place(plan: NodePlan): { nodes: GraphNode[]; groups: GraphGroup[] } {
  const specs = plan.nodes;
  const slotCount = specs.length + (plan.groupSlots ? new Set(specs.map((node) => node.group)).size : 0);
  const slots = layoutSlots(slotCount);
  const nodes: GraphNode[] = [];
  const groups: GraphGroup[] = [];
  let slot = 0;
  let index = 0;
  while (index < specs.length) {
    const group = (specs[index] as NodeSpec).group;
    const groupSlot = plan.groupSlots ? slots[slot++] : undefined;
    const first = nodes.length;
    while (index < specs.length && (specs[index] as NodeSpec).group === group) {
      const spec = specs[index] as NodeSpec;
      const at = slots[slot++] as Slot;
      nodes.push({ ...spec, ...at, label: fitLabel(spec.label), memberCount: spec.members.length });
      index++;
    }
    const start = groupSlot ?? (nodes[first] as GraphNode);
    groups.push({
      name: group,
      ...(groupSlot === undefined ? {} : { slot: groupSlot }),
      label: fitLabel(group === OUTSIDE_GROUP ? 'outside' : `ns ${group}`),
      arc: groupArc(start, nodes[nodes.length - 1] as GraphNode),
    });
  }
  return { nodes, groups };
}

interface EdgeParts {
  readonly nodes: readonly GraphNode[];
  readonly input: GraphInput;
  readonly tally: Tally;
  readonly status: EdgeStatus;
  /** The ports the edge stands for, leading with the one its sample uses. */
  readonly portIndices: readonly number[];
  readonly view: string;
  readonly detail: string;
}

function makeEdge(parts: EdgeParts): GraphEdge {
  const { nodes, input, tally } = parts;
  const from = nodes[tally.fromNode] as GraphNode;
  const to = nodes[tally.toNode] as GraphNode;
  const portTexts = parts.portIndices.map((portIndex) => {
    const port = input.ports[portIndex] as PortProtocol;
    return portText(port.port, port.protocol);
  });
  const samplePort = input.ports[parts.portIndices[0] ?? 0] as PortProtocol;
  const sample = tally.sample ?? { from: from.members[0] ?? 0, to: to.members[0] ?? 0 };
  return {
    id: `${from.key}>${to.key}@${parts.view}`,
    from: from.key,
    to: to.key,
    status: parts.status,
    ports: portTexts,
    path:
      tally.fromNode === tally.toNode ? loopPath(from) : edgePath(from, to, tally.fromNode < tally.toNode),
    allowedPairs: tally.allowed,
    pairs: tally.pairs,
    differences: tally.unexpected + tally.missing,
    sample: {
      from: endpointKey(input.endpoints[sample.from] as Endpoint),
      to: endpointKey(input.endpoints[sample.to] as Endpoint),
      port: samplePort.port,
      protocol: samplePort.protocol,
    },
    label: `${from.name} to ${to.name} on ${portTexts.join(', ')}: ${parts.detail}`,
  };
}

/** Builds the graph for every port and for all ports merged. */
export function buildReachGraph(input: GraphInput): ReachGraph {
  const plan = planNodes(input.endpoints, input.classOf, SLOT_LIMIT);
  const { nodes, groups } = place(plan);
  const count = nodes.length;
  const parts = partsOf(input, plan.nodeOf);
  const perPort = input.ports.map((_, portIndex) => tallyPort(input, portIndex, parts, plan.nodeOf, count));
  const statuses = new Map<number, { portIndex: number; status: EdgeStatus; tally: Tally }[]>();
  const byPort = perPort.map((tallies, portIndex) => {
    const port = input.ports[portIndex] as PortProtocol;
    const edges: GraphEdge[] = [];
    for (const [key, tally] of tallies.entries()) {
      const status = statusOf(tally, input.mode);
      if (status === undefined) continue;
      statuses.set(key, [...(statuses.get(key) ?? []), { portIndex, status, tally }]);
      const detail = `${statusWords(status, input.mode)}${pairsNote(tally.allowed, tally.pairs)}`;
      const view = portText(port.port, port.protocol);
      edges.push(makeEdge({ nodes, input, tally, status, portIndices: [portIndex], view, detail }));
    }
    return edges;
  });
  const anyPort = [...statuses.keys()]
    .sort((left, right) => left - right)
    .map((key) => {
      const entries = statuses.get(key) ?? [];
      const rank = (status: EdgeStatus): number => STATUS_ORDER.indexOf(status);
      const ordered = [...entries].sort((left, right) => rank(left.status) - rank(right.status));
      const leading = ordered[0] as (typeof ordered)[number];
      const detail = entries
        .map((entry) => {
          const port = input.ports[entry.portIndex] as PortProtocol;
          return `${portText(port.port, port.protocol)} ${statusWords(entry.status, input.mode)}`;
        })
        .join('; ');
      return makeEdge({
        nodes,
        input,
        tally: leading.tally,
        status: leading.status,
        portIndices: ordered.map((entry) => entry.portIndex),
        view: 'any',
        detail,
      });
    });
  return {
    width: GRAPH_WIDTH,
    height: GRAPH_HEIGHT,
    nodeRadius: NODE_RADIUS,
    level: plan.level,
    mode: input.mode,
    nodes,
    groups,
    ports: input.ports,
    byPort,
    anyPort,
  };
}

/** A short text summary of one view of the graph, for screen readers. */
export function describeGraph(graph: ReachGraph, edges: readonly GraphEdge[], view: string): string {
  const grouping =
    graph.level === 'pod'
      ? 'one per pod'
      : graph.level === 'alike'
        ? 'pods that policies treat alike share one'
        : 'one per namespace';
  const head = `${graph.nodes.length} nodes (${grouping}) in ${graph.groups.length} groups.`;
  if (edges.length === 0) return `${head} No connection is drawn on ${view}.`;
  const counts = STATUS_ORDER.map((status) => ({
    status,
    count: edges.filter((edge) => edge.status === status).length,
  }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${statusWords(entry.status, graph.mode)}`);
  const noun = edges.length === 1 ? 'connection' : 'connections';
  return `${head} ${edges.length} ${noun} drawn on ${view}: ${counts.join('; ')}.`;
}
