/**
 * The reachability graph's data and geometry: every pod and external on a circle, grouped by
 * namespace, with a directed edge wherever a connection is allowed on at least one port the checks
 * use. Edges the checks care about are classified so the picture shows what still differs.
 */
import {
  computeMatrix,
  isAllowed,
  resolveEndpoint,
  type Cluster,
  type CompiledModel,
  type PortProtocol,
} from '../../../core/netpol/index.ts';
import type { Expectation, ReachCheck } from '../../../core/exercise/types.ts';
import { portText } from './connection-text.ts';
import { endpointKey } from './live-matrix.ts';

/**
 * - `expected`: allowed, and a check wants it allowed.
 * - `unexpected`: allowed on a port a check wants denied.
 * - `missing`: a check wants it allowed, and it is not.
 * - `allowed`: allowed, no check says anything.
 * - `predicted`: the learner predicts it allowed (predict exercises).
 */
export type EdgeStatus = 'expected' | 'unexpected' | 'missing' | 'allowed' | 'predicted';

export interface GraphNode {
  readonly key: string;
  readonly label: string;
  readonly group: string;
  readonly x: number;
  readonly y: number;
  /** Where the label sits: `start` on the right half, `end` on the left. */
  readonly anchor: 'start' | 'end' | 'middle';
  readonly labelX: number;
  readonly labelY: number;
}

export interface GraphGroup {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end' | 'middle';
  /** SVG path of the arc the group's nodes sit on. */
  readonly arc: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly status: EdgeStatus;
  /** The ports it is allowed on (or, for `missing`, expected on). */
  readonly ports: readonly string[];
  readonly path: string;
}

export interface ReachGraph {
  readonly width: number;
  readonly height: number;
  readonly nodeRadius: number;
  readonly nodes: readonly GraphNode[];
  readonly groups: readonly GraphGroup[];
  readonly edges: readonly GraphEdge[];
}

export const GRAPH_WIDTH = 460;
export const GRAPH_HEIGHT = 300;
const NODE_RADIUS = 11;
/** The gap between namespace groups, in node slots. */
const GROUP_GAP = 0.6;

interface NodeInput {
  readonly key: string;
  readonly label: string;
  readonly group: string;
}

