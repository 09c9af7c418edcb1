/**
 * The policy linter's front door: findings about valid policies that probably do not do what the
 * learner meant. The rules live one per file in `lint/`.
 */
export { lintPolicies, LINT_IDS, LINT_RULES } from './lint/index.ts';
export type { LintRule } from './lint/index.ts';
