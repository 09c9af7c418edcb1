/**
 * Where the cursor is in a NetworkPolicy YAML text, for completion: the chain of parent keys
 * (list items are transparent) and whether a key or a value is being typed. Reads indentation the
 * way block YAML nests, plus simple flow maps and lists (`{app: web}`, `[Ingress, Egress]`), without
 * a full parse, so it also works on the half-written text a learner is typing.
 */

/** Typing a key (or a scalar list item) inside the map or list at `path`. */
export interface KeyPlace {
  readonly kind: 'key';
  readonly path: readonly string[];
  readonly prefix: string;
}

/** Typing the value of `key`, whose parents are `path`. */
export interface ValuePlace {
  readonly kind: 'value';
  readonly path: readonly string[];
  readonly key: string;
  readonly prefix: string;
}

export type CompletionPlace = KeyPlace | ValuePlace;

const WORD = /[A-Za-z0-9_./-]*$/;
const KEY_PATTERN = '(?:[A-Za-z0-9_./-]+|"[^"]*"|\'[^\']*\')';
const KEY_ONLY = new RegExp(`^(\\s*)((?:-\\s+)*)([A-Za-z0-9_./-]*)$`);
const KEY_VALUE = new RegExp(`^(\\s*)((?:-\\s+)*)(${KEY_PATTERN})\\s*:(?:\\s+(.*))?$`);
const PARENT_LINE = new RegExp(`^(\\s*)((?:-\\s*)*)(${KEY_PATTERN})\\s*:(?:\\s|$)`);

function unquote(key: string): string {
  return /^["'].*["']$/.test(key) ? key.slice(1, -1) : key;
}

/** The keys that enclose a line indented to `column`, read from the lines above it. */
export function parentPath(linesAbove: readonly string[], column: number): string[] {
  const path: string[] = [];
  let indent = column;
  for (let index = linesAbove.length - 1; index >= 0 && indent > 0; index--) {
    const line = linesAbove[index] ?? '';
    if (/^(---|\.\.\.)\s*$/.test(line)) break;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = PARENT_LINE.exec(line);
    if (!match) continue;
    const keyColumn = (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    if (keyColumn >= indent) continue;
    path.unshift(unquote(match[3] ?? ''));
    indent = keyColumn;
  }
  return path;
}

/** Reads a flow collection (`{a: {b: x`, `[Ingress, E`) up to the cursor. */
function flowPlace(path: readonly string[], key: string, text: string): CompletionPlace | null {
  const stack: string[] = [];
  let pending: string | undefined = key;
  let token = '';
  let inList = false;
  const lists: boolean[] = [];
  for (const character of text) {
    if (character === '{' || character === '[') {
      stack.push(pending ?? '');
      lists.push(inList);
      inList = character === '[';
      pending = undefined;
      token = '';
    } else if (character === '}' || character === ']') {
      stack.pop();
      inList = lists.pop() ?? false;
      pending = undefined;
      token = '';
    } else if (character === ',') {
      pending = undefined;
      token = '';
    } else if (character === ':') {
      pending = unquote(token.trim());
      token = '';
    } else token += character;
  }
  if (stack.length === 0) return null;
  const prefix = WORD.exec(token)?.[0] ?? '';
  if (token.trim() !== prefix) return null;
  const enclosing = [...path, ...stack.filter((name) => name !== '')];
  if (pending !== undefined) return { kind: 'value', path: enclosing, key: pending, prefix };
  if (inList) {
    const listKey = enclosing[enclosing.length - 1] ?? '';
    return { kind: 'value', path: enclosing.slice(0, -1), key: listKey, prefix };
  }
  return { kind: 'key', path: enclosing, prefix };
}

/** The completion place at the end of `textBefore` (the document up to the cursor), if any. */
export function completionPlace(textBefore: string): CompletionPlace | null {
  const lines = textBefore.split('\n');
  const current = lines.pop() ?? '';
  if (/^\s*#/.test(current) || /(^|\s)#/.test(current)) return null;
  const keyOnly = KEY_ONLY.exec(current);
  if (keyOnly) {
    const column = (keyOnly[1]?.length ?? 0) + (keyOnly[2]?.length ?? 0);
    return { kind: 'key', path: parentPath(lines, column), prefix: keyOnly[3] ?? '' };
  }
  const keyValue = KEY_VALUE.exec(current);
  if (!keyValue) return null;
  const column = (keyValue[1]?.length ?? 0) + (keyValue[2]?.length ?? 0);
  const path = parentPath(lines, column);
  const key = unquote(keyValue[3] ?? '');
  const value = keyValue[4];
  if (value === undefined) return null;
  if (/^[{[]/.test(value)) return flowPlace(path, key, value);
  const prefix = WORD.exec(value)?.[0] ?? '';
  if (value !== prefix) return null;
  return { kind: 'value', path, key, prefix };
}
