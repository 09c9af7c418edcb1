/**
 * A terminal session's starting cluster, built from an exercise's cluster (or any `Cluster` and
 * policies): its namespaces, pods, Services and pre-existing policies, plus what every real
 * cluster has — the system namespaces, the `kubernetes` Service and, when CoreDNS pods exist, the
 * `kube-dns` Service in front of them. Records the baseline the grading export compares against.
 */
import type { Exercise } from '../../exercise/types.ts';
import { parseManifests } from '../../netpol/read/manifests.ts';
import { assignServiceIps } from '../../netpol/services.ts';
import type { Cluster, NetworkPolicy, Service } from '../../netpol/types.ts';
import { NAMESPACE_NAME_LABEL } from '../../netpol/types.ts';
import { KUBE_DNS_LABEL, SYSTEM_NAMESPACES, defaultImage, nodeFor } from '../objects/cluster-facts.ts';
import { policySpecJson, strippedPolicy } from '../objects/policy-spec.ts';
import { toYamlText } from '../text/object-output.ts';
import type {
  Baseline,
  ClusterState,
  NamespaceObject,
  NetworkPolicyObject,
  PodObject,
  ServiceObject,
} from '../types.ts';
import { newMeta } from './store.ts';

/** What a session starts from. */
export interface StartingCluster {
  readonly cluster: Cluster;
  /** Policies already in force (an exercise's `cluster.policies`). */
  readonly policies?: readonly NetworkPolicy[];
}

/** Options for a new session. */
export interface CreateStateOptions {
  /** When the objects were created (milliseconds since the epoch): their AGE counts from here. */
  readonly now: number;
}

const EMPTY: ClusterState = {
  version: 1,
  namespaces: [],
  pods: [],
  workloads: [],
  services: [],
  networkPolicies: [],
  externals: [],
  resourceVersion: 1000,
  currentNamespace: 'default',
  baseline: { labels: {}, policies: {} },
};

