/**
 * "Did you mean" for a selector that matches nothing: a label value (or key) one or two edits from
 * one that really exists among the labels the selector is compared with. Typos in label values are
 * the most common reason a selector matches nothing, and the hardest to see.
 */
import { closestWord } from '../edit-distance.ts';
import type { LabelSelector, Labels } from '../types.ts';

/** Every value each label key takes among `labelSets`. */
function valuesByKey(labelSets: readonly Labels[]): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const labels of labelSets) {
    for (const [key, value] of Object.entries(labels)) {
      const known = values.get(key) ?? new Set<string>();
      known.add(value);
      values.set(key, known);
    }
  }
  return values;
}

/**
 * A hint like `did you mean app: payroll?` for the first label requirement of `selector` that no
 * label in `labelSets` meets but one nearly does; `undefined` when there is no close guess.
 */
export function suggestLabel(selector: LabelSelector, labelSets: readonly Labels[]): string | undefined {
  const known = valuesByKey(labelSets);
  const wanted: [string, readonly string[]][] = [
    ...Object.entries(selector.matchLabels).map(([key, value]): [string, string[]] => [key, [value]]),
    ...selector.matchExpressions
      .filter((requirement) => requirement.operator === 'In' || requirement.operator === 'Exists')
      .map((requirement): [string, readonly string[]] => [requirement.key, requirement.values]),
  ];
  for (const [key, values] of wanted) {
    const present = known.get(key);
    if (present === undefined) {
      const closeKey = closestWord(key, known.keys());
      if (closeKey === undefined) continue;
      return values.length === 0
        ? `did you mean the label key "${closeKey}"?`
        : `did you mean ${closeKey}: ${values[0]}?`;
    }
    if (values.some((value) => present.has(value))) continue;
    for (const value of values) {
      const closeValue = closestWord(value, present);
      if (closeValue !== undefined) return `did you mean ${key}: ${closeValue}?`;
    }
  }
  return undefined;
}
