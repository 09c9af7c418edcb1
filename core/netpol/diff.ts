/**
 * A semantic diff of policy sets: where over the whole space of new connections two sets decide
 * differently, merged into lines people can read, each with the engine's explanation of one
 * connection it stands for. Exact: every cell of the partition is decided, nothing is sampled.
 */
import { compileModel } from './compile.ts';
import type { CompiledModel } from './compile.ts';
import { evaluateConnection } from './evaluate.ts';
import { explainVerdict } from './explain.ts';
import { podKey } from './endpoints.ts';
import {
  cellConnection,
  endsTalk,
  ipText,
  ipValue,
  partitionSpace,
  representative,
  setHoldsEnd,
  standInCluster,
} from './space.ts';
import type { ConnectionSpace, IpInterval, PortInterval, Region, SpaceCell, SpaceEnd } from './space.ts';
import { PROTOCOLS } from './types.ts';
import type { Cluster, Connection, Endpoint, NetworkPolicy, Pod, Protocol, Verdict } from './types.ts';
import { computeMatrix } from './matrix.ts';

/** One cell with each policy set's decision, in the order the sets were given. */
export interface DecidedCell extends SpaceCell {
  readonly allowed: readonly boolean[];
}

function endpointKey(endpoint: Endpoint): string {
  return endpoint.kind === 'pod' ? `pod:${endpoint.pod.namespace}/${endpoint.pod.name}` : `ip:${endpoint.ip}`;
}

const NO_REGIONS: readonly number[] = [];

/** Whether a region's protocols and ports hold a port interval wholly. */
function regionHoldsPort(region: Region, port: PortInterval): boolean {
  if (region.protocols.length > 0 && !region.protocols.includes(port.protocol)) return false;
  return (
    region.ports.length === 0 ||
    region.ports.some(([first, last]) => first <= port.first && port.last <= last)
  );
}

/**
 * Decides every cell for every policy set, leaving out cells inside any `skip` region. Each set is
 * compiled once over a small stand-in cluster (two pods per class at most, one address per interval)
 * and decided by the reachability matrix on one port per port interval, so the work grows with the
 * number of classes, not of pods. The cells are those of `spaceCells`, in the same order; what is
 * known per end (its place in the matrix, the regions it lies in) is worked out once.
 */
export function decideSpace(
  space: ConnectionSpace,
  policySets: readonly (readonly NetworkPolicy[])[],
  skip: readonly Region[] = [],
): DecidedCell[] {
  return decideCells(space, policySets, skip, false).cells;
}

/**
 * The cells where the policy sets do not all decide alike, and how many cells were compared: what a
 * diff or a grade needs, without building the cells every set agrees on.
 */
export function decideDisagreements(
  space: ConnectionSpace,
  policySets: readonly (readonly NetworkPolicy[])[],
  skip: readonly Region[] = [],
): { cells: DecidedCell[]; compared: number } {
  return decideCells(space, policySets, skip, true);
}

