/**
 * The `-l`/`--selector` language of kubectl (apimachinery's label selector text): comma-separated
 * requirements `key=value`, `key==value`, `key!=value`, `key in (a,b)`, `key notin (a)`, `key`,
 * `!key`. Read into the engine's selector so matching is the engine's own.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../../netpol/types.ts';
import { checkLabelKey, checkLabelValue } from '../../netpol/read/object-names.ts';

export type SelectorParse =
  { readonly ok: true; readonly selector: LabelSelector } | { readonly ok: false; readonly error: string };

/** Splits at commas outside parentheses: `a in (x,y),b` is two requirements. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(') depth++;
    if (character === ')') depth = Math.max(0, depth - 1);
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  parts.push(current);
  return parts;
}

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\((.*)\)$`);
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(\S*)$`);
const EXISTS = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

function checkKey(key: string): string | undefined {
  const problems = checkLabelKey(key);
  return problems.length === 0 ? undefined : `invalid label key "${key}": ${problems.join('; ')}`;
}

function checkValue(value: string): string | undefined {
  const problems = checkLabelValue(value);
  return problems.length === 0 ? undefined : `invalid label value: "${value}": ${problems.join('; ')}`;
}

function readRequirement(text: string): LabelSelectorRequirement | string {
  const set = SET.exec(text);
  if (set !== null) {
    const [, key = '', operator, list = ''] = set;
    const values = list.split(',').map((value) => value.trim());
    if (list.trim() === '') return `for 'in', 'notin' operators, values set can't be empty`;
    const problem = checkKey(key) ?? values.map(checkValue).find((item) => item !== undefined);
    if (problem !== undefined) return problem;
    return { key, operator: operator === 'in' ? 'In' : 'NotIn', values };
  }
  const equality = EQUALITY.exec(text);
  if (equality !== null) {
    const [, key = '', operator, value = ''] = equality;
    const problem = checkKey(key) ?? checkValue(value);
    if (problem !== undefined) return problem;
    return { key, operator: operator === '!=' ? 'NotIn' : 'In', values: [value] };
  }
  const exists = EXISTS.exec(text);
  if (exists !== null) {
    const [, bang, key = ''] = exists;
    const problem = checkKey(key);
    if (problem !== undefined) return problem;
    return { key, operator: bang === '!' ? 'DoesNotExist' : 'Exists', values: [] };
  }
  const found = text.match(/[^-A-Za-z0-9_./\s]/)?.[0];
  return found === undefined
    ? `found '${text}', expected: in, notin, =, ==, !=, gt, lt`
    : `found '${found}', expected: identifier`;
}

/**
 * Reads a `-l` selector. `key=value` and `key!=value` become one-value `In`/`NotIn` requirements,
 * which match exactly as apimachinery's equality operators do (`!=` also matches a missing key).
 */
export function parseLabelSelector(text: string): SelectorParse {
  const matchExpressions: LabelSelectorRequirement[] = [];
  if (text.trim() === '') return { ok: true, selector: { matchLabels: {}, matchExpressions } };
  for (const part of splitRequirements(text)) {
    const requirement = readRequirement(part.trim());
    if (typeof requirement === 'string')
      return { ok: false, error: `unable to parse requirement: ${requirement}` };
    matchExpressions.push(requirement);
  }
  return { ok: true, selector: { matchLabels: {}, matchExpressions } };
}
