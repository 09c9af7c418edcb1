/**
 * `lint.allow-all-rule`: a rule with neither peers nor ports (`ingress: [{}]`) allows every peer on
 * every port, which undoes any deny in that direction. Often meant as "deny all" (that is `ingress: []`).
 */
import type { Diagnostic, NetworkPolicy } from '../types.ts';
import type { RuleSite } from './lint-context.ts';
import { ruleSites } from './lint-context.ts';
import { policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.allow-all-rule';

function checkRule(policy: NetworkPolicy, site: RuleSite): Diagnostic[] {
  if (!policy.policyTypes.includes(site.direction)) return [];
  const { peers, ports } = site.rule;
  if ((peers !== undefined && peers.length > 0) || (ports !== undefined && ports.length > 0)) return [];
  const field = site.direction === 'Ingress' ? 'ingress' : 'egress';
  return [
    policyFinding(policy, {
      id: ID,
      severity: 'info',
      path: site.path,
      position: site.rule.position,
      reason: `this rule has no ${site.peersField} and no ports, so it allows all ${field} of the selected pods (to deny all, write ${field}: [] instead)`,
    }),
  ];
}

/** Notes rules that allow everything in their direction. */
export const allowAllRule: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap((policy) => ruleSites(policy).flatMap((site) => checkRule(policy, site)));
  },
};
