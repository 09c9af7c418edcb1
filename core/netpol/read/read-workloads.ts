/**
 * Reads the cluster side of manifests: Namespaces, Pods, and the pod templates of workloads
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job), one pod per replica. Only what policies
 * look at is read — names, labels, IPs, container ports — and unknown pod fields are left alone.
 */
import type { Diagnostic, Labels, Namespace, Pod } from '../types.ts';
import { NAMESPACE_NAME_LABEL } from '../types.ts';
import { describeObject } from './object-names.ts';
import { ObjectReporter, field } from './object-reporter.ts';
import { mapField, readApiVersion, readIdentity, readLabels } from './object-metadata.ts';
import { readContainerPorts, readPodIps } from './read-pod-network.ts';
import { replicaName } from './pod-identity.ts';
import { describeValue } from './yaml-source.ts';
import type { YamlMap } from './yaml-source.ts';

export { assignPodIps, replicaName, stableHash, ASSIGNED_POD_NETWORK } from './pod-identity.ts';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job';
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
];

/** Replicas read from one workload at most; more would only slow the lab down. */
export const MAX_REPLICAS = 50;

/** What reading one cluster object produced; the object is absent when it had errors. */
export interface ClusterObjectRead {
  readonly namespace?: Namespace;
  readonly pods: readonly Pod[];
  readonly diagnostics: readonly Diagnostic[];
  /** Identity for duplicate detection: the namespace the object lives in (cluster-scoped: undefined). */
  readonly objectNamespace?: string;
  readonly name?: string;
}

/** Reads a Namespace; the `kubernetes.io/metadata.name` label is set as the API server sets it. */
export function readNamespace(document: YamlMap, source: string): ClusterObjectRead {
  const report = new ObjectReporter(describeObject('Namespace', undefined, undefined), source);
  const identity = readIdentity(report, document, true);
  report.object = describeObject('Namespace', undefined, identity.name);
  readApiVersion(report, document, 'Namespace');
  const labels = readLabels(report, identity.metadata, 'metadata.labels');
  const base = {
    pods: [],
    diagnostics: report.diagnostics,
    ...(identity.name === undefined ? {} : { name: identity.name }),
  };
  if (report.errorCount > 0 || identity.name === undefined) return base;
  return {
    ...base,
    namespace: { name: identity.name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: identity.name } },
  };
}

/** Reads a Pod. Pods without an IP get one later from {@link assignPodIps}. */
export function readPod(document: YamlMap, source: string): ClusterObjectRead {
  const report = new ObjectReporter(describeObject('Pod', 'default', undefined), source);
  const identity = readIdentity(report, document, false);
  report.object = describeObject('Pod', identity.namespace, identity.name);
  readApiVersion(report, document, 'Pod');
  const labels = readLabels(report, identity.metadata, 'metadata.labels');
  const ports = readContainerPorts(report, mapField(report, document, 'spec', 'spec'), 'spec');
  const ips = readPodIps(report, mapField(report, document, 'status', 'status'));
  const base = {
    diagnostics: report.diagnostics,
    objectNamespace: identity.namespace,
    ...(identity.name === undefined ? {} : { name: identity.name }),
  };
  if (report.errorCount > 0 || identity.name === undefined) return { ...base, pods: [] };
  const pod: Pod = {
    namespace: identity.namespace,
    name: identity.name,
    labels,
    ips,
    ports,
    position: document.position,
    source,
  };
  return { ...base, pods: [pod] };
}

function readCount(report: ObjectReporter, spec: YamlMap | undefined, key: string): number {
  const value = spec === undefined ? undefined : field(spec, key);
  if (value === undefined) return 1;
  if (
    value.kind !== 'scalar' ||
    typeof value.value !== 'number' ||
    !Number.isInteger(value.value) ||
    value.value < 0
  ) {
    report.error(
      'manifest.invalid-value',
      `spec.${key}`,
      value.position,
      `Invalid value: ${describeValue(value)}: must be a whole number, 0 or more`,
    );
    return 0;
  }
  if (value.value > MAX_REPLICAS) {
    report.add(
      'manifest.replicas-capped',
      'warning',
      `spec.${key}`,
      value.position,
      `${value.value} replicas: only the first ${MAX_REPLICAS} are modelled`,
    );
    return MAX_REPLICAS;
  }
  return value.value;
}

/**
 * Reads a workload and expands its pod template into one pod per replica (`spec.replicas`, or
 * `spec.parallelism` for a Job; default 1). A DaemonSet becomes one pod, since the lab has no nodes.
 */
export function readWorkload(kind: WorkloadKind, document: YamlMap, source: string): ClusterObjectRead {
  const report = new ObjectReporter(describeObject(kind, 'default', undefined), source);
  const identity = readIdentity(report, document, false);
  report.object = describeObject(kind, identity.namespace, identity.name);
  readApiVersion(report, document, kind);
  const spec = mapField(report, document, 'spec', 'spec');
  const template = mapField(report, spec, 'template', 'spec.template');
  if (template === undefined && report.errorCount === 0) {
    report.error(
      'manifest.required',
      'spec.template',
      spec?.position ?? document.position,
      'Required value: a pod template',
    );
  }
  const templateMetadata = mapField(report, template, 'metadata', 'spec.template.metadata');
  const labels: Labels = readLabels(report, templateMetadata, 'spec.template.metadata.labels');
  const ports = readContainerPorts(
    report,
    mapField(report, template, 'spec', 'spec.template.spec'),
    'spec.template.spec',
  );
  let count: number;
  if (kind === 'DaemonSet') {
    count = 1;
    report.add(
      'manifest.daemonset-one-pod',
      'info',
      '',
      document.position,
      'a DaemonSet runs one pod per node; the lab models one node, so one pod',
    );
  } else count = readCount(report, spec, kind === 'Job' ? 'parallelism' : 'replicas');
  const base = {
    diagnostics: report.diagnostics,
    objectNamespace: identity.namespace,
    ...(identity.name === undefined ? {} : { name: identity.name }),
  };
  if (report.errorCount > 0 || identity.name === undefined) return { ...base, pods: [] };
  if (count === 0)
    report.add('manifest.no-replicas', 'info', '', document.position, 'no replicas, so no pods');
  const owner = describeObject(kind, identity.namespace, identity.name);
  const pods: Pod[] = [];
  for (let index = 0; index < count; index++) {
    pods.push({
      namespace: identity.namespace,
      name: replicaName(kind, identity.namespace, identity.name, index),
      labels,
      ips: [],
      ports,
      owner,
      position: document.position,
      source,
    });
  }
  return { ...base, pods };
}
