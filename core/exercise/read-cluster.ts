/**
 * Reads the `cluster` section of an exercise into the engine's Cluster model: namespaces with their
 * automatic name label (plus implicit ones), pods with ports and a stable IP each, externals, and the
 * pre-existing policies of `cluster.policies` read by the engine's own manifest parser.
 */
import type {
  Cluster,
  ContainerPort,
  ExternalEndpoint,
  Namespace,
  NetworkPolicy,
  Pod,
} from '../netpol/types.ts';
import { NAMESPACE_NAME_LABEL, PROTOCOLS } from '../netpol/types.ts';
import { canonicalIp, isValidIp } from '../netpol/ip.ts';
import { parseManifests } from '../netpol/read/manifests.ts';
import { assignPodIps } from '../netpol/read/pod-identity.ts';
import type { YamlMap, YamlValue } from '../netpol/read/yaml-source.ts';
import { entryOf } from '../netpol/read/yaml-source.ts';
import type { FieldReader } from './field-reader.ts';
import { DNS_LABEL, DNS_SUBDOMAIN, PORT_NAME, join } from './field-reader.ts';
import { relocateDiagnostics } from './relocate.ts';
import { readService } from './read-services.ts';
import { HEADLESS, assignServiceIps } from '../netpol/services.ts';

/** The cluster of an exercise and the policies it already holds. */
export interface ClusterRead {
  readonly cluster: Cluster;
  readonly policies: readonly NetworkPolicy[];
  readonly policiesText: string;
}

const CLUSTER_KEYS = ['namespaces', 'pods', 'services', 'externals', 'policies'];
const NAMESPACE_KEYS = ['name', 'labels'];
const POD_KEYS = ['name', 'namespace', 'labels', 'ip', 'ports'];
const PORT_KEYS = ['name', 'port', 'protocol'];
const EXTERNAL_KEYS = ['name', 'ip'];

function readNamespace(reader: FieldReader, value: YamlValue, path: string): Namespace | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, NAMESPACE_KEYS);
  const name = reader.text(map, 'name', path, true, {
    pattern: DNS_LABEL,
    patternHint: 'a namespace name is a DNS-1123 label (lowercase letters, digits, "-")',
    maxLength: 63,
  });
  const labels = reader.labels(map, 'labels', path);
  if (name === undefined) return undefined;
  const written = labels[NAMESPACE_NAME_LABEL];
  if (written !== undefined && written !== name) {
    reader.error(
      'invalid-value',
      join(path, `labels.${NAMESPACE_NAME_LABEL}`),
      `Invalid value: ${JSON.stringify(written)}: this label is always the namespace's own name`,
      entryOf(map, 'labels')?.value.position,
    );
  }
  return { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name } };
}

function readPort(reader: FieldReader, value: YamlValue, path: string): ContainerPort | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, PORT_KEYS);
  const name = reader.text(map, 'name', path, false, {
    pattern: PORT_NAME,
    patternHint: 'a port name is an IANA service name (lowercase letters, digits, single "-", a letter)',
    maxLength: 15,
  });
  const port = reader.integer(map, 'port', path, true, { minimum: 1, maximum: 65535 });
  const protocol = reader.choice(map, 'protocol', path, false, PROTOCOLS) ?? 'TCP';
  if (port === undefined) return undefined;
  return { ...(name === undefined ? {} : { name }), port, protocol };
}

function readPod(reader: FieldReader, value: YamlValue, path: string): Pod | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, POD_KEYS);
  const name = reader.text(map, 'name', path, true, {
    pattern: DNS_SUBDOMAIN,
    patternHint: 'a pod name is a DNS-1123 subdomain (lowercase letters, digits, "-", ".")',
    maxLength: 253,
  });
  const namespace =
    reader.text(map, 'namespace', path, false, {
      pattern: DNS_LABEL,
      patternHint: 'a namespace name is a DNS-1123 label',
      maxLength: 63,
    }) ?? 'default';
  const labels = reader.labels(map, 'labels', path);
  const ipText = reader.text(map, 'ip', path, false);
  let ips: string[] = [];
  if (ipText !== undefined) {
    if (isValidIp(ipText)) ips = [canonicalIp(ipText)];
    else
      reader.error(
        'invalid-value',
        join(path, 'ip'),
        `Invalid value: ${JSON.stringify(ipText)}: not an IP address`,
        entryOf(map, 'ip')?.value.position,
      );
  }
  const ports =
    reader.list(map, 'ports', path, false, (item, itemPath) => readPort(reader, item, itemPath)) ?? [];
  if (name === undefined) return undefined;
  return { namespace, name, labels, ips, ports, position: map.position, source: reader.source };
}

function readExternal(reader: FieldReader, value: YamlValue, path: string): ExternalEndpoint | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, EXTERNAL_KEYS);
  const name = reader.text(map, 'name', path, true, {
    pattern: DNS_LABEL,
    patternHint:
      'an external name is lowercase letters, digits and "-" (no "/", so it never looks like a pod)',
    maxLength: 63,
  });
  const ip = reader.text(map, 'ip', path, true);
  if (ip !== undefined && !isValidIp(ip)) {
    reader.error(
      'invalid-value',
      join(path, 'ip'),
      `Invalid value: ${JSON.stringify(ip)}: not an IP address`,
      entryOf(map, 'ip')?.value.position,
    );
    return undefined;
  }
  if (name === undefined || ip === undefined) return undefined;
  return { name, ip: canonicalIp(ip) };
}

