/**
 * Turns the authoring form into `exercise.yaml` text in the layout the bundled exercises use (with
 * the schema line editors pick up), and reads such text back into a form for editing.
 */
import { parse, stringify } from 'yaml';
import { DIFFICULTIES } from '../exercise/index.ts';
import type { Difficulty } from '../exercise/index.ts';
import { PROTOCOLS } from '../netpol/index.ts';
import type { Protocol } from '../netpol/index.ts';
import {
  emptyExerciseForm,
  formatLabelText,
  formatPortText,
  readLabelText,
  readPortText,
} from './exercise-form.ts';
import type { ExerciseForm, ReachCheckRow } from './exercise-form.ts';

/** The first line of every authored `exercise.yaml`. */
export const SCHEMA_LINE = '# yaml-language-server: $schema=../../exercise.schema.json';

function nonEmpty<T>(key: string, list: readonly T[]): Record<string, readonly T[]> {
  return list.length === 0 ? {} : { [key]: list };
}

function clusterOf(form: ExerciseForm): Record<string, unknown> {
  const namespaces = form.namespaces
    .filter((row) => row.name.trim() !== '')
    .map((row) => {
      const { labels } = readLabelText(row.labels);
      return { name: row.name.trim(), ...(Object.keys(labels).length === 0 ? {} : { labels }) };
    });
  const pods = form.pods
    .filter((row) => row.name.trim() !== '')
    .map((row) => {
      const { labels } = readLabelText(row.labels);
      const { ports } = readPortText(row.ports);
      const namespace = row.namespace.trim();
      return {
        name: row.name.trim(),
        ...(namespace === '' || namespace === 'default' ? {} : { namespace }),
        ...(Object.keys(labels).length === 0 ? {} : { labels }),
        ...(row.ip.trim() === '' ? {} : { ip: row.ip.trim() }),
        ...nonEmpty('ports', ports),
      };
    });
  const externals = form.externals
    .filter((row) => row.name.trim() !== '' || row.ip.trim() !== '')
    .map((row) => ({ name: row.name.trim(), ip: row.ip.trim() }));
  return {
    ...nonEmpty('namespaces', namespaces),
    pods,
    ...nonEmpty('externals', externals),
    ...(form.policies.trim() === '' ? {} : { policies: form.policies }),
  };
}

function checkOf(row: ReachCheckRow): Record<string, unknown> {
  return {
    id: row.id,
    type: 'reach',
    from: row.from,
    to: row.to,
    port: row.port,
    ...(row.protocol === 'TCP' ? {} : { protocol: row.protocol }),
    expect: row.expect,
    ...(row.informational ? { informational: true } : {}),
    ...(row.weight === 1 ? {} : { weight: row.weight }),
    ...(row.explain.trim() === '' ? {} : { explain: row.explain.trim() }),
  };
}

/** The form as `exercise.yaml` text. Empty rows are left out; text fields are written as typed. */
export function buildExerciseYaml(form: ExerciseForm): string {
  const hints = form.hints.filter((hint) => hint.trim() !== '');
  const document = {
    id: form.id.trim(),
    title: form.title.trim(),
    ...(form.examTitle.trim() === '' ? {} : { examTitle: form.examTitle.trim() }),
    track: form.track.trim(),
    difficulty: form.difficulty,
    minutes: form.minutes,
    tags: form.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    kind: form.kind,
    examWeight: form.examWeight,
    task: form.task.endsWith('\n') || form.task === '' ? form.task : `${form.task}\n`,
    cluster: clusterOf(form),
    checks: [...form.checks.map(checkOf), ...form.otherChecks],
    ...nonEmpty('hints', hints),
  };
  return `${SCHEMA_LINE}\n${stringify(document, { lineWidth: 0, flowCollectionPadding: true })}`;
}

type Plain = Record<string, unknown>;

function asRecord(value: unknown): Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Plain) : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asText(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function asNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function labelsText(value: unknown): string {
  const labels = Object.fromEntries(
    Object.entries(asRecord(value)).map(([key, text]) => [key, asText(text)]),
  );
  return formatLabelText(labels);
}

function protocolOf(value: unknown): Protocol {
  return PROTOCOLS.includes(value as Protocol) ? (value as Protocol) : 'TCP';
}

/** Reads `exercise.yaml` text into a form; anything missing or malformed takes the empty form's value. */
export function readExerciseForm(exerciseYaml: string): ExerciseForm {
  const empty = emptyExerciseForm();
  let data: Plain;
  try {
    data = asRecord(parse(exerciseYaml));
  } catch {
    return empty;
  }
  const cluster = asRecord(data.cluster);
  const checks = asList(data.checks).map(asRecord);
  const kind = data.kind === 'fix' ? 'fix' : 'write';
  return {
    id: asText(data.id),
    title: asText(data.title),
    examTitle: asText(data.examTitle),
    track: asText(data.track, empty.track) || empty.track,
    difficulty: DIFFICULTIES.includes(data.difficulty as Difficulty)
      ? (data.difficulty as Difficulty)
      : empty.difficulty,
    minutes: asNumber(data.minutes, empty.minutes),
    tags: asList(data.tags).map((tag) => asText(tag)),
    kind,
    examWeight: asNumber(data.examWeight, empty.examWeight),
    task: asText(data.task),
    namespaces: asList(cluster.namespaces)
      .map(asRecord)
      .map((row) => ({ name: asText(row.name), labels: labelsText(row.labels) })),
    pods: asList(cluster.pods)
      .map(asRecord)
      .map((row) => ({
        namespace: asText(row.namespace, 'default'),
        name: asText(row.name),
        labels: labelsText(row.labels),
        ip: asText(row.ip),
        ports: formatPortText(
          asList(row.ports)
            .map(asRecord)
            .map((port) => ({
              ...(typeof port.name === 'string' ? { name: port.name } : {}),
              port: asNumber(port.port, 0),
              protocol: protocolOf(port.protocol),
            })),
        ),
      })),
    externals: asList(cluster.externals)
      .map(asRecord)
      .map((row) => ({ name: asText(row.name), ip: asText(row.ip) })),
    policies: asText(cluster.policies),
    checks: checks
      .filter((check) => check.type === 'reach')
      .map((check) => ({
        id: asText(check.id),
        from: asText(check.from),
        to: asText(check.to),
        port: asNumber(check.port, 0),
        protocol: protocolOf(check.protocol),
        expect: check.expect === 'deny' ? 'deny' : 'allow',
        explain: asText(check.explain),
        informational: check.informational === true,
        weight: asNumber(check.weight, 1),
      })),
    otherChecks: checks.filter((check) => check.type !== 'reach'),
    hints: asList(data.hints).map((hint) => asText(hint)),
  };
}
