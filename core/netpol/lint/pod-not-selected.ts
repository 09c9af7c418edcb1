/**
 * `lint.pod-not-selected`: in a namespace that has policies, a pod no policy selects keeps all of its
 * traffic open — often a pod the learner believed a default-deny covered. One finding per namespace,
 * listing the pods. Namespaces without any policy are left out: being open there is plain to see,
 * and flagging them would report every system pod on every run.
 */
import type { Diagnostic } from '../types.ts';
import { listNames, makeFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.pod-not-selected';

/** Notes pods that no policy selects, in namespaces that have at least one policy. */
export const podNotSelected: LintRule = {
  id: ID,
  check(context) {
    const findings: Diagnostic[] = [];
    const namespaces = [...new Set(context.policies.map((policy) => policy.namespace))];
    for (const namespace of namespaces) {
      const policies = context.policies.filter((policy) => policy.namespace === namespace);
      const unselected = context
        .podsIn(namespace)
        .filter((pod) => !policies.some((policy) => context.selectedPods(policy).includes(pod)));
      const first = unselected[0];
      if (first === undefined) continue;
      const names = listNames(unselected.map((pod) => pod.name));
      const who = unselected.length === 1 ? `pod ${names} is` : `pods ${names} are`;
      findings.push(
        makeFinding(`Namespace ${namespace}`, first.source, first.position, {
          id: ID,
          severity: 'info',
          reason: `${who} selected by no NetworkPolicy, so all ${unselected.length === 1 ? 'its' : 'their'} ingress and egress is allowed`,
        }),
      );
    }
    return findings;
  },
};
