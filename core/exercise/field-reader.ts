/**
 * Typed reading of located YAML for the exercise format: each accessor checks one field and, when
 * it is wrong, records a diagnostic with the field path and line:column instead of throwing. The
 * rules mirror `exercises/exercise.schema.json`; keep the two in step.
 */
import type { Diagnostic, SourcePosition } from '../netpol/types.ts';
import { describeValue, entryOf, formatPosition, isNull } from '../netpol/read/yaml-source.ts';
import type { YamlList, YamlMap, YamlValue } from '../netpol/read/yaml-source.ts';

/** Kebab-case ids: lowercase letters and digits in words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A DNS-1123 label (namespace names). */
export const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
/** A DNS-1123 subdomain (pod names). */
export const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
/** An IANA service name, as container port names must be. */
export const PORT_NAME = /^(?=.*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface TextRules {
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  readonly maxLength?: number;
}

interface NumberRules {
  readonly minimum: number;
  readonly maximum: number;
}

/** Collects diagnostics for one file while its fields are read. */
export class FieldReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly source: string,
    private readonly idPrefix: string,
  ) {}

  /** Records an error: `path: message (line, column)`. */
  error(code: string, path: string, message: string, position: SourcePosition | undefined): void {
    this.report('error', code, path, message, position);
  }

  warning(code: string, path: string, message: string, position: SourcePosition | undefined): void {
    this.report('warning', code, path, message, position);
  }

  private report(
    severity: Diagnostic['severity'],
    code: string,
    path: string,
    message: string,
    position: SourcePosition | undefined,
  ): void {
    const prefix = path === '' ? '' : `${path}: `;
    this.diagnostics.push({
      id: `${this.idPrefix}.${code}`,
      severity,
      message: `${prefix}${message}${formatPosition(position)}`,
      ...(path === '' ? {} : { path }),
      ...(position === undefined ? {} : { position }),
      source: this.source,
    });
  }

  get errorCount(): number {
    return this.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  }

  /** The value as a mapping, or a diagnostic. */
  asMap(value: YamlValue, path: string): YamlMap | undefined {
    if (value.kind === 'map') return value;
    this.error(
      'invalid-type',
      path,
      `Invalid type: expected a mapping, got ${describeValue(value)}`,
      value.position,
    );
    return undefined;
  }

  /** The value as a list, or a diagnostic. */
  asList(value: YamlValue, path: string): YamlList | undefined {
    if (value.kind === 'list') return value;
    this.error(
      'invalid-type',
      path,
      `Invalid type: expected a list, got ${describeValue(value)}`,
      value.position,
    );
    return undefined;
  }

  /** Flags keys outside `allowed`, suggesting a near match written in another case. */
  checkKeys(map: YamlMap, path: string, allowed: readonly string[]): void {
    for (const entry of map.entries) {
      if (allowed.includes(entry.key)) continue;
      const close = allowed.find((key) => key.toLowerCase() === entry.key.toLowerCase());
      const hint = close === undefined ? `known fields: ${allowed.join(', ')}` : `did you mean "${close}"?`;
      this.error('unknown-field', join(path, entry.key), `Unknown field: ${hint}`, entry.keyPosition);
    }
  }

  /** A present, non-null field's value; a diagnostic when required and missing. */
  field(map: YamlMap, key: string, path: string, required: boolean): YamlValue | undefined {
    const entry = entryOf(map, key);
    if (entry === undefined || isNull(entry.value)) {
      if (required)
        this.error('required', join(path, key), 'Required value', entry?.keyPosition ?? map.position);
      return undefined;
    }
    return entry.value;
  }

  text(
    map: YamlMap,
    key: string,
    path: string,
    required: boolean,
    rules: TextRules = {},
  ): string | undefined {
    const value = this.field(map, key, path, required);
    return value === undefined ? undefined : this.textValue(value, join(path, key), rules);
  }

  /** A non-empty string checked against the rules. */
  textValue(value: YamlValue, path: string, rules: TextRules = {}): string | undefined {
    if (value.kind !== 'scalar' || typeof value.value !== 'string') {
      this.error(
        'invalid-type',
        path,
        `Invalid type: expected a string, got ${describeValue(value)}`,
        value.position,
      );
      return undefined;
    }
    const text = value.value;
    if (text.trim() === '') {
      this.error('invalid-value', path, 'Invalid value: must not be empty', value.position);
      return undefined;
    }
    if (rules.maxLength !== undefined && text.length > rules.maxLength) {
      this.error(
        'invalid-value',
        path,
        `Invalid value: ${JSON.stringify(text)}: at most ${rules.maxLength} characters`,
        value.position,
      );
      return undefined;
    }
    if (rules.pattern !== undefined && !rules.pattern.test(text)) {
      this.error(
        'invalid-value',
        path,
        `Invalid value: ${JSON.stringify(text)}: ${rules.patternHint ?? `must match ${rules.pattern.source}`}`,
        value.position,
      );
      return undefined;
    }
    return text;
  }

  integer(
    map: YamlMap,
    key: string,
    path: string,
    required: boolean,
    rules: NumberRules,
  ): number | undefined {
    const value = this.field(map, key, path, required);
    return value === undefined ? undefined : this.integerValue(value, join(path, key), rules);
  }

  integerValue(value: YamlValue, path: string, rules: NumberRules): number | undefined {
    if (value.kind !== 'scalar' || typeof value.value !== 'number' || !Number.isInteger(value.value)) {
      this.error(
        'invalid-type',
        path,
        `Invalid type: expected an integer, got ${describeValue(value)}`,
        value.position,
      );
      return undefined;
    }
    if (value.value < rules.minimum || value.value > rules.maximum) {
      this.error(
        'invalid-value',
        path,
        `Invalid value: ${value.value}: must be between ${rules.minimum} and ${rules.maximum}`,
        value.position,
      );
      return undefined;
    }
    return value.value;
  }

  boolean(map: YamlMap, key: string, path: string): boolean | undefined {
    const value = this.field(map, key, path, false);
    if (value === undefined) return undefined;
    if (value.kind !== 'scalar' || typeof value.value !== 'boolean') {
      this.error(
        'invalid-type',
        join(path, key),
        `Invalid type: expected true or false, got ${describeValue(value)}`,
        value.position,
      );
      return undefined;
    }
    return value.value;
  }

  /** One of `values`. */
  choice<T extends string>(
    map: YamlMap,
    key: string,
    path: string,
    required: boolean,
    values: readonly T[],
  ): T | undefined {
    const value = this.field(map, key, path, required);
    return value === undefined ? undefined : this.choiceValue(value, join(path, key), values);
  }

  choiceValue<T extends string>(value: YamlValue, path: string, values: readonly T[]): T | undefined {
    const text = this.textValue(value, path);
    if (text === undefined) return undefined;
    const found = values.find((candidate) => candidate === text);
    if (found === undefined) {
      this.error(
        'invalid-value',
        path,
        `Unsupported value: ${JSON.stringify(text)}: supported values: ${values.map((item) => `"${item}"`).join(', ')}`,
        value.position,
      );
    }
    return found;
  }

  /** A list of items read by `read`; `undefined` items (with diagnostics) are dropped. */
  list<T>(
    map: YamlMap,
    key: string,
    path: string,
    required: boolean,
    read: (item: YamlValue, itemPath: string) => T | undefined,
  ): T[] | undefined {
    const value = this.field(map, key, path, required);
    if (value === undefined) return undefined;
    const list = this.asList(value, join(path, key));
    if (list === undefined) return undefined;
    const items: T[] = [];
    list.items.forEach((item, index) => {
      const entry = read(item, `${join(path, key)}[${index}]`);
      if (entry !== undefined) items.push(entry);
    });
    return items;
  }

  /** A mapping of label keys to string values. */
  labels(map: YamlMap, key: string, path: string): Record<string, string> {
    const value = this.field(map, key, path, false);
    const labels: Record<string, string> = {};
    if (value === undefined) return labels;
    const labelMap = this.asMap(value, join(path, key));
    if (labelMap === undefined) return labels;
    for (const entry of labelMap.entries) {
      const labelPath = `${join(path, key)}.${entry.key}`;
      if (entry.key === '' || entry.key.length > 316) {
        this.error(
          'invalid-value',
          labelPath,
          'Invalid value: a label key must be 1–316 characters',
          entry.keyPosition,
        );
        continue;
      }
      if (entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string') {
        this.error(
          'invalid-type',
          labelPath,
          `Invalid type: label values are strings (quote numbers and booleans), got ${describeValue(entry.value)}`,
          entry.value.position,
        );
        continue;
      }
      labels[entry.key] = entry.value.value;
    }
    return labels;
  }
}

/** `path.key`, or `key` at the top. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