function withServices(cluster: Cluster): Service[] {
  const services = [...(cluster.services ?? [])];
  const has = (namespace: string, name: string): boolean =>
    services.some((service) => service.namespace === namespace && service.name === name);
  const extra: Service[] = [];
  if (!has('default', 'kubernetes')) {
    extra.push({
      namespace: 'default',
      name: 'kubernetes',
      labels: { component: 'apiserver', provider: 'kubernetes' },
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      clusterIP: '10.96.0.1',
    });
  }
  const dnsPods = cluster.pods.some(
    (pod) => pod.namespace === 'kube-system' && pod.labels[KUBE_DNS_LABEL.key] === KUBE_DNS_LABEL.value,
  );
  if (dnsPods && !has('kube-system', 'kube-dns')) {
    extra.push({
      namespace: 'kube-system',
      name: 'kube-dns',
      labels: {
        [KUBE_DNS_LABEL.key]: KUBE_DNS_LABEL.value,
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      selector: { [KUBE_DNS_LABEL.key]: KUBE_DNS_LABEL.value },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      clusterIP: '10.96.0.10',
    });
  }
  const taken = new Set([
    ...cluster.pods.flatMap((pod) => pod.ips),
    ...cluster.externals.map((external) => external.ip),
    ...services.map((service) => service.clusterIP),
  ]);
  // The usual addresses when free, otherwise one the allocator picks.
  const placed = extra.map((service) =>
    taken.has(service.clusterIP) ? { ...service, clusterIP: '' } : service,
  );
  return assignServiceIps([...services, ...placed], taken);
}

/** The baseline of a state: labels and policy specs as they are now. */
export function baselineOf(state: ClusterState): Baseline {
  const labels: Record<string, Readonly<Record<string, string>>> = {};
  for (const namespace of state.namespaces)
    labels[`Namespace/${namespace.metadata.name}`] = namespace.metadata.labels;
  for (const pod of state.pods)
    labels[`Pod/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`] = pod.metadata.labels;
  const policies: Record<string, string> = {};
  for (const policy of state.networkPolicies)
    policies[`${policy.metadata.namespace ?? ''}/${policy.metadata.name}`] = JSON.stringify(policy.spec);
  return { labels, policies };
}

/**
 * A new session's state. Objects are created at `now`; pods keep the exercise's addresses; pods
 * of `kube-system` run on the control plane, the rest on the worker `node01`.
 */
export function createClusterState(start: StartingCluster, options: CreateStateOptions): ClusterState {
  const { cluster } = start;
  const now = options.now;
  let state: ClusterState = { ...EMPTY, externals: [...cluster.externals] };
  const stamp = <T>(make: (current: ClusterState) => T): T => {
    const object = make(state);
    state = { ...state, resourceVersion: state.resourceVersion + 1 };
    return object;
  };
  const names = [
    ...new Set([...SYSTEM_NAMESPACES, ...cluster.namespaces.map((namespace) => namespace.name)]),
  ].sort();
  const namespaces: NamespaceObject[] = names.map((name) => {
    const declared = cluster.namespaces.find((namespace) => namespace.name === name);
    const labels = { ...(declared?.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
    return stamp((current) => ({
      kind: 'Namespace',
      metadata: newMeta(current, 'Namespace', { name, labels }, now),
    }));
  });
  const pods: PodObject[] = cluster.pods.map((pod) =>
    stamp((current) => ({
      kind: 'Pod',
      metadata: newMeta(
        current,
        'Pod',
        { name: pod.name, namespace: pod.namespace, labels: pod.labels },
        now,
      ),
      containers: [{ name: pod.name, image: defaultImage(pod.labels), ports: pod.ports }],
      ips: pod.ips,
      nodeName: nodeFor(pod.namespace).name,
    })),
  );
  const services: ServiceObject[] = withServices(cluster).map((service) =>
    stamp((current) => ({
      kind: 'Service',
      metadata: newMeta(
        current,
        'Service',
        { name: service.name, namespace: service.namespace, labels: service.labels },
        now,
      ),
      type: 'ClusterIP',
      ...(service.selector === undefined ? {} : { selector: service.selector }),
      ports: service.ports,
      clusterIP: service.clusterIP,
    })),
  );
  const networkPolicies: NetworkPolicyObject[] = (start.policies ?? []).map((policy) =>
    stamp((current) => {
      const spec = policySpecJson(policy);
      const metadata = newMeta(
        current,
        'NetworkPolicy',
        { name: policy.name, namespace: policy.namespace },
        now,
      );
      const sourceYaml = toYamlText({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: policy.name, namespace: policy.namespace },
        spec,
      });
      return { kind: 'NetworkPolicy', metadata, policy: strippedPolicy(policy), spec, sourceYaml };
    }),
  );
  const byKey = <T extends { metadata: { namespace?: string; name: string } }>(left: T, right: T): number => {
    const a = `${left.metadata.namespace ?? ''}/${left.metadata.name}`;
    const b = `${right.metadata.namespace ?? ''}/${right.metadata.name}`;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  state = {
    ...state,
    namespaces,
    pods: pods.sort(byKey),
    services: services.sort(byKey),
    networkPolicies: networkPolicies.sort(byKey),
  };
  return { ...state, baseline: baselineOf(state) };
}

/** A new session on an exercise's starting cluster: its pods, Services and `cluster.policies`, and for a `fix` exercise the starter's policies too. */
export function stateFromExercise(exercise: Exercise, options: CreateStateOptions): ClusterState {
  const fixed = createClusterState(
    { cluster: exercise.cluster, policies: exercise.clusterPolicies },
    options,
  );
  if (exercise.kind !== 'fix') return fixed;
  // A fix exercise's broken policies are live in the cluster, as on exam day, but they are the
  // learner's part: left out of the baseline, they count as the answer until edited or deleted.
  const starter = parseManifests([{ text: exercise.starter, source: 'starter.yaml' }]).policies;
  if (starter.length === 0) return fixed;
  const live = createClusterState(
    { cluster: exercise.cluster, policies: [...exercise.clusterPolicies, ...starter] },
    options,
  );
  return { ...live, baseline: fixed.baseline };
}
