/**
 * Collecting diagnostics for one object in the API server's style, and reading typed fields from
 * located YAML while reporting wrong types. The value helpers report with `policy.*` ids.
 */
import type { Diagnostic, Severity, SourcePosition } from '../types.ts';
import { describeValue, entryOf, formatPosition, isNull } from './yaml-source.ts';
import { quoteText } from './shown-text.ts';
import type { YamlList, YamlMap, YamlScalar, YamlValue } from './yaml-source.ts';

/**
 * Collects diagnostics for one object, formatting them in the API server's style. One written value
 * gets one diagnostic: a second one of the same severity for the same field path and position is
 * dropped (the readers combine a value's problems into one message; this keeps any slip from
 * showing the learner the same spot twice).
 */
export class ObjectReporter {
  readonly diagnostics: Diagnostic[] = [];
  object: string;
  private readonly reported = new Set<string>();

  constructor(
    object: string,
    readonly source: string,
  ) {
    this.object = object;
  }

  add(id: string, severity: Severity, path: string, position: SourcePosition, detail: string): void {
    const spot = `${severity} ${position.line}:${position.column} ${path}`;
    if (this.reported.has(spot)) return;
    this.reported.add(spot);
    const where = path === '' ? '' : `${path}: `;
    this.diagnostics.push({
      id,
      severity,
      message: `${this.object}: ${where}${detail}${formatPosition(position)}`,
      object: this.object,
      ...(path === '' ? {} : { path }),
      position,
      source: this.source,
    });
  }

  error(id: string, path: string, position: SourcePosition, detail: string): void {
    this.add(id, 'error', path, position, detail);
  }

  get errorCount(): number {
    return this.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  }
}

/** Renders a written value for a message: strings quoted (long ones cut short), numbers as written. */
export function shown(value: YamlValue): string {
  if (value.kind === 'scalar')
    return typeof value.value === 'string' ? quoteText(value.value) : String(value.value);
  return value.kind === 'map' ? '{…}' : '[…]';
}

/** Reports `Invalid type: expected …, got …` (`policy.invalid-type`). */
export function invalidType(
  report: ObjectReporter,
  path: string,
  value: YamlValue,
  expected: string,
  hint = '',
): void {
  report.error(
    'policy.invalid-type',
    path,
    value.position,
    `Invalid type: expected ${expected}, got ${describeValue(value)}${hint}`,
  );
}

/**
 * Reports everything wrong with one written value as one `Invalid value: <value>: <problems>`
 * diagnostic, the problems joined with "; "; nothing when there are none. `value` is shown already
 * rendered (see {@link shown} and `quoteText`).
 */
export function reportProblems(
  report: ObjectReporter,
  id: string,
  path: string,
  position: SourcePosition,
  value: string,
  problems: readonly string[],
  severity: Severity = 'error',
): void {
  if (problems.length === 0) return;
  report.add(id, severity, path, position, `Invalid value: ${value}: ${problems.join('; ')}`);
}

/** Reports `Invalid value: <value>: <reason>` (`policy.invalid-value`), once for all its reasons. */
export function invalidValue(
  report: ObjectReporter,
  path: string,
  value: YamlValue,
  reason: string | readonly string[],
): void {
  const reasons = typeof reason === 'string' ? [reason] : reason;
  reportProblems(report, 'policy.invalid-value', path, value.position, shown(value), reasons);
}

/** Reports `Unsupported value` with the supported ones and a case hint (`policy.unsupported-value`). */
export function unsupportedValue(
  report: ObjectReporter,
  path: string,
  value: YamlValue,
  supported: readonly string[],
): void {
  const text = typeof (value as YamlScalar).value === 'string' ? ((value as YamlScalar).value as string) : '';
  const close = supported.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
  const hint = close === undefined ? '' : ` (did you mean "${close}"? values are case-sensitive)`;
  const list = supported.map((candidate) => `"${candidate}"`).join(', ');
  report.error(
    'policy.unsupported-value',
    path,
    value.position,
    `Unsupported value: ${shown(value)}: supported values: ${list}${hint}`,
  );
}

// Typed access. `null` and absent fields read as `undefined`, as Go's JSON decoding treats them.

/** A field's value; `undefined` when absent or null. */
export function field(map: YamlMap, key: string): YamlValue | undefined {
  const value = entryOf(map, key)?.value;
  return isNull(value) ? undefined : value;
}

/** The value as a mapping, reporting any other type; `undefined` when absent. */
export function asMap(
  report: ObjectReporter,
  value: YamlValue | undefined,
  path: string,
): YamlMap | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'map') return value;
  const hint = value.kind === 'list' ? ' (remove the leading "- ": this is one object, not a list)' : '';
  invalidType(report, path, value, 'a mapping', hint);
  return undefined;
}

/** The value as a list, reporting any other type; `undefined` when absent. */
export function asList(
  report: ObjectReporter,
  value: YamlValue | undefined,
  path: string,
): YamlList | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'list') return value;
  const hint = value.kind === 'map' ? ' (start each item with "- ")' : '';
  invalidType(report, path, value, 'a list', hint);
  return undefined;
}

/** The value as a string, reporting any other type (with a quoting hint); `undefined` when absent. */
export function asString(
  report: ObjectReporter,
  value: YamlValue | undefined,
  path: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'scalar' && typeof value.value === 'string') return value.value;
  const hint = value.kind === 'scalar' ? ` (quote it: ${quoteText(String(value.value))})` : '';
  invalidType(report, path, value, 'a string', hint);
  return undefined;
}

/** A `null` item of a string list decodes to `""`, as in Go. */
export function emptyIfNull(item: YamlValue): YamlValue {
  return isNull(item) ? { kind: 'scalar', value: '', position: item.position } : item;
}

/** Map items are read as maps; a `null` item decodes to an empty object, as in Go. */
export function itemMap(report: ObjectReporter, item: YamlValue, path: string): YamlMap | undefined {
  if (isNull(item)) return { kind: 'map', entries: [], position: item.position };
  return asMap(report, item, path);
}