function decideCells(
  space: ConnectionSpace,
  policySets: readonly (readonly NetworkPolicy[])[],
  skip: readonly Region[],
  disagreeingOnly: boolean,
): { cells: DecidedCell[]; compared: number } {
  const stand = standInCluster(space);
  const ports = space.ports.map((port) => ({ port: port.first, protocol: port.protocol }));
  const matrices = policySets.map((policies) => computeMatrix(compileModel(stand, policies), ports));
  const first = matrices[0];
  const cells: DecidedCell[] = [];
  let compared = 0;
  if (first === undefined) return { cells, compared };
  const index = new Map<string, number>();
  first.endpoints.forEach((endpoint, position) => index.set(endpointKey(endpoint), position));
  const size = first.endpoints.length;
  const ends = [...space.podClasses, ...space.addressIntervals];
  const place = (endpoint: Endpoint | undefined): number =>
    endpoint === undefined ? -1 : (index.get(endpointKey(endpoint)) ?? -1);
  const primary = ends.map((end) => place(representative(space, end)));
  const secondary = ends.map((end) => (end.kind === 'pods' ? place(representative(space, end, true)) : -1));
  const inFrom = skip.map((region) => ends.map((end) => setHoldsEnd(region.from, end)));
  const inTo = skip.map((region) => ends.map((end) => setHoldsEnd(region.to, end)));
  const inPort = skip.map((region) => space.ports.map((port) => regionHoldsPort(region, port)));
  const cellsOf = matrices.map((matrix) => matrix.cells);
  // Cells share one frozen `allowed` list per combination of decisions, not one list each.
  const combinations = new Map<number, readonly boolean[]>();
  const allowedAt = (p: number, offset: number): readonly boolean[] => {
    if (cellsOf.length > 30) return cellsOf.map((matrix) => matrix[p]?.[offset] === 1);
    let mask = 0;
    for (let set = 0; set < cellsOf.length; set++) if (cellsOf[set]?.[p]?.[offset] === 1) mask |= 1 << set;
    let allowed = combinations.get(mask);
    if (allowed === undefined) {
      allowed = Object.freeze(matrices.map((_, set) => (mask & (1 << set)) !== 0));
      combinations.set(mask, allowed);
    }
    return allowed;
  };
  for (let f = 0; f < ends.length; f++) {
    const from = ends[f] as SpaceEnd;
    for (let t = 0; t < ends.length; t++) {
      const to = ends[t] as SpaceEnd;
      if (!endsTalk(from, to)) continue;
      const sameClass = from.kind === 'pods' && from.index === to.index;
      const source = primary[f] ?? -1;
      const target = (sameClass ? secondary[t] : primary[t]) ?? -1;
      if (source < 0 || target < 0) continue;
      const skipping =
        skip.length === 0
          ? NO_REGIONS
          : skip.flatMap((_, region) =>
              inFrom[region]?.[f] === true && inTo[region]?.[t] === true ? [region] : [],
            );
      const offset = source * size + target;
      for (let p = 0; p < space.ports.length; p++) {
        if (skipping.length > 0 && skipping.some((region) => inPort[region]?.[p] === true)) continue;
        compared++;
        let agree = true;
        const plane = cellsOf[0]?.[p];
        const decided = plane === undefined ? undefined : plane[offset];
        for (let set = 1; set < cellsOf.length && agree; set++)
          agree = cellsOf[set]?.[p]?.[offset] === decided;
        if (disagreeingOnly && agree) continue;
        const port = space.ports[p] as PortInterval;
        cells.push({ from, to, port, allowed: allowedAt(p, offset) });
      }
    }
  }
  return { cells, compared };
}

export type Decision = 'allow' | 'deny';

/** One readable line of a diff. */
export interface DiffLine {
  /** `from any pod in other to payments/worker, TCP all ports: old denies, new allows`. */
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly ports: string;
  readonly left: Decision;
  readonly right: Decision;
  /** One connection the line stands for. */
  readonly example: Connection;
  /** The engine's explanation of `example` under the left and the right policy set. */
  readonly leftExplanation: readonly string[];
  readonly rightExplanation: readonly string[];
  /** How many cells of the partition the line merges. */
  readonly cells: number;
}

export interface DiffResult {
  readonly same: boolean;
  readonly lines: readonly DiffLine[];
  /** Cells of the partition decided (after skipping free regions). */
  readonly cellsCompared: number;
  readonly cellsDiffering: number;
}

export interface DiffWording {
  /** How the left set is named in a line: `old` (CLI) or `expected` (grading). */
  readonly left: string;
  readonly right: string;
}

const VERB: Record<Decision, string> = { allow: 'allows', deny: 'denies' };

