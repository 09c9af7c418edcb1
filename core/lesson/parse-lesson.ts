/**
 * Reads `lesson.yaml` into a {@link Lesson}, with a diagnostic (field path and line:column) for
 * every problem, as the exercise reader does. Never throws.
 */
import { parseManifests } from '../netpol/read/manifests.ts';
import { resolveEndpoint } from '../netpol/endpoints.ts';
import type { Cluster, Diagnostic, Protocol } from '../netpol/types.ts';
import type { YamlMap, YamlValue } from '../netpol/read/yaml-source.ts';
import { entryOf } from '../netpol/read/yaml-source.ts';
import { FieldReader, KEBAB_CASE, join } from '../exercise/field-reader.ts';
import { readSingleMap } from '../exercise/parse-exercise.ts';
import { readCluster } from '../exercise/read-cluster.ts';
import type {
  DiagramConnection,
  DiagramPolicy,
  Lesson,
  LessonCheck,
  LessonDiagram,
  LessonLink,
  LessonOption,
  LessonSection,
} from './types.ts';

const LESSON_KEYS = ['id', 'title', 'summary', 'order', 'minutes', 'sections', 'check', 'links'];
const SECTION_KEYS = ['title', 'text', 'diagram'];
const DIAGRAM_KEYS = ['cluster', 'policies', 'connections'];
const POLICY_KEYS = ['label', 'on', 'yaml'];
const CONNECTION_KEYS = ['from', 'to', 'port', 'protocol', 'note'];
const CHECK_KEYS = ['question', 'options'];
const OPTION_KEYS = ['text', 'correct', 'explain'];
const LINK_KEYS = ['title', 'url'];
/** Options of one question at most (the LabApi refuses a larger option index). */
const MAX_OPTIONS = 10;
const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const KEBAB = { pattern: KEBAB_CASE, patternHint: 'use lowercase words joined by "-"', maxLength: 80 };
const HTTPS = /^https:\/\/[^\s/]+\/\S*$/;

/** What reading one lesson produced. */
export interface LessonParse {
  readonly lesson?: Lesson;
  readonly diagnostics: readonly Diagnostic[];
}

function readPolicy(reader: FieldReader, value: YamlValue, path: string): DiagramPolicy | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, POLICY_KEYS);
  const label = reader.text(map, 'label', path, true, { maxLength: 120 });
  const on = reader.boolean(map, 'on', path) ?? false;
  const yaml = reader.text(map, 'yaml', path, true);
  if (label === undefined || yaml === undefined) return undefined;
  const parsed = parseManifests(yaml);
  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const at = entryOf(map, 'yaml')?.value.position;
  for (const error of errors) reader.error('invalid-value', join(path, 'yaml'), error.message, at);
  if (errors.length > 0) return undefined;
  if (parsed.policies.length === 0) {
    reader.error('invalid-value', join(path, 'yaml'), 'Invalid value: holds no NetworkPolicy', at);
    return undefined;
  }
  return { label, on, yaml, policies: parsed.policies };
}

function readConnection(
  reader: FieldReader,
  value: YamlValue,
  path: string,
  cluster: Cluster,
): DiagramConnection | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, CONNECTION_KEYS);
  const from = reader.text(map, 'from', path, true);
  const to = reader.text(map, 'to', path, true);
  const port = reader.integer(map, 'port', path, true, { minimum: 1, maximum: 65535 });
  const protocol = reader.choice(map, 'protocol', path, false, PROTOCOLS) ?? 'TCP';
  const note = reader.text(map, 'note', path, false, { maxLength: 80 });
  for (const [key, reference] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (reference === undefined) continue;
    const resolved = resolveEndpoint(cluster, reference);
    if (!resolved.ok) {
      reader.error('invalid-value', join(path, key), resolved.error, entryOf(map, key)?.value.position);
    }
  }
  if (from === undefined || to === undefined || port === undefined) return undefined;
  return { from, to, port, protocol, ...(note === undefined ? {} : { note }) };
}

function readDiagram(
  reader: FieldReader,
  value: YamlValue,
  path: string,
  text: string,
): LessonDiagram | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, DIAGRAM_KEYS);
  const clusterValue = reader.field(map, 'cluster', path, true);
  const clusterRead = clusterValue === undefined ? undefined : readCluster(reader, clusterValue, text);
  const policies =
    reader.list(map, 'policies', path, false, (item, itemPath) => readPolicy(reader, item, itemPath)) ?? [];
  if (clusterRead === undefined) return undefined;
  const cluster = clusterRead.cluster;
  const connections =
    reader.list(map, 'connections', path, true, (item, itemPath) =>
      readConnection(reader, item, itemPath, cluster),
    ) ?? [];
  return { cluster, policies, connections };
}

