/**
 * `lint.and-or-lookalike`: `- namespaceSelector: …` and `- podSelector: …` as two list items are two
 * peers (OR), which allows far more than the one item with both selectors (AND) the learner meant.
 */
import { formatSelector } from '../selector.ts';
import type { Diagnostic, NetworkPolicy } from '../types.ts';
import type { RuleSite } from './lint-context.ts';
import { ruleSites } from './lint-context.ts';
import { policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.and-or-lookalike';

function checkRule(policy: NetworkPolicy, site: RuleSite): Diagnostic[] {
  const peers = site.rule.peers ?? [];
  const namespaceIndex = peers.findIndex(
    (peer) => peer.namespaceSelector !== undefined && peer.podSelector === undefined,
  );
  const podIndex = peers.findIndex(
    (peer) => peer.podSelector !== undefined && peer.namespaceSelector === undefined,
  );
  if (namespaceIndex === -1 || podIndex === -1) return [];
  const namespacePeer = peers[namespaceIndex];
  const podPeer = peers[podIndex];
  if (namespacePeer?.namespaceSelector === undefined || podPeer?.podSelector === undefined) return [];
  const field = site.peersField;
  const first = Math.min(namespaceIndex, podIndex);
  return [
    policyFinding(policy, {
      id: ID,
      severity: 'warning',
      path: `${site.path}.${field}`,
      position: peers[first]?.position ?? site.rule.position,
      reason:
        `${field}[${namespaceIndex}] (namespaceSelector ${formatSelector(namespacePeer.namespaceSelector)}) and ` +
        `${field}[${podIndex}] (podSelector ${formatSelector(podPeer.podSelector)}) are separate peers, ` +
        `so either one matches (OR); to require both (AND), put both selectors in one list item`,
    }),
  ];
}

/** Warns when a peer list pairs a namespaceSelector-only item with a podSelector-only item. */
export const andOrLookalike: LintRule = {
  id: ID,
  check(context) {
    return context.policies.flatMap((policy) => ruleSites(policy).flatMap((site) => checkRule(policy, site)));
  },
};