function decision(allowed: boolean | undefined): Decision {
  return allowed === true ? 'allow' : 'deny';
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fewest CIDRs that cover an interval exactly. */
export function intervalCidrs(interval: IpInterval): string[] {
  const bits = interval.family === 'ipv4' ? 32 : 128;
  const cidrs: string[] = [];
  let first = interval.first;
  while (first <= interval.last) {
    let size = 0;
    while (
      size < bits &&
      (first & ((1n << BigInt(size + 1)) - 1n)) === 0n &&
      first + (1n << BigInt(size + 1)) - 1n <= interval.last
    )
      size++;
    cidrs.push(`${ipText(interval.family, first)}/${bits - size}`);
    first += 1n << BigInt(size);
  }
  return cidrs;
}

/** Pod addresses of one family, sorted, to bridge the gaps they leave between outside intervals. */
const podValueCache = new WeakMap<ConnectionSpace, Map<string, bigint[]>>();

function podValues(space: ConnectionSpace, family: 'ipv4' | 'ipv6'): bigint[] {
  const cache = podValueCache.get(space) ?? new Map<string, bigint[]>();
  podValueCache.set(space, cache);
  const cached = cache.get(family);
  if (cached !== undefined) return cached;
  const values: bigint[] = [];
  for (const pod of space.cluster.pods) {
    for (const ip of pod.ips) {
      const parsed = ipValue(ip);
      if (parsed !== undefined && parsed.family === family) values.push(parsed.value);
    }
  }
  values.sort(compareBig);
  cache.set(family, values);
  return values;
}

/** Describes a set of outside-address intervals, merging across gaps that are only pod addresses. */
function describeAddresses(space: ConnectionSpace, intervals: readonly IpInterval[]): string[] {
  const parts: string[] = [];
  const whole: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const mine = intervals
      .filter((interval) => interval.family === family)
      .sort((a, b) => compareBig(a.first, b.first));
    if (mine.length === 0) continue;
    const pods = podValues(space, family);
    const merged: IpInterval[] = [];
    for (const interval of mine) {
      const last = merged[merged.length - 1];
      if (last !== undefined) {
        const gap = interval.first - last.last - 1n;
        const podsInGap = BigInt(pods.filter((value) => value > last.last && value < interval.first).length);
        if (gap === podsInGap) {
          merged[merged.length - 1] = { family, first: last.first, last: interval.last };
          continue;
        }
      }
      merged.push(interval);
    }
    const max = (1n << BigInt(family === 'ipv4' ? 32 : 128)) - 1n;
    const all = space.addressIntervals.filter(
      (end) => end.kind === 'addresses' && end.interval.family === family,
    );
    if (
      merged.length === 1 &&
      merged[0]?.first === 0n &&
      merged[0].last === max &&
      mine.length === all.length
    ) {
      whole.push(family);
      continue;
    }
    for (const interval of merged) {
      const cidrs = intervalCidrs(interval);
      parts.push(
        cidrs.length <= 3
          ? cidrs.join(', ')
          : `${ipText(family, interval.first)}–${ipText(family, interval.last)}`,
      );
    }
    if (merged.some((interval) => pods.some((value) => value >= interval.first && value <= interval.last)))
      parts[parts.length - 1] += ' (other than pod addresses)';
  }
  if (whole.length === 2) parts.unshift('any address outside the cluster');
  else if (whole.length === 1)
    parts.unshift(`any ${whole[0] === 'ipv4' ? 'IPv4' : 'IPv6'} address outside the cluster`);
  return parts;
}

const namespaceCache = new WeakMap<ConnectionSpace, Map<string, number>>();

/** How many pods each namespace of the cluster holds, namespaces sorted; worked out once per space. */
function podCounts(space: ConnectionSpace): Map<string, number> {
  const known = namespaceCache.get(space);
  if (known !== undefined) return known;
  const counts = new Map<string, number>();
  for (const namespace of [...new Set(space.cluster.pods.map((pod) => pod.namespace))].sort())
    counts.set(namespace, 0);
  for (const pod of space.cluster.pods) counts.set(pod.namespace, (counts.get(pod.namespace) ?? 0) + 1);
  namespaceCache.set(space, counts);
  return counts;
}