function readSection(
  reader: FieldReader,
  value: YamlValue,
  path: string,
  text: string,
): LessonSection | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, SECTION_KEYS);
  const title = reader.text(map, 'title', path, true, { maxLength: 120 });
  const body = reader.text(map, 'text', path, true);
  const diagramValue = reader.field(map, 'diagram', path, false);
  const diagram =
    diagramValue === undefined ? undefined : readDiagram(reader, diagramValue, join(path, 'diagram'), text);
  if (title === undefined || body === undefined) return undefined;
  return { title, text: body, ...(diagram === undefined ? {} : { diagram }) };
}

function readOption(reader: FieldReader, value: YamlValue, path: string): LessonOption | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, OPTION_KEYS);
  const text = reader.text(map, 'text', path, true, { maxLength: 300 });
  const correct = reader.boolean(map, 'correct', path) ?? false;
  const explain = reader.text(map, 'explain', path, true);
  if (text === undefined || explain === undefined) return undefined;
  return { text, correct, explain };
}

function readCheck(reader: FieldReader, map: YamlMap): LessonCheck | undefined {
  const value = reader.field(map, 'check', '', true);
  if (value === undefined) return undefined;
  const check = reader.asMap(value, 'check');
  if (check === undefined) return undefined;
  reader.checkKeys(check, 'check', CHECK_KEYS);
  const question = reader.text(check, 'question', 'check', true);
  const options =
    reader.list(check, 'options', 'check', true, (item, path) => readOption(reader, item, path)) ?? [];
  const correct = options.filter((option) => option.correct).length;
  if (options.length < 2 || options.length > MAX_OPTIONS || correct !== 1) {
    reader.error(
      'invalid-value',
      'check.options',
      `Invalid value: a question needs 2 to ${MAX_OPTIONS} options and exactly one correct one (found ${options.length} options, ${correct} correct)`,
      entryOf(check, 'options')?.value.position ?? check.position,
    );
    return undefined;
  }
  if (question === undefined) return undefined;
  return { question, options };
}

function readLink(reader: FieldReader, value: YamlValue, path: string): LessonLink | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  reader.checkKeys(map, path, LINK_KEYS);
  const title = reader.text(map, 'title', path, true, { maxLength: 120 });
  const url = reader.text(map, 'url', path, true, {
    pattern: HTTPS,
    patternHint: 'links are https URLs',
    maxLength: 500,
  });
  if (title === undefined || url === undefined) return undefined;
  return { title, url };
}

/** Parses and checks one lesson; unique ids and order across lessons are checked by the library. */
export function parseLesson(text: string, source = 'lesson.yaml'): LessonParse {
  const reader = new FieldReader(source, 'lesson');
  const map = readSingleMap(reader, typeof text === 'string' ? text : '');
  if (map === undefined) return { diagnostics: reader.diagnostics };
  reader.checkKeys(map, '', LESSON_KEYS);
  const id = reader.text(map, 'id', '', true, KEBAB);
  const title = reader.text(map, 'title', '', true, { maxLength: 200 });
  const summary = reader.text(map, 'summary', '', true, { maxLength: 300 });
  const order = reader.integer(map, 'order', '', true, { minimum: 1, maximum: 999 });
  const minutes = reader.integer(map, 'minutes', '', true, { minimum: 1, maximum: 60 });
  const sections =
    reader.list(map, 'sections', '', true, (item, path) => readSection(reader, item, path, text)) ?? [];
  const check = readCheck(reader, map);
  const links = reader.list(map, 'links', '', false, (item, path) => readLink(reader, item, path)) ?? [];
  if (sections.length === 0)
    reader.error('required', 'sections', 'Required value: at least one section', map.position);
  if (
    reader.errorCount > 0 ||
    id === undefined ||
    title === undefined ||
    summary === undefined ||
    order === undefined ||
    minutes === undefined ||
    check === undefined
  ) {
    return { diagnostics: reader.diagnostics };
  }
  return {
    lesson: { id, title, summary, order, minutes, sections, check, links, source },
    diagnostics: reader.diagnostics,
  };
}
