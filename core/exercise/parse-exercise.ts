/**
 * Reads the three texts of an exercise folder into an {@link Exercise}: the same structural rules as
 * `exercises/exercise.schema.json`, checked in code so every problem has a field path and line:column,
 * then the cluster model, the resolved checks and a content hash. Pure; never throws on bad input.
 */
import type { Diagnostic } from '../netpol/types.ts';
import { readYamlDocuments } from '../netpol/read/yaml-source.ts';
import type { YamlMap } from '../netpol/read/yaml-source.ts';
import { sha256Hex } from './content-hash.ts';
import { FieldReader, KEBAB_CASE } from './field-reader.ts';
import { readCluster } from './read-cluster.ts';
import { readCheck, resolveChecks } from './read-checks.ts';
import { readFreeRegion } from './read-free.ts';
import type { Exercise, ExerciseFiles } from './types.ts';
import { DIFFICULTIES, EXERCISE_KINDS } from './types.ts';

/** The top-level fields of `exercise.yaml`. */
export const EXERCISE_KEYS = [
  'id',
  'title',
  'examTitle',
  'track',
  'difficulty',
  'minutes',
  'tags',
  'kind',
  'examWeight',
  'task',
  'cluster',
  'checks',
  'free',
  'hints',
] as const;

const KEBAB = {
  pattern: KEBAB_CASE,
  patternHint: 'kebab-case: lowercase words joined by "-"',
  maxLength: 100,
};

/** What reading an exercise produced; `exercise` is absent when there were errors. */
export interface ExerciseParse {
  readonly exercise?: Exercise;
  readonly diagnostics: Diagnostic[];
}

/** Reads a single YAML mapping document, reporting anything else. */
export function readSingleMap(reader: FieldReader, text: string): YamlMap | undefined {
  const read = readYamlDocuments(text, reader.source);
  reader.diagnostics.push(...read.diagnostics);
  if (read.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return undefined;
  const [first, second] = read.documents;
  if (first === undefined) {
    reader.error('required', '', 'the file is empty', { line: 1, column: 1 });
    return undefined;
  }
  if (second !== undefined) {
    reader.error('invalid-value', '', 'the file must hold exactly one YAML document', second.value.position);
  }
  return reader.asMap(first.value, '');
}

/**
 * The content hash of an exercise version: SHA-256 over the three texts (line endings normalised),
 * so progress can tell which version of an exercise a learner solved.
 */
export function exerciseContentHash(files: ExerciseFiles): string {
  const normalise = (text: string): string => text.replace(/\r\n?/g, '\n');
  return sha256Hex(
    JSON.stringify([normalise(files.exerciseYaml), normalise(files.starter), normalise(files.solution)]),
  );
}

/** Parses and checks an exercise. Cross-exercise rules (unique ids, tracks, proofs) live elsewhere. */
export function parseExercise(files: ExerciseFiles): ExerciseParse {
  const source = files.source ?? 'exercise.yaml';
  const reader = new FieldReader(source, 'exercise');
  const text = typeof files.exerciseYaml === 'string' ? files.exerciseYaml : '';
  const map = readSingleMap(reader, text);
  if (map === undefined) return { diagnostics: reader.diagnostics };

  reader.checkKeys(map, '', EXERCISE_KEYS);
  const id = reader.text(map, 'id', '', true, KEBAB);
  const title = reader.text(map, 'title', '', true, { maxLength: 200 });
  const examTitle = reader.text(map, 'examTitle', '', false, { maxLength: 200 });
  const track = reader.text(map, 'track', '', true, KEBAB);
  const difficulty = reader.choice(map, 'difficulty', '', true, DIFFICULTIES);
  const minutes = reader.integer(map, 'minutes', '', true, { minimum: 1, maximum: 240 });
  const tags = reader.list(map, 'tags', '', false, (item, path) => reader.textValue(item, path, KEBAB)) ?? [];
  const kind = reader.choice(map, 'kind', '', true, EXERCISE_KINDS);
  const examWeight = reader.integer(map, 'examWeight', '', true, { minimum: 0, maximum: 10 });
  const task = reader.text(map, 'task', '', true);
  const hints = reader.list(map, 'hints', '', false, (item, path) => reader.textValue(item, path)) ?? [];
  const clusterValue = reader.field(map, 'cluster', '', true);
  const clusterRead = clusterValue === undefined ? undefined : readCluster(reader, clusterValue, text);
  const checks = reader.list(map, 'checks', '', true, (item, path) => readCheck(reader, item, path)) ?? [];
  const checksValue = reader.field(map, 'checks', '', false);
  if (checksValue?.kind === 'list' && checksValue.items.length === 0) {
    reader.error('required', 'checks', 'Required value: at least one check', checksValue.position);
  }
  if (clusterRead !== undefined) resolveChecks(reader, checks, clusterRead.cluster);
  const free =
    reader.list(map, 'free', '', false, (item, path) =>
      readFreeRegion(reader, item, path, clusterRead?.cluster),
    ) ?? [];
  if (kind === 'predict' && free.length > 0) {
    reader.error(
      'invalid-value',
      'free',
      'Invalid value: a predict exercise has no free regions (nothing is written)',
      undefined,
    );
  }
  if (kind === 'predict') {
    checks.forEach((check, index) => {
      if (check.type !== 'reach') {
        reader.error(
          'invalid-value',
          `checks[${index}].type`,
          `Invalid value: "${check.type}": a predict exercise only has reach checks (the learner answers allow or deny)`,
          check.position,
        );
      }
    });
    for (const [name, content] of [
      ['starter.yaml', files.starter],
      ['solution.yaml', files.solution],
    ] as const) {
      if (stripComments(content) !== '') {
        reader.warning(
          'predict-files',
          '',
          `${name} is ignored in a predict exercise; leave it empty`,
          undefined,
        );
      }
    }
  }

  if (
    reader.errorCount > 0 ||
    id === undefined ||
    title === undefined ||
    track === undefined ||
    difficulty === undefined ||
    minutes === undefined ||
    kind === undefined ||
    examWeight === undefined ||
    task === undefined ||
    clusterRead === undefined
  ) {
    return { diagnostics: reader.diagnostics };
  }
  const exercise: Exercise = {
    id,
    title,
    ...(examTitle === undefined ? {} : { examTitle }),
    track,
    difficulty,
    minutes,
    tags,
    kind,
    examWeight,
    task,
    cluster: clusterRead.cluster,
    clusterPolicies: clusterRead.policies,
    clusterPoliciesText: clusterRead.policiesText,
    checks,
    free,
    hints,
    starter: files.starter,
    solution: files.solution,
    contentHash: exerciseContentHash(files),
    source,
  };
  return { exercise, diagnostics: reader.diagnostics };
}

/** The text without comment lines and blank space: empty means "nothing written". */
function stripComments(text: string): string {
  return (typeof text === 'string' ? text : '')
    .split(/\r?\n/)
    .filter((line) => !/^\s*(#.*)?$/.test(line))
    .join('\n')
    .trim();
}
