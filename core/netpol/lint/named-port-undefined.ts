/**
 * `lint.named-port-undefined`: a named port resolves on the DESTINATION pod (for egress too). When no
 * pod the rule could reach defines that name with that protocol, the port entry can never match.
 */
import type { Diagnostic, NetworkPolicy, NetworkPolicyPort, Pod } from '../types.ts';
import type { LintContext, RuleSite } from './lint-context.ts';
import { ruleSites } from './lint-context.ts';
import { listNames, podName, policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.named-port-undefined';

/** The pods a rule's traffic can be destined to: the selected pods (ingress) or the peers (egress). */
function destinations(context: LintContext, policy: NetworkPolicy, site: RuleSite): readonly Pod[] {
  if (site.direction === 'Ingress') return context.selectedPods(policy);
  const peers = site.rule.peers;
  if (peers === undefined || peers.length === 0) return context.cluster.pods;
  const pods = new Set<Pod>();
  for (const peer of peers) for (const pod of context.peerPods(policy, peer)) pods.add(pod);
  return [...pods];
}

function reasonFor(site: RuleSite, entry: NetworkPolicyPort, name: string, pods: readonly Pod[]): string {
  if (pods.length === 0) {
    return `named port "${name}" can never match: the peers of this egress rule match no pod, and a named port only matches pods`;
  }
  const otherProtocol = pods.filter((pod) =>
    pod.ports.some((port) => port.name === name && port.protocol !== entry.protocol),
  );
  const whose = site.direction === 'Ingress' ? 'the pods this policy selects' : 'the pods this rule allows';
  if (otherProtocol.length > 0) {
    return (
      `named port "${name}" is defined on ${listNames(otherProtocol.map(podName))} but not as ${entry.protocol}; ` +
      `set protocol to match the container port`
    );
  }
  return `no container port named "${name}" (${entry.protocol}) on ${whose}, so this port entry never matches`;
}

function checkRule(context: LintContext, policy: NetworkPolicy, site: RuleSite): Diagnostic[] {
  const findings: Diagnostic[] = [];
  site.rule.ports?.forEach((entry, portIndex) => {
    if (typeof entry.port !== 'string') return;
    const name = entry.port;
    const pods = destinations(context, policy, site);
    // Ingress to no selected pod is selector-matches-nothing's finding; repeating it here is noise.
    if (site.direction === 'Ingress' && pods.length === 0) return;
    const defined = pods.some((pod) =>
      pod.ports.some((port) => port.name === name && port.protocol === entry.protocol),
    );
    if (defined) return;
    findings.push(
      policyFinding(policy, {
        id: ID,
        severity: 'warning',
        path: `${site.path}.ports[${portIndex}].port`,
        position: entry.position ?? site.rule.position,
        reason: reasonFor(site, entry, name, pods),
      }),
    );
  });
  return findings;
}

/** Warns about named ports that no possible destination pod defines with the entry's protocol. */
export const namedPortUndefined: LintRule = {
  id: ID,
  check(context) {
    if (!context.hasPods) return [];
    return context.policies.flatMap((policy) =>
      ruleSites(policy).flatMap((site) => checkRule(context, policy, site)),
    );
  },
};
