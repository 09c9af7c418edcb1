import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Exercise } from '../../core/exercise/index.ts';
import { drawExamTasks, EXAM_PRESETS } from '../../core/exam/index.ts';
import { loadExerciseLibrary } from '../exercise-library.ts';
import { openProgressStore } from '../progress/index.ts';
import type { ProgressStore } from '../progress/index.ts';
import { indexCatalog } from './catalog-index.ts';
import { createExamApi, EXAM_MINUTE_MS, examMinuteMsFromEnvironment } from './exam-api.ts';
import { LabApiFailure } from './failure.ts';

const EXERCISES = resolve(import.meta.dirname, '../../exercises');
const START = Date.UTC(2026, 2, 10, 12, 0, 0);
const MINUTE = 60_000;
const CUSTOM = { custom: { tracks: ['foundations', 'selectors'], taskCount: 2, minutes: 5 }, seed: 11 };

let exercises: readonly Exercise[];
let folder: string;
let databaseFile: string;
let clock: number;
let stores: ProgressStore[];
let ids: number;

beforeAll(async () => {
  exercises = indexCatalog(await loadExerciseLibrary(EXERCISES)).exercises;
});

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-exam-api-'));
  databaseFile = join(folder, 'progress.sqlite');
  clock = START;
  stores = [];
  ids = 0;
});

afterEach(() => {
  for (const store of stores) store.close();
  rmSync(folder, { recursive: true, force: true });
});

function open(options: { minuteMs?: number } = {}) {
  const { store } = openProgressStore(databaseFile, { now: () => clock });
  stores.push(store);
  const api = createExamApi({
    exercises: () => exercises,
    findExercise: (id) => exercises.find((exercise) => exercise.id === id),
    store,
    now: () => clock,
    randomSeed: () => 4242,
    newId: () => `exam-${(ids += 1)}`,
    ...options,
  });
  return { api, store };
}

async function failureOf(promise: Promise<unknown>): Promise<LabApiFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LabApiFailure)) throw new Error(`expected a LabApiFailure, got ${String(error)}`);
  return error;
}

function solutionOf(id: string): string {
  const exercise = exercises.find((item) => item.id === id);
  if (exercise === undefined) throw new Error(`no exercise ${id}`);
  return exercise.solution;
}

