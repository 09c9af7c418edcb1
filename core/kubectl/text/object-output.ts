/**
 * `-o yaml` and `-o json` as kubectl prints them: keys sorted, YAML lists at their parent's indent
 * (go-yaml style), strings YAML 1.1 would misread (`"on"`, timestamps, numbers) quoted, JSON
 * indented by four spaces.
 */
import { stringify } from 'yaml';

/** A plain JSON value, as the API serves objects. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/** The object with every mapping's keys in sorted order (Go sorts map keys when marshalling). */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, Json> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as JsonObject)[key] as Json);
    return sorted;
  }
  return value;
}

/** YAML text as `kubectl get -o yaml` writes it. */
export function toYamlText(value: Json): string {
  return stringify(value, {
    version: '1.1',
    indentSeq: false,
    lineWidth: 0,
    sortMapEntries: true,
    aliasDuplicateObjects: false,
  });
}

/** JSON text as `kubectl get -o json` writes it, with a final newline. */
export function toJsonText(value: Json): string {
  return `${JSON.stringify(sortKeys(value), null, 4)}\n`;
}

/** A `List` around several objects, as kubectl prints a list in YAML or JSON. */
export function listOf(items: readonly Json[]): JsonObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
