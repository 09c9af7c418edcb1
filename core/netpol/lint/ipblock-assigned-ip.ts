/**
 * `lint.ipblock-assigned-ip`: an ipBlock whose range (or one of its `except` ranges) covers the IP
 * of a pod the manifest gave no address. The lab chose that address, so whether the block matches
 * the pod is the lab's choice, not the learner's: on a real cluster the pod gets another IP.
 */
import { cidrContains } from '../ip.ts';
import type { Diagnostic, IPBlock, NetworkPolicy, Pod } from '../types.ts';
import type { LintContext, RuleSite } from './lint-context.ts';
import { ruleSites } from './lint-context.ts';
import { podName, policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.ipblock-assigned-ip';

/** The assigned addresses of `pod` that the block's verdict turns on. */
function decidingAddresses(block: IPBlock, pod: Pod): string[] {
  if (pod.ipAssigned !== true) return [];
  // A /0 block covers every address; only an `except` that holds the address makes it matter.
  const ranges = block.cidr.endsWith('/0') ? block.except : [block.cidr, ...block.except];
  return pod.ips.filter((ip) => ranges.some((range) => cidrContains(range, ip)));
}

function checkRule(context: LintContext, policy: NetworkPolicy, site: RuleSite): Diagnostic[] {
  const findings: Diagnostic[] = [];
  site.rule.peers?.forEach((peer, peerIndex) => {
    const block = peer.ipBlock;
    if (block === undefined) return;
    for (const pod of context.cluster.pods) {
      const addresses = decidingAddresses(block, pod);
      if (addresses.length === 0) continue;
      findings.push(
        policyFinding(policy, {
          id: ID,
          severity: 'warning',
          path: `${site.path}.${site.peersField}[${peerIndex}].ipBlock`,
          position: peer.position ?? site.rule.position,
          reason:
            `the manifest gives ${podName(pod)} no IP; whether this ipBlock matches it rests on ` +
            `${addresses.join(', ')}, which the lab chose. Give the pod an IP (status.podIP) or select it by label`,
        }),
      );
    }
  });
  return findings;
}

/** Warns where an ipBlock's verdict about a pod rests on an address the lab assigned. */
export const ipBlockAssignedIp: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap((policy) =>
      ruleSites(policy).flatMap((site) => checkRule(context, policy, site)),
    );
  },
};
