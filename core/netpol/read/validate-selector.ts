/**
 * Validates and normalises label selectors (`matchLabels`, `matchExpressions`) and label maps in
 * NetworkPolicies, with apimachinery's rules for keys, values and operators.
 */
import type { LabelSelector, LabelSelectorRequirement, SelectorOperator } from '../types.ts';
import { checkLabelKey, checkLabelValue } from './object-names.ts';
import {
  asList,
  asMap,
  asString,
  emptyIfNull,
  field,
  invalidValue,
  itemMap,
  reportProblems,
  unsupportedValue,
} from './object-reporter.ts';
import type { ObjectReporter } from './object-reporter.ts';
import { checkFields } from './policy-fields.ts';
import { quoteText } from './shown-text.ts';
import { isNull } from './yaml-source.ts';
import type { YamlValue } from './yaml-source.ts';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Reads a map of labels (`matchLabels`, `metadata.labels`); `{}` when absent. */
export function readLabelMap(
  report: ObjectReporter,
  value: YamlValue | undefined,
  path: string,
): Record<string, string> | undefined {
  const map = asMap(report, value, path);
  if (map === undefined) return value === undefined ? {} : undefined;
  const labels: Record<string, string> = {};
  for (const entry of map.entries) {
    const shownKey = quoteText(entry.key);
    const entryPath = `${path}[${shownKey}]`;
    const keyProblems = checkLabelKey(entry.key);
    reportProblems(report, 'policy.invalid-value', path, entry.keyPosition, shownKey, keyProblems);
    const text = isNull(entry.value) ? '' : asString(report, entry.value, entryPath);
    if (text === undefined) continue;
    invalidValue(report, entryPath, entry.value, checkLabelValue(text));
    labels[entry.key] = text;
  }
  return labels;
}

function readRequirement(
  report: ObjectReporter,
  item: YamlValue,
  path: string,
): LabelSelectorRequirement | undefined {
  const map = itemMap(report, item, path);
  if (map === undefined) return undefined;
  // A misspelt field (`operater`) already has its error; its "Required value" would say it again.
  const misspelt = checkFields(report, map, 'requirement', path) > 0;
  const keyValue = field(map, 'key');
  const key = asString(report, keyValue, `${path}.key`);
  if (keyValue === undefined && !misspelt)
    report.error('policy.required', `${path}.key`, map.position, 'Required value: a label key');
  else if (key !== undefined) invalidValue(report, `${path}.key`, keyValue as YamlValue, checkLabelKey(key));
  const operatorValue = field(map, 'operator');
  const operatorText = asString(report, operatorValue, `${path}.operator`);
  let operator: SelectorOperator | undefined;
  if (operatorValue === undefined) {
    if (!misspelt)
      report.error(
        'policy.required',
        `${path}.operator`,
        map.position,
        'Required value: one of In, NotIn, Exists, DoesNotExist',
      );
  } else if (operatorText !== undefined) {
    operator = OPERATORS.find((candidate) => candidate === operatorText);
    if (operator === undefined) unsupportedValue(report, `${path}.operator`, operatorValue, OPERATORS);
  }
  const valuesValue = field(map, 'values');
  const valuesList = asList(report, valuesValue, `${path}.values`);
  const values: string[] = [];
  valuesList?.items.forEach((entry, index) => {
    const text = asString(report, emptyIfNull(entry), `${path}.values[${index}]`);
    if (text === undefined) return;
    invalidValue(report, `${path}.values[${index}]`, entry, checkLabelValue(text));
    values.push(text);
  });
  if (
    (operator === 'In' || operator === 'NotIn') &&
    !misspelt &&
    values.length === 0 &&
    (valuesList !== undefined || valuesValue === undefined)
  ) {
    report.error(
      'policy.required',
      `${path}.values`,
      valuesValue?.position ?? map.position,
      `Required value: operator ${operator} needs at least one value`,
    );
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
    report.error(
      'policy.forbidden',
      `${path}.values`,
      valuesValue?.position ?? map.position,
      `Forbidden: operator ${operator} takes no values (remove "values")`,
    );
  }
  if (key === undefined || operator === undefined) return undefined;
  return { key, operator, values };
}

/** Reads a label selector, normalised with both parts; `{}` when absent, `undefined` when not a mapping. */
export function readSelector(
  report: ObjectReporter,
  value: YamlValue | undefined,
  path: string,
): LabelSelector | undefined {
  const map = asMap(report, value, path);
  if (map === undefined) return value === undefined ? { matchLabels: {}, matchExpressions: [] } : undefined;
  checkFields(report, map, 'selector', path);
  const matchLabels = readLabelMap(report, field(map, 'matchLabels'), `${path}.matchLabels`) ?? {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  asList(report, field(map, 'matchExpressions'), `${path}.matchExpressions`)?.items.forEach((item, index) => {
    const requirement = readRequirement(report, item, `${path}.matchExpressions[${index}]`);
    if (requirement !== undefined) matchExpressions.push(requirement);
  });
  return { matchLabels, matchExpressions };
}
