/**
 * Reads a Service manifest into the model: name, labels, the equality selector, the ports with
 * their target ports (number, name, or absent = the same number as `port`) and the cluster IP.
 * Checked with the API server's rules for the fields the lab uses; the rest is left alone.
 */
import type { Protocol, Service, ServicePort } from '../types.ts';
import { PROTOCOLS } from '../types.ts';
import { canonicalIp, isValidIp } from '../ip.ts';
import { HEADLESS } from '../services.ts';
import { checkDns1123Label, checkPortText, describeObject } from './object-names.ts';
import { quoteText } from './shown-text.ts';
import { ObjectReporter, field, reportProblems } from './object-reporter.ts';
import { mapField, readApiVersion, readIdentity, readLabels, stringField } from './object-metadata.ts';
import type { ClusterObjectRead } from './read-workloads.ts';
import { describeValue } from './yaml-source.ts';
import type { YamlMap, YamlValue } from './yaml-source.ts';

/** What reading one Service produced; `service` is absent when it had errors. */
export interface ServiceRead extends ClusterObjectRead {
  readonly service?: Service;
}

/** The Service types the API accepts; the lab models each as a cluster IP in front of its pods. */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;

/** Service names are DNS-1035 labels: they must start with a letter, as DNS names do. */
function checkDns1035Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be at most 63 characters');
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    problems.push(
      "a Service name must be lowercase letters, digits and '-', start with a letter and end with a letter or digit",
    );
  }
  return problems;
}

function isPortNumber(value: YamlValue | undefined): value is YamlValue & { value: number } {
  return (
    value !== undefined &&
    value.kind === 'scalar' &&
    typeof value.value === 'number' &&
    Number.isInteger(value.value) &&
    value.value >= 1 &&
    value.value <= 65535
  );
}

function readPort(report: ObjectReporter, item: YamlValue, path: string): ServicePort | undefined {
  if (item.kind !== 'map') {
    report.error(
      'manifest.invalid-type',
      path,
      item.position,
      `Invalid type: expected a mapping, got ${describeValue(item)}`,
    );
    return undefined;
  }
  const number = field(item, 'port');
  if (!isPortNumber(number)) {
    report.error(
      'manifest.invalid-value',
      `${path}.port`,
      number?.position ?? item.position,
      number === undefined
        ? 'Required value: a port number'
        : `Invalid value: ${describeValue(number)}: must be between 1 and 65535, inclusive`,
    );
    return undefined;
  }
  const protocolText = stringField(report, item, 'protocol', `${path}.protocol`) ?? 'TCP';
  const protocol = PROTOCOLS.find((candidate) => candidate === protocolText);
  if (protocol === undefined) {
    report.error(
      'manifest.unsupported-value',
      `${path}.protocol`,
      field(item, 'protocol')?.position ?? item.position,
      `Unsupported value: ${quoteText(protocolText)}: supported values: "SCTP", "TCP", "UDP"`,
    );
  }
  const name = stringField(report, item, 'name', `${path}.name`);
  if (name !== undefined && name !== '') {
    // A Service port's name is a DNS label (`80-8080` is fine); a named targetPort is an IANA name.
    reportProblems(
      report,
      'manifest.invalid-value',
      `${path}.name`,
      field(item, 'name')?.position ?? item.position,
      quoteText(name),
      checkDns1123Label(name),
    );
  }
  const targetValue = field(item, 'targetPort');
  let targetPort: number | string = number.value;
  if (targetValue !== undefined) {
    if (isPortNumber(targetValue)) targetPort = targetValue.value;
    else if (targetValue.kind === 'scalar' && typeof targetValue.value === 'string') {
      targetPort = targetValue.value;
      const problem = checkPortText(targetPort);
      reportProblems(
        report,
        'manifest.invalid-value',
        `${path}.targetPort`,
        targetValue.position,
        quoteText(targetPort),
        problem === undefined ? [] : [problem],
      );
    } else {
      report.error(
        'manifest.invalid-value',
        `${path}.targetPort`,
        targetValue.position,
        `Invalid value: ${describeValue(targetValue)}: must be a port number between 1 and 65535 or a port name`,
      );
    }
  }
  return {
    ...(name === undefined || name === '' ? {} : { name }),
    port: number.value,
    protocol: (protocol ?? 'TCP') as Protocol,
    targetPort,
  };
}