/** Describes a set of pod classes: whole namespaces where they are complete, pods otherwise. */
function describePods(space: ConnectionSpace, ends: readonly SpaceEnd[]): string[] {
  // Classes split the pods, so no pod is in two of them: counting per namespace is exact.
  const chosen = new Map<string, Pod[]>();
  for (const end of ends) {
    if (end.kind !== 'pods') continue;
    for (const pod of end.pods) {
      const list = chosen.get(pod.namespace);
      if (list === undefined) chosen.set(pod.namespace, [pod]);
      else list.push(pod);
    }
  }
  const counts = podCounts(space);
  const whole = [...counts].flatMap(([namespace, count]) =>
    count > 0 && chosen.get(namespace)?.length === count ? [namespace] : [],
  );
  if (whole.length === counts.size && counts.size > 0) return ['any pod'];
  const parts = whole.map((namespace) => `any pod in ${namespace}`);
  const wholeSet = new Set(whole);
  const rest = [...chosen]
    .flatMap(([namespace, pods]) => (wholeSet.has(namespace) ? [] : pods.map(podKey)))
    .sort();
  if (rest.length > 4)
    parts.push(`${rest.slice(0, 3).join(', ')} and ${rest.length - 3} more pods like them`);
  else parts.push(...rest);
  return parts;
}

const endsCache = new WeakMap<ConnectionSpace, Map<string, string>>();

function describeEnds(space: ConnectionSpace, ends: readonly SpaceEnd[]): string {
  const cache = endsCache.get(space) ?? new Map<string, string>();
  endsCache.set(space, cache);
  const key = ends
    .map((end) => end.index)
    .sort((a, b) => a - b)
    .join(',');
  const known = cache.get(key);
  if (known !== undefined) return known;
  const text = describeEndsUncached(space, ends);
  cache.set(key, text);
  return text;
}

