/**
 * The exam definitions: three built-in presets modelled on the Kubernetes certification exams, and
 * custom exams the learner puts together. Presets are data; the draw reads their selection rule.
 */
import { DIFFICULTIES } from '../exercise/types.ts';
import { refuse, succeed } from './outcome.ts';
import { EXAM_TASK_KINDS } from './types.ts';
import type { ExamOutcome, ExamPreset, ExamPresetId } from './types.ts';

/** Limits on custom exams. */
export const CUSTOM_EXAM_LIMITS = {
  minTasks: 1,
  maxTasks: 20,
  minMinutes: 5,
  maxMinutes: 180,
  minPassMark: 1,
  maxPassMark: 100,
  defaultPassMark: 66,
} as const;

const cka: ExamPreset = {
  id: 'cka',
  title: 'CKA-style NetworkPolicy tasks',
  description:
    'Four administrator tasks under time pressure: write policies that reach across namespaces, ' +
    'close a namespace with a default deny and keep name resolution working. Exact names matter.',
  taskCount: 4,
  minutes: 25,
  passMark: 66,
  selection: {
    tracks: ['namespaces', 'default-policies', 'egress-and-dns', 'troubleshooting'],
    tags: ['cka'],
    difficulties: ['intermediate'],
    kinds: ['write', 'fix'],
    topics: [
      { name: 'traffic across namespaces', tags: ['namespace-selector'] },
      { name: 'default deny', tags: ['default-deny'] },
      { name: 'DNS after a lockdown', tags: ['dns'] },
    ],
  },
};

const ckad: ExamPreset = {
  id: 'ckad',
  title: 'CKAD-style NetworkPolicy tasks',
  description:
    'Three developer tasks: let the right pods talk to each other by their labels, in and out, ' +
    'on the right ports, and nothing more.',
  taskCount: 3,
  minutes: 20,
  passMark: 66,
  selection: {
    tracks: ['foundations', 'selectors', 'ports-and-protocols', 'troubleshooting'],
    tags: ['ckad'],
    difficulties: ['beginner', 'intermediate'],
    kinds: ['write', 'fix'],
    topics: [
      { name: 'pod-to-pod ingress by labels', tags: ['pod-selector', 'match-labels'] },
      { name: 'egress to another pod', tags: ['egress'] },
      { name: 'ports', tags: ['ports', 'named-port'] },
    ],
  },
};

const cks: ExamPreset = {
  id: 'cks',
  title: 'CKS-style NetworkPolicy tasks',
  description:
    'Four security tasks: deny by default, keep workloads away from the cloud metadata address ' +
    'with an ipBlock exception, lock egress down without losing DNS, and isolate namespaces.',
  taskCount: 4,
  minutes: 30,
  passMark: 67,
  selection: {
    tracks: ['default-policies', 'ip-blocks', 'egress-and-dns', 'namespaces'],
    tags: ['cks'],
    difficulties: ['intermediate', 'advanced'],
    kinds: ['write', 'fix'],
    topics: [
      { name: 'default deny', tags: ['default-deny'] },
      { name: 'blocking the metadata server', tags: ['except'] },
      { name: 'egress lockdown with DNS', tags: ['dns'] },
      { name: 'namespace isolation', tags: ['namespace-isolation', 'namespace-selector'] },
    ],
  },
};

/**
 * A mock exam: a longer timed set that draws from every track (no track or tag filter), first one
 * task per topic so it reaches across the catalogue, then freely, spread over tracks by the draw.
 */
const mock: ExamPreset = {
  id: 'mock',
  title: 'Mock exam: every track',
  description:
    'Eight tasks drawn from the whole catalogue in an hour, as on exam day: default deny, ' +
    'namespaces, DNS, ports, IP blocks, several policies at once, IPv6, workloads and a broken ' +
    'policy to repair. A retake with another seed draws another set.',
  taskCount: 8,
  minutes: 60,
  passMark: 66,
  selection: {
    tracks: [],
    tags: [],
    difficulties: [...DIFFICULTIES],
    kinds: [...EXAM_TASK_KINDS],
    topics: [
      { name: 'default deny', tags: ['default-deny'] },
      { name: 'traffic across namespaces', tags: ['namespace-selector'] },
      { name: 'DNS after a lockdown', tags: ['dns'] },
      { name: 'ports and protocols', tags: ['ports', 'udp', 'end-port', 'named-port'] },
      { name: 'IP blocks with exceptions', tags: ['except'] },
      { name: 'several policies at once', tags: ['union', 'additive'] },
      { name: 'IPv6', tags: ['ipv6'] },
      { name: 'workloads and Services', tags: ['workloads', 'services'] },
      { name: 'repairing a broken policy', tags: ['fix'] },
    ],
  },
};

