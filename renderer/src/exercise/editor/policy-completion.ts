/**
 * Completion for NetworkPolicy YAML: field names by where the cursor is, fixed values (policy types,
 * protocols, selector operators) and the exercise's own vocabulary (label keys and values, namespace
 * names, named ports).
 */
import type { Cluster } from '../../../../core/netpol/index.ts';
import type { CompletionPlace } from './completion-context.ts';

/** What the cluster offers to complete. */
export interface ClusterVocabulary {
  readonly namespaces: readonly string[];
  readonly podLabels: ReadonlyMap<string, readonly string[]>;
  readonly namespaceLabels: ReadonlyMap<string, readonly string[]>;
  readonly namedPorts: readonly string[];
  readonly portNumbers: readonly number[];
}

export interface CompletionOption {
  readonly label: string;
  /** Text inserted instead of the label. */
  readonly apply?: string;
  readonly type: 'property' | 'enum' | 'constant' | 'variable';
  readonly detail?: string;
}

function addLabels(target: Map<string, Set<string>>, labels: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(labels)) {
    const values = target.get(key) ?? new Set<string>();
    values.add(value);
    target.set(key, values);
  }
}

function sortedMap(source: Map<string, Set<string>>): Map<string, string[]> {
  return new Map(
    [...source.keys()].sort().map((key) => [key, [...(source.get(key) ?? [])].sort()] as [string, string[]]),
  );
}

/** Collects the vocabulary of a cluster once per exercise. */
export function clusterVocabulary(cluster: Cluster): ClusterVocabulary {
  const podLabels = new Map<string, Set<string>>();
  const namespaceLabels = new Map<string, Set<string>>();
  const namedPorts = new Set<string>();
  const portNumbers = new Set<number>();
  for (const pod of cluster.pods) {
    addLabels(podLabels, pod.labels);
    for (const port of pod.ports) {
      if (port.name !== undefined) namedPorts.add(port.name);
      portNumbers.add(port.port);
    }
  }
  for (const namespace of cluster.namespaces) addLabels(namespaceLabels, namespace.labels);
  return {
    namespaces: cluster.namespaces.map((namespace) => namespace.name).sort(),
    podLabels: sortedMap(podLabels),
    namespaceLabels: sortedMap(namespaceLabels),
    namedPorts: [...namedPorts].sort(),
    portNumbers: [...portNumbers].sort((left, right) => left - right),
  };
}

/**
 * Fields by parent key, and whether each holds a map/list (completing it leaves the cursor after the
 * colon) or a scalar. A Map, so a parent key a learner types (`constructor:`) is never an inherited
 * property.
 */
const KEYS_BY_PARENT: ReadonlyMap<string, readonly (readonly [string, 'map' | 'scalar'])[]> = new Map(
  Object.entries({
    '': [
      ['apiVersion', 'scalar'],
      ['kind', 'scalar'],
      ['metadata', 'map'],
      ['spec', 'map'],
    ],
    metadata: [
      ['name', 'scalar'],
      ['namespace', 'scalar'],
      ['labels', 'map'],
      ['annotations', 'map'],
    ],
    spec: [
      ['podSelector', 'map'],
      ['policyTypes', 'map'],
      ['ingress', 'map'],
      ['egress', 'map'],
    ],
    podSelector: [
      ['matchLabels', 'map'],
      ['matchExpressions', 'map'],
    ],
    namespaceSelector: [
      ['matchLabels', 'map'],
      ['matchExpressions', 'map'],
    ],
    matchExpressions: [
      ['key', 'scalar'],
      ['operator', 'scalar'],
      ['values', 'map'],
    ],
    ingress: [
      ['from', 'map'],
      ['ports', 'map'],
    ],
    egress: [
      ['to', 'map'],
      ['ports', 'map'],
    ],
    from: [
      ['podSelector', 'map'],
      ['namespaceSelector', 'map'],
      ['ipBlock', 'map'],
    ],
    to: [
      ['podSelector', 'map'],
      ['namespaceSelector', 'map'],
      ['ipBlock', 'map'],
    ],
    ipBlock: [
      ['cidr', 'scalar'],
      ['except', 'map'],
    ],
    ports: [
      ['protocol', 'scalar'],
      ['port', 'scalar'],
      ['endPort', 'scalar'],
    ],
  } satisfies Record<string, readonly (readonly [string, 'map' | 'scalar'])[]>),
);

