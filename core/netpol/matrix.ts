/**
 * The full reachability matrix for a set of ports. Pods are never evaluated pair by pair: endpoints
 * that no selector, ipBlock or named port can tell apart form one equivalence class, classes are
 * evaluated against classes with bitsets, and the class answers are copied out to the cells.
 */
import { labelsOfNamespace } from './compile.ts';
import type { CompiledModel, CompiledPeer, CompiledPolicy, CompiledRule } from './compile.ts';
import { ipBlockFit, portEntryMatches, selectorPeerMatches } from './match.ts';
import type { Endpoint, Labels, NetworkPolicyPort, PortProtocol } from './types.ts';

/**
 * Who may open a connection to whom. `endpoints` are all pods (sorted by namespace, then name) followed
 * by the cluster's externals; `cells[p][from * n + to]` is 1 when allowed on `ports[p]`.
 */
export interface Matrix {
  readonly endpoints: readonly Endpoint[];
  readonly ports: readonly PortProtocol[];
  readonly cells: readonly Uint8Array[];
  /**
   * The equivalence class of each endpoint: endpoints of one class are told apart by no selector,
   * ipBlock or named port, so they have the same row and column on every port (self connections
   * aside). Class ids count from 0 in order of first appearance.
   */
  readonly classOf: Int32Array;
}

/** Whether `endpoints[from]` may connect to `endpoints[to]` on `ports[portIndex]`. */
export function isAllowed(matrix: Matrix, portIndex: number, from: number, to: number): boolean {
  return matrix.cells[portIndex]?.[from * matrix.endpoints.length + to] === 1;
}

/** What the evaluation needs to know about one equivalence class, taken from any of its members. */
interface EndpointClass {
  readonly ingress: readonly CompiledPolicy[];
  readonly egress: readonly CompiledPolicy[];
  readonly isPod: boolean;
  /** `name/protocol` → container port numbers, for the named ports the policies mention. */
  readonly namedPorts: ReadonlyMap<string, readonly number[]>;
}

type Bits = Uint32Array;

function hasBit(bits: Bits, index: number): boolean {
  return ((bits[index >>> 5] as number) & (1 << (index & 31))) !== 0;
}

function setBit(bits: Bits, index: number): void {
  bits[index >>> 5] = (bits[index >>> 5] as number) | (1 << (index & 31));
}

function orInto(target: Bits, source: Bits): void {
  for (let word = 0; word < target.length; word++)
    target[word] = (target[word] as number) | (source[word] as number);
}

function andOf(left: Bits, right: Bits): Bits {
  const result = new Uint32Array(left.length);
  for (let word = 0; word < left.length; word++)
    result[word] = (left[word] as number) & (right[word] as number);
  return result;
}

function labelsKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.map((key) => `${key}=${labels[key]}`).join('\u0001');
}

function namedKey(name: string, protocol: string): string {
  return `${name}/${protocol}`;
}

/** Every distinct peer of the model (by id), with the namespace of the policy it first appeared in. */
function distinctPeers(model: CompiledModel): { peer: CompiledPeer; namespace: string }[] {
  const peers: { peer: CompiledPeer; namespace: string }[] = new Array(model.peerCount);
  for (const policy of model.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) {
        if (peers[peer.id] === undefined) peers[peer.id] = { peer, namespace: policy.namespace };
      }
    }
  }
  return peers;
}

/** The named ports (`name/protocol`) any rule mentions: only those can tell destinations apart. */
function mentionedNamedPorts(model: CompiledModel): string[] {
  const names = new Set<string>();
  for (const policy of model.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const entry of rule.ports ?? []) {
        if (typeof entry.port === 'string') names.add(namedKey(entry.port, entry.protocol));
      }
    }
  }
  return [...names].sort();
}

interface Classification {
  readonly classOf: Int32Array;
  readonly classes: readonly EndpointClass[];
  /** Per peer id, the classes whose members that peer matches. */
  readonly peerClasses: readonly Bits[];
}

/**
 * Groups endpoints into classes by a signature of everything a policy can observe: the policies that
 * select it per direction, every peer that matches it, and the numbers its mentioned named ports have.
 */
