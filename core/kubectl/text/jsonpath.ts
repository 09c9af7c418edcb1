/**
 * kubectl's `-o jsonpath=` templates: literal text with `{…}` actions — a path (`{.items[*].metadata.name}`),
 * a quoted literal (`{"\n"}`), `{range …}…{end}` — plus `-o custom-columns`. kubectl's path dialect
 * (escaped dots in names, `/` inside names) is rewritten into RFC 9535 JSONPath and evaluated by
 * `jsonpath-rfc9535`; this module only handles the template around it.
 */
import { query } from 'jsonpath-rfc9535';
import type { JsonValue } from 'jsonpath-rfc9535';

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'range'; readonly path: string; readonly body: readonly Node[] };

export type TemplateResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

class TemplateError extends Error {}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, (_, character: string) => ESCAPES[character] ?? character);
}

/** Splits a template into text and `{…}` actions, honouring quotes inside actions. */
function tokenize(template: string): { kind: 'text' | 'action'; text: string }[] {
  const tokens: { kind: 'text' | 'action'; text: string }[] = [];
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{', index);
    if (open === -1) {
      tokens.push({ kind: 'text', text: template.slice(index) });
      break;
    }
    if (open > index) tokens.push({ kind: 'text', text: template.slice(index, open) });
    let cursor = open + 1;
    let quote: string | undefined;
    for (; cursor < template.length; cursor++) {
      const character = template[cursor];
      if (quote !== undefined) {
        if (character === '\\') cursor++;
        else if (character === quote) quote = undefined;
      } else if (character === '"' || character === "'") quote = character;
      else if (character === '}') break;
    }
    if (cursor >= template.length) throw new TemplateError(`unclosed action`);
    tokens.push({ kind: 'action', text: template.slice(open + 1, cursor).trim() });
    index = cursor + 1;
  }
  return tokens;
}

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { path: string; body: Node[] }[] = [];
  const current = (): Node[] => stack.at(-1)?.body ?? root;
  for (const token of tokenize(template)) {
    if (token.kind === 'text') current().push({ kind: 'text', text: token.text });
    else if (/^["'].*["']$/s.test(token.text)) current().push({ kind: 'text', text: unquote(token.text) });
    else if (token.text.startsWith('range ')) stack.push({ path: token.text.slice(6).trim(), body: [] });
    else if (token.text === 'end') {
      const done = stack.pop();
      if (done === undefined) throw new TemplateError('not in range, nothing to end');
      current().push({ kind: 'range', path: done.path, body: done.body });
    } else current().push({ kind: 'path', path: token.text });
  }
  if (stack.length > 0) throw new TemplateError('unclosed range');
  return root;
}

/** Rewrites kubectl's path dialect into RFC 9535: `.metadata.labels.app\.io/name` → `$['metadata']['labels']['app.io/name']`. */
export function toRfcPath(path: string): string {
  let text = path.trim();
  if (text.startsWith('$')) text = text.slice(1);
  else if (text.startsWith('@')) text = text.slice(1);
  let output = '$';
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === '[') {
      let depth = 0;
      let end = index;
      for (; end < text.length; end++) {
        if (text[end] === '[') depth++;
        else if (text[end] === ']' && --depth === 0) break;
      }
      if (end >= text.length) throw new TemplateError('unclosed array expect ]');
      output += text.slice(index, end + 1);
      index = end + 1;
    } else if (character === '.') {
      const recursive = text[index + 1] === '.';
      index += recursive ? 2 : 1;
      let name = '';
      while (index < text.length && text[index] !== '.' && text[index] !== '[') {
        if (text[index] === '\\' && index + 1 < text.length) index++;
        name += text[index];
        index++;
      }
      if (name === '') {
        if (recursive) output += '..';
        continue;
      }
      const bracket = name === '*' ? '[*]' : `[${JSON.stringify(name)}]`;
      output += recursive ? `..${bracket}` : bracket;
    } else
      throw new TemplateError(
        `unrecognized character in action: U+${(character ?? '').codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} '${character}'`,
      );
  }
  return output;
}

function evaluate(data: JsonValue, path: string): JsonValue[] {
  if (path === '' || path === '@' || path === '$' || path === '.') return [data];
  return query(data, toRfcPath(path));
}

function show(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function render(nodes: readonly Node[], data: JsonValue): string {
  let output = '';
  for (const node of nodes) {
    if (node.kind === 'text') output += node.text;
    else if (node.kind === 'path') output += evaluate(data, node.path).map(show).join(' ');
    else for (const item of evaluate(data, node.path)) output += render(node.body, item);
  }
  return output;
}

function failure(template: string, error: unknown): TemplateResult {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { ok: false, error: `error parsing jsonpath ${template}, ${detail}` };
}

/** Renders a `-o jsonpath=` template over an object; missing fields print nothing, as in `kubectl get`. */
export function renderJsonPath(template: string, data: unknown): TemplateResult {
  try {
    return { ok: true, text: render(parse(template), data as JsonValue) };
  } catch (error) {
    return failure(template, error);
  }
}

/**
 * `-o custom-columns=NAME:.metadata.name,IP:.status.podIP`: one header row and one row per object;
 * a missing value is `<none>`, several are joined with commas.
 */
export function customColumns(
  spec: string,
  objects: readonly unknown[],
): { ok: true; rows: string[][] } | { ok: false; error: string } {
  const columns = spec.split(',').map((column) => {
    const colon = column.indexOf(':');
    return colon === -1 ? undefined : { header: column.slice(0, colon), path: column.slice(colon + 1) };
  });
  if (spec.trim() === '' || columns.some((column) => column === undefined || column.path === '')) {
    return {
      ok: false,
      error: `unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`,
    };
  }
  const defined = columns as { header: string; path: string }[];
  try {
    const rows = objects.map((object) =>
      defined.map((column) => {
        const path = column.path.replace(/^\{(.*)\}$/, '$1');
        const values = evaluate(object as JsonValue, path);
        return values.length === 0 ? '<none>' : values.map(show).join(',');
      }),
    );
    return { ok: true, rows: [defined.map((column) => column.header), ...rows] };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, error: `error parsing jsonpath in custom-columns ${spec}, ${detail}` };
  }
}
