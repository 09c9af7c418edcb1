/**
 * The first half of `apply`/`create`/`replace`: a manifest text is split into objects the way
 * kubectl's resource builder does (documents, `List` items), each mapped to a resource type and
 * checked by the engine's own readers. Problems come back in kubectl's and the API server's
 * words, with the engine's field path and line:column.
 */
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../../netpol/types.ts';
import { readYamlDocuments } from '../../netpol/read/yaml-source.ts';
import type { YamlValue } from '../../netpol/read/yaml-source.ts';
import type { Json, JsonObject } from '../text/object-output.ts';
import {
  RESOURCE_TYPES,
  UNMODELLED_KINDS,
  apiVersionOf,
  typeForManifest,
} from '../command-line/resources.ts';
import type { ResourceType } from '../command-line/resources.ts';

/** One object of a manifest, before it is checked. */
export interface ManifestObject {
  readonly source: string;
  readonly value: YamlValue & { kind: 'map' };
  readonly json: JsonObject;
  /** The text of the document it came from. */
  readonly text: string;
  readonly type: ResourceType;
  readonly name: string;
  /** As written; undefined when the manifest leaves it out. */
  readonly namespace?: string;
}

/** What reading a text produced: objects in order, and errors for those that could not be mapped. */
export interface ManifestRead {
  readonly objects: readonly ManifestObject[];
  /** kubectl's messages, in order. A fatal one (YAML syntax) means nothing was read. */
  readonly errors: readonly string[];
  readonly fatal: boolean;
}

/** The located YAML as plain JSON (what the API server would receive). */
export function toJson(value: YamlValue): Json {
  if (value.kind === 'scalar') return value.value;
  if (value.kind === 'list') return value.items.map(toJson);
  const object: Record<string, Json> = {};
  for (const entry of value.entries) object[entry.key] = toJson(entry.value);
  return object;
}

function text(json: JsonObject, key: string): string | undefined {
  const value = json[key];
  return typeof value === 'string' ? value : undefined;
}

function metadataOf(json: JsonObject): JsonObject {
  const metadata = json.metadata;
  return metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)
    ? (metadata as JsonObject)
    : {};
}

function yamlError(source: string, diagnostic: Diagnostic): string {
  const line = diagnostic.position?.line ?? 1;
  const message = diagnostic.message.replace(/ \(line \d+, column \d+\)$/, '');
  // kubectl shows the YAML parser's own words; the engine's explanation for learners stays out.
  const parser = /\(the parser says: (.*)\)$/s.exec(message)?.[1];
  const detail = (parser ?? message.replace(/^YAML syntax error: /, '').replace(/^YAML: /, '')).split(
    '\n',
  )[0];
  return `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${detail} (column ${diagnostic.position?.column ?? 1})`;
}

function documentTexts(text: string): string[] {
  try {
    return parseAllDocuments(text).map((document) => {
      const [start, , end] = document.range;
      return text.slice(start, end);
    });
  } catch {
    return [];
  }
}

function mapObject(
  source: string,
  value: YamlValue,
  documentText: string,
  objects: ManifestObject[],
  errors: string[],
  depth: number,
): void {
  if (value.kind !== 'map') {
    errors.push(
      `error: error validating "${source}": error validating data: invalid object to validate (line ${value.position.line}); if you choose to ignore these errors, turn validation off with --validate=false`,
    );
    return;
  }
  const json = toJson(value) as JsonObject;
  const kind = text(json, 'kind');
  const apiVersion = text(json, 'apiVersion');
  const metadata = metadataOf(json);
  const name = text(metadata, 'name') ?? '';
  const namespace = text(metadata, 'namespace');
  if (kind === undefined || kind === '') {
    errors.push(
      `error: error validating "${source}": error validating data: kind not set (line ${value.position.line}); if you choose to ignore these errors, turn validation off with --validate=false`,
    );
    return;
  }
  if (apiVersion === undefined || apiVersion === '') {
    errors.push(
      `error: error validating "${source}": error validating data: apiVersion not set (line ${value.position.line}); if you choose to ignore these errors, turn validation off with --validate=false`,
    );
    return;
  }
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(json.items))) {
    const items = value.entries.find((entry) => entry.key === 'items')?.value;
    if (items?.kind === 'list' && depth < 4)
      for (const item of items.items) mapObject(source, item, documentText, objects, errors, depth + 1);
    return;
  }
  const type = typeForManifest(apiVersion, kind);
  if (type === undefined || type.kind === 'Node') {
    if (UNMODELLED_KINDS.includes(kind)) {
      errors.push(
        `error: the lab's cluster does not model ${kind} objects ("${name}" from "${source}"); it serves Namespaces, Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, Services and NetworkPolicies`,
      );
      return;
    }
    const known = RESOURCE_TYPES.find((candidate) => candidate.kind.toLowerCase() === kind.toLowerCase());
    const hint =
      known === undefined
        ? ''
        : known.kind !== kind
          ? ` (kinds are case-sensitive: "${known.kind}")`
          : ` (${known.kind} is served as ${apiVersionOf(known)})`;
    errors.push(
      `error: resource mapping not found for name: "${name}" namespace: "${namespace ?? ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"${hint}\nensure CRDs are installed first`,
    );
    return;
  }
  if (name === '' && typeof metadata.generateName !== 'string') {
    errors.push(
      `error: error when retrieving current configuration of:\nResource: "${type.plural}", GroupVersionKind: "${apiVersion}, Kind=${kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty`,
    );
    return;
  }
  objects.push({
    source,
    value,
    json,
    text: documentText,
    type,
    name,
    ...(namespace === undefined || namespace === '' ? {} : { namespace }),
  });
}

/** Splits a manifest text into objects, mapping each to a resource type. */
export function readManifest(text: string, source: string): ManifestRead {
  const read = readYamlDocuments(text, source);
  const fatal = read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (fatal.length > 0)
    return {
      objects: [],
      errors: fatal.slice(0, 1).map((diagnostic) => yamlError(source, diagnostic)),
      fatal: true,
    };
  const texts = documentTexts(text);
  const objects: ManifestObject[] = [];
  const errors: string[] = [];
  for (const document of read.documents) {
    mapObject(source, document.value, texts[document.index] ?? text, objects, errors, 0);
  }
  return { objects, errors, fatal: false };
}