function classify(model: CompiledModel): Classification {
  const endpoints = model.endpoints;
  const peers = distinctPeers(model);
  const selectorPeers = peers.filter((entry) => entry.peer.ipBlock === undefined);
  const ipPeers = peers.filter((entry) => entry.peer.ipBlock !== undefined);
  const named = mentionedNamedPorts(model);

  // Selectors see only a pod's namespace and labels, so they are evaluated once per label group.
  const groupSignatures = new Map<string, string>();
  const signatures: string[] = [];
  const matchedPeers: number[][] = [];
  for (const endpoint of endpoints) {
    const matched: number[] = [];
    let signature: string;
    if (endpoint.kind === 'pod') {
      const pod = endpoint.pod;
      const groupKey = `${pod.namespace}\u0000${labelsKey(pod.labels)}`;
      let group = groupSignatures.get(groupKey);
      if (group === undefined) {
        const namespaceLabels = labelsOfNamespace(model, pod.namespace);
        const bits = selectorPeers.map(({ peer, namespace }) =>
          selectorPeerMatches(peer, namespace, pod, namespaceLabels) ? '1' : '0',
        );
        group = bits.join('');
        groupSignatures.set(groupKey, group);
      }
      selectorPeers.forEach((entry, index) => {
        if (group[index] === '1') matched.push(entry.peer.id);
      });
      const selection = model.selections.get(pod);
      const ingress = selection?.ingress.map((policy) => policy.order).join(',') ?? '';
      const egress = selection?.egress.map((policy) => policy.order).join(',') ?? '';
      const ports = named.map((key) =>
        pod.ports
          .filter((port) => port.name !== undefined && namedKey(port.name, port.protocol) === key)
          .map((port) => port.port)
          .sort((left, right) => left - right)
          .join('+'),
      );
      signature = `pod|${ingress}|${egress}|${group}|${ports.join(',')}`;
    } else {
      signature = 'ip|';
    }
    const ips = endpoint.kind === 'pod' ? endpoint.pod.ips : [endpoint.ip];
    const addresses = ips.map((ip) => model.addresses.get(ip));
    let ipBits = '';
    for (const { peer } of ipPeers) {
      const block = peer.ipBlock;
      const inside =
        block !== undefined &&
        addresses.some((address) => address !== undefined && ipBlockFit(block, address).inside);
      ipBits += inside ? '1' : '0';
      if (inside) matched.push(peer.id);
    }
    signatures.push(`${signature}|${ipBits}`);
    matchedPeers.push(matched);
  }

  const classIds = new Map<string, number>();
  const classOf = new Int32Array(endpoints.length);
  const classes: EndpointClass[] = [];
  const members: number[][] = [];
  signatures.forEach((signature, index) => {
    let id = classIds.get(signature);
    if (id === undefined) {
      id = classes.length;
      classIds.set(signature, id);
      classes.push(describeClass(model, endpoints[index] as Endpoint, named));
      members.push([index]);
    }
    classOf[index] = id;
  });

  const words = (classes.length + 31) >>> 5;
  const peerClasses: Bits[] = Array.from({ length: model.peerCount }, () => new Uint32Array(words));
  members.forEach(([representative], classId) => {
    for (const peerId of matchedPeers[representative as number] as number[]) {
      setBit(peerClasses[peerId] as Bits, classId);
    }
  });
  return { classOf, classes, peerClasses };
}

function describeClass(model: CompiledModel, endpoint: Endpoint, named: readonly string[]): EndpointClass {
  if (endpoint.kind !== 'pod') return { ingress: [], egress: [], isPod: false, namedPorts: new Map() };
  const pod = endpoint.pod;
  const selection = model.selections.get(pod);
  const namedPorts = new Map<string, number[]>();
  for (const key of named) {
    namedPorts.set(
      key,
      pod.ports
        .filter((port) => port.name !== undefined && namedKey(port.name, port.protocol) === key)
        .map((port) => port.port),
    );
  }
  return { ingress: selection?.ingress ?? [], egress: selection?.egress ?? [], isPod: true, namedPorts };
}

/** Whether one port entry admits the port at a destination of the given class. */
function entryMatches(
  entry: NetworkPolicyPort,
  target: PortProtocol,
  destination: EndpointClass | undefined,
): boolean {
  return portEntryMatches(entry, target.port, target.protocol, (name, protocol) =>
    destination === undefined || !destination.isPod
      ? undefined
      : destination.namedPorts.get(namedKey(name, protocol)),
  );
}

function ruleAdmitsPort(rule: CompiledRule, target: PortProtocol, destination: EndpointClass): boolean {
  return rule.ports === undefined || rule.ports.some((entry) => entryMatches(entry, target, destination));
}

/**
 * Computes the matrix for every endpoint pair on each port. Self connections (a pod to itself) are
 * always 1. Runs in time proportional to classes² per port plus one memory copy per row.
 */