function readPorts(report: ObjectReporter, spec: YamlMap | undefined): ServicePort[] {
  const value = spec === undefined ? undefined : field(spec, 'ports');
  if (value === undefined) return [];
  if (value.kind !== 'list') {
    report.error(
      'manifest.invalid-type',
      'spec.ports',
      value.position,
      `Invalid type: expected a list, got ${describeValue(value)}`,
    );
    return [];
  }
  const ports: ServicePort[] = [];
  value.items.forEach((item, index) => {
    const port = readPort(report, item, `spec.ports[${index}]`);
    if (port === undefined) return;
    if (value.items.length > 1 && port.name === undefined) {
      report.error(
        'manifest.required',
        `spec.ports[${index}].name`,
        item.position,
        'Required value: a Service with more than one port names each of them',
      );
    }
    if (port.name !== undefined && ports.some((other) => other.name === port.name)) {
      report.error(
        'manifest.duplicate',
        `spec.ports[${index}].name`,
        item.position,
        `Duplicate value: ${quoteText(port.name)}`,
      );
    }
    ports.push(port);
  });
  return ports;
}

function readClusterIp(report: ObjectReporter, spec: YamlMap | undefined): string {
  const text = stringField(report, spec, 'clusterIP', 'spec.clusterIP');
  if (text === undefined || text === '' || text === HEADLESS) return text ?? '';
  if (isValidIp(text)) return canonicalIp(text);
  report.error(
    'manifest.invalid-value',
    'spec.clusterIP',
    (spec && field(spec, 'clusterIP')?.position) ?? { line: 1, column: 1 },
    `Invalid value: ${quoteText(text)}: must be empty, 'None' or a valid IP address`,
  );
  return '';
}

/**
 * Reads one Service. An empty `clusterIP` stays empty here; the manifest reader assigns one
 * afterwards ({@link assignServiceIps}) so it never clashes with a pod's address.
 */
export function readService(document: YamlMap, source: string): ServiceRead {
  const report = new ObjectReporter(describeObject('Service', 'default', undefined), source);
  const identity = readIdentity(report, document, false, checkDns1035Label);
  report.object = describeObject('Service', identity.namespace, identity.name);
  readApiVersion(report, document, 'Service');
  const labels = readLabels(report, identity.metadata, 'metadata.labels');
  const spec = mapField(report, document, 'spec', 'spec');
  const typeText = stringField(report, spec, 'type', 'spec.type') ?? 'ClusterIP';
  if (!(SERVICE_TYPES as readonly string[]).includes(typeText)) {
    report.error(
      'manifest.unsupported-value',
      'spec.type',
      (spec && field(spec, 'type')?.position) ?? document.position,
      `Unsupported value: ${quoteText(typeText)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    );
  }
  const hasSelector = spec !== undefined && field(spec, 'selector') !== undefined;
  const selector = readLabels(report, spec, 'spec.selector', 'selector');
  const ports = readPorts(report, spec);
  const clusterIP = readClusterIp(report, spec);
  if (ports.length === 0 && clusterIP !== HEADLESS && typeText !== 'ExternalName') {
    report.error(
      'manifest.required',
      'spec.ports',
      spec?.position ?? document.position,
      'Required value: a Service needs at least one port',
    );
  }
  const base = {
    pods: [],
    diagnostics: report.diagnostics,
    objectNamespace: identity.namespace,
    ...(identity.name === undefined ? {} : { name: identity.name }),
  };
  if (report.errorCount > 0 || identity.name === undefined) return base;
  const service: Service = {
    namespace: identity.namespace,
    name: identity.name,
    labels,
    ...(hasSelector && typeText !== 'ExternalName' ? { selector } : {}),
    ports,
    clusterIP,
    position: document.position,
    source,
  };
  return { ...base, service };
}
