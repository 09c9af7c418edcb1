/**
 * The space of new connections, cut into regions inside which every given policy set decides alike.
 *
 * A connection is (source, destination, protocol, port). Pods fall into classes: two pods are in
 * one class when nothing any policy set (or any region of interest) can look at tells them apart —
 * namespace, labels, container ports and which CIDRs hold their IPs. Addresses outside the pods are
 * cut into intervals at every `cidr`/`except` boundary (IPv4 and IPv6 apart), and ports 1–65535 of
 * each protocol at every `port`/`endPort` boundary and every container port number (named ports
 * resolve to those). Every connection in one cell of the product gets the same verdict from every
 * policy set, so deciding one representative per cell decides the whole space exactly.
 */
import ipaddr from 'ipaddr.js';
import { canonicalIp, isValidIp, parseCidr } from './ip.ts';
import type { IpFamily } from './ip.ts';
import { PROTOCOLS } from './types.ts';
import type { Cluster, Connection, Endpoint, Labels, NetworkPolicy, Pod, Protocol } from './types.ts';

/** An inclusive range of addresses of one family. */
export interface IpInterval {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** An inclusive range of ports of one protocol. */
export interface PortInterval {
  readonly protocol: Protocol;
  readonly first: number;
  readonly last: number;
}

/** A set of endpoints, as regions (free regions, diff filters) name them. */
export type EndpointSet =
  /** Every pod and every address outside the pods. */
  | { readonly kind: 'any' }
  /** Pods: of one namespace when `namespace` is set, carrying `labels` when set, or the one named. */
  | { readonly kind: 'pods'; readonly namespace?: string; readonly labels?: Labels; readonly name?: string }
  /** Addresses that are not a pod's, inside `cidr`, or anywhere outside the pods when absent. */
  | { readonly kind: 'addresses'; readonly cidr?: string };

/** A set of connections: from one endpoint set to another, on some protocols and ports. */
export interface Region {
  readonly from: EndpointSet;
  readonly to: EndpointSet;
  /** Empty means every protocol. */
  readonly protocols: readonly Protocol[];
  /** Inclusive port ranges; empty means every port. */
  readonly ports: readonly (readonly [number, number])[];
}

/** One end of a cell: a class of pods or an interval of outside addresses. */
export type SpaceEnd =
  | { readonly kind: 'pods'; readonly index: number; readonly pods: readonly Pod[] }
  | {
      readonly kind: 'addresses';
      readonly index: number;
      /** The addresses of the interval that are not a pod's. */
      readonly interval: IpInterval;
      /** The first address of the interval that no pod has. */
      readonly sample: bigint;
    };

/** The cut-up space. */
export interface ConnectionSpace {
  readonly cluster: Cluster;
  readonly podClasses: readonly SpaceEnd[];
  readonly addressIntervals: readonly SpaceEnd[];
  readonly ports: readonly PortInterval[];
  /** The regions of interest whose boundaries were cut. */
  readonly regions: readonly Region[];
}

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };
const MAX_PORT = 65535;

function familyMax(family: IpFamily): bigint {
  return (1n << BigInt(BITS[family])) - 1n;
}

// The same addresses are turned into numbers for every partition of one cluster; remembered per text.
const ipValues = new Map<string, { family: IpFamily; value: bigint } | null>();
const IP_VALUE_LIMIT = 20_000;

/** An address as a number, with its family; `undefined` when it is not an address. */
export function ipValue(text: string): { family: IpFamily; value: bigint } | undefined {
  const known = ipValues.get(text);
  if (known !== undefined) return known ?? undefined;
  let parsed: { family: IpFamily; value: bigint } | undefined;
  if (isValidIp(text)) {
    const address = ipaddr.parse(canonicalIp(text));
    let value = 0n;
    for (const byte of address.toByteArray()) value = (value << 8n) | BigInt(byte);
    parsed = Object.freeze({ family: address.kind(), value });
  }
  if (ipValues.size >= IP_VALUE_LIMIT) ipValues.clear();
  ipValues.set(text, parsed ?? null);
  return parsed;
}