export function computeMatrix(model: CompiledModel, ports: readonly PortProtocol[]): Matrix {
  const endpoints = model.endpoints;
  const size = endpoints.length;
  const { classOf, classes, peerClasses } = classify(model);
  const classCount = classes.length;
  const words = (classCount + 31) >>> 5;
  const everything = new Uint32Array(words);
  for (let classId = 0; classId < classCount; classId++) setBit(everything, classId);

  // The classes each rule's peers match: independent of the port.
  const rulePeers = new Map<CompiledRule, Bits>();
  const peersOf = (rule: CompiledRule): Bits => {
    let bits = rulePeers.get(rule);
    if (bits === undefined) {
      if (rule.peers === undefined) bits = everything;
      else {
        bits = new Uint32Array(words);
        for (const peer of rule.peers) orInto(bits, peerClasses[peer.id] as Bits);
      }
      rulePeers.set(rule, bits);
    }
    return bits;
  };

  // Rows of one class are identical, so each is computed once and copied.
  const firstRowOfClass = new Int32Array(classCount).fill(-1);
  const cells = ports.map((target) => {
    const allowedByClass = classMatrix(classes, target, everything, peersOf);
    const grid = new Uint8Array(size * size);
    firstRowOfClass.fill(-1);
    for (let from = 0; from < size; from++) {
      const source = classOf[from] as number;
      const start = from * size;
      const first = firstRowOfClass[source] as number;
      if (first >= 0) {
        grid.copyWithin(start, first * size, first * size + size);
        continue;
      }
      firstRowOfClass[source] = from;
      const offset = source * classCount;
      for (let to = 0; to < size; to++)
        grid[start + to] = allowedByClass[offset + (classOf[to] as number)] as number;
    }
    // A pod talking to itself is outside what policies decide.
    for (let index = 0; index < model.pods.length; index++) grid[index * size + index] = 1;
    return grid;
  });
  return { endpoints, ports, cells, classOf };
}

/** `result[source * classCount + destination]` = 1 when egress at the source and ingress at the destination allow. */
function classMatrix(
  classes: readonly EndpointClass[],
  target: PortProtocol,
  everything: Bits,
  peersOf: (rule: CompiledRule) => Bits,
): Uint8Array {
  const classCount = classes.length;
  const words = everything.length;

  // Egress: a rule admits the destinations its peers match whose named ports (if any) fit the port.
  const policyEgress = new Map<CompiledPolicy, Bits>();
  const egressOfPolicy = (policy: CompiledPolicy): Bits => {
    let bits = policyEgress.get(policy);
    if (bits !== undefined) return bits;
    bits = new Uint32Array(words);
    for (const rule of policy.egress) {
      const ports = rule.ports;
      // Numeric entries do not depend on the destination: they admit every peer or none.
      if (ports === undefined || ports.some((entry) => entryMatches(entry, target, undefined))) {
        orInto(bits, peersOf(rule));
        continue;
      }
      if (!ports.some((entry) => typeof entry.port === 'string' && entry.protocol === target.protocol))
        continue;
      const admitted = new Uint32Array(words);
      for (let classId = 0; classId < classCount; classId++) {
        if (ruleAdmitsPort(rule, target, classes[classId] as EndpointClass)) setBit(admitted, classId);
      }
      orInto(bits, andOf(peersOf(rule), admitted));
    }
    policyEgress.set(policy, bits);
    return bits;
  };
  const egressByCombination = new Map<string, Bits>();
  const egress = classes.map((endpointClass) => {
    if (endpointClass.egress.length === 0) return everything;
    const key = endpointClass.egress.map((policy) => policy.order).join(',');
    let bits = egressByCombination.get(key);
    if (bits === undefined) {
      bits = new Uint32Array(words);
      for (const policy of endpointClass.egress) orInto(bits, egressOfPolicy(policy));
      egressByCombination.set(key, bits);
    }
    return bits;
  });

  // Ingress: the destination is the subject, so its named ports decide which rules apply at all.
  const ingress = classes.map((endpointClass) => {
    if (endpointClass.ingress.length === 0) return everything;
    const bits = new Uint32Array(words);
    for (const policy of endpointClass.ingress) {
      for (const rule of policy.ingress) {
        if (ruleAdmitsPort(rule, target, endpointClass)) orInto(bits, peersOf(rule));
      }
    }
    return bits;
  });

  const result = new Uint8Array(classCount * classCount);
  for (let source = 0; source < classCount; source++) {
    const sourceEgress = egress[source] as Bits;
    for (let destination = 0; destination < classCount; destination++) {
      if (hasBit(sourceEgress, destination) && hasBit(ingress[destination] as Bits, source)) {
        result[source * classCount + destination] = 1;
      }
    }
  }
  return result;
}