/** The cluster's pods (by namespace, then name) and externals, as graph nodes before layout. */
export function graphNodes(cluster: Cluster): NodeInput[] {
  const pods = [...cluster.pods].sort(
    (left, right) => compare(left.namespace, right.namespace) || compare(left.name, right.name),
  );
  return [
    ...pods.map((pod) => ({ key: `${pod.namespace}/${pod.name}`, label: pod.name, group: pod.namespace })),
    ...cluster.externals.map((external) => ({ key: external.name, label: external.name, group: 'outside' })),
  ];
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Places nodes on an ellipse, contiguous per group with a gap between groups. */
export function layoutNodes(inputs: readonly NodeInput[]): { nodes: GraphNode[]; groups: GraphGroup[] } {
  const centerX = GRAPH_WIDTH / 2;
  const centerY = GRAPH_HEIGHT / 2;
  // Room for labels beside the nodes (left and right) and above/below them.
  const radiusX = GRAPH_WIDTH / 2 - 96;
  const radiusY = GRAPH_HEIGHT / 2 - 34;
  const at = (angle: number, grow = 0): { x: number; y: number } => ({
    x: centerX + (radiusX + grow) * Math.cos(angle),
    y: centerY + (radiusY + grow) * Math.sin(angle),
  });
  const groupNames = [...new Set(inputs.map((input) => input.group))];
  const gaps = groupNames.length > 1 ? groupNames.length * GROUP_GAP : 0;
  const slots = Math.max(inputs.length + gaps, 1);
  const step = (2 * Math.PI) / slots;
  const nodes: GraphNode[] = [];
  const groups: GraphGroup[] = [];
  let slot = 0;
  for (const name of groupNames) {
    const members = inputs.filter((input) => input.group === name);
    const firstAngle = -Math.PI / 2 + slot * step;
    for (const member of members) {
      const angle = -Math.PI / 2 + slot * step;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const anchor = Math.abs(cos) < 0.25 ? 'middle' : cos > 0 ? 'start' : 'end';
      const point = at(angle);
      const label = at(angle, NODE_RADIUS + 6);
      nodes.push({
        ...member,
        x: round(point.x),
        y: round(point.y),
        anchor,
        labelX: round(label.x),
        labelY: round(label.y + (anchor === 'middle' ? (sin > 0 ? 12 : -2) : 4)),
      });
      slot++;
    }
    const lastAngle = -Math.PI / 2 + (slot - 1) * step;
    const middle = (firstAngle + lastAngle) / 2;
    // The group's name sits inside the ellipse, running towards the centre so it never meets the
    // node labels outside.
    const cos = Math.cos(middle);
    const inner = at(middle, -(NODE_RADIUS + 10));
    const start = at(firstAngle - step / 3);
    const end = at(lastAngle + step / 3);
    const large = lastAngle - firstAngle + (2 * step) / 3 > Math.PI ? 1 : 0;
    groups.push({
      name,
      x: round(inner.x),
      y: round(inner.y + 4),
      anchor: Math.abs(cos) < 0.25 ? 'middle' : cos > 0 ? 'end' : 'start',
      arc: `M ${round(start.x)} ${round(start.y)} A ${radiusX} ${radiusY} 0 ${large} 1 ${round(end.x)} ${round(end.y)}`,
    });
    if (groupNames.length > 1) slot += GROUP_GAP;
  }
  return { nodes, groups };
}

/** A curved path between two nodes, shortened so the arrow ends at the node's edge. */
export function edgePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const unitX = dx / length;
  const unitY = dy / length;
  // Bend to the right of the direction of travel, so a → b and b → a never overlap.
  const bend = Math.min(28, length * 0.12);
  const controlX = (from.x + to.x) / 2 - unitY * bend;
  const controlY = (from.y + to.y) / 2 + unitX * bend;
  const trim = NODE_RADIUS + 3;
  const startLength = Math.hypot(controlX - from.x, controlY - from.y) || 1;
  const endLength = Math.hypot(to.x - controlX, to.y - controlY) || 1;
  const startX = from.x + ((controlX - from.x) / startLength) * trim;
  const startY = from.y + ((controlY - from.y) / startLength) * trim;
  const endX = to.x - ((to.x - controlX) / endLength) * trim;
  const endY = to.y - ((to.y - controlY) / endLength) * trim;
  return `M ${round(startX)} ${round(startY)} Q ${round(controlX)} ${round(controlY)} ${round(endX)} ${round(endY)}`;
}

interface PairChecks {
  readonly allow: Set<string>;
  readonly deny: Set<string>;
}

function checksByPair(cluster: Cluster, checks: readonly ReachCheck[]): Map<string, PairChecks> {
  const pairs = new Map<string, PairChecks>();
  for (const check of checks) {
    if (check.informational) continue;
    const from = resolveEndpoint(cluster, check.from);
    const to = resolveEndpoint(cluster, check.to);
    if (!from.ok || !to.ok) continue;
    const key = `${endpointKey(from.endpoint)}\u0000${endpointKey(to.endpoint)}`;
    const entry = pairs.get(key) ?? { allow: new Set<string>(), deny: new Set<string>() };
    entry[check.expect].add(portText(check.port, check.protocol));
    pairs.set(key, entry);
  }
  return pairs;
}

function classify(
  allowedPorts: readonly string[],
  expectations: PairChecks | undefined,
): EdgeStatus | undefined {
  const allowed = new Set(allowedPorts);
  if (expectations !== undefined) {
    if ([...expectations.deny].some((port) => allowed.has(port))) return 'unexpected';
    if ([...expectations.allow].some((port) => !allowed.has(port))) return 'missing';
    if (expectations.allow.size > 0) return 'expected';
  }
  return allowedPorts.length > 0 ? 'allowed' : undefined;
}

