/**
 * Random clusters and policies for the differential test (fast-check arbitraries, small and dense so
 * that selectors, ipBlocks and named ports collide often) and for the benchmark (a seeded generator
 * for thousands of pods). Everything produced is valid and already normalised, like parser output.
 */
import fc from 'fast-check';
import { canonicalIp, cidrIsStrictSubset } from '../../core/netpol/ip.ts';
import { NAMESPACE_NAME_LABEL } from '../../core/netpol/types.ts';
import type {
  Cluster,
  ContainerPort,
  Direction,
  ExternalEndpoint,
  IPBlock,
  LabelSelector,
  LabelSelectorRequirement,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Pod,
  PortProtocol,
  Protocol,
} from '../../core/netpol/types.ts';

const NAMESPACES = ['x', 'y', 'z'];
const LABEL_KEYS = ['app', 'role', 'tier'];
const LABEL_VALUES = ['a', 'b', 'c'];
const PORT_NAMES = ['http', 'dns', 'metrics'];
const PORT_NUMBERS = [53, 80, 443, 8080, 8081, 9090];
const PROTOCOL_LIST: Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Ports worth probing with random policies: the numbers rules use, near misses and all protocols. */
export const PROBE_PORTS: readonly PortProtocol[] = [
  { port: 80, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 8080, protocol: 'TCP' },
  { port: 8085, protocol: 'TCP' },
  { port: 9090, protocol: 'SCTP' },
  { port: 443, protocol: 'UDP' },
];

const protocolArbitrary = fc.constantFrom<Protocol>(...PROTOCOL_LIST);

/** Addresses from a small pool so ipBlocks and pods overlap often; IPv6 in canonical form. */
const ipv4Arbitrary = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }))
  .map(([third, fourth]) => `10.0.${third}.${fourth}`);
const ipv6Arbitrary = fc
  .integer({ min: 0, max: 0x3ff })
  .map((value) => canonicalIp(`fd00::${value.toString(16)}`));
const ipArbitrary = fc.oneof(
  { weight: 3, arbitrary: ipv4Arbitrary },
  { weight: 1, arbitrary: ipv6Arbitrary },
);

const labelsArbitrary = fc.dictionary(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...LABEL_VALUES), {
  maxKeys: 3,
});

const requirementArbitrary: fc.Arbitrary<LabelSelectorRequirement> = fc.oneof(
  fc.record({
    key: fc.constantFrom(...LABEL_KEYS),
    operator: fc.constantFrom<'In' | 'NotIn'>('In', 'NotIn'),
    values: fc.uniqueArray(fc.constantFrom(...LABEL_VALUES), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    key: fc.constantFrom(...LABEL_KEYS),
    operator: fc.constantFrom<'Exists' | 'DoesNotExist'>('Exists', 'DoesNotExist'),
    values: fc.constant([]),
  }),
);

/** Label selectors; namespace selectors may also name the automatic namespace name label. */
function selectorArbitrary(forNamespaces: boolean): fc.Arbitrary<LabelSelector> {
  const keys = forNamespaces ? [...LABEL_KEYS, NAMESPACE_NAME_LABEL] : LABEL_KEYS;
  const values = forNamespaces ? [...LABEL_VALUES, ...NAMESPACES] : LABEL_VALUES;
  const random = fc.record({
    matchLabels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 2 }),
    matchExpressions: fc.array(requirementArbitrary, { maxLength: 2 }),
  });
  // Empty and one-term selectors are common in real policies and keep matches frequent.
  const single = fc.oneof(
    fc.record({
      matchLabels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), {
        minKeys: 1,
        maxKeys: 1,
      }),
      matchExpressions: fc.constant([]),
    }),
    fc.record({
      matchLabels: fc.constant({}),
      matchExpressions: fc.array(requirementArbitrary, { minLength: 1, maxLength: 1 }),
    }),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ matchLabels: {}, matchExpressions: [] }) },
    { weight: 4, arbitrary: single },
    { weight: 2, arbitrary: random },
  );
}

const ipBlockArbitrary: fc.Arbitrary<IPBlock> = fc
  .tuple(
    fc.oneof(
      fc.tuple(ipv4Arbitrary, fc.integer({ min: 0, max: 32 })),
      fc.tuple(ipv6Arbitrary, fc.integer({ min: 96, max: 128 })),
    ),
    fc.array(fc.tuple(ipArbitrary, fc.integer({ min: 0, max: 128 })), { maxLength: 2 }),
  )
  .map(([[address, prefix], candidates]) => {
    const cidr = `${address}/${prefix}`;
    // Only keep excepts the API server would accept: strictly inside the cidr.
    const except = candidates
      .map(
        ([candidate, length]) => `${candidate}/${candidate.includes(':') ? 96 + (length % 33) : length % 33}`,
      )
      .filter((candidate) => cidrIsStrictSubset(candidate, cidr));
    return { cidr, except };
  });

