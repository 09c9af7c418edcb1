/**
 * `lint.rules-ignored`: rules of a direction that the written `policyTypes` leaves out are ignored by
 * the cluster (`policyTypes: [Ingress]` with `egress:` rules). The learner wrote them for a reason.
 */
import type { Diagnostic, Direction, NetworkPolicy, NetworkPolicyRule } from '../types.ts';
import { policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.rules-ignored';

function checkDirection(
  policy: NetworkPolicy,
  direction: Direction,
  rules: readonly NetworkPolicyRule[],
): Diagnostic[] {
  if (!policy.policyTypesExplicit || rules.length === 0 || policy.policyTypes.includes(direction)) return [];
  const field = direction === 'Ingress' ? 'ingress' : 'egress';
  return [
    policyFinding(policy, {
      id: ID,
      severity: 'warning',
      path: `spec.${field}`,
      position: rules[0]?.position,
      reason: `policyTypes does not include ${direction}, so these ${field} rules are ignored; add ${direction} to policyTypes or remove them`,
    }),
  ];
}

/** Warns about rules the written policyTypes switch off. */
export const rulesIgnored: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap((policy) => [
      ...checkDirection(policy, 'Ingress', policy.ingress),
      ...checkDirection(policy, 'Egress', policy.egress),
    ]);
  },
};