const POLICY_TYPES = ['Ingress', 'Egress'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function constants(values: readonly string[], type: CompletionOption['type'] = 'enum'): CompletionOption[] {
  return values.map((label) => ({ label, type }));
}

/** The label vocabulary that applies at `path`: namespace labels under a namespaceSelector. */
function labelsAt(
  path: readonly string[],
  vocabulary: ClusterVocabulary,
): ReadonlyMap<string, readonly string[]> {
  for (let index = path.length - 1; index >= 0; index--) {
    if (path[index] === 'namespaceSelector') return vocabulary.namespaceLabels;
    if (path[index] === 'podSelector') return vocabulary.podLabels;
  }
  return vocabulary.podLabels;
}

function labelKeys(
  path: readonly string[],
  vocabulary: ClusterVocabulary,
  apply: boolean,
): CompletionOption[] {
  return [...labelsAt(path, vocabulary).keys()].map((label) => ({
    label,
    type: 'variable' as const,
    detail: 'label',
    ...(apply ? { apply: `${label}: ` } : {}),
  }));
}

function labelValues(
  path: readonly string[],
  vocabulary: ClusterVocabulary,
  key?: string,
): CompletionOption[] {
  const labels = labelsAt(path, vocabulary);
  const values = key === undefined ? [...labels.values()].flat() : (labels.get(key) ?? []);
  return constants([...new Set(values)], 'constant');
}

function keyOptions(path: readonly string[], vocabulary: ClusterVocabulary): CompletionOption[] {
  const parent = path[path.length - 1] ?? '';
  if (parent === 'policyTypes') return constants(POLICY_TYPES);
  if (parent === 'matchLabels') return labelKeys(path, vocabulary, true);
  if (parent === 'values') return labelValues(path.slice(0, -2), vocabulary);
  if (parent === 'labels' && path[path.length - 2] === 'metadata') return [];
  const keys = KEYS_BY_PARENT.get(parent) ?? [];
  return keys.map(([label, shape]) => ({
    label,
    type: 'property' as const,
    apply: shape === 'map' ? `${label}:` : `${label}: `,
  }));
}

function valueOptions(
  path: readonly string[],
  key: string,
  vocabulary: ClusterVocabulary,
): CompletionOption[] {
  const parent = path[path.length - 1] ?? '';
  if (parent === 'matchLabels') return labelValues(path, vocabulary, key);
  switch (key) {
    case 'apiVersion':
      return constants(['networking.k8s.io/v1'], 'constant');
    case 'kind':
      return constants(['NetworkPolicy'], 'constant');
    case 'namespace':
      return parent === 'metadata' ? constants(vocabulary.namespaces, 'constant') : [];
    case 'policyTypes':
      return constants(POLICY_TYPES);
    case 'protocol':
      return constants(PROTOCOLS);
    case 'operator':
      return constants(OPERATORS);
    case 'key':
      return parent === 'matchExpressions' ? labelKeys(path, vocabulary, false) : [];
    case 'values':
      return parent === 'matchExpressions' ? labelValues(path, vocabulary) : [];
    case 'port':
      return [
        ...vocabulary.namedPorts.map((label) => ({ label, type: 'variable' as const, detail: 'named port' })),
        ...constants(vocabulary.portNumbers.map(String), 'constant'),
      ];
    case 'endPort':
      return constants(vocabulary.portNumbers.map(String), 'constant');
    default:
      return [];
  }
}

/** The options for a place, filtered by what has been typed (case-insensitive prefix). */
export function completionOptions(place: CompletionPlace, vocabulary: ClusterVocabulary): CompletionOption[] {
  const options =
    place.kind === 'key'
      ? keyOptions(place.path, vocabulary)
      : valueOptions(place.path, place.key, vocabulary);
  const prefix = place.prefix.toLowerCase();
  // An option that is exactly what is already typed completes nothing; offering it would only make
  // Enter accept it instead of starting a new line.
  return options.filter(
    (option) => option.label !== place.prefix && option.label.toLowerCase().startsWith(prefix),
  );
}