function describeEndsUncached(space: ConnectionSpace, ends: readonly SpaceEnd[]): string {
  const pods = describePods(
    space,
    ends.filter((end) => end.kind === 'pods'),
  );
  const addresses = describeAddresses(
    space,
    ends.flatMap((end) => (end.kind === 'addresses' ? [end.interval] : [])),
  );
  const parts = [...pods, ...addresses];
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** `TCP 80, 443; UDP 53`, `TCP all ports`, `any port`. */
export function describePorts(ports: readonly PortInterval[]): string {
  const byProtocol = new Map<Protocol, string>();
  for (const protocol of PROTOCOLS) {
    const mine = ports.filter((port) => port.protocol === protocol).sort((a, b) => a.first - b.first);
    if (mine.length === 0) continue;
    const merged: [number, number][] = [];
    for (const port of mine) {
      const last = merged[merged.length - 1];
      if (last !== undefined && last[1] + 1 === port.first) last[1] = port.last;
      else merged.push([port.first, port.last]);
    }
    byProtocol.set(
      protocol,
      merged.length === 1 && merged[0]?.[0] === 1 && merged[0][1] === 65535
        ? 'all ports'
        : merged.map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`)).join(', '),
    );
  }
  const texts = [...new Set(byProtocol.values())];
  if (byProtocol.size === PROTOCOLS.length && texts.length === 1 && texts[0] === 'all ports')
    return 'any port';
  return texts
    .map((text) => {
      const protocols = [...byProtocol].filter(([, value]) => value === text).map(([protocol]) => protocol);
      const names =
        protocols.length === 1
          ? protocols[0]
          : `${protocols.slice(0, -1).join(', ')} and ${protocols[protocols.length - 1] ?? ''}`;
      return `${names ?? ''} ${text}`;
    })
    .join('; ');
}

interface Group {
  readonly from: SpaceEnd[];
  readonly to: SpaceEnd[];
  readonly ports: PortInterval[];
  readonly left: Decision;
  readonly right: Decision;
  readonly first: DecidedCell;
  cells: number;
}

/** Merges differing cells into as few lines as people can read. */
export function diffLines(
  space: ConnectionSpace,
  cells: readonly DecidedCell[],
  models: readonly [CompiledModel, CompiledModel],
  wording: DiffWording,
  sides: readonly [number, number] = [0, 1],
): DiffLine[] {
  const [leftSide, rightSide] = sides;
  // 1. Per pair of ends and decisions: the port intervals where they differ.
  // Ends are numbered across classes and intervals, so a pair and a decision make one number.
  const endCount = space.podClasses.length + space.addressIntervals.length;
  const byPair = new Map<number, Group>();
  for (const cell of cells) {
    const left = decision(cell.allowed[leftSide]);
    const right = decision(cell.allowed[rightSide]);
    if (left === right) continue;
    const key = (cell.from.index * endCount + cell.to.index) * 2 + (left === 'allow' ? 1 : 0);
    const group = byPair.get(key);
    if (group === undefined) {
      byPair.set(key, {
        from: [cell.from],
        to: [cell.to],
        ports: [cell.port],
        left,
        right,
        first: cell,
        cells: 1,
      });
    } else {
      group.ports.push(cell.port);
      group.cells++;
    }
  }
  // 2. Same destination, ports and decisions: merge sources. 3. Same sources: merge destinations.
  const merge = (groups: Iterable<Group>, keyOf: (group: Group) => string, side: 'from' | 'to'): Group[] => {
    const merged = new Map<string, Group>();
    for (const group of groups) {
      const key = keyOf(group);
      const existing = merged.get(key);
      if (existing === undefined) merged.set(key, { ...group, from: [...group.from], to: [...group.to] });
      else {
        existing[side].push(...group[side]);
        existing.cells += group.cells;
      }
    }
    return [...merged.values()];
  };
  // The port intervals of the space are fixed, so a group's ports are named by their positions.
  const portPlace = new Map(space.ports.map((port, position) => [port, position]));
  const portsKey = (group: Group): string => group.ports.map((port) => portPlace.get(port) ?? -1).join(',');
  const bySource = merge(
    byPair.values(),
    (group) => `${group.to.map((end) => end.index).join(',')}|${portsKey(group)}|${group.left}`,
    'from',
  );
  const lines = merge(
    bySource,
    (group) => `${describeEnds(space, group.from)}|${portsKey(group)}|${group.left}`,
    'to',
  );
  return lines.map((group) => {
    const connection = cellConnection(space, group.first);
    const from = describeEnds(space, group.from);
    const to = describeEnds(space, group.to);
    const ports = describePorts(group.ports);
    const [leftModel, rightModel] = models;
    const explain = (model: CompiledModel): string[] => {
      if (connection === undefined) return [];
      const verdict: Verdict = evaluateConnection(model, connection);
      return explainVerdict(verdict, connection);
    };
    return {
      text: `from ${from} to ${to}, ${ports}: ${wording.left} ${VERB[group.left]}, ${wording.right} ${VERB[group.right]}`,
      from,
      to,
      ports,
      left: group.left,
      right: group.right,
      example: connection ?? {
        from: { kind: 'ip', ip: '0.0.0.0' },
        to: { kind: 'ip', ip: '0.0.0.0' },
        port: 1,
        protocol: 'TCP',
      },
      leftExplanation: explain(leftModel),
      rightExplanation: explain(rightModel),
      cells: group.cells,
    };
  });
}

export interface DiffOptions {
  /** Regions left out of the comparison (an exercise's free regions). */
  readonly free?: readonly Region[];
  readonly wording?: DiffWording;
}

/**
 * Where `left` and `right` decide differently on `cluster`, over the whole connection space.
 */
export function diffPolicies(
  cluster: Cluster,
  left: readonly NetworkPolicy[],
  right: readonly NetworkPolicy[],
  options: DiffOptions = {},
): DiffResult {
  const free = options.free ?? [];
  const space = partitionSpace(cluster, [left, right], free);
  const models = [compileModel(cluster, left), compileModel(cluster, right)] as const;
  const { cells, compared } = decideDisagreements(space, [left, right], free);
  const lines = diffLines(space, cells, models, options.wording ?? { left: 'old', right: 'new' });
  const differing = lines.reduce((sum, line) => sum + line.cells, 0);
  return { same: lines.length === 0, lines, cellsCompared: compared, cellsDiffering: differing };
}
