/**
 * The front of the engine's input: manifest texts in, a cluster model, valid policies and
 * diagnostics out. Reads multi-document YAML and `List`s, dispatches each object by kind, drops
 * duplicates, adds implicit namespaces and gives IP-less pods an address. Never throws.
 */
import type {
  Diagnostic,
  Namespace,
  NetworkPolicy,
  ParseResult,
  Pod,
  Service,
  SourcePosition,
} from '../types.ts';
import { NAMESPACE_NAME_LABEL } from '../types.ts';
import { entryOf, formatPosition, isNull, readYamlDocuments } from './yaml-source.ts';
import type { YamlEntry, YamlMap, YamlValue } from './yaml-source.ts';
import { describeObject } from './object-names.ts';
import { clipText } from './shown-text.ts';
import { validateNetworkPolicy } from './validate-policy.ts';
import { WORKLOAD_KINDS, assignPodIps, readNamespace, readPod, readWorkload } from './read-workloads.ts';
import type { ClusterObjectRead, WorkloadKind } from './read-workloads.ts';
import { readService } from './read-service.ts';
import { assignServiceIps } from '../services.ts';

export { describeObject };

/** One manifest text and where it came from (a file name or an editor tab). */
export interface ManifestInput {
  readonly text: string;
  readonly source?: string;
}

/** `kind: List` nests this deep at most (a List of Lists is legal but rare). */
const MAX_LIST_NESTING = 4;

interface Collector {
  readonly diagnostics: Diagnostic[];
  readonly namespaces: Namespace[];
  readonly pods: Pod[];
  readonly policies: NetworkPolicy[];
  readonly services: Service[];
  /** `kind namespace/name` of every object seen, for duplicate detection. */
  readonly seen: Map<string, { readonly position: SourcePosition; readonly source: string }>;
  /** Namespaces that something lives in or refers to, in the order first seen. */
  readonly referenced: string[];
}

function plain(
  id: string,
  severity: Diagnostic['severity'],
  message: string,
  position: SourcePosition,
  source: string,
): Diagnostic {
  return { id, severity, message: `${message}${formatPosition(position)}`, position, source };
}

