/**
 * What policies need from a pod spec and status: container ports (with names and protocols) and
 * the pod's IPs. Bad entries are warned about and skipped, never fatal.
 */
import type { ContainerPort, Protocol } from '../types.ts';
import { PROTOCOLS } from '../types.ts';
import { canonicalIp, isValidIp } from '../ip.ts';
import { checkPortName } from './object-names.ts';
import { quoteText } from './shown-text.ts';
import type { ObjectReporter } from './object-reporter.ts';
import { stringField } from './object-metadata.ts';
import { field, reportProblems } from './object-reporter.ts';
import { describeValue } from './yaml-source.ts';
import type { YamlMap, YamlValue } from './yaml-source.ts';

/** Container ports of `spec.containers[*].ports`; invalid ones are warned about and skipped. */
export function readContainerPorts(
  report: ObjectReporter,
  podSpec: YamlMap | undefined,
  path: string,
): ContainerPort[] {
  const ports: ContainerPort[] = [];
  const containers = podSpec === undefined ? undefined : field(podSpec, 'containers');
  if (containers === undefined) return ports;
  if (containers.kind !== 'list') {
    report.error(
      'manifest.invalid-type',
      `${path}.containers`,
      containers.position,
      `Invalid type: expected a list, got ${describeValue(containers)}`,
    );
    return ports;
  }
  containers.items.forEach((container, containerIndex) => {
    if (container.kind !== 'map') return;
    const list = field(container, 'ports');
    if (list === undefined || list.kind !== 'list') return;
    list.items.forEach((item, portIndex) => {
      const portPath = `${path}.containers[${containerIndex}].ports[${portIndex}]`;
      if (item.kind !== 'map') return;
      const number = field(item, 'containerPort');
      if (
        number === undefined ||
        number.kind !== 'scalar' ||
        typeof number.value !== 'number' ||
        !Number.isInteger(number.value) ||
        number.value < 1 ||
        number.value > 65535
      ) {
        report.add(
          'manifest.invalid-value',
          'warning',
          `${portPath}.containerPort`,
          number?.position ?? item.position,
          'Invalid value: needs a number between 1 and 65535; this port is ignored',
        );
        return;
      }
      const protocolText = stringField(report, item, 'protocol', `${portPath}.protocol`) ?? 'TCP';
      const protocol = PROTOCOLS.find((candidate) => candidate === protocolText);
      if (protocol === undefined) {
        report.add(
          'manifest.invalid-value',
          'warning',
          `${portPath}.protocol`,
          field(item, 'protocol')?.position ?? item.position,
          `Unsupported value: ${quoteText(protocolText)}: this port is ignored`,
        );
        return;
      }
      const name = stringField(report, item, 'name', `${portPath}.name`);
      if (name !== undefined) {
        reportProblems(
          report,
          'manifest.invalid-value',
          `${portPath}.name`,
          field(item, 'name')?.position ?? item.position,
          quoteText(name),
          checkPortName(name),
          'warning',
        );
      }
      ports.push({
        ...(name === undefined ? {} : { name }),
        port: number.value,
        protocol: protocol as Protocol,
      });
    });
  });
  return ports;
}

/** `status.podIP` and `status.podIPs[*].ip`, canonical and without repeats. */
export function readPodIps(report: ObjectReporter, status: YamlMap | undefined): string[] {
  const ips: string[] = [];
  const add = (value: YamlValue | undefined, path: string): void => {
    if (value === undefined) return;
    if (value.kind === 'scalar' && typeof value.value === 'string' && isValidIp(value.value)) {
      const ip = canonicalIp(value.value);
      if (!ips.includes(ip)) ips.push(ip);
    } else {
      report.add(
        'manifest.invalid-value',
        'warning',
        path,
        value.position,
        `Invalid value: ${describeValue(value)} is not an IP address; it is ignored`,
      );
    }
  };
  if (status === undefined) return ips;
  add(field(status, 'podIP'), 'status.podIP');
  const list = field(status, 'podIPs');
  if (list?.kind === 'list') {
    list.items.forEach((item, index) => {
      if (item.kind === 'map') add(field(item, 'ip'), `status.podIPs[${index}].ip`);
    });
  }
  return ips;
}
