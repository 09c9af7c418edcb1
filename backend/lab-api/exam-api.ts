/**
 * The exam methods of {@link LabApi}: one timed exam at a time, kept in the progress database after
 * every step so closing the app never stops the clock. The rules are core's (`core/exam`); this
 * module loads a session, applies one rule at the current time, saves it and answers the public view.
 * An exam whose time ran out is submitted on the next read, dated at the moment its time ended.
 */
import {
  EXAM_PRESET_LIST,
  customExam,
  examExerciseView,
  moveTo,
  publicView,
  saveAnswer,
  startExam,
  submitExam,
  toggleFlag,
} from '../../core/exam/index.ts';
import type { ExamOutcome, ExamPreset, ExamSession, ExamPublicView } from '../../core/exam/index.ts';
import type { Exercise } from '../../core/exercise/index.ts';
import type { ExamHistoryItem, LabApi, StartExamInput, ExamMethod } from '../../core/lab-api/index.ts';
import type { ProgressStore } from '../progress/index.ts';
import { LabApiFailure } from './failure.ts';
import { ownValue } from '../../core/records/index.ts';

/** Real minutes; an entry point may shorten them for tests (see {@link examMinuteMsFromEnvironment}). */
export const EXAM_MINUTE_MS = 60_000;

/** What the exam methods need from the host. */
export interface ExamApiDeps {
  /** The catalogue the draw picks from. */
  readonly exercises: () => readonly Exercise[];
  readonly findExercise: (id: string) => Exercise | undefined;
  readonly store: ProgressStore;
  /** Wall clock in epoch milliseconds. */
  readonly now: () => number;
  /** A safe integer, used when the learner gives no seed. */
  readonly randomSeed: () => number;
  /** A fresh exam id (1–200 characters). */
  readonly newId: () => string;
  /**
   * How long an exam minute lasts, in milliseconds; a real minute unless given. The host's entry
   * point reads the test-only switch (see {@link examMinuteMsFromEnvironment}) and passes it in.
   */
  readonly minuteMs?: number;
}

/**
 * The exam minute from `NETPOL_LAB_EXAM_MINUTE_MS` (a whole number of milliseconds, 100–60000), so
 * an end-to-end test can run a five-minute exam in seconds. Anything else means a real minute.
 */
export function examMinuteMsFromEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
): number {
  const raw = environment['NETPOL_LAB_EXAM_MINUTE_MS'];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return EXAM_MINUTE_MS;
  const value = Number(raw.trim());
  return value >= 100 && value <= EXAM_MINUTE_MS ? value : EXAM_MINUTE_MS;
}

const RUNNING_EXAM_MESSAGE = 'An exam is already running; finish or submit the running exam first.';

/** A core refusal as the error the UI sees. */
function unwrap<T>(outcome: ExamOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  const code = outcome.error.code === 'exam.unknown-task' ? 'not-found' : 'invalid-argument';
  throw new LabApiFailure(code, outcome.error.message);
}

