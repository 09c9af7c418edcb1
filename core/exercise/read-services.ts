/**
 * Reads `cluster.services` of an exercise: Services with an equality selector and ports whose
 * `targetPort` is a number, a container port name, or absent (the same number as `port`).
 */
import type { Service, ServicePort } from '../netpol/types.ts';
import { PROTOCOLS } from '../netpol/types.ts';
import { canonicalIp, isValidIp } from '../netpol/ip.ts';
import { HEADLESS } from '../netpol/services.ts';
import { entryOf } from '../netpol/read/yaml-source.ts';
import type { YamlValue } from '../netpol/read/yaml-source.ts';
import type { FieldReader } from './field-reader.ts';
import { DNS_LABEL, PORT_NAME, join } from './field-reader.ts';

const SERVICE_KEYS = ['name', 'namespace', 'labels', 'selector', 'clusterIP', 'ports'];
const SERVICE_PORT_KEYS = ['name', 'port', 'targetPort', 'protocol'];
/** Service names are DNS-1035 labels: a letter first. */
const DNS_1035_LABEL = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;

function readServicePort(reader: FieldReader, value: YamlValue, path: string): ServicePort | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, SERVICE_PORT_KEYS);
  const name = reader.text(map, 'name', path, false, {
    pattern: DNS_LABEL,
    patternHint: 'a Service port name is a DNS label (lowercase letters, digits, "-")',
    maxLength: 63,
  });
  const port = reader.integer(map, 'port', path, true, { minimum: 1, maximum: 65535 });
  const protocol = reader.choice(map, 'protocol', path, false, PROTOCOLS) ?? 'TCP';
  const target = reader.field(map, 'targetPort', path, false);
  let targetPort: number | string | undefined = port;
  if (target !== undefined) {
    targetPort =
      target.kind === 'scalar' && typeof target.value === 'number'
        ? reader.integerValue(target, join(path, 'targetPort'), { minimum: 1, maximum: 65535 })
        : reader.textValue(target, join(path, 'targetPort'), {
            pattern: PORT_NAME,
            patternHint: 'a target port is a number or the name of a container port',
            maxLength: 15,
          });
  }
  if (port === undefined || targetPort === undefined) return undefined;
  return { ...(name === undefined ? {} : { name }), port, protocol, targetPort };
}

/** Reads one item of `cluster.services`; the cluster IP is left empty unless written. */
export function readService(reader: FieldReader, value: YamlValue, path: string): Service | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, SERVICE_KEYS);
  const name = reader.text(map, 'name', path, true, {
    pattern: DNS_1035_LABEL,
    patternHint: 'a Service name is a DNS-1035 label (lowercase letters, digits, "-", a letter first)',
    maxLength: 63,
  });
  const namespace =
    reader.text(map, 'namespace', path, false, {
      pattern: DNS_LABEL,
      patternHint: 'a namespace name is a DNS-1123 label',
      maxLength: 63,
    }) ?? 'default';
  const labels = reader.labels(map, 'labels', path);
  const hasSelector = entryOf(map, 'selector') !== undefined;
  const selector = reader.labels(map, 'selector', path);
  const ports =
    reader.list(map, 'ports', path, true, (item, itemPath) => readServicePort(reader, item, itemPath)) ?? [];
  if (ports.length > 1) {
    ports.forEach((port, index) => {
      if (port.name === undefined)
        reader.error(
          'required',
          `${join(path, 'ports')}[${index}].name`,
          'Required value: a Service with more than one port names each of them',
          map.position,
        );
    });
  }
  const ipText = reader.text(map, 'clusterIP', path, false);
  let clusterIP = '';
  if (ipText !== undefined) {
    if (ipText === HEADLESS) clusterIP = HEADLESS;
    else if (isValidIp(ipText)) clusterIP = canonicalIp(ipText);
    else
      reader.error(
        'invalid-value',
        join(path, 'clusterIP'),
        `Invalid value: ${JSON.stringify(ipText)}: an IP address, or None for a headless Service`,
        entryOf(map, 'clusterIP')?.value.position,
      );
  }
  if (name === undefined) return undefined;
  return {
    namespace,
    name,
    labels,
    ...(hasSelector ? { selector } : {}),
    ports,
    clusterIP,
    position: map.position,
    source: reader.source,
  };
}