const peerArbitrary: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selectorArbitrary(false).map((podSelector) => ({ podSelector })),
  selectorArbitrary(true).map((namespaceSelector) => ({ namespaceSelector })),
  fc
    .tuple(selectorArbitrary(false), selectorArbitrary(true))
    .map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  ipBlockArbitrary.map((ipBlock) => ({ ipBlock })),
);

const portEntryArbitrary: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  protocolArbitrary.map((protocol) => ({ protocol })),
  fc.record({ protocol: protocolArbitrary, port: fc.constantFrom(...PORT_NUMBERS) }),
  fc
    .record({
      protocol: protocolArbitrary,
      port: fc.constantFrom(...PORT_NUMBERS),
      span: fc.constantFrom(0, 5, 1000),
    })
    .map(({ protocol, port, span }) => ({ protocol, port, endPort: port + span })),
  fc.record({ protocol: protocolArbitrary, port: fc.constantFrom(...PORT_NAMES) }),
);

/** A list that may be absent, empty, or hold items: absent and empty both mean "every". */
function optionalList<T>(item: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[] | undefined> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant<T[]>([]) },
    { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength }) },
  );
}

const ruleArbitrary: fc.Arbitrary<NetworkPolicyRule> = fc
  .record({ peers: optionalList(peerArbitrary, 3), ports: optionalList(portEntryArbitrary, 3) })
  .map(({ peers, ports }) => ({
    ...(peers === undefined ? {} : { peers }),
    ...(ports === undefined ? {} : { ports }),
  }));

const policyTypesArbitrary = fc.constantFrom<Direction[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']);

/** Random valid policies; names are unique per namespace. */
export const policiesArbitrary: fc.Arbitrary<NetworkPolicy[]> = fc
  .array(
    fc.record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: selectorArbitrary(false),
      policyTypes: policyTypesArbitrary,
      ingress: fc.array(ruleArbitrary, { maxLength: 3 }),
      egress: fc.array(ruleArbitrary, { maxLength: 3 }),
    }),
    { maxLength: 6 },
  )
  .map((drafts) =>
    drafts.map((draft, index) => ({ ...draft, name: `policy-${index}`, policyTypesExplicit: true })),
  );

const containerPortArbitrary: fc.Arbitrary<ContainerPort> = fc
  .record({
    name: fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }),
    port: fc.constantFrom(...PORT_NUMBERS, 8085),
    protocol: protocolArbitrary,
  })
  .map(({ name, port, protocol }) => (name === undefined ? { port, protocol } : { name, port, protocol }));

/** Random clusters: up to 8 pods over 3 namespaces (one possibly undeclared), up to 2 externals. */
export const clusterArbitrary: fc.Arbitrary<Cluster> = fc
  .record({
    namespaceLabels: fc.tuple(labelsArbitrary, labelsArbitrary, labelsArbitrary),
    declared: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    pods: fc.array(
      fc.record({
        namespace: fc.constantFrom(...NAMESPACES),
        labels: labelsArbitrary,
        ips: fc.uniqueArray(ipArbitrary, { maxLength: 2 }),
        ports: fc.array(containerPortArbitrary, { maxLength: 3 }),
      }),
      { minLength: 2, maxLength: 8 },
    ),
    externals: fc.uniqueArray(ipArbitrary, { maxLength: 2 }),
  })
  .map(({ namespaceLabels, declared, pods, externals }) => {
    const namespaces: Namespace[] = NAMESPACES.flatMap((name, index) =>
      declared[index] ? [{ name, labels: { ...namespaceLabels[index], [NAMESPACE_NAME_LABEL]: name } }] : [],
    );
    return {
      namespaces,
      pods: pods.map((pod, index): Pod => ({ ...pod, name: `pod-${index}` })),
      externals: externals.map((ip, index): ExternalEndpoint => ({ name: `ext-${index}`, ip })),
    };
  });

/** A deterministic pseudo-random source (mulberry32), so benchmarks are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A large generated lab: a cluster, its policies, and the ports to evaluate. */
export interface GeneratedLab {
  readonly cluster: Cluster;
  readonly policies: NetworkPolicy[];
  readonly ports: readonly PortProtocol[];
}

/**
 * A seeded cluster of `podCount` pods in podCount/50 namespaces with (by default) pods/10 policies mixing every
 * feature (selectors with expressions, namespace selectors, ipBlocks with except, named ports, ranges,
 * both directions), and 3 port/protocols. Pods come from workloads of `replicas` pods (1 makes every
 * pod's labels independent, the worst case for the matrix); each gets a unique IPv4 address, every
 * fifth also an IPv6 one.
 */
