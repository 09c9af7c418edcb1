/**
 * `lint.missing-policy-types`: without `policyTypes` the API server guesses from the rules, and the
 * guess surprises learners. Severity:
 * - warning when there are egress rules but no ingress rules: the default adds `Ingress` too, so the
 *   selected pods silently lose ALL incoming traffic — rarely what an "egress policy" meant;
 * - info otherwise, saying what it defaulted to (notably that `egress: []` alone isolates nothing).
 */
import type { Diagnostic, NetworkPolicy } from '../types.ts';
import { policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.missing-policy-types';

function checkPolicy(policy: NetworkPolicy): Diagnostic[] {
  if (policy.policyTypesExplicit) return [];
  const defaulted = `policyTypes not written, so it defaulted to [${policy.policyTypes.join(', ')}]`;
  const path = 'spec.policyTypes';
  if (policy.egress.length > 0 && policy.ingress.length === 0) {
    return [
      policyFinding(policy, {
        id: ID,
        severity: 'warning',
        path,
        reason: `${defaulted}: with no ingress rules the selected pods also lose ALL incoming traffic; write policyTypes: [Egress] if you meant only egress`,
      }),
    ];
  }
  const consequence = policy.policyTypes.includes('Egress')
    ? 'both directions are isolated; write policyTypes to say so'
    : 'egress is NOT restricted by this policy (an empty or absent egress list does not isolate egress); add Egress to policyTypes to deny it';
  return [policyFinding(policy, { id: ID, severity: 'info', path, reason: `${defaulted}: ${consequence}` })];
}

/** Says what an unwritten `policyTypes` defaulted to, warning when it isolates ingress unexpectedly. */
export const missingPolicyTypes: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap(checkPolicy);
  },
};
