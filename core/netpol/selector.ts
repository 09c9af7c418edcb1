import type { LabelSelector, LabelSelectorRequirement, Labels } from './types.ts';

/** The empty selector `{}`: matches everything. */
export const EVERYTHING: LabelSelector = Object.freeze({ matchLabels: {}, matchExpressions: [] });

/** True when the selector has no terms, so it matches every object (`{}`). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

function requirementMatches(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(labels[requirement.key] as string);
    case 'NotIn':
      return !has || !requirement.values.includes(labels[requirement.key] as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** apimachinery semantics: every `matchLabels` pair and every expression must hold (AND). */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  for (const requirement of selector.matchExpressions) {
    if (!requirementMatches(requirement, labels)) return false;
  }
  return true;
}

/** Renders a selector the way `kubectl` prints one: `role=db,tier in (a,b),!debug`; `{}` when empty. */
export function formatSelector(selector: LabelSelector): string {
  const terms: string[] = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  for (const requirement of selector.matchExpressions) terms.push(formatRequirement(requirement));
  return terms.length === 0 ? '{}' : terms.join(',');
}

function formatRequirement(requirement: LabelSelectorRequirement): string {
  switch (requirement.operator) {
    case 'In':
      return `${requirement.key} in (${requirement.values.join(',')})`;
    case 'NotIn':
      return `${requirement.key} notin (${requirement.values.join(',')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/**
 * The first term of the selector that the labels fail, in words a learner understands, or
 * `undefined` when the selector matches. Example: `needs role=db, but role is "web"`.
 */
export function explainSelectorMismatch(selector: LabelSelector, labels: Labels): string | undefined {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key)) return `needs ${key}=${value}, but has no ${key} label`;
    if (labels[key] !== value) return `needs ${key}=${value}, but ${key} is "${labels[key]}"`;
  }
  for (const requirement of selector.matchExpressions) {
    if (requirementMatches(requirement, labels)) continue;
    const term = formatRequirement(requirement);
    const has = Object.hasOwn(labels, requirement.key);
    const actual = has
      ? `${requirement.key} is "${labels[requirement.key]}"`
      : `has no ${requirement.key} label`;
    return `needs ${term}, but ${actual}`;
  }
  return undefined;
}