/** The built-in presets, by id. */
export const EXAM_PRESETS: Readonly<Record<ExamPresetId, ExamPreset>> = { cka, ckad, cks, mock };

/** The built-in presets in the order a menu shows them. */
export const EXAM_PRESET_LIST: readonly ExamPreset[] = [ckad, cka, cks, mock];

/** A built-in preset by id. */
export function findPreset(id: string): ExamOutcome<ExamPreset> {
  if (Object.hasOwn(EXAM_PRESETS, id)) return succeed(EXAM_PRESETS[id as ExamPresetId]);
  return refuse(
    'exam.unknown-preset',
    `There is no exam preset "${String(id)}"; choose one of ${Object.keys(EXAM_PRESETS).join(', ')}, or build a custom exam.`,
  );
}

/** What a learner chooses for a custom exam. */
export interface CustomExamOptions {
  /** Track ids to draw from; at least one. */
  readonly tracks: readonly string[];
  /** 1–20. */
  readonly taskCount: number;
  /** 5–180. */
  readonly minutes: number;
  /** Percent needed to pass, 1–100; 66 unless given. */
  readonly passMark?: number;
}

function isWholeNumberIn(value: unknown, minimum: number, maximum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum;
}

/**
 * A custom exam from the learner's choices: every difficulty of the chosen tracks, `write` and
 * `fix` tasks only. Out-of-range choices come back as an `exam.invalid-option` error.
 */
export function customExam(options: CustomExamOptions): ExamOutcome<ExamPreset> {
  const limits = CUSTOM_EXAM_LIMITS;
  const given: Partial<Record<keyof CustomExamOptions, unknown>> =
    typeof options === 'object' && options !== null ? options : {};
  const tracks: unknown = given.tracks;
  if (!Array.isArray(tracks) || tracks.length === 0) {
    return refuse('exam.invalid-option', 'Choose at least one track for a custom exam.');
  }
  if (!tracks.every((track): track is string => typeof track === 'string' && track.trim() !== '')) {
    return refuse('exam.invalid-option', 'Every track of a custom exam must be a track id.');
  }
  if (!isWholeNumberIn(given.taskCount, limits.minTasks, limits.maxTasks)) {
    return refuse(
      'exam.invalid-option',
      `A custom exam has ${limits.minTasks} to ${limits.maxTasks} tasks (a whole number); got ${String(given.taskCount)}.`,
    );
  }
  if (!isWholeNumberIn(given.minutes, limits.minMinutes, limits.maxMinutes)) {
    return refuse(
      'exam.invalid-option',
      `A custom exam lasts ${limits.minMinutes} to ${limits.maxMinutes} minutes (a whole number); got ${String(given.minutes)}.`,
    );
  }
  const passMark = given.passMark ?? limits.defaultPassMark;
  if (!isWholeNumberIn(passMark, limits.minPassMark, limits.maxPassMark)) {
    return refuse(
      'exam.invalid-option',
      `The pass mark is a whole percent from ${limits.minPassMark} to ${limits.maxPassMark}; got ${String(passMark)}.`,
    );
  }
  const uniqueTracks = [...new Set(tracks.map((track) => track.trim()))];
  const taskWord = given.taskCount === 1 ? 'task' : 'tasks';
  return succeed({
    id: 'custom',
    title: 'Custom exam',
    description: `${given.taskCount} ${taskWord} from ${uniqueTracks.join(', ')} in ${given.minutes} minutes; ${passMark}% to pass.`,
    taskCount: given.taskCount,
    minutes: given.minutes,
    passMark,
    selection: {
      tracks: uniqueTracks,
      tags: [],
      difficulties: [...DIFFICULTIES],
      kinds: [...EXAM_TASK_KINDS],
      topics: [],
    },
  });
}
