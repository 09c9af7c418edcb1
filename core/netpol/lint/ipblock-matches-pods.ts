/**
 * `lint.ipblock-matches-pods`: an ipBlock also matches pod IPs, but pod IPs change whenever a pod is
 * recreated; selecting pods by label keeps working. Info; `/0` blocks ("anywhere") are left alone.
 */
import type { Diagnostic, NetworkPolicy } from '../types.ts';
import type { LintContext, RuleSite } from './lint-context.ts';
import { ruleSites } from './lint-context.ts';
import { listNames, plural, podName, policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.ipblock-matches-pods';

function checkRule(context: LintContext, policy: NetworkPolicy, site: RuleSite): Diagnostic[] {
  const findings: Diagnostic[] = [];
  site.rule.peers?.forEach((peer, peerIndex) => {
    // A /0 block means "any address" on purpose; that it also covers pods is not a mistake.
    if (peer.ipBlock === undefined || peer.ipBlock.cidr.endsWith('/0')) return;
    const pods = context.peerPods(policy, peer);
    if (pods.length === 0) return;
    findings.push(
      policyFinding(policy, {
        id: ID,
        severity: 'info',
        path: `${site.path}.${site.peersField}[${peerIndex}].ipBlock`,
        position: peer.position ?? site.rule.position,
        reason:
          `cidr ${peer.ipBlock.cidr} contains the IPs of ${plural(pods.length, 'pod')} ` +
          `(${listNames(pods.map(podName))}); pod IPs change when pods restart, so select pods by label instead`,
      }),
    );
  });
  return findings;
}

/** Notes ipBlock peers whose range (minus `except`) contains pod IPs. */
export const ipBlockMatchesPods: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap((policy) =>
      ruleSites(policy).flatMap((site) => checkRule(context, policy, site)),
    );
  },
};