function scalarText(map: YamlMap, key: string): string | undefined {
  const value = entryOf(map, key)?.value;
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** Records an object's identity; false (with a diagnostic) when the same object came before. */
function claim(
  collector: Collector,
  kind: string,
  namespace: string | undefined,
  name: string,
  position: SourcePosition,
  source: string,
): boolean {
  const key = `${kind} ${namespace ?? ''}/${name}`;
  const earlier = collector.seen.get(key);
  if (earlier === undefined) {
    collector.seen.set(key, { position, source });
    return true;
  }
  const object = describeObject(kind, namespace, name);
  // Name the other file when the first definition came from one: a line number alone points nowhere.
  const where = earlier.source === source ? '' : ` in ${earlier.source}`;
  collector.diagnostics.push({
    id: 'manifest.duplicate',
    severity: 'error',
    message: `${object}: Duplicate value: already defined${where} at line ${earlier.position.line}, column ${earlier.position.column}; this one is left out${formatPosition(position)}`,
    object,
    position,
    source,
  });
  return false;
}

function addClusterObject(
  collector: Collector,
  kind: string,
  read: ClusterObjectRead,
  document: YamlMap,
  source: string,
): void {
  collector.diagnostics.push(...read.diagnostics);
  if (read.namespace !== undefined) {
    if (claim(collector, 'Namespace', undefined, read.namespace.name, document.position, source)) {
      collector.namespaces.push(read.namespace);
    }
    return;
  }
  if (read.name === undefined || read.pods.length === 0) {
    if (read.objectNamespace !== undefined && read.name !== undefined) {
      claim(collector, kind, read.objectNamespace, read.name, document.position, source);
    }
    return;
  }
  if (kind !== 'Pod' && !claim(collector, kind, read.objectNamespace, read.name, document.position, source))
    return;
  for (const pod of read.pods) {
    if (!claim(collector, 'Pod', pod.namespace, pod.name, document.position, source)) continue;
    collector.pods.push(pod);
    collector.referenced.push(pod.namespace);
  }
}

/** What the items of a typed list (`PodList`, `NetworkPolicyList`, …) default to. */
interface TypedList {
  readonly kind: string;
  readonly apiVersion?: string;
}

/**
 * A `<Kind>List` gives its items the kind without the suffix and its own apiVersion, as
 * apimachinery's decoder does; a plain `List` gives nothing (every item names its own kind).
 */
function typedListItems(kind: string, list: YamlMap): TypedList | undefined {
  if (kind === 'List') return undefined;
  const apiVersion = scalarText(list, 'apiVersion');
  return { kind: kind.slice(0, -'List'.length), ...(apiVersion === undefined ? {} : { apiVersion }) };
}

/** The item with `kind` and `apiVersion` filled in from its list where it leaves them out. */
function withListDefaults(item: YamlMap, list: TypedList): YamlMap {
  const added: YamlEntry[] = [];
  const missing = (key: string): boolean => {
    const entry = entryOf(item, key);
    return entry === undefined || isNull(entry.value);
  };
  const at = item.position;
  if (missing('apiVersion') && list.apiVersion !== undefined) {
    added.push({
      key: 'apiVersion',
      keyPosition: at,
      value: { kind: 'scalar' as const, value: list.apiVersion, position: at },
    });
  }
  if (missing('kind')) {
    added.push({
      key: 'kind',
      keyPosition: at,
      value: { kind: 'scalar' as const, value: list.kind, position: at },
    });
  }
  if (added.length === 0) return item;
  const kept = item.entries.filter((entry) => !added.some((extra) => extra.key === entry.key));
  return { ...item, entries: [...added, ...kept] };
}

function readObject(collector: Collector, value: YamlValue, source: string, depth: number): void {
  if (value.kind !== 'map') {
    collector.diagnostics.push(
      plain(
        'manifest.not-an-object',
        'error',
        `a document must be a Kubernetes object (a mapping with apiVersion and kind), got a ${value.kind === 'list' ? 'list' : 'plain value'}`,
        value.position,
        source,
      ),
    );
    return;
  }
  const kindValue = entryOf(value, 'kind')?.value;
  const kind = scalarText(value, 'kind');
  if (kind === undefined || kind === '') {
    collector.diagnostics.push(
      isNull(kindValue)
        ? plain(
            'manifest.required',
            'error',
            'kind: Required value: every object needs a kind (Namespace, Pod, NetworkPolicy, …)',
            value.position,
            source,
          )
        : plain(
            'manifest.invalid-type',
            'error',
            'kind: Invalid type: expected a string',
            kindValue?.position ?? value.position,
            source,
          ),
    );
    return;
  }
  if (kind === 'List' || (kind.endsWith('List') && entryOf(value, 'items') !== undefined)) {
    const items = entryOf(value, 'items')?.value;
    if (depth >= MAX_LIST_NESTING) {
      collector.diagnostics.push(
        plain(
          'manifest.list-too-deep',
          'error',
          `${clipText(kind)}: Lists nested more than ${MAX_LIST_NESTING} deep are not read`,
          value.position,
          source,
        ),
      );
      return;
    }
    if (items === undefined || isNull(items)) return;
    if (items.kind !== 'list') {
      collector.diagnostics.push(
        plain(
          'manifest.invalid-type',
          'error',
          `${clipText(kind)}: items: Invalid type: expected a list`,
          items.position,
          source,
        ),
      );
      return;
    }
    const typed = typedListItems(kind, value);
    for (const item of items.items) {
      if (typed === undefined || item.kind !== 'map') {
        readObject(collector, item, source, depth + 1);
        continue;
      }
      const itemKind = scalarText(item, 'kind');
      if (itemKind !== undefined && itemKind !== '' && itemKind !== typed.kind) {
        collector.diagnostics.push(
          plain(
            'manifest.list-kind-mismatch',
            'error',
            `${clipText(kind)}: items: an item of kind ${clipText(itemKind)} in a ${clipText(kind)}, which holds only ${clipText(typed.kind)} objects; move it out of the list or change the list to kind: List`,
            entryOf(item, 'kind')?.value.position ?? item.position,
            source,
          ),
        );
        continue;
      }
      readObject(collector, withListDefaults(item, typed), source, depth + 1);
    }
    return;
  }
  if (kind === 'NetworkPolicy') {
    const validation = validateNetworkPolicy(value, source);
    collector.diagnostics.push(...validation.diagnostics);
    collector.referenced.push(validation.namespace);
    if (validation.name === undefined) return;
    const unique = claim(
      collector,
      'NetworkPolicy',
      validation.namespace,
      validation.name,
      value.position,
      source,
    );
    if (unique && validation.policy !== undefined) collector.policies.push(validation.policy);
    return;
  }
  if (kind === 'Namespace')
    return addClusterObject(collector, kind, readNamespace(value, source), value, source);
  if (kind === 'Pod') return addClusterObject(collector, kind, readPod(value, source), value, source);
  if (kind === 'Service') {
    const read = readService(value, source);
    collector.diagnostics.push(...read.diagnostics);
    collector.referenced.push(read.objectNamespace ?? 'default');
    if (read.name === undefined) return;
    const unique = claim(collector, kind, read.objectNamespace, read.name, value.position, source);
    if (unique && read.service !== undefined) collector.services.push(read.service);
    return;
  }
  const workload = WORKLOAD_KINDS.find((candidate) => candidate === kind);
  if (workload !== undefined) {
    return addClusterObject(
      collector,
      kind,
      readWorkload(workload as WorkloadKind, value, source),
      value,
      source,
    );
  }
  const metadata = entryOf(value, 'metadata')?.value;
  const name = metadata?.kind === 'map' ? scalarText(metadata, 'name') : undefined;
  const close = ['NetworkPolicy', 'Namespace', 'Pod', 'Service', ...WORKLOAD_KINDS].find(
    (known) => known.toLowerCase() === kind.toLowerCase(),
  );
  const hint =
    close === undefined
      ? 'it plays no part in network policy, so it is skipped'
      : `did you mean "${close}"? kinds are case-sensitive; it is skipped`;
  collector.diagnostics.push({
    ...plain(
      'manifest.unknown-kind',
      close === undefined ? 'info' : 'error',
      `${clipText(kind)}${name === undefined ? '' : ` ${clipText(name)}`}: ${hint}`,
      value.position,
      source,
    ),
    ...(name === undefined ? {} : { object: `${clipText(kind)} ${clipText(name)}` }),
  });
}

/** Declared namespaces, then implicit ones for everything referenced, `default` always present. */
function finishNamespaces(collector: Collector): Namespace[] {
  const namespaces = [...collector.namespaces];
  const declared = new Set(namespaces.map((namespace) => namespace.name));
  for (const name of ['default', ...collector.referenced]) {
    if (declared.has(name)) continue;
    declared.add(name);
    namespaces.push({ name, labels: { [NAMESPACE_NAME_LABEL]: name }, implicit: true });
  }
  return namespaces.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}

function normaliseInputs(input: unknown): ManifestInput[] {
  if (typeof input === 'string') return [{ text: input, source: 'input' }];
  if (!Array.isArray(input)) return [];
  return input.map((entry: unknown, index) => {
    const candidate = (entry ?? {}) as { text?: unknown; source?: unknown };
    const source =
      typeof candidate.source === 'string' && candidate.source !== ''
        ? candidate.source
        : `input ${index + 1}`;
    return { text: typeof candidate.text === 'string' ? candidate.text : '', source };
  });
}

/**
 * Reads one text, or several (each with its source name), into the cluster model and the valid
 * NetworkPolicies. Problems become diagnostics with ids (`yaml.*`, `manifest.*`, `policy.*`), field
 * paths and line:column; invalid and duplicate objects are left out. Externals are always empty here.
 */
export function parseManifests(input: string | readonly ManifestInput[]): ParseResult {
  const collector: Collector = {
    diagnostics: [],
    namespaces: [],
    pods: [],
    policies: [],
    services: [],
    seen: new Map(),
    referenced: [],
  };
  for (const { text, source = 'input' } of normaliseInputs(input)) {
    try {
      const read = readYamlDocuments(text, source);
      collector.diagnostics.push(...read.diagnostics);
      for (const document of read.documents) readObject(collector, document.value, source, 0);
    } catch (error) {
      // A bug of ours must not take the learner's session down; say what happened instead.
      const detail = error instanceof Error ? error.message : String(error);
      collector.diagnostics.push(
        plain(
          'internal.error',
          'error',
          `could not read this text: ${detail}`,
          { line: 1, column: 1 },
          source,
        ),
      );
    }
  }
  const pods = assignPodIps(collector.pods);
  const services = assignServiceIps(
    collector.services,
    pods.flatMap((pod) => pod.ips),
  );
  return {
    cluster: {
      namespaces: finishNamespaces(collector),
      pods,
      externals: [],
      ...(services.length === 0 ? {} : { services }),
    },
    policies: collector.policies,
    diagnostics: collector.diagnostics,
  };
}
