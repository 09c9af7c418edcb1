/**
 * `lint.namespace-defaulted`: a policy without `metadata.namespace` lands in `default`. Warning when
 * pods its (non-empty) podSelector describes live in other namespaces — the policy may be in the wrong
 * place — info otherwise.
 */
import { formatSelector, isEmptySelector, selectorMatches } from '../selector.ts';
import type { Diagnostic, NetworkPolicy } from '../types.ts';
import type { LintContext } from './lint-context.ts';
import { listNames, policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.namespace-defaulted';

function checkPolicy(context: LintContext, policy: NetworkPolicy): Diagnostic[] {
  if (policy.namespaceDefaulted !== true) return [];
  const path = 'metadata.namespace';
  const elsewhere = [
    ...new Set(
      context.cluster.pods
        .filter(
          (pod) => pod.namespace !== policy.namespace && selectorMatches(policy.podSelector, pod.labels),
        )
        .map((pod) => pod.namespace),
    ),
  ];
  const selected = context.selectedPods(policy);
  if (selected.length === 0 && elsewhere.length > 0) {
    return [
      policyFinding(policy, {
        id: ID,
        severity: 'warning',
        path,
        reason:
          `no namespace written, so the policy landed in ${policy.namespace} where it selects no pod; ` +
          `the pods it describes live in ${listNames(elsewhere)}: set metadata.namespace`,
      }),
    ];
  }
  // `podSelector: {}` matches pods everywhere by design; only a specific selector hints at a mix-up.
  if (!isEmptySelector(policy.podSelector) && elsewhere.length > 0) {
    return [
      policyFinding(policy, {
        id: ID,
        severity: 'warning',
        path,
        reason:
          `no namespace written, so the policy applies in ${policy.namespace} (to ${listNames(selected.map((pod) => pod.name))}); ` +
          `pods labelled ${formatSelector(policy.podSelector)} also live in ${listNames(elsewhere)}: if you meant those, set metadata.namespace`,
      }),
    ];
  }
  return [
    policyFinding(policy, {
      id: ID,
      severity: 'info',
      path,
      reason: `no namespace written, so the policy applies in ${policy.namespace}; write metadata.namespace to make it explicit`,
    }),
  ];
}

/** Flags policies whose namespace was defaulted. */
export const namespaceDefaulted: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap((policy) => checkPolicy(context, policy));
  },
};
