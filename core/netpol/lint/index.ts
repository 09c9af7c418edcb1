/**
 * The policy linter: findings about valid policies that probably do not do what the learner meant.
 * Each kind of finding is one rule file with a stable id `lint.<rule>`; this file runs them all and
 * orders the findings deterministically.
 */
import type { Cluster, Diagnostic, NetworkPolicy } from '../types.ts';
import { allowAllRule } from './allow-all-rule.ts';
import { andOrLookalike } from './and-or-lookalike.ts';
import { duplicateName } from './duplicate-name.ts';
import { egressBlocksDns } from './egress-blocks-dns.ts';
import { ipBlockAssignedIp } from './ipblock-assigned-ip.ts';
import { ipBlockMatchesPods } from './ipblock-matches-pods.ts';
import { createLintContext } from './lint-context.ts';
import type { LintRule } from './lint-rule.ts';
import { missingPolicyTypes } from './missing-policy-types.ts';
import { namedPortUndefined } from './named-port-undefined.ts';
import { namespaceDefaulted } from './namespace-defaulted.ts';
import { podNotSelected } from './pod-not-selected.ts';
import { rulesIgnored } from './rules-ignored.ts';
import { selectorMatchesNothing } from './selector-matches-nothing.ts';

export type { LintRule } from './lint-rule.ts';

/** Every lint rule, in no particular order (findings are sorted afterwards). */
export const LINT_RULES: readonly LintRule[] = [
  selectorMatchesNothing,
  andOrLookalike,
  missingPolicyTypes,
  egressBlocksDns,
  namedPortUndefined,
  ipBlockMatchesPods,
  ipBlockAssignedIp,
  namespaceDefaulted,
  duplicateName,
  podNotSelected,
  rulesIgnored,
  allowAllRule,
];

/** The stable ids of every lint finding. */
export const LINT_IDS: readonly string[] = LINT_RULES.map((rule) => rule.id);

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** By source, then line and column (findings without a position last), then id, then wording. */
function compareFindings(left: Diagnostic, right: Diagnostic): number {
  return (
    compareText(left.source ?? '', right.source ?? '') ||
    (left.position?.line ?? Infinity) - (right.position?.line ?? Infinity) ||
    (left.position?.column ?? Infinity) - (right.position?.column ?? Infinity) ||
    compareText(left.id, right.id) ||
    compareText(left.path ?? '', right.path ?? '') ||
    compareText(left.message, right.message)
  );
}

/**
 * Lints validated policies against a cluster. Returns warnings and infos (never errors, never
 * throws), ordered by source position, then id.
 */
export function lintPolicies(cluster: Cluster, policies: readonly NetworkPolicy[]): Diagnostic[] {
  const context = createLintContext(cluster, policies);
  return LINT_RULES.flatMap((rule) => rule.check(context)).sort(compareFindings);
}