/** Builds the twelve exam methods over `deps`; the lab backend spreads them into its API. */
export function createExamApi(deps: ExamApiDeps): Pick<LabApi, ExamMethod> {
  const { store } = deps;
  const minuteMs = deps.minuteMs ?? EXAM_MINUTE_MS;
  const byId = (): Map<string, Exercise> =>
    new Map(deps.exercises().map((exercise) => [exercise.id, exercise]));

  /** Submits an unsubmitted exam whose time is up, as of the moment the time ended. */
  function settle(session: ExamSession, now: number): ExamSession {
    if (session.submittedAt !== null || now < session.endsAt) return session;
    const submitted = unwrap(submitExam(session, byId(), session.endsAt));
    if (!store.saveExamSession(submitted)) return store.getExamSession(session.id) ?? submitted;
    return submitted;
  }

  function load(examId: string): ExamSession {
    const session = store.getExamSession(examId);
    if (session === undefined) throw new LabApiFailure('not-found', `There is no exam "${examId}".`);
    return settle(session, deps.now());
  }

  /** The running exam after settling expired ones, or undefined. */
  function running(): ExamSession | undefined {
    // Loop: settling the newest unsubmitted exam may reveal an older one (only after a crash mid-start).
    for (;;) {
      const now = deps.now();
      const active = store.loadActiveExam(now);
      if (active === undefined) return undefined;
      if (!active.expired) return active.session;
      settle(active.session, now);
    }
  }

  /** Applies a change to a session, saves it and answers the view. */
  function change(
    examId: string,
    step: (session: ExamSession, now: number) => ExamOutcome<ExamSession>,
  ): ExamPublicView {
    const session = load(examId);
    const now = deps.now();
    if (session.submittedAt !== null) {
      throw new LabApiFailure(
        'invalid-argument',
        'This exam is already submitted; its answers can no longer change.',
      );
    }
    const next = unwrap(step(session, now));
    store.saveExamSession(next);
    return publicView(next, now);
  }

  function begin(preset: ExamPreset, seed: number): ExamPublicView {
    if (running() !== undefined) throw new LabApiFailure('invalid-argument', RUNNING_EXAM_MESSAGE);
    const now = deps.now();
    const drawn = unwrap(
      startExam({ presetOrCustom: preset, exercises: deps.exercises(), seed, now, id: deps.newId() }),
    );
    const durationMs = preset.minutes * minuteMs;
    const session: ExamSession = { ...drawn, durationMs, endsAt: now + durationMs };
    store.saveExamSession(session);
    return publicView(session, now);
  }

  function presetFor(input: StartExamInput): ExamPreset {
    if ('presetId' in input) {
      const preset = EXAM_PRESET_LIST.find((item) => item.id === input.presetId);
      if (preset === undefined) {
        throw new LabApiFailure('invalid-argument', `There is no exam preset "${String(input.presetId)}".`);
      }
      return preset;
    }
    const { tracks, taskCount, minutes, passMark } = input.custom;
    return unwrap(
      customExam({ tracks, taskCount, minutes, ...(passMark === undefined ? {} : { passMark }) }),
    );
  }

  return {
    async listExamPresets() {
      return EXAM_PRESET_LIST.map((preset) => ({
        id: preset.id,
        title: preset.title,
        description: preset.description,
        taskCount: preset.taskCount,
        minutes: preset.minutes,
        passMark: preset.passMark,
      }));
    },

    async startExam(input) {
      return begin(presetFor(input), input.seed ?? deps.randomSeed());
    },

    async getActiveExam() {
      const session = running();
      return session === undefined ? null : publicView(session, deps.now());
    },

    async getExam(examId) {
      return publicView(load(examId), deps.now());
    },

    async getExamTask(examId, exerciseId) {
      const session = load(examId);
      if (!session.tasks.some((task) => task.exerciseId === exerciseId)) {
        throw new LabApiFailure('not-found', `This exam has no task "${exerciseId}".`);
      }
      const exercise = deps.findExercise(exerciseId);
      if (exercise === undefined) {
        throw new LabApiFailure('not-found', `The exercise "${exerciseId}" is no longer in the library.`);
      }
      return examExerciseView(exercise);
    },

    async saveExamAnswer(examId, exerciseId, text, terminal) {
      return change(examId, (session, now) => saveAnswer(session, exerciseId, text, now, terminal));
    },

    async toggleExamFlag(examId, exerciseId) {
      return change(examId, (session, now) => toggleFlag(session, exerciseId, now));
    },

    async moveExamTask(examId, exerciseId) {
      return change(examId, (session, now) => moveTo(session, exerciseId, now));
    },

    async submitExam(examId) {
      const session = load(examId);
      const now = deps.now();
      // Submitting twice (a click racing the automatic submission) answers the final result.
      if (session.submittedAt !== null) return publicView(session, now);
      const submitted = unwrap(submitExam(session, byId(), now));
      store.saveExamSession(submitted);
      return publicView(store.getExamSession(examId) ?? submitted, now);
    },

    async getExamReview(examId) {
      const session = load(examId);
      if (session.submittedAt === null) {
        throw new LabApiFailure('invalid-argument', 'The review opens once the exam is submitted.');
      }
      return {
        exam: publicView(session, deps.now()),
        tasks: session.tasks.map((task) => ({
          exerciseId: task.exerciseId,
          title: task.title,
          answer: ownValue(session.answers, task.exerciseId)?.text ?? '',
          solution: deps.findExercise(task.exerciseId)?.solution ?? '',
        })),
      };
    },

    async listExamHistory(): Promise<readonly ExamHistoryItem[]> {
      running();
      return store.listExamHistory().map((entry) => ({
        id: entry.id,
        presetId: entry.presetId,
        title: entry.title,
        startedAt: entry.startedAt,
        submittedAt: entry.submittedAt,
        percent: entry.percent,
        passMark: entry.passMark,
        passed: entry.passed,
        autoSubmitted: entry.autoSubmitted,
        taskCount: entry.taskCount,
      }));
    },

    async retakeExam(examId) {
      const session = load(examId);
      // The stored definition, not today's preset: a retake is the same exam, task for task.
      return begin(session.preset, session.seed);
    },
  };
}
