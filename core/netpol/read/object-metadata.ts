/**
 * Reading the parts every cluster object shares — apiVersion, metadata.name/namespace, labels —
 * with `manifest.*` diagnostics. Lenient about everything the lab does not look at.
 */
import { field, reportProblems } from './object-reporter.ts';
import type { ObjectReporter } from './object-reporter.ts';
import { checkDns1123Label, checkDns1123Subdomain, checkLabelKey, checkLabelValue } from './object-names.ts';
import { quoteText } from './shown-text.ts';
import { describeValue } from './yaml-source.ts';
import type { YamlMap } from './yaml-source.ts';

/** The API group/version each supported cluster kind is served as. */
export const API_VERSIONS: Readonly<Record<string, string>> = {
  Namespace: 'v1',
  Pod: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  Service: 'v1',
};

/** A mapping field; `undefined` when absent or null, with an error when it is something else. */
export function mapField(
  report: ObjectReporter,
  map: YamlMap | undefined,
  key: string,
  path: string,
): YamlMap | undefined {
  if (map === undefined) return undefined;
  const value = field(map, key);
  if (value === undefined) return undefined;
  if (value.kind === 'map') return value;
  report.error(
    'manifest.invalid-type',
    path,
    value.position,
    `Invalid type: expected a mapping, got ${describeValue(value)}`,
  );
  return undefined;
}

/** A string field; `undefined` when absent or null, with an error when it is something else. */
export function stringField(
  report: ObjectReporter,
  map: YamlMap | undefined,
  key: string,
  path: string,
): string | undefined {
  const value = map === undefined ? undefined : field(map, key);
  if (value === undefined) return undefined;
  if (value.kind === 'scalar' && typeof value.value === 'string') return value.value;
  report.error(
    'manifest.invalid-type',
    path,
    value.position,
    `Invalid type: expected a string, got ${describeValue(value)}`,
  );
  return undefined;
}

/** Reads `labels` of a metadata mapping (or another label map, by `key`), checking key and value syntax. */
export function readLabels(
  report: ObjectReporter,
  metadata: YamlMap | undefined,
  path: string,
  key = 'labels',
): Record<string, string> {
  const labels: Record<string, string> = {};
  const map = mapField(report, metadata, key, path);
  for (const entry of map?.entries ?? []) {
    const shownKey = quoteText(entry.key);
    const entryPath = `${path}[${shownKey}]`;
    reportProblems(
      report,
      'manifest.invalid-value',
      path,
      entry.keyPosition,
      shownKey,
      checkLabelKey(entry.key),
    );
    const value = entry.value;
    if (value.kind !== 'scalar' || (value.value !== null && typeof value.value !== 'string')) {
      const hint = value.kind === 'scalar' ? ` (quote it: ${quoteText(String(value.value))})` : '';
      report.error(
        'manifest.invalid-type',
        entryPath,
        value.position,
        `Invalid type: expected a string, got ${describeValue(value)}${hint}`,
      );
      continue;
    }
    const text = value.value ?? '';
    reportProblems(
      report,
      'manifest.invalid-value',
      entryPath,
      value.position,
      quoteText(text),
      checkLabelValue(text),
    );
    labels[entry.key] = text;
  }
  return labels;
}

/** Reports a missing or wrong `apiVersion` for one of the kinds in {@link API_VERSIONS}. */
export function readApiVersion(report: ObjectReporter, document: YamlMap, kind: string): void {
  const expected = API_VERSIONS[kind];
  const value = field(document, 'apiVersion');
  if (value === undefined) {
    report.error(
      'manifest.required',
      'apiVersion',
      document.position,
      `Required value: write apiVersion: ${expected}`,
    );
  } else if (value.kind !== 'scalar' || value.value !== expected) {
    const shown =
      value.kind !== 'scalar'
        ? describeValue(value)
        : typeof value.value === 'string'
          ? quoteText(value.value)
          : String(value.value);
    report.error(
      'manifest.api-version',
      'apiVersion',
      value.position,
      `Invalid value: ${shown}: ${kind} is served as ${expected}`,
    );
  }
}

/** Who an object is: its metadata, name, and namespace (`default` when not written). */
export interface Identity {
  readonly metadata?: YamlMap;
  readonly name?: string;
  readonly namespace: string;
  readonly namespaceWritten: boolean;
}

/**
 * Reads and checks `metadata.name` (and `metadata.namespace` unless cluster-scoped). A kind with a
 * stricter name rule than DNS-1123 (a Service's DNS-1035 label) passes `checkName`, so a bad name
 * gets one diagnostic, not one per rule.
 */
export function readIdentity(
  report: ObjectReporter,
  document: YamlMap,
  clusterScoped: boolean,
  checkName?: (name: string) => string[],
): Identity {
  const metadata = mapField(report, document, 'metadata', 'metadata');
  const name = stringField(report, metadata, 'name', 'metadata.name');
  const namespaceText = clusterScoped
    ? undefined
    : stringField(report, metadata, 'namespace', 'metadata.namespace');
  const namespace = namespaceText === undefined || namespaceText === '' ? 'default' : namespaceText;
  const nameValue = metadata === undefined ? undefined : field(metadata, 'name');
  if (name === undefined || name === '') {
    if (nameValue === undefined) {
      report.error(
        'manifest.required',
        'metadata.name',
        metadata?.position ?? document.position,
        'Required value: a name',
      );
    }
  } else {
    const problems =
      checkName?.(name) ?? (clusterScoped ? checkDns1123Label(name) : checkDns1123Subdomain(name));
    reportProblems(
      report,
      'manifest.invalid-value',
      'metadata.name',
      nameValue?.position ?? document.position,
      quoteText(name),
      problems,
    );
  }
  if (namespaceText !== undefined && namespaceText !== '') {
    const position = (metadata && field(metadata, 'namespace')?.position) ?? document.position;
    reportProblems(
      report,
      'manifest.invalid-value',
      'metadata.namespace',
      position,
      quoteText(namespaceText),
      checkDns1123Label(namespaceText),
    );
  }
  return {
    ...(metadata === undefined ? {} : { metadata }),
    ...(name === undefined || name === '' ? {} : { name }),
    namespace,
    namespaceWritten: namespaceText !== undefined && namespaceText !== '',
  };
}
