/**
 * `kubectl describe` for pods, namespaces, Services and Deployments, in kubectl's layout. The
 * lab's pods always run one ready container with no volumes and no events.
 */
import { resolveServiceConnection } from '../../netpol/services.ts';
import { formatLabelSelector, formatLabels } from '../text/labels-text.ts';
import { rfc1123z } from '../text/time-format.ts';
import { NODES } from '../objects/cluster-facts.ts';
import { replicaSetName } from '../objects/workload-pods.ts';
import { clusterOf, serviceModel } from '../state/cluster-view.ts';
import { hexDigest as hex } from '../state/store.ts';
import type {
  ClusterState,
  Container,
  NamespaceObject,
  PodObject,
  ServiceObject,
  WorkloadObject,
} from '../types.ts';
import { DescribeWriter, writeAnnotations, writeLabels } from './describe-writer.ts';

function portsText(container: Container, host: boolean): string {
  return container.ports
    .map(
      (port) => `${host ? 0 : port.port}/${port.protocol}${port.name === undefined ? '' : ` (${port.name})`}`,
    )
    .join(', ');
}

function writeContainer(
  writer: DescribeWriter,
  container: Container,
  nameIndent: string,
  status?: { started: number; seed: string },
): void {
  writer.write(1, `${nameIndent}${container.name}:\n`);
  if (status !== undefined) writer.write(2, `Container ID:\tcontainerd://${hex(status.seed, 64)}\n`);
  writer.write(2, `Image:\t${container.image}\n`);
  if (status !== undefined) {
    const repository = container.image.includes('/')
      ? container.image.split(':')[0]
      : `docker.io/library/${container.image.split(':')[0] ?? ''}`;
    writer.write(2, `Image ID:\t${repository}@sha256:${hex(`${container.image}#image`, 64)}\n`);
  }
  const ports = portsText(container, false);
  const hostPorts = portsText(container, true);
  writer.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports === '' ? '<none>' : ports}\n`);
  writer.write(
    2,
    hostPorts.includes(',')
      ? `Host Ports:\t${hostPorts}\n`
      : `Host Port:\t${hostPorts === '' ? '<none>' : hostPorts}\n`,
  );
  if (status !== undefined) {
    writer.write(2, 'State:\tRunning\n');
    writer.write(3, `Started:\t${rfc1123z(status.started)}\n`);
    writer.write(2, 'Ready:\tTrue\n');
    writer.write(2, 'Restart Count:\t0\n');
  }
  writer.write(2, 'Environment:\t<none>\n');
  writer.write(2, 'Mounts:\t<none>\n');
}

function writeTolerations(writer: DescribeWriter, indent: string, tolerations: readonly string[]): void {
  writer.write(0, `${indent}Tolerations:\t`);
  if (tolerations.length === 0) {
    writer.write(0, '<none>\n');
    return;
  }
  tolerations.forEach((toleration, index) =>
    writer.write(0, `${index === 0 ? '' : `${indent}\t`}${toleration}\n`),
  );
}

/** The describe page of a pod. */
export function describePod(pod: PodObject): string {
  const writer = new DescribeWriter();
  const { metadata } = pod;
  const node = NODES.find((candidate) => candidate.name === pod.nodeName);
  writer.write(0, `Name:\t${metadata.name}\n`);
  writer.write(0, `Namespace:\t${metadata.namespace ?? 'default'}\n`);
  writer.write(0, 'Priority:\t0\n');
  writer.write(0, 'Service Account:\tdefault\n');
  writer.write(0, `Node:\t${pod.nodeName}/${node?.ip ?? ''}\n`);
  writer.write(0, `Start Time:\t${rfc1123z(metadata.createdAt)}\n`);
  writeLabels(writer, 'Labels', metadata.labels);
  writeAnnotations(writer, 'Annotations', metadata.annotations);
  writer.write(0, 'Status:\tRunning\n');
  writer.write(0, `IP:\t${pod.ips[0] ?? ''}\n`);
  if (pod.ips.length === 0) writer.write(0, 'IPs:\t<none>\n');
  else {
    writer.write(0, 'IPs:\n');
    for (const ip of pod.ips) writer.write(1, `IP:\t${ip}\n`);
  }
  if (pod.owner !== undefined) writer.write(0, `Controlled By:\t${pod.owner.kind}/${pod.owner.name}\n`);
  writer.write(0, 'Containers:\n');
  for (const container of pod.containers) {
    writeContainer(writer, container, '', {
      started: metadata.createdAt + 2000,
      seed: `${metadata.uid}/${container.name}`,
    });
  }
  writer.write(0, 'Conditions:\n  Type\tStatus\n');
  for (const condition of [
    'PodReadyToStartContainers',
    'Initialized',
    'Ready',
    'ContainersReady',
    'PodScheduled',
  ]) {
    writer.write(1, `${condition} \tTrue \n`);
  }
  writer.write(0, 'Volumes:\t<none>\n');
  writer.write(0, 'QoS Class:\tBestEffort\n');
  writeLabels(writer, 'Node-Selectors', {});
  writeTolerations(writer, '', [
    'node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
    'node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  ]);
  writer.write(0, 'Events:\t<none>\n');
  return writer.finish();
}

/** The describe page of a namespace. */
export function describeNamespace(namespace: NamespaceObject): string {
  const writer = new DescribeWriter();
  writer.write(0, `Name:\t${namespace.metadata.name}\n`);
  writeLabels(writer, 'Labels', namespace.metadata.labels);
  writeAnnotations(writer, 'Annotations', namespace.metadata.annotations);
  writer.write(0, 'Status:\tActive\n');
  writer.write(0, '\n');
  writer.write(0, 'No resource quota.\n');
  writer.write(0, '\n');
  writer.write(0, 'No LimitRange resource.\n');
  return writer.finish();
}

/** The describe page of a Service, with its endpoints resolved through the engine. */
export function describeService(state: ClusterState, service: ServiceObject): string {
  const writer = new DescribeWriter();
  const { metadata } = service;
  const cluster = clusterOf(state);
  writer.write(0, `Name:\t${metadata.name}\n`);
  writer.write(0, `Namespace:\t${metadata.namespace ?? 'default'}\n`);
  writeLabels(writer, 'Labels', metadata.labels);
  writeAnnotations(writer, 'Annotations', metadata.annotations);
  writer.write(0, `Selector:\t${formatLabels(service.selector)}\n`);
  writer.write(0, `Type:\t${service.type}\n`);
  writer.write(0, 'IP Family Policy:\tSingleStack\n');
  writer.write(0, `IP Families:\t${service.clusterIP.includes(':') ? 'IPv6' : 'IPv4'}\n`);
  writer.write(0, `IP:\t${service.clusterIP}\n`);
  writer.write(0, `IPs:\t${service.clusterIP}\n`);
  for (const port of service.ports) {
    writer.write(0, `Port:\t${port.name ?? '<unset>'}\t${port.port}/${port.protocol}\n`);
    writer.write(0, `TargetPort:\t${port.targetPort}/${port.protocol}\n`);
    const resolution = resolveServiceConnection(cluster, serviceModel(service), port.port, port.protocol);
    const endpoints = resolution.ok
      ? resolution.endpoints.map((pod) => {
          const target =
            typeof port.targetPort === 'number'
              ? port.targetPort
              : (pod.ports.find((item) => item.name === port.targetPort)?.port ?? 0);
          return `${pod.ips[0] ?? ''}:${target}`;
        })
      : [];
    const shown =
      endpoints.length > 3
        ? `${endpoints.slice(0, 3).join(',')} + ${endpoints.length - 3} more...`
        : endpoints.join(',');
    writer.write(0, `Endpoints:\t${shown === '' ? '<none>' : shown}\n`);
  }
  writer.write(0, 'Session Affinity:\tNone\n');
  writer.write(0, 'Internal Traffic Policy:\tCluster\n');
  writer.write(0, 'Events:\t<none>\n');
  return writer.finish();
}

/** The describe page of a Deployment (and, in the same layout, the other workloads). */
export function describeWorkload(workload: WorkloadObject): string {
  const writer = new DescribeWriter();
  const { metadata } = workload;
  const replicas = workload.kind === 'DaemonSet' ? 1 : workload.replicas;
  writer.write(0, `Name:\t${metadata.name}\n`);
  writer.write(0, `Namespace:\t${metadata.namespace ?? 'default'}\n`);
  writer.write(0, `CreationTimestamp:\t${rfc1123z(metadata.createdAt)}\n`);
  writeLabels(writer, 'Labels', metadata.labels);
  writeAnnotations(writer, 'Annotations', metadata.annotations);
  writer.write(
    0,
    `Selector:\t${formatLabelSelector({ matchLabels: workload.selector, matchExpressions: [] })}\n`,
  );
  if (workload.kind === 'Deployment') {
    writer.write(
      0,
      `Replicas:\t${replicas} desired | ${replicas} updated | ${replicas} total | ${replicas} available | 0 unavailable\n`,
    );
    writer.write(0, 'StrategyType:\tRollingUpdate\n');
    writer.write(0, 'MinReadySeconds:\t0\n');
    writer.write(0, 'RollingUpdateStrategy:\t25% max unavailable, 25% max surge\n');
  } else {
    writer.write(0, `Replicas:\t${replicas} current / ${replicas} desired\n`);
    writer.write(0, `Pods Status:\t${replicas} Running / 0 Waiting / 0 Succeeded / 0 Failed\n`);
  }
  writer.write(0, 'Pod Template:\n');
  writeLabels(writer, '  Labels', workload.template.labels);
  writer.write(0, '  Containers:\n');
  for (const container of workload.template.containers) writeContainer(writer, container, ' ');
  writer.write(0, '  Volumes:\t<none>\n');
  writeLabels(writer, '  Node-Selectors', {});
  writeTolerations(writer, '  ', []);
  if (workload.kind === 'Deployment') {
    writer.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    writer.write(1, '----\t------\t------\n');
    writer.write(1, 'Available \tTrue\tMinimumReplicasAvailable\n');
    writer.write(1, 'Progressing \tTrue\tNewReplicaSetAvailable\n');
    writer.write(0, 'OldReplicaSets:\t<none>\n');
    writer.write(
      0,
      `NewReplicaSet:\t${replicaSetName(workload)} (${replicas}/${replicas} replicas created)\n`,
    );
  }
  writer.write(0, 'Events:\t<none>\n');
  return writer.finish();
}