/** Reports the second and later items that share a key, with where the first one was. */
function reportDuplicates<T>(
  reader: FieldReader,
  items: readonly T[],
  key: (item: T) => string,
  path: string,
  what: string,
): void {
  const seen = new Set<string>();
  for (const item of items) {
    const text = key(item);
    if (seen.has(text))
      reader.error(
        'duplicate',
        path,
        `Duplicate value: ${what} ${JSON.stringify(text)} is declared twice`,
        undefined,
      );
    seen.add(text);
  }
}

function readPolicies(
  reader: FieldReader,
  map: YamlMap,
  exerciseText: string,
): { policies: readonly NetworkPolicy[]; text: string; namespaces: readonly string[] } {
  const value = reader.field(map, 'policies', 'cluster', false);
  if (value === undefined) return { policies: [], text: '', namespaces: [] };
  const text = reader.textValue(value, 'cluster.policies');
  if (text === undefined) return { policies: [], text: '', namespaces: [] };
  const source = `${reader.source} cluster.policies`;
  const parsed = parseManifests([{ text, source }]);
  reader.diagnostics.push(
    ...relocateDiagnostics(parsed.diagnostics, exerciseText, value.position, reader.source).map(
      (diagnostic) => ({
        ...diagnostic,
        path: diagnostic.path === undefined ? 'cluster.policies' : `cluster.policies › ${diagnostic.path}`,
      }),
    ),
  );
  if (
    parsed.cluster.pods.length > 0 ||
    (parsed.cluster.services ?? []).length > 0 ||
    parsed.cluster.namespaces.some((namespace) => namespace.implicit !== true)
  ) {
    reader.error(
      'invalid-value',
      'cluster.policies',
      'Invalid value: holds only NetworkPolicies; declare namespaces, pods and Services under cluster.namespaces, cluster.pods and cluster.services',
      value.position,
    );
  }
  return {
    policies: parsed.policies,
    text,
    namespaces: parsed.policies.map((policy) => policy.namespace),
  };
}

/**
 * Reads `cluster`. Namespaces are sorted by name; `default`, every namespace a pod, a Service or a
 * policy lives in, and nothing else is added implicitly. Pods without `ip` and Services without
 * `clusterIP` get a stable address from the engine.
 */
export function readCluster(
  reader: FieldReader,
  value: YamlValue,
  exerciseText: string,
): ClusterRead | undefined {
  const map = reader.asMap(value, 'cluster');
  if (map === undefined) return undefined;
  reader.checkKeys(map, 'cluster', CLUSTER_KEYS);
  const declared =
    reader.list(map, 'namespaces', 'cluster', false, (item, path) => readNamespace(reader, item, path)) ?? [];
  const writtenPods =
    reader.list(map, 'pods', 'cluster', true, (item, path) => readPod(reader, item, path)) ?? [];
  const writtenServices =
    reader.list(map, 'services', 'cluster', false, (item, path) => readService(reader, item, path)) ?? [];
  const externals =
    reader.list(map, 'externals', 'cluster', false, (item, path) => readExternal(reader, item, path)) ?? [];
  const policies = readPolicies(reader, map, exerciseText);

  reportDuplicates(reader, declared, (namespace) => namespace.name, 'cluster.namespaces', 'namespace');
  reportDuplicates(reader, writtenPods, (pod) => `${pod.namespace}/${pod.name}`, 'cluster.pods', 'pod');
  reportDuplicates(reader, externals, (external) => external.name, 'cluster.externals', 'external');
  reportDuplicates(
    reader,
    writtenServices,
    (service) => `${service.namespace}/${service.name}`,
    'cluster.services',
    'service',
  );
  const serviceIps = writtenServices
    .map((service) => service.clusterIP)
    .filter((ip) => ip !== '' && ip !== HEADLESS);
  const addresses = [
    ...writtenPods.flatMap((pod) => pod.ips),
    ...externals.map((external) => external.ip),
    ...serviceIps,
  ];
  reportDuplicates(reader, addresses, (ip) => ip, 'cluster', 'IP address');

  const namespaces = [...declared];
  const known = new Set(namespaces.map((namespace) => namespace.name));
  const used = [
    'default',
    ...writtenPods.map((pod) => pod.namespace),
    ...writtenServices.map((service) => service.namespace),
    ...policies.namespaces,
  ];
  for (const name of used) {
    if (known.has(name)) continue;
    known.add(name);
    namespaces.push({ name, labels: { [NAMESPACE_NAME_LABEL]: name }, implicit: true });
  }
  namespaces.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const pods = assignPodIps(writtenPods);
  const services = assignServiceIps(writtenServices, [
    ...pods.flatMap((pod) => pod.ips),
    ...externals.map((external) => external.ip),
  ]);
  return {
    cluster: { namespaces, pods, externals, ...(services.length === 0 ? {} : { services }) },
    policies: policies.policies,
    policiesText: policies.text,
  };
}
