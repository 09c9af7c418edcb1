/**
 * The authoring form as plain data: what the editor screen edits and what {@link buildExerciseYaml}
 * turns into `exercise.yaml`. Labels and ports stay text as typed (`k=v, k2=v2`, `http:80/TCP`), so a
 * half-typed row never loses characters; the readers below turn them into data and say what is wrong.
 */
import type { Difficulty, Expectation } from '../exercise/index.ts';
import type { Protocol } from '../netpol/index.ts';
import { PROTOCOLS } from '../netpol/index.ts';

/** The track every authored exercise lands in unless the author picks another. */
export const MY_EXERCISES_TRACK = 'my-exercises';

export interface NamespaceRow {
  name: string;
  /** `k=v, k2=v2`. */
  labels: string;
}

export interface PodRow {
  namespace: string;
  name: string;
  /** `k=v, k2=v2`. */
  labels: string;
  /** Optional; the lab assigns a stable one when empty. */
  ip: string;
  /** Comma-separated `name:port/PROTO`, `port/PROTO` or `port`. */
  ports: string;
}

export interface ExternalRow {
  name: string;
  ip: string;
}

/** A reach check as the form edits it. */
export interface ReachCheckRow {
  id: string;
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  expect: Expectation;
  explain: string;
  informational: boolean;
  /** Share of the score, 1 by default. */
  weight: number;
}

export interface ExerciseForm {
  id: string;
  title: string;
  /** What a running exam calls the exercise; empty: the exam shows the title. */
  examTitle: string;
  track: string;
  difficulty: Difficulty;
  minutes: number;
  tags: string[];
  kind: 'write' | 'fix';
  examWeight: number;
  /** Markdown. */
  task: string;
  namespaces: NamespaceRow[];
  pods: PodRow[];
  externals: ExternalRow[];
  /** Policies already in the cluster (YAML text), empty for none. */
  policies: string;
  checks: ReachCheckRow[];
  /** Checks of other types (policy, policy-count) kept as read, so editing never drops them. */
  otherChecks: Record<string, unknown>[];
  hints: string[];
}

/** A fresh form: one namespace-less cluster, nothing filled in. */
export function emptyExerciseForm(): ExerciseForm {
  return {
    id: '',
    title: '',
    examTitle: '',
    track: MY_EXERCISES_TRACK,
    difficulty: 'beginner',
    minutes: 10,
    tags: [],
    kind: 'write',
    examWeight: 0,
    task: '',
    namespaces: [],
    pods: [],
    externals: [],
    policies: '',
    checks: [],
    otherChecks: [],
    hints: [],
  };
}

/** Reads `k=v, k2=v2` (also `k: v`); entries that do not parse are named in `problems`. */
export function readLabelText(text: string): { labels: Record<string, string>; problems: string[] } {
  const labels: Record<string, string> = {};
  const problems: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = /^([^=:\s]+)\s*[=:]\s*(\S*)$/.exec(entry);
    if (match === null) problems.push(`"${entry}" is not key=value`);
    else labels[match[1] as string] = match[2] as string;
  }
  return { labels, problems };
}

/** Writes labels the way {@link readLabelText} reads them. */
export function formatLabelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

export interface PortEntry {
  name?: string;
  port: number;
  protocol: Protocol;
}

/** Reads `http:8080/TCP, 53/UDP, 9090`; the protocol defaults to TCP. */
export function readPortText(text: string): { ports: PortEntry[]; problems: string[] } {
  const ports: PortEntry[] = [];
  const problems: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = /^(?:([a-z0-9-]+)\s*:\s*)?(\d{1,5})(?:\s*\/\s*([A-Za-z]+))?$/.exec(entry);
    const port = match === null ? Number.NaN : Number(match[2]);
    const protocol = (match?.[3] ?? 'TCP').toUpperCase() as Protocol;
    if (match === null || port < 1 || port > 65535 || !PROTOCOLS.includes(protocol)) {
      problems.push(`"${entry}" is not name:port/PROTOCOL (e.g. http:8080/TCP)`);
      continue;
    }
    ports.push({ ...(match[1] === undefined ? {} : { name: match[1] }), port, protocol });
  }
  return { ports, problems };
}

/** Writes ports the way {@link readPortText} reads them. */
export function formatPortText(ports: readonly PortEntry[]): string {
  return ports
    .map((port) => `${port.name === undefined ? '' : `${port.name}:`}${port.port}/${port.protocol}`)
    .join(', ');
}

/** Problems in the form's text fields that the YAML would silently lose, one readable line each. */
export function formProblems(form: ExerciseForm): string[] {
  const problems: string[] = [];
  form.namespaces.forEach((row, index) => {
    for (const problem of readLabelText(row.labels).problems) {
      problems.push(`Namespace ${row.name || index + 1} labels: ${problem}`);
    }
  });
  form.pods.forEach((row, index) => {
    const name = row.name || `#${index + 1}`;
    for (const problem of readLabelText(row.labels).problems) problems.push(`Pod ${name} labels: ${problem}`);
    for (const problem of readPortText(row.ports).problems) problems.push(`Pod ${name} ports: ${problem}`);
  });
  return problems;
}
