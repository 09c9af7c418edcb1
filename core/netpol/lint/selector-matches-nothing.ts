/**
 * `lint.selector-matches-nothing`: a selector that matches nothing is almost always a typo in a label
 * or a policy in the wrong namespace, and the policy then silently does nothing (or allows nothing).
 */
import { formatSelector } from '../selector.ts';
import type { Diagnostic, NetworkPolicy, NetworkPolicyPeer } from '../types.ts';
import type { LintContext, RuleSite } from './lint-context.ts';
import { ruleSites } from './lint-context.ts';
import { plural, policyFinding } from './lint-finding.ts';
import { suggestLabel } from './label-suggestion.ts';
import { closestWord } from '../edit-distance.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.selector-matches-nothing';

function checkPodSelector(context: LintContext, policy: NetworkPolicy): Diagnostic[] {
  if (context.selectedPods(policy).length > 0) return [];
  const pods = context.podsIn(policy.namespace);
  const podCount = pods.length;
  const guess = suggestLabel(
    policy.podSelector,
    pods.map((pod) => pod.labels),
  );
  const why =
    podCount === 0
      ? `namespace ${policy.namespace} has no pods${withGuess(namespaceGuess(context, policy.namespace))}`
      : `none of the ${plural(podCount, 'pod')} in namespace ${policy.namespace} has labels ${formatSelector(policy.podSelector)}${guess === undefined ? '' : `; ${guess}`}`;
  return [
    policyFinding(policy, {
      id: ID,
      severity: 'warning',
      path: 'spec.podSelector',
      reason: `selects no pod, so this policy has no effect: ${why}`,
    }),
  ];
}

/** `did you mean namespace "payroll"?` for a namespace name one or two edits from one with pods. */
function namespaceGuess(context: LintContext, name: string): string | undefined {
  const withPods = context.cluster.namespaces
    .map((namespace) => namespace.name)
    .filter((candidate) => context.podsIn(candidate).length > 0);
  const close = closestWord(name, withPods);
  return close === undefined ? undefined : `did you mean namespace "${close}"?`;
}

function withGuess(guess: string | undefined): string {
  return guess === undefined ? '' : `; ${guess}`;
}

function peerReason(
  context: LintContext,
  policy: NetworkPolicy,
  peer: NetworkPolicyPeer,
): string | undefined {
  if (peer.ipBlock !== undefined) return undefined;
  if (peer.namespaceSelector !== undefined) {
    const shown = formatSelector(peer.namespaceSelector);
    const namespaces = context.matchingNamespaces(peer.namespaceSelector);
    if (namespaces.length === 0) {
      const guess = suggestLabel(
        peer.namespaceSelector,
        context.cluster.namespaces.map((namespace) => namespace.labels),
      );
      return `namespaceSelector ${shown} matches no namespace, so this peer matches nothing${withGuess(guess)}`;
    }
    if (peer.podSelector === undefined || context.peerPods(policy, peer).length > 0) return undefined;
    const guess = suggestLabel(
      peer.podSelector,
      namespaces.flatMap((namespace) => context.podsIn(namespace.name).map((pod) => pod.labels)),
    );
    return `no pod labelled ${formatSelector(peer.podSelector)} lives in the namespaces matching ${shown}, so this peer matches nothing${withGuess(guess)}`;
  }
  if (peer.podSelector === undefined || context.peerPods(policy, peer).length > 0) return undefined;
  const guess = suggestLabel(
    peer.podSelector,
    context.podsIn(policy.namespace).map((pod) => pod.labels),
  );
  return (
    `podSelector ${formatSelector(peer.podSelector)} matches no pod in namespace ${policy.namespace} ` +
    `(a podSelector alone only looks in the policy's own namespace)${withGuess(guess)}`
  );
}

function checkPeers(context: LintContext, policy: NetworkPolicy, site: RuleSite): Diagnostic[] {
  const findings: Diagnostic[] = [];
  site.rule.peers?.forEach((peer, peerIndex) => {
    const reason = peerReason(context, policy, peer);
    if (reason === undefined) return;
    findings.push(
      policyFinding(policy, {
        id: ID,
        severity: 'warning',
        path: `${site.path}.${site.peersField}[${peerIndex}]`,
        position: peer.position ?? site.rule.position,
        reason,
      }),
    );
  });
  return findings;
}

/** Warns about a `spec.podSelector` or a rule peer that matches no pod or namespace. */
export const selectorMatchesNothing: LintRule = {
  id: ID,
  check(context) {
    // With no pods at all (a policy-only exercise) every selector "matches nothing": say nothing.
    if (!context.hasPods) return [];
    return context.policies.flatMap((policy) => [
      ...checkPodSelector(context, policy),
      ...ruleSites(policy).flatMap((site) => checkPeers(context, policy, site)),
    ]);
  },
};
