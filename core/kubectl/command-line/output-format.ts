/**
 * The `-o`/`--output` formats: `wide`, `name`, `yaml`, `json`, `jsonpath=…` (also `jsonpath='…'`
 * and `jsonpath-as-json`), `custom-columns=…`, and the printing of objects in each of them.
 */
import { customColumns, renderJsonPath } from '../text/jsonpath.ts';
import { listOf, toJsonText, toYamlText } from '../text/object-output.ts';
import type { Json, JsonObject } from '../text/object-output.ts';
import { formatTable } from '../text/tabwriter.ts';

export type OutputFormat =
  | { readonly kind: 'default' | 'wide' | 'name' | 'yaml' | 'json' }
  | { readonly kind: 'jsonpath'; readonly template: string; readonly asJson: boolean }
  | { readonly kind: 'custom-columns'; readonly spec: string };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

function stripQuotes(text: string): string {
  return /^(['"]).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/** Reads an `-o` value, or says which formats exist. */
export function parseOutputFormat(
  value: string | undefined,
  allowed: readonly string[] = ['wide', 'name', 'yaml', 'json', 'jsonpath', 'custom-columns'],
): { ok: true; format: OutputFormat } | { ok: false; error: string } {
  if (value === undefined || value === '') return { ok: true, format: { kind: 'default' } };
  const equals = value.indexOf('=');
  const name = equals === -1 ? value : value.slice(0, equals);
  const argument = equals === -1 ? undefined : stripQuotes(value.slice(equals + 1));
  const refuse = {
    ok: false as const,
    error: `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed.length === 6 ? ALLOWED : allowed.join(',')}`,
  };
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (!allowed.includes('jsonpath')) return refuse;
    if (argument === undefined || argument === '')
      return { ok: false, error: 'template format specified but no template given' };
    return {
      ok: true,
      format: { kind: 'jsonpath', template: argument, asJson: name === 'jsonpath-as-json' },
    };
  }
  if (name === 'custom-columns') {
    if (!allowed.includes('custom-columns')) return refuse;
    if (argument === undefined || argument === '')
      return { ok: false, error: 'custom-columns format specified but no custom columns given' };
    return { ok: true, format: { kind: 'custom-columns', spec: argument } };
  }
  if (
    argument === undefined &&
    (['wide', 'name', 'yaml', 'json'] as const).some((kind) => kind === name) &&
    allowed.includes(name)
  ) {
    return { ok: true, format: { kind: name as 'wide' | 'name' | 'yaml' | 'json' } };
  }
  return refuse;
}

/**
 * Prints objects in a machine format: one object as itself when `single`, otherwise a `List`.
 * `jsonpath` and `custom-columns` see the same object or List.
 */
export function printObjects(
  format: OutputFormat,
  objects: readonly JsonObject[],
  single: boolean,
): { ok: true; text: string } | { ok: false; error: string } {
  const data: Json = single && objects.length === 1 ? (objects[0] as JsonObject) : listOf(objects);
  switch (format.kind) {
    case 'yaml':
      return { ok: true, text: toYamlText(data) };
    case 'json':
      return { ok: true, text: toJsonText(data) };
    case 'jsonpath': {
      // `jsonpath-as-json` is read like `jsonpath`: the lab prints the values as text.
      const rendered = renderJsonPath(format.template, data);
      return rendered.ok ? { ok: true, text: rendered.text } : rendered;
    }
    case 'custom-columns': {
      const result = customColumns(format.spec, objects);
      return result.ok ? { ok: true, text: formatTable(result.rows) } : result;
    }
    default:
      return { ok: false, error: `output format ${format.kind} is not a machine format` };
  }
}