/** The graph of what `model` allows on `ports`, with edges classified against the checks. */
export function buildEngineGraph(
  cluster: Cluster,
  model: CompiledModel,
  checks: readonly ReachCheck[],
  ports: readonly PortProtocol[],
): ReachGraph {
  const { nodes, groups } = layoutNodes(graphNodes(cluster));
  const matrix = computeMatrix(model, ports);
  const keys = matrix.endpoints.map(endpointKey);
  const positions = new Map(nodes.map((node) => [node.key, node]));
  const pairs = checksByPair(cluster, checks);
  const edges: GraphEdge[] = [];
  keys.forEach((fromKey, fromIndex) => {
    keys.forEach((toKey, toIndex) => {
      if (fromIndex === toIndex) return;
      const from = positions.get(fromKey);
      const to = positions.get(toKey);
      if (from === undefined || to === undefined) return;
      const allowedPorts = ports
        .filter((_, portIndex) => isAllowed(matrix, portIndex, fromIndex, toIndex))
        .map((port) => portText(port.port, port.protocol));
      const expectations = pairs.get(`${fromKey}\u0000${toKey}`);
      const status = classify(allowedPorts, expectations);
      if (status === undefined) return;
      const shown =
        status === 'missing' && allowedPorts.length === 0 ? [...(expectations?.allow ?? [])] : allowedPorts;
      edges.push({ from: fromKey, to: toKey, status, ports: shown, path: edgePath(from, to) });
    });
  });
  return { width: GRAPH_WIDTH, height: GRAPH_HEIGHT, nodeRadius: NODE_RADIUS, nodes, groups, edges };
}

/** The graph of a learner's predictions: an edge for every connection predicted allowed. */
export function buildPredictionGraph(
  cluster: Cluster,
  checks: readonly ReachCheck[],
  answer: (check: ReachCheck) => Expectation | undefined,
): ReachGraph {
  const { nodes, groups } = layoutNodes(graphNodes(cluster));
  const positions = new Map(nodes.map((node) => [node.key, node]));
  const ports = new Map<string, string[]>();
  for (const check of checks) {
    if (answer(check) !== 'allow') continue;
    const from = resolveEndpoint(cluster, check.from);
    const to = resolveEndpoint(cluster, check.to);
    if (!from.ok || !to.ok) continue;
    const key = `${endpointKey(from.endpoint)}\u0000${endpointKey(to.endpoint)}`;
    ports.set(key, [...(ports.get(key) ?? []), portText(check.port, check.protocol)]);
  }
  const edges: GraphEdge[] = [];
  for (const [key, list] of ports) {
    const [fromKey = '', toKey = ''] = key.split('\u0000');
    const from = positions.get(fromKey);
    const to = positions.get(toKey);
    if (from === undefined || to === undefined || from === to) continue;
    edges.push({ from: fromKey, to: toKey, status: 'predicted', ports: list, path: edgePath(from, to) });
  }
  return { width: GRAPH_WIDTH, height: GRAPH_HEIGHT, nodeRadius: NODE_RADIUS, nodes, groups, edges };
}

const STATUS_WORDS: Record<EdgeStatus, string> = {
  expected: 'allowed, as a check expects',
  unexpected: 'allowed, but a check expects it denied',
  missing: 'denied, but a check expects it allowed',
  allowed: 'allowed',
  predicted: 'predicted allowed',
};

/** A text summary of the graph for screen readers. */
export function describeGraph(graph: ReachGraph): string {
  const groups = graph.groups.map((group) => group.name).join(', ');
  const head = `${graph.nodes.length} endpoints in ${graph.groups.length} groups (${groups}).`;
  if (graph.edges.length === 0) return `${head} No connections are drawn.`;
  const lines = graph.edges.map(
    (edge) => `${edge.from} -> ${edge.to} on ${edge.ports.join(', ')}: ${STATUS_WORDS[edge.status]}.`,
  );
  return `${head} ${lines.join(' ')}`;
}
