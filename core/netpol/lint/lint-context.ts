/**
 * What every lint rule needs to know about the cluster: which pods a policy selects, which pods and
 * namespaces a peer matches, and where each rule of a policy sits. Computed once per lint run.
 */
import { compileIpBlock, parseAddressBytes } from '../compile.ts';
import { ipBlockFit, policySelects, selectorPeerMatches } from '../match.ts';
import { selectorMatches } from '../selector.ts';
import { NAMESPACE_NAME_LABEL } from '../types.ts';
import type {
  Cluster,
  Direction,
  LabelSelector,
  Labels,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyRule,
  Pod,
} from '../types.ts';

/** The cluster and policies under lint, with the lookups the rules share. */
export interface LintContext {
  readonly cluster: Cluster;
  readonly policies: readonly NetworkPolicy[];
  /** False for a policy-only exercise: rules that compare selectors with pods stay quiet then. */
  readonly hasPods: boolean;
  namespaceLabels(namespace: string): Labels;
  podsIn(namespace: string): readonly Pod[];
  /** Pods in the policy's namespace that `spec.podSelector` selects. */
  selectedPods(policy: NetworkPolicy): readonly Pod[];
  /** Namespaces whose labels the selector matches. */
  matchingNamespaces(selector: LabelSelector): readonly Namespace[];
  /** Pods a peer matches, selectors and ipBlock alike (an ipBlock matches pods by their IPs). */
  peerPods(policy: NetworkPolicy, peer: NetworkPolicyPeer): readonly Pod[];
}

/** One ingress or egress rule of a policy, with the names its field path uses. */
export interface RuleSite {
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly rule: NetworkPolicyRule;
  /** `spec.ingress[0]` */
  readonly path: string;
  /** `from` for ingress, `to` for egress. */
  readonly peersField: 'from' | 'to';
}

/** Every rule of a policy, ingress first, whether or not its direction is in policyTypes. */
export function ruleSites(policy: NetworkPolicy): RuleSite[] {
  const ingress = policy.ingress.map((rule, ruleIndex): RuleSite => ({
    direction: 'Ingress',
    ruleIndex,
    rule,
    path: `spec.ingress[${ruleIndex}]`,
    peersField: 'from',
  }));
  const egress = policy.egress.map((rule, ruleIndex): RuleSite => ({
    direction: 'Egress',
    ruleIndex,
    rule,
    path: `spec.egress[${ruleIndex}]`,
    peersField: 'to',
  }));
  return [...ingress, ...egress];
}

/** Builds the shared lookups once; selections are cached per policy object. */
export function createLintContext(cluster: Cluster, policies: readonly NetworkPolicy[]): LintContext {
  const podsByNamespace = new Map<string, Pod[]>();
  for (const pod of cluster.pods) {
    const list = podsByNamespace.get(pod.namespace) ?? [];
    list.push(pod);
    podsByNamespace.set(pod.namespace, list);
  }
  const namespacesByName = new Map(cluster.namespaces.map((namespace) => [namespace.name, namespace]));
  const selections = new Map<NetworkPolicy, readonly Pod[]>();

  const namespaceLabels = (namespace: string): Labels =>
    // A namespace only referenced by a pod or policy still carries its automatic name label.
    namespacesByName.get(namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: namespace };
  const podsIn = (namespace: string): readonly Pod[] => podsByNamespace.get(namespace) ?? [];

  const computePeerPods = (policyNamespace: string, peer: NetworkPolicyPeer): readonly Pod[] => {
    if (peer.ipBlock !== undefined) {
      // The evaluator's own ipBlock test, so lint and verdicts never disagree on an address.
      const block = compileIpBlock(peer.ipBlock);
      return cluster.pods.filter((pod) =>
        pod.ips.some((ip) => {
          const address = parseAddressBytes(ip);
          return address !== undefined && ipBlockFit(block, address).inside;
        }),
      );
    }
    if (peer.namespaceSelector === undefined && peer.podSelector === undefined) return [];
    // Without a namespaceSelector only the policy's own namespace can match: look only there.
    const candidates = peer.namespaceSelector === undefined ? podsIn(policyNamespace) : cluster.pods;
    return candidates.filter((pod) =>
      selectorPeerMatches(peer, policyNamespace, pod, namespaceLabels(pod.namespace)),
    );
  };
  const peerSelections = new Map<NetworkPolicyPeer, Map<string, readonly Pod[]>>();

  return {
    cluster,
    policies,
    hasPods: cluster.pods.length > 0,
    namespaceLabels,
    podsIn,
    selectedPods(policy) {
      let selected = selections.get(policy);
      if (selected === undefined) {
        selected = podsIn(policy.namespace).filter((pod) =>
          policySelects(policy.namespace, policy.podSelector, pod),
        );
        selections.set(policy, selected);
      }
      return selected;
    },
    matchingNamespaces(selector) {
      return cluster.namespaces.filter((namespace) => selectorMatches(selector, namespace.labels));
    },
    peerPods(policy, peer) {
      // Rules ask about the same peer once per candidate pod; compute each peer's pods only once.
      let byNamespace = peerSelections.get(peer);
      if (byNamespace === undefined) {
        byNamespace = new Map();
        peerSelections.set(peer, byNamespace);
      }
      let pods = byNamespace.get(policy.namespace);
      if (pods === undefined) {
        pods = computePeerPods(policy.namespace, peer);
        byNamespace.set(policy.namespace, pods);
      }
      return pods;
    },
  };
}