export function generateLab(
  seed: number,
  podCount: number,
  policyCount = Math.max(1, Math.round(podCount / 10)),
  replicas = 5,
): GeneratedLab {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const namespaceCount = Math.max(2, Math.round(podCount / 50));
  const namespaceNames = Array.from({ length: namespaceCount }, (_, index) => `ns-${index}`);
  const apps = Array.from({ length: 20 }, (_, index) => `app-${index}`);
  const roles = ['web', 'api', 'db', 'cache', 'worker'];
  const teams = ['red', 'green', 'blue', 'gold'];
  const namespaces: Namespace[] = namespaceNames.map((name) => ({
    name,
    labels: { [NAMESPACE_NAME_LABEL]: name, team: pick(teams), env: pick(['prod', 'dev']) },
  }));
  // Pods come from workloads: replicas share namespace, labels and ports, as in real clusters.
  interface Workload {
    readonly namespace: string;
    readonly labels: Record<string, string>;
    readonly ports: ContainerPort[];
  }
  let workload: Workload | undefined;
  const pods: Pod[] = Array.from({ length: podCount }, (_, index) => {
    if (workload === undefined || index % replicas === 0) {
      const role = pick(roles);
      workload = {
        namespace: pick(namespaceNames),
        labels: { app: pick(apps), role, ...(random() < 0.5 ? { tier: pick(['front', 'back']) } : {}) },
        ports:
          role === 'db'
            ? [{ name: 'sql', port: 5432, protocol: 'TCP' }]
            : [
                { name: 'http', port: pick([80, 8080]), protocol: 'TCP' },
                { name: 'dns', port: 53, protocol: 'UDP' },
              ],
      };
    }
    const ips = [`10.${1 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`];
    if (index % 5 === 0) ips.push(canonicalIp(`fd00::${index.toString(16)}`));
    return { ...workload, name: `pod-${index}`, ips };
  });
  const selector = (): LabelSelector => {
    const kind = random();
    if (kind < 0.2) return { matchLabels: {}, matchExpressions: [] };
    if (kind < 0.6) return { matchLabels: { role: pick(roles) }, matchExpressions: [] };
    if (kind < 0.8) return { matchLabels: { app: pick(apps) }, matchExpressions: [] };
    return {
      matchLabels: {},
      matchExpressions: [
        { key: 'role', operator: pick(['In', 'NotIn'] as const), values: [pick(roles), pick(roles)] },
      ],
    };
  };
  const peer = (): NetworkPolicyPeer => {
    const kind = random();
    if (kind < 0.35) return { podSelector: selector() };
    if (kind < 0.55)
      return { namespaceSelector: { matchLabels: { team: pick(teams) }, matchExpressions: [] } };
    if (kind < 0.8) {
      return {
        podSelector: selector(),
        namespaceSelector: { matchLabels: { env: pick(['prod', 'dev']) }, matchExpressions: [] },
      };
    }
    const third = Math.floor(random() * Math.max(1, podCount / 256));
    return {
      ipBlock: { cidr: `10.1.${third}.0/24`, except: random() < 0.5 ? [`10.1.${third}.128/25`] : [] },
    };
  };
  const portEntry = (): NetworkPolicyPort => {
    const kind = random();
    if (kind < 0.4) return { protocol: 'TCP', port: pick([80, 8080, 5432]) };
    if (kind < 0.6) return { protocol: 'TCP', port: pick(['http', 'sql']) };
    if (kind < 0.8) return { protocol: 'UDP', port: 'dns' };
    return { protocol: 'TCP', port: 8000, endPort: 8100 };
  };
  const rule = (): NetworkPolicyRule => ({
    ...(random() < 0.15 ? {} : { peers: Array.from({ length: 1 + Math.floor(random() * 3) }, peer) }),
    ...(random() < 0.25 ? {} : { ports: Array.from({ length: 1 + Math.floor(random() * 2) }, portEntry) }),
  });
  const policies: NetworkPolicy[] = Array.from({ length: policyCount }, (_, index) => {
    const policyTypes = pick<Direction[]>([['Ingress'], ['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
    return {
      namespace: pick(namespaceNames),
      name: `policy-${index}`,
      podSelector: selector(),
      policyTypes,
      policyTypesExplicit: true,
      ingress: Array.from({ length: Math.floor(random() * 3) }, rule),
      egress: Array.from({ length: Math.floor(random() * 3) }, rule),
    };
  });
  const externals: ExternalEndpoint[] = [
    { name: 'backup', ip: '192.168.99.10' },
    { name: 'internet', ip: '8.8.8.8' },
    { name: 'v6-mirror', ip: '2001:db8::10' },
  ];
  const ports: PortProtocol[] = [
    { port: 80, protocol: 'TCP' },
    { port: 53, protocol: 'UDP' },
    { port: 8080, protocol: 'TCP' },
  ];
  return { cluster: { namespaces, pods, externals }, policies, ports };
}
