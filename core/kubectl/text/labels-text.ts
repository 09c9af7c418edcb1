/**
 * Labels and selectors as kubectl writes them: `app=web,tier=db` (sorted by key) and apimachinery's
 * selector text, where every requirement is sorted by key and `{}` reads `<none>`.
 */
import type { LabelSelector, LabelSelectorRequirement, Labels } from '../../netpol/types.ts';

function byKey(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `a=1,b=2`, sorted by key; `<none>` when there are none (the LABELS column, `Selector:`). */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byKey);
  if (keys.length === 0) return '<none>';
  return keys.map((key) => `${key}=${(labels as Labels)[key]}`).join(',');
}

function requirementText(requirement: LabelSelectorRequirement): string {
  const values = [...requirement.values].sort(byKey).join(',');
  switch (requirement.operator) {
    case 'In':
      return `${requirement.key} in (${values})`;
    case 'NotIn':
      return `${requirement.key} notin (${values})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/**
 * apimachinery's `FormatLabelSelector`: `app=web,env in (dev,prod),!debug` with all terms sorted
 * by key (labels and expressions together); `<none>` for the empty selector.
 */
export function formatLabelSelector(selector: LabelSelector): string {
  const terms: { key: string; text: string }[] = [
    ...Object.entries(selector.matchLabels).map(([key, value]) => ({ key, text: `${key}=${value}` })),
    ...selector.matchExpressions.map((requirement) => ({
      key: requirement.key,
      text: requirementText(requirement),
    })),
  ];
  if (terms.length === 0) return '<none>';
  return terms
    .sort((left, right) => byKey(left.key, right.key))
    .map((term) => term.text)
    .join(',');
}