/** The address text of a number in one family. */
export function ipText(family: IpFamily, value: bigint): string {
  const bytes: number[] = [];
  let rest = value;
  for (let index = 0; index < BITS[family] / 8; index++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  const address = ipaddr.fromByteArray(bytes);
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

/** The addresses a CIDR covers; `undefined` when it is not a CIDR. */
export function cidrInterval(text: string): IpInterval | undefined {
  const parsed = parseCidr(text);
  if (parsed === undefined) return undefined;
  const network = ipValue(parsed.network);
  if (network === undefined) return undefined;
  // A mapped network (`::ffff:a.b.c.d`) parses back as IPv4; keep the CIDR's own family.
  const family = parsed.family;
  const hostBits = BigInt(BITS[family] - parsed.prefixLength);
  const first = network.family === family ? network.value : network.value + (0xffffn << 32n);
  return { family, first, last: first + (1n << hostBits) - 1n };
}

function intervalHolds(outer: IpInterval, family: IpFamily, value: bigint): boolean {
  return outer.family === family && outer.first <= value && value <= outer.last;
}

/** Every CIDR the policy sets mention, as written. */
function policyCidrs(policySets: readonly (readonly NetworkPolicy[])[]): string[] {
  const cidrs = new Set<string>();
  for (const policies of policySets) {
    for (const policy of policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        for (const peer of rule.peers ?? []) {
          if (peer.ipBlock === undefined) continue;
          cidrs.add(peer.ipBlock.cidr);
          for (const except of peer.ipBlock.except) cidrs.add(except);
        }
      }
    }
  }
  return [...cidrs];
}

function regionCidrs(regions: readonly Region[]): string[] {
  const cidrs: string[] = [];
  for (const region of regions) {
    for (const set of [region.from, region.to]) {
      if (set.kind === 'addresses' && set.cidr !== undefined) cidrs.push(set.cidr);
    }
  }
  return cidrs;
}

/** Whether a pod belongs to an endpoint set. */
export function setHoldsPod(set: EndpointSet, pod: Pod): boolean {
  if (set.kind === 'any') return true;
  if (set.kind === 'addresses') return false;
  if (set.namespace !== undefined && set.namespace !== pod.namespace) return false;
  if (set.name !== undefined && set.name !== pod.name) return false;
  for (const [key, value] of Object.entries(set.labels ?? {})) {
    if (!Object.hasOwn(pod.labels, key) || pod.labels[key] !== value) return false;
  }
  return true;
}

/** Whether an address interval lies inside an endpoint set (the cuts make it all or nothing). */
export function setHoldsInterval(set: EndpointSet, interval: IpInterval): boolean {
  if (set.kind === 'any') return true;
  if (set.kind === 'pods') return false;
  if (set.cidr === undefined) return true;
  const range = cidrInterval(set.cidr);
  return range !== undefined && intervalHolds(range, interval.family, interval.first);
}

export function setHoldsEnd(set: EndpointSet, end: SpaceEnd): boolean {
  if (end.kind === 'addresses') return setHoldsInterval(set, end.interval);
  const first = end.pods[0];
  return first !== undefined && setHoldsPod(set, first);
}

function sortedLabels(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Cuts the space for a cluster, any number of policy sets and any regions of interest (whose
 * boundaries are cut too, so each cell lies wholly inside or outside each region).
 */
export function partitionSpace(
  cluster: Cluster,
  policySets: readonly (readonly NetworkPolicy[])[],
  regions: readonly Region[] = [],
): ConnectionSpace {
  const cidrs = [...policyCidrs(policySets), ...regionCidrs(regions)]
    .map(cidrInterval)
    .filter((interval): interval is IpInterval => interval !== undefined);
  const podAddresses = new Map<IpFamily, Set<bigint>>([
    ['ipv4', new Set()],
    ['ipv6', new Set()],
  ]);
  for (const pod of cluster.pods) {
    for (const ip of pod.ips) {
      const parsed = ipValue(ip);
      if (parsed !== undefined) podAddresses.get(parsed.family)?.add(parsed.value);
    }
  }

  // Pod classes: everything a policy or a region can look at goes into the signature.
  const classes = new Map<string, Pod[]>();
  for (const pod of cluster.pods) {
    const addresses = pod.ips.map(ipValue).filter((value) => value !== undefined);
    const inside = cidrs
      .map((range) =>
        addresses.some((address) => intervalHolds(range, address.family, address.value)) ? '1' : '0',
      )
      .join('');
    const inRegions = regions
      .map((region) => `${setHoldsPod(region.from, pod) ? 1 : 0}${setHoldsPod(region.to, pod) ? 1 : 0}`)
      .join('');
    const ports = JSON.stringify(pod.ports.map((port) => [port.name ?? '', port.port, port.protocol]));
    const families = [...new Set(addresses.map((address) => address.family))].sort().join(',');
    const signature = [pod.namespace, sortedLabels(pod.labels), ports, inside, inRegions, families].join(
      '\u0000',
    );
    const members = classes.get(signature);
    if (members === undefined) classes.set(signature, [pod]);
    else members.push(pod);
  }
  const podClasses: SpaceEnd[] = [...classes.values()].map((pods, index) => ({ kind: 'pods', index, pods }));

  // Outside addresses: cut at every CIDR boundary and around every pod address, then drop the pods'.
  const addressIntervals: SpaceEnd[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const cuts = new Set<bigint>([0n]);
    const max = familyMax(family);
    for (const range of cidrs) {
      if (range.family !== family) continue;
      cuts.add(range.first);
      if (range.last < max) cuts.add(range.last + 1n);
    }
    // Pod addresses stay inside their interval: what stands for it is an address no pod has.
    const owned = podAddresses.get(family) ?? new Set<bigint>();
    const points = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    points.forEach((first, index) => {
      const next = points[index + 1];
      const last = next === undefined ? max : next - 1n;
      let sample = first;
      while (sample <= last && owned.has(sample)) sample++;
      if (sample > last) return;
      addressIntervals.push({
        kind: 'addresses',
        index: podClasses.length + addressIntervals.length,
        interval: { family, first, last },
        sample,
      });
    });
  }

  // Ports: cut at every number a policy, a container or a region names.
  const ports: PortInterval[] = [];
  for (const protocol of PROTOCOLS) {
    const cuts = new Set<number>([1]);
    const cut = (value: number): void => {
      if (value >= 1 && value <= MAX_PORT) cuts.add(value);
    };
    for (const policies of policySets) {
      for (const policy of policies) {
        for (const rule of [...policy.ingress, ...policy.egress]) {
          for (const port of rule.ports ?? []) {
            if (port.protocol !== protocol || typeof port.port !== 'number') continue;
            cut(port.port);
            cut((port.endPort ?? port.port) + 1);
          }
        }
      }
    }
    for (const pod of cluster.pods) {
      for (const port of pod.ports) {
        if (port.protocol !== protocol) continue;
        cut(port.port);
        cut(port.port + 1);
      }
    }
    for (const region of regions) {
      if (region.protocols.length > 0 && !region.protocols.includes(protocol)) continue;
      for (const [first, last] of region.ports) {
        cut(first);
        cut(last + 1);
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    points.forEach((first, index) => {
      const next = points[index + 1];
      ports.push({ protocol, first, last: next === undefined ? MAX_PORT : next - 1 });
    });
  }

  return { cluster, podClasses, addressIntervals, ports, regions };
}

/** Whether a cell (from, to, port interval) lies inside a region. */
export function regionHoldsCell(region: Region, from: SpaceEnd, to: SpaceEnd, port: PortInterval): boolean {
  if (region.protocols.length > 0 && !region.protocols.includes(port.protocol)) return false;
  if (
    region.ports.length > 0 &&
    !region.ports.some(([first, last]) => first <= port.first && port.last <= last)
  )
    return false;
  return setHoldsEnd(region.from, from) && setHoldsEnd(region.to, to);
}

/**
 * An end's representative: for addresses, a named external inside the interval if there is one,
 * else its first address; for pods, the class's first pod, or its second when `second` is set.
 */
export function representative(space: ConnectionSpace, end: SpaceEnd, second = false): Endpoint | undefined {
  const key = second ? 1 : 0;
  const known = representatives.get(end);
  if (known !== undefined && key in known) return known[key];
  const chosen = chooseRepresentative(space, end, second);
  const entry = known ?? [];
  entry[key] = chosen;
  representatives.set(end, entry);
  return chosen;
}

const representatives = new WeakMap<SpaceEnd, (Endpoint | undefined)[]>();

function chooseRepresentative(space: ConnectionSpace, end: SpaceEnd, second: boolean): Endpoint | undefined {
  if (end.kind === 'addresses') {
    const { family, first, last } = end.interval;
    const podIps = new Set(space.cluster.pods.flatMap((pod) => pod.ips.map(canonicalIp)));
    for (const external of space.cluster.externals) {
      const value = ipValue(external.ip);
      if (value === undefined || value.family !== family || value.value < first || value.value > last)
        continue;
      if (!podIps.has(canonicalIp(external.ip)))
        return { kind: 'ip', ip: canonicalIp(external.ip), name: external.name };
    }
    return { kind: 'ip', ip: ipText(family, end.sample) };
  }
  const pod = end.pods[second ? 1 : 0];
  return pod === undefined ? undefined : { kind: 'pod', pod };
}

/** One cell of the space: both ends and a port interval. */
export interface SpaceCell {
  readonly from: SpaceEnd;
  readonly to: SpaceEnd;
  readonly port: PortInterval;
}

const classFamilies = new WeakMap<SpaceEnd, ReadonlySet<IpFamily>>();

/** The address families of a pod class (its first pod's; a class shares what policies see). */
function podFamilies(end: SpaceEnd & { kind: 'pods' }): ReadonlySet<IpFamily> {
  const known = classFamilies.get(end);
  if (known !== undefined) return known;
  const families = new Set<IpFamily>();
  for (const ip of end.pods[0]?.ips ?? []) {
    const parsed = ipValue(ip);
    if (parsed !== undefined) families.add(parsed.family);
  }
  classFamilies.set(end, families);
  return families;
}

/** Whether a pod class and an address interval can talk at all: only within a family the pods have. */
function familiesMeet(pods: SpaceEnd, addresses: SpaceEnd): boolean {
  if (pods.kind !== 'pods' || addresses.kind !== 'addresses') return true;
  return podFamilies(pods).has(addresses.interval.family);
}

/**
 * Whether connections from one end to another are cells of the space: not between two outside
 * addresses, not across address families, and within one class only when it holds two pods.
 */
export function endsTalk(from: SpaceEnd, to: SpaceEnd): boolean {
  if (from.kind === 'addresses' && to.kind === 'addresses') return false;
  if (!familiesMeet(from, to) || !familiesMeet(to, from)) return false;
  return !(from.kind === 'pods' && from.index === to.index && from.pods.length < 2);
}

/**
 * Every cell of the space, skipping what no policy decides: a pod talking to itself, traffic
 * between two outside addresses, and a pod with an address of another family (an IPv4-only pod
 * never talks to an IPv6 address). A class talking to itself is a cell only when it holds two pods.
 */
export function* spaceCells(space: ConnectionSpace): Generator<SpaceCell> {
  const ends = [...space.podClasses, ...space.addressIntervals];
  for (const from of ends) {
    for (const to of ends) {
      if (endsTalk(from, to)) for (const port of space.ports) yield { from, to, port };
    }
  }
}

/** The connection that stands for a cell: its first port, and two different pods within a class. */
export function cellConnection(space: ConnectionSpace, cell: SpaceCell): Connection | undefined {
  const from = representative(space, cell.from);
  const to = representative(space, cell.to, cell.from.kind === 'pods' && cell.from.index === cell.to.index);
  if (from === undefined || to === undefined) return undefined;
  return { from, to, port: cell.port.first, protocol: cell.port.protocol };
}

/** The end of the space an endpoint falls in; `undefined` for an address outside every interval. */
export function endOf(space: ConnectionSpace, endpoint: Endpoint): SpaceEnd | undefined {
  if (endpoint.kind === 'pod') {
    const key = `${endpoint.pod.namespace}/${endpoint.pod.name}`;
    return space.podClasses.find(
      (end) => end.kind === 'pods' && end.pods.some((pod) => `${pod.namespace}/${pod.name}` === key),
    );
  }
  const parsed = ipValue(endpoint.ip);
  if (parsed === undefined) return undefined;
  return space.addressIntervals.find(
    (end) => end.kind === 'addresses' && intervalHolds(end.interval, parsed.family, parsed.value),
  );
}

/** The cell a connection falls in, or `undefined` when none decides it (self, outside to outside). */
export function cellOf(space: ConnectionSpace, connection: Connection): SpaceCell | undefined {
  const { from: source, to: target } = connection;
  if (
    source.kind === 'pod' &&
    target.kind === 'pod' &&
    source.pod.namespace === target.pod.namespace &&
    source.pod.name === target.pod.name
  )
    return undefined;
  const from = endOf(space, connection.from);
  const to = endOf(space, connection.to);
  const port = space.ports.find(
    (candidate) =>
      candidate.protocol === connection.protocol &&
      candidate.first <= connection.port &&
      connection.port <= candidate.last,
  );
  if (from === undefined || to === undefined || port === undefined) return undefined;
  if (!familiesMeet(from, to) || !familiesMeet(to, from)) return undefined;
  return { from, to, port };
}

/**
 * A cluster holding only what stands for the space: each class's first two pods and one address per
 * outside interval (as an external). Policies decide it exactly as they decide the real cluster.
 */
export function standInCluster(space: ConnectionSpace): Cluster {
  const pods = space.podClasses.flatMap((end) => (end.kind === 'pods' ? end.pods.slice(0, 2) : []));
  const externals = space.addressIntervals.flatMap((end, index) => {
    const endpoint = representative(space, end);
    return endpoint?.kind === 'ip' ? [{ name: endpoint.name ?? `outside-${index}`, ip: endpoint.ip }] : [];
  });
  return { namespaces: space.cluster.namespaces, pods, externals };
}