describe('createExamApi', () => {
  it('lists the presets with their numbers', async () => {
    const { api } = open();
    const presets = await api.listExamPresets();
    expect(presets.map((preset) => preset.id)).toEqual(['ckad', 'cka', 'cks', 'mock']);
    expect(presets[0]).toMatchObject({ taskCount: 3, minutes: 20, passMark: 66 });
    expect(presets[0]).not.toHaveProperty('selection');
  });

  it('draws a mock exam from across the whole catalogue, every topic covered', async () => {
    const { api } = open();
    const exam = await api.startExam({ presetId: 'mock', seed: 1 });
    expect(exam.tasks).toHaveLength(8);
    expect(exam.durationMs).toBe(60 * EXAM_MINUTE_MS);
    const reached = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const draw = drawExamTasks(exercises, EXAM_PRESETS.mock, seed);
      // Every topic of the preset found an exercise: the draw left nothing out.
      expect(draw.notes).toEqual([]);
      const tracks = new Set(draw.tasks.map((task) => task.track));
      expect(tracks.size).toBeGreaterThanOrEqual(5);
      for (const track of tracks) reached.add(track);
    }
    // A few retakes reach most of the catalogue's tracks.
    expect(reached.size).toBeGreaterThanOrEqual(10);
  });

  it('starts a custom exam and keeps only one running', async () => {
    const { api } = open();
    expect(await api.getActiveExam()).toBeNull();
    const exam = await api.startExam(CUSTOM);
    expect(exam).toMatchObject({ id: 'exam-1', presetId: 'custom', status: 'running', passMark: 66 });
    expect(exam.tasks).toHaveLength(2);
    expect(exam.remainingMs).toBe(5 * MINUTE);
    expect(exam.result).toBeNull();
    expect((await api.getActiveExam())?.id).toBe('exam-1');
    const refused = await failureOf(api.startExam({ presetId: 'ckad' }));
    expect(refused.error).toEqual({
      code: 'invalid-argument',
      message: expect.stringContaining('finish or submit the running exam first'),
    });
  });

  it('draws with the host seed when none is given, and refuses tracks with nothing to draw', async () => {
    const { api, store } = open();
    const exam = await api.startExam({ presetId: 'ckad' });
    expect(store.getExamSession(exam.id)?.seed).toBe(4242);
    await api.submitExam(exam.id);
    const empty = await failureOf(api.startExam({ custom: { tracks: ['nope'], taskCount: 1, minutes: 5 } }));
    expect(empty.error.code).toBe('invalid-argument');
  });

  it('saves answers, flags and moves, and shows tasks without hints, checks or solution', async () => {
    const { api } = open();
    const exam = await api.startExam(CUSTOM);
    const [first, second] = exam.tasks.map((task) => task.exerciseId);
    if (first === undefined || second === undefined) throw new Error('two tasks expected');
    const task = await api.getExamTask(exam.id, second);
    expect(task.id).toBe(second);
    for (const hidden of ['hints', 'checks', 'solution', 'source']) expect(task).not.toHaveProperty(hidden);
    expect((await failureOf(api.getExamTask(exam.id, 'not-in-this-exam'))).error.code).toBe('not-found');
    expect((await failureOf(api.getExam('no-such-exam'))).error.code).toBe('not-found');

    clock += MINUTE;
    const saved = await api.saveExamAnswer(exam.id, first, 'kind: NetworkPolicy\n');
    expect(saved.answers[first]).toEqual({ text: 'kind: NetworkPolicy\n', savedAt: clock });
    const flagged = await api.toggleExamFlag(exam.id, second);
    expect(flagged.flags).toEqual([second]);
    expect((await api.toggleExamFlag(exam.id, second)).flags).toEqual([]);
    const moved = await api.moveExamTask(exam.id, second);
    expect(moved.currentTaskId).toBe(second);
    expect(moved.timeSpentMs[first]).toBe(MINUTE);
    expect((await failureOf(api.moveExamTask(exam.id, 'elsewhere'))).error.code).toBe('not-found');
    expect((await failureOf(api.getExamReview(exam.id))).error.code).toBe('invalid-argument');
  });

  it('scores a submission and reviews it with answers and reference solutions', async () => {
    const { api } = open();
    const exam = await api.startExam(CUSTOM);
    const [first, second] = exam.tasks.map((task) => task.exerciseId);
    if (first === undefined || second === undefined) throw new Error('two tasks expected');
    await api.saveExamAnswer(exam.id, first, solutionOf(first));
    clock += 2 * MINUTE;
    const submitted = await api.submitExam(exam.id);
    expect(submitted.status).toBe('submitted');
    expect(submitted.result?.autoSubmitted).toBe(false);
    const byTask = new Map(submitted.result?.tasks.map((task) => [task.exerciseId, task]));
    expect(byTask.get(first)).toMatchObject({ status: 'graded', score: 100, passed: true });
    expect(byTask.get(second)).toMatchObject({ status: 'unanswered', score: 0 });
    expect(await api.getActiveExam()).toBeNull();

    const again = await api.submitExam(exam.id);
    expect(again.submittedAt).toBe(submitted.submittedAt);
    expect((await failureOf(api.saveExamAnswer(exam.id, first, 'late'))).error.code).toBe('invalid-argument');

    const review = await api.getExamReview(exam.id);
    expect(review.exam.result?.percent).toBe(submitted.result?.percent);
    expect(review.tasks.find((task) => task.exerciseId === first)).toMatchObject({
      answer: solutionOf(first),
      solution: solutionOf(first),
    });
    expect(review.tasks.find((task) => task.exerciseId === second)?.answer).toBe('');

    const history = await api.listExamHistory();
    expect(history).toEqual([
      expect.objectContaining({ id: exam.id, presetId: 'custom', taskCount: 2, autoSubmitted: false }),
    ]);
  });

  it('names tasks by their exam titles while the exam runs, and adds catalogue titles after', async () => {
    const { api } = open();
    const exam = await api.startExam({
      custom: { tracks: ['selectors'], taskCount: 5, minutes: 20 },
      seed: 3,
    });
    const drawn = exam.tasks.map((task) => exercises.find((exercise) => exercise.id === task.exerciseId));
    const titled = drawn.filter((exercise) => exercise?.examTitle !== undefined);
    expect(titled.map((exercise) => exercise?.id)).toContain('selector-two-labels');
    const hidden = titled.map((exercise) => exercise?.title ?? '');
    const seen = [
      JSON.stringify(exam),
      JSON.stringify(await api.getActiveExam()),
      ...(await Promise.all(exam.tasks.map((task) => api.getExamTask(exam.id, task.exerciseId)))).map(
        (view) => JSON.stringify(view),
      ),
    ];
    for (const text of seen) for (const title of hidden) expect(text).not.toContain(title);
    expect(exam.tasks.map((task) => task.title)).toEqual(
      drawn.map((exercise) => exercise?.examTitle ?? exercise?.title),
    );

    const submitted = await api.submitExam(exam.id);
    for (const exercise of titled) {
      expect(submitted.tasks.find((task) => task.exerciseId === exercise?.id)).toMatchObject({
        title: exercise?.examTitle,
        catalogueTitle: exercise?.title,
      });
    }
  });

  it('submits an expired exam on the next read, dated when the time ran out', async () => {
    const { api } = open();
    const exam = await api.startExam(CUSTOM);
    const first = exam.tasks[0]?.exerciseId ?? '';
    await api.saveExamAnswer(exam.id, first, solutionOf(first));
    clock = exam.endsAt + 3 * MINUTE;
    const active = await api.getActiveExam();
    expect(active).toBeNull();
    const read = await api.getExam(exam.id);
    expect(read).toMatchObject({ status: 'submitted', submittedAt: exam.endsAt });
    expect(read.result?.autoSubmitted).toBe(true);
    expect(read.result?.elapsedMs).toBe(5 * MINUTE);
    expect(read.result?.tasks.find((task) => task.exerciseId === first)?.score).toBe(100);
  });

  it('auto-submits through getExam too, and then lets a new exam start', async () => {
    const { api } = open();
    const exam = await api.startExam(CUSTOM);
    clock = exam.endsAt;
    expect((await api.getExam(exam.id)).status).toBe('submitted');
    expect((await api.startExam({ presetId: 'cks' })).status).toBe('running');
  });

  it('retakes an exam with the same options and seed', async () => {
    const { api } = open();
    const exam = await api.startExam({ presetId: 'cka', seed: 99 });
    expect((await failureOf(api.retakeExam(exam.id))).error.message).toContain('finish or submit');
    await api.submitExam(exam.id);
    clock += MINUTE;
    const retake = await api.retakeExam(exam.id);
    expect(retake.id).not.toBe(exam.id);
    expect(retake.presetId).toBe('cka');
    expect(retake.tasks).toEqual(exam.tasks);
    expect(retake.startedAt).toBe(clock);

    await api.submitExam(retake.id);
    const custom = await api.startExam(CUSTOM);
    await api.submitExam(custom.id);
    const customRetake = await api.retakeExam(custom.id);
    expect(customRetake.tasks).toEqual(custom.tasks);
    expect(customRetake.durationMs).toBe(5 * MINUTE);
  });

  it('keeps the clock running across a restart', async () => {
    const first = open();
    const exam = await first.api.startExam(CUSTOM);
    const taskId = exam.tasks[0]?.exerciseId ?? '';
    await first.api.saveExamAnswer(exam.id, taskId, 'draft answer');
    first.store.close();
    stores = [];

    clock += 2 * MINUTE;
    const second = open();
    const resumed = await second.api.getActiveExam();
    expect(resumed?.id).toBe(exam.id);
    expect(resumed?.status).toBe('running');
    expect(resumed?.remainingMs).toBe(3 * MINUTE);
    expect(resumed?.answers[taskId]?.text).toBe('draft answer');
  });

  it('stores each task terminal session with its answer, across a restart and into the review', async () => {
    const first = open();
    const exam = await first.api.startExam(CUSTOM);
    const taskId = exam.tasks[0]?.exerciseId ?? '';
    const saved = await first.api.saveExamAnswer(exam.id, taskId, 'applied: yes\n', '# session one');
    expect(saved.answers[taskId]).toEqual({
      text: 'applied: yes\n',
      savedAt: clock,
      terminal: '# session one',
    });
    // An answer typed afterwards keeps the session; a new session replaces it.
    await first.api.saveExamAnswer(exam.id, taskId, 'typed');
    expect((await first.api.getExam(exam.id)).answers[taskId]?.terminal).toBe('# session one');
    await first.api.saveExamAnswer(exam.id, taskId, 'typed', '# session two');
    first.store.close();
    stores = [];

    const second = open();
    const resumed = await second.api.getActiveExam();
    expect(resumed?.answers[taskId]).toEqual({ text: 'typed', savedAt: clock, terminal: '# session two' });
    await second.api.submitExam(exam.id);
    const review = await second.api.getExamReview(exam.id);
    expect(review.exam.answers[taskId]?.terminal).toBe('# session two');
    const other = exam.tasks[1]?.exerciseId ?? '';
    expect(review.exam.answers[other]).toBeUndefined();
  });

  it('shortens the exam minute when asked', async () => {
    const { api } = open({ minuteMs: 1000 });
    const exam = await api.startExam(CUSTOM);
    expect(exam.durationMs).toBe(5000);
    expect(exam.endsAt).toBe(START + 5000);
    expect(examMinuteMsFromEnvironment({ NETPOL_LAB_EXAM_MINUTE_MS: '2000' })).toBe(2000);
    expect(examMinuteMsFromEnvironment({ NETPOL_LAB_EXAM_MINUTE_MS: 'soon' })).toBe(EXAM_MINUTE_MS);
    expect(examMinuteMsFromEnvironment({ NETPOL_LAB_EXAM_MINUTE_MS: '5' })).toBe(EXAM_MINUTE_MS);
    expect(examMinuteMsFromEnvironment({})).toBe(EXAM_MINUTE_MS);
  });

  it('keeps real minutes unless the entry point passes a shorter one, whatever the environment says', async () => {
    const previous = process.env['NETPOL_LAB_EXAM_MINUTE_MS'];
    process.env['NETPOL_LAB_EXAM_MINUTE_MS'] = '1000';
    try {
      const { api } = open();
      const exam = await api.startExam(CUSTOM);
      expect(exam.durationMs).toBe(5 * EXAM_MINUTE_MS);
    } finally {
      if (previous === undefined) delete process.env['NETPOL_LAB_EXAM_MINUTE_MS'];
      else process.env['NETPOL_LAB_EXAM_MINUTE_MS'] = previous;
    }
  });
});
