/**
 * Reads `free`: regions of the connection space the task leaves open ("DNS from `internal`: either
 * way"), where an answer may decide either way. Each names its ends with the same words as a reach
 * check, plus sets: `*` (anything), `outside` (every address that is not a pod's), `ns/*` (every
 * pod of a namespace), a CIDR, or `{namespace, labels}`; ports as numbers or `first-last` ranges.
 */
import type { Cluster, Protocol } from '../netpol/types.ts';
import type { FreeRegion } from './types.ts';
import { PROTOCOLS } from '../netpol/types.ts';
import { canonicalIp, ipFamily, isValidCidr, isValidIp } from '../netpol/ip.ts';
import type { EndpointSet } from '../netpol/space.ts';
import type { YamlValue } from '../netpol/read/yaml-source.ts';
import type { FieldReader } from './field-reader.ts';
import { join } from './field-reader.ts';

const FREE_KEYS = ['from', 'to', 'ports', 'protocols', 'explain'];

/** Resolves one end of a region against the cluster; a string is the error. */
export function endpointSetOf(cluster: Cluster, text: string): EndpointSet | string {
  const value = text.trim();
  if (value === '*') return { kind: 'any' };
  if (value === 'outside') return { kind: 'addresses' };
  if (isValidCidr(value)) return { kind: 'addresses', cidr: value };
  if (isValidIp(value)) {
    const ip = canonicalIp(value);
    const owner = cluster.pods.find((pod) => pod.ips.some((podIp) => canonicalIp(podIp) === ip));
    if (owner !== undefined) return { kind: 'pods', namespace: owner.namespace, name: owner.name };
    return { kind: 'addresses', cidr: `${ip}/${ipFamily(ip) === 'ipv6' ? 128 : 32}` };
  }
  const external = cluster.externals.find((candidate) => candidate.name === value);
  if (external !== undefined) {
    const ip = canonicalIp(external.ip);
    return { kind: 'addresses', cidr: `${ip}/${ipFamily(ip) === 'ipv6' ? 128 : 32}` };
  }
  const slash = value.indexOf('/');
  const namespace = slash === -1 ? 'default' : value.slice(0, slash);
  const name = slash === -1 ? value : value.slice(slash + 1);
  if (!cluster.namespaces.some((candidate) => candidate.name === namespace))
    return `no namespace "${namespace}" in the cluster (write namespace/pod, namespace/*, *, outside, an external's name, an IP or a CIDR)`;
  if (name === '*') return { kind: 'pods', namespace };
  if (!cluster.pods.some((pod) => pod.namespace === namespace && pod.name === name))
    return `no pod "${namespace}/${name}" in the cluster (write namespace/pod, namespace/*, *, outside, an external's name, an IP or a CIDR)`;
  return { kind: 'pods', namespace, name };
}

function readEnd(
  reader: FieldReader,
  value: YamlValue | undefined,
  path: string,
  cluster: Cluster | undefined,
): { set: EndpointSet; text: string } | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'map') {
    reader.checkKeys(value, path, ['namespace', 'labels']);
    const namespace = reader.text(value, 'namespace', path, false);
    const labels = reader.labels(value, 'labels', path);
    if (
      namespace !== undefined &&
      cluster !== undefined &&
      !cluster.namespaces.some((item) => item.name === namespace)
    )
      reader.error(
        'unknown-endpoint',
        join(path, 'namespace'),
        `Not found: no namespace "${namespace}" in the cluster`,
        value.position,
      );
    const set: EndpointSet = { kind: 'pods', ...(namespace === undefined ? {} : { namespace }), labels };
    const shown = Object.entries(labels)
      .map(([key, label]) => `${key}=${label}`)
      .join(',');
    return {
      set,
      text: `pods${shown === '' ? '' : ` with ${shown}`}${namespace === undefined ? '' : ` in ${namespace}`}`,
    };
  }
  const text = reader.textValue(value, path);
  if (text === undefined || cluster === undefined) return undefined;
  const set = endpointSetOf(cluster, text);
  if (typeof set === 'string') {
    reader.error('unknown-endpoint', path, `Not found: ${set}`, value.position);
    return undefined;
  }
  return { set, text };
}

function readPortRange(reader: FieldReader, value: YamlValue, path: string): [number, number] | undefined {
  if (value.kind === 'scalar' && typeof value.value === 'number' && Number.isInteger(value.value)) {
    const port = value.value;
    if (port >= 1 && port <= 65535) return [port, port];
  }
  if (value.kind === 'scalar' && typeof value.value === 'string') {
    const match = /^(\d{1,5})-(\d{1,5})$/.exec(value.value);
    const first = Number(match?.[1]);
    const last = Number(match?.[2]);
    if (match !== null && first >= 1 && last <= 65535 && first <= last) return [first, last];
  }
  reader.error(
    'invalid-value',
    path,
    'Invalid value: write a port (1-65535) or a range "first-last", e.g. 53 or "30000-32767"',
    value.position,
  );
  return undefined;
}

/** Reads one free region; `undefined` (with diagnostics) when unusable. */
export function readFreeRegion(
  reader: FieldReader,
  value: YamlValue,
  path: string,
  cluster: Cluster | undefined,
): FreeRegion | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, FREE_KEYS);
  const from = readEnd(reader, reader.field(map, 'from', path, true), join(path, 'from'), cluster);
  const to = readEnd(reader, reader.field(map, 'to', path, true), join(path, 'to'), cluster);
  const ports =
    reader.list(map, 'ports', path, false, (item, itemPath) => readPortRange(reader, item, itemPath)) ?? [];
  const protocols: Protocol[] =
    reader.list(map, 'protocols', path, false, (item, itemPath) =>
      reader.choiceValue(item, itemPath, PROTOCOLS),
    ) ?? [];
  const explain = reader.text(map, 'explain', path, false);
  if (from === undefined || to === undefined) return undefined;
  return {
    from: from.set,
    to: to.set,
    fromText: from.text,
    toText: to.text,
    ports,
    protocols,
    ...(explain === undefined ? {} : { explain }),
    position: map.position,
  };
}
