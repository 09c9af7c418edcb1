import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openProgressStore } from '../progress/index.ts';
import { createLabBackend, dispatchLabApi, LabApiFailure } from './index.ts';
import type { LabBackend } from './index.ts';

const EXERCISES = resolve(import.meta.dirname, '../../exercises');
const WRITE_ID = 'internal-egress-payroll-mysql';
const SOLUTION = readFileSync(join(EXERCISES, '01-foundations/01-internal-egress/solution.yaml'), 'utf8');
const PREDICT_ID = 'predict-and-or-peers';
/** How many exercises the bundled library holds: one `exercise.yaml` per folder of a track folder. */
const BUNDLED_COUNT = readdirSync(EXERCISES, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('/exercise.yaml') && !file.startsWith('lessons/'),
).length;
const START = Date.UTC(2026, 2, 10, 12, 0, 0);

let folder: string;
let databaseFile: string;
let clock: number;
let backends: LabBackend[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-lab-api-'));
  databaseFile = join(folder, 'data', 'progress.sqlite');
  clock = START;
  backends = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const backend of backends) backend.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(options: { examMinuteMs?: number } = {}): Promise<LabBackend> {
  const backend = await createLabBackend({
    exercisesRoot: EXERCISES,
    databaseFile,
    host: 'browser',
    appVersion: '9.9.9',
    now: () => clock,
    ...options,
  });
  backends.push(backend);
  return backend;
}

async function failureOf(promise: Promise<unknown>): Promise<LabApiFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LabApiFailure)) throw new Error(`expected a LabApiFailure, got ${String(error)}`);
  return error;
}

describe('createLabBackend', () => {
  it('reports how it started', async () => {
    const { api } = await open();
    expect(await api.getStartupInfo()).toEqual({
      appVersion: '9.9.9',
      host: 'browser',
      databaseRecovered: null,
      databaseWarning: null,
    });
  });

  it('times exams in real minutes unless its options shorten them', async () => {
    const custom = { custom: { tracks: ['foundations'], taskCount: 1, minutes: 5 }, seed: 3 };
    const real = await (await open()).api.startExam(custom);
    expect(real.durationMs).toBe(5 * 60_000);
    backends.pop()?.close();
    databaseFile = join(folder, 'data', 'second.sqlite');
    const short = await (await open({ examMinuteMs: 200 })).api.startExam(custom);
    expect(short.durationMs).toBe(1000);
  });

  it('lists the whole catalogue in track order', async () => {
    const { api } = await open();
    const catalog = await api.getCatalog();
    expect(BUNDLED_COUNT).toBeGreaterThanOrEqual(80);
    expect(catalog.exercises).toHaveLength(BUNDLED_COUNT);
    expect(catalog.tracks).toHaveLength(14);
    expect(catalog.problems).toEqual([]);
    expect(catalog.continueExerciseId).toBeNull();
    const orders = catalog.tracks.map((track) => track.order);
    expect(orders).toEqual([...orders].sort((left, right) => left - right));
    expect(catalog.tracks.flatMap((track) => track.exerciseIds)).toEqual(
      catalog.exercises.map((item) => item.id),
    );
    expect(catalog.tracks[0]).not.toHaveProperty('folder');
    const first = catalog.exercises.find((item) => item.id === WRITE_ID);
    expect(first).toMatchObject({ kind: 'write', difficulty: 'beginner', minutes: 10, track: 'foundations' });
    expect(first?.progress).toMatchObject({ attemptCount: 0, completed: false, bestScore: null });
  });

  it('shows an exercise without its solution, with the next exercise', async () => {
    const { api } = await open();
    const catalog = await api.getCatalog();
    const view = await api.getExercise(WRITE_ID);
    expect(view).not.toHaveProperty('solution');
    expect(view).not.toHaveProperty('source');
    expect(JSON.stringify(view)).not.toContain('internal-policy\n  namespace: default\nspec:');
    expect(view.title).toBe('Internal may only reach payroll and mysql');
    expect(view.hints.length).toBeGreaterThan(0);
    expect(view.draft).toBeNull();
    // It must cross IPC (structured clone) and HTTP (JSON) unchanged.
    expect(structuredClone(view)).toEqual(view);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    const position = catalog.exercises.findIndex((item) => item.id === WRITE_ID);
    expect(view.nextExerciseId).toBe(catalog.exercises[position + 1]?.id);
    const last = catalog.exercises.at(-1)?.id ?? '';
    expect((await api.getExercise(last)).nextExerciseId).toBeNull();
  });

  it('fails with not-found for an unknown exercise in every method that names one', async () => {
    const { api } = await open();
    const calls: Promise<unknown>[] = [
      api.getExercise('no-such-exercise'),
      api.saveDraft('no-such-exercise', 'x'),
      api.discardDraft('no-such-exercise'),
      api.submitAttempt({ exerciseId: 'no-such-exercise', answer: '', durationMs: 0 }),
      api.listAttempts('no-such-exercise', 5),
      api.revealHints('no-such-exercise', 1),
      api.revealSolution('no-such-exercise'),
    ];
    for (const call of calls) {
      const failure = await failureOf(call);
      expect(failure.error.code).toBe('not-found');
      expect(failure.error.message).toContain('no-such-exercise');
    }
  });

  it('grades a wrong then a right answer and keeps the best score', async () => {
    const { api } = await open();
    const wrong = await api.submitAttempt({ exerciseId: WRITE_ID, answer: '', durationMs: 1000 });
    expect(wrong.grade.passed).toBe(false);
    expect(wrong.attempt).toMatchObject({ exerciseId: WRITE_ID, passed: false, yaml: '', durationMs: 1000 });
    expect(wrong.attempt.score).toBe(wrong.grade.score);
    expect(wrong.progress).toMatchObject({ attemptCount: 1, completed: false, firstPassedAt: null });
    expect(wrong.progress.bestScore).toBe(wrong.grade.score);
    expect(wrong.progress.bestScore).toBeLessThan(100);

    clock += 60_000;
    const right = await api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 2000 });
    expect(right.grade.passed).toBe(true);
    expect(right.grade.score).toBe(100);
    const exercise = await api.getExercise(WRITE_ID);
    expect(right.attempt).toMatchObject({ score: 100, passed: true, exerciseVersion: exercise.contentHash });
    expect(right.progress).toMatchObject({
      attemptCount: 2,
      completed: true,
      bestScore: 100,
      firstPassedAt: clock,
      lastAttemptAt: clock,
    });

    const attempts = await api.listAttempts(WRITE_ID, 10);
    expect(attempts.map((attempt) => attempt.score)).toEqual([100, wrong.grade.score]);
    expect(await api.listAttempts(WRITE_ID, 1)).toHaveLength(1);
    const listed = (await api.getCatalog()).exercises.find((item) => item.id === WRITE_ID);
    expect(listed?.progress).toMatchObject({ completed: true, bestScore: 100, attemptCount: 2 });
  });

  it('lists the lessons by order, and a right answer completes a lesson once', async () => {
    const { api } = await open();
    const lessons = await api.getLessons();
    expect(lessons.length).toBeGreaterThanOrEqual(7);
    expect(lessons.map((lesson) => lesson.order)).toEqual(
      [...lessons.map((lesson) => lesson.order)].sort((a, b) => a - b),
    );
    expect(lessons.every((lesson) => lesson.completedAt === null)).toBe(true);
    const first = await api.getLesson(lessons[0]?.id ?? '');
    const right = first.check.options.findIndex((option) => option.correct);
    const wrong = first.check.options.findIndex((option) => !option.correct);

    const missed = await api.answerLesson(first.id, wrong);
    expect(missed).toMatchObject({ correct: false, completedAt: null });
    expect(missed.explain.length).toBeGreaterThan(0);
    const done = await api.answerLesson(first.id, right);
    expect(done).toMatchObject({ correct: true, completedAt: clock });
    clock += 1000;
    expect((await api.answerLesson(first.id, right)).completedAt).toBe(START);
    expect((await api.getLessons())[0]?.completedAt).toBe(START);

    expect((await failureOf(api.getLesson('no-such-lesson'))).error.code).toBe('not-found');
    expect((await failureOf(api.answerLesson(first.id, 9))).error.code).toBe('invalid-argument');
  });

  it('treats a damaged record of completed lessons as nothing completed', async () => {
    const { store } = openProgressStore(databaseFile);
    store.setSetting('lessonsCompleted', ['not', 'a', 'map']);
    store.close();
    const { api } = await open();
    expect((await api.getLessons()).every((lesson) => lesson.completedAt === null)).toBe(true);
  });

  it('grades an unchanged answer again without adding an attempt', async () => {
    const { api } = await open();
    const first = await api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 1000 });
    expect(first.repeated).toBe(false);
    clock += 60_000;
    const again = await api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 500 });
    expect(again.repeated).toBe(true);
    expect(again.grade.passed).toBe(true);
    expect(again.attempt.id).toBe(first.attempt.id);
    expect(again.progress.attemptCount).toBe(1);
    expect(await api.listAttempts(WRITE_ID, 10)).toHaveLength(1);

    const changed = await api.submitAttempt({
      exerciseId: WRITE_ID,
      answer: `${SOLUTION}\n`,
      durationMs: 500,
    });
    expect(changed.repeated).toBe(false);
    expect(changed.progress.attemptCount).toBe(2);
  });

  it('grades a terminal answer with the labels it changed and the policies it deleted', async () => {
    const { api } = await open();
    const unchanged = { namespaceLabels: {}, podLabels: {}, deletedPolicies: [] };
    const same = await api.submitAttempt({
      exerciseId: WRITE_ID,
      answer: SOLUTION,
      durationMs: 10,
      terminal: unchanged,
    });
    expect(same.grade.passed).toBe(true);
    expect(same.attempt.yaml).toBe(SOLUTION);
    // The same policies, but payroll relabelled in the terminal: the policy no longer reaches it.
    const relabelled = await api.submitAttempt({
      exerciseId: WRITE_ID,
      answer: SOLUTION,
      durationMs: 10,
      terminal: { ...unchanged, podLabels: { 'default/payroll': { name: 'payroll-v2' } } },
    });
    expect(relabelled.repeated).toBe(false);
    expect(relabelled.grade.passed).toBe(false);
    expect(relabelled.attempt.yaml).toBe(
      `# terminal: labels of pod default/payroll: name=payroll-v2\n${SOLUTION}`,
    );
    expect(await api.listAttempts(WRITE_ID, 10)).toHaveLength(2);
  });

  it('grades predictions written as a check id → allow|deny mapping', async () => {
    const { api } = await open();
    const view = await api.getExercise(PREDICT_ID);
    const expected = view.checks.flatMap((check) =>
      check.type === 'reach' ? [[check.id, check.expect]] : [],
    );
    const right = expected
      .map(([id, answer]) => `${id}: ${answer === 'allow' ? 'Allow' : 'deny'}`)
      .join('\n');
    const passed = await api.submitAttempt({ exerciseId: PREDICT_ID, answer: right, durationMs: 5 });
    expect(passed.grade.passed).toBe(true);
    expect(passed.grade.score).toBe(100);
    const unreadable = await api.submitAttempt({
      exerciseId: PREDICT_ID,
      answer: '[not, a, map]',
      durationMs: 5,
    });
    expect(unreadable.grade.passed).toBe(false);
    expect(unreadable.grade.diagnostics[0]?.id).toBe('grade.invalid-prediction');
    const broken = await api.submitAttempt({ exerciseId: PREDICT_ID, answer: 'a: [', durationMs: 5 });
    expect(broken.grade).toMatchObject({ passed: false, score: 0 });
  });

  it('saves, reads and discards drafts, and offers the exercise to continue', async () => {
    const { api } = await open();
    const saved = await api.saveDraft(WRITE_ID, 'kind: NetworkPolicy # é 😀');
    expect(saved.updatedAt).toBe(START);
    expect((await api.getExercise(WRITE_ID)).draft).toEqual({
      text: 'kind: NetworkPolicy # é 😀',
      updatedAt: START,
    });
    expect((await api.getCatalog()).continueExerciseId).toBe(WRITE_ID);

    clock += 1000;
    await api.saveDraft(PREDICT_ID, 'a: allow');
    expect((await api.getCatalog()).continueExerciseId).toBe(PREDICT_ID);
    clock += 1000;
    await api.submitAttempt({ exerciseId: WRITE_ID, answer: 'x: 1', durationMs: 0 });
    expect((await api.getCatalog()).continueExerciseId).toBe(WRITE_ID);
    clock += 1000;
    await api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 0 });
    expect((await api.getCatalog()).continueExerciseId).toBe(PREDICT_ID);

    expect(await api.discardDraft(PREDICT_ID)).toBe(true);
    expect(await api.discardDraft(PREDICT_ID)).toBe(false);
    expect((await api.getExercise(PREDICT_ID)).draft).toBeNull();
    expect((await api.getCatalog()).continueExerciseId).toBeNull();
  });

  it('records hints without lowering the count, and refuses more hints than exist', async () => {
    const { api } = await open();
    const hints = (await api.getExercise(WRITE_ID)).hints.length;
    expect((await api.revealHints(WRITE_ID, 2)).hintsRevealed).toBe(2);
    expect((await api.revealHints(WRITE_ID, 1)).hintsRevealed).toBe(2);
    expect((await api.revealHints(WRITE_ID, hints)).hintsRevealed).toBe(hints);
    expect((await failureOf(api.revealHints(WRITE_ID, hints + 1))).error.code).toBe('invalid-argument');
  });

  it('reveals the solution and records when', async () => {
    const { api } = await open();
    const revealed = await api.revealSolution(WRITE_ID);
    expect(revealed.solution).toBe(SOLUTION);
    expect(revealed.progress.solutionViewedAt).toBe(START);
    expect((await api.getExercise(WRITE_ID)).progress.solutionViewedAt).toBe(START);
  });

  it('keeps settings with defaults, partial updates and repair of bad stored values', async () => {
    const { api } = await open();
    expect(await api.getSettings()).toEqual({
      theme: 'system',
      fontSize: 15,
      editorKeys: 'standard',
      tabSize: 2,
      workspace: 'editor',
    });
    expect(await api.updateSettings({ theme: 'dark' })).toEqual({
      theme: 'dark',
      fontSize: 15,
      editorKeys: 'standard',
      tabSize: 2,
      workspace: 'editor',
    });
    expect(await api.updateSettings({ fontSize: 20 })).toEqual({
      theme: 'dark',
      fontSize: 20,
      editorKeys: 'standard',
      tabSize: 2,
      workspace: 'editor',
    });
    expect(await api.updateSettings({ editorKeys: 'vim', tabSize: 4, workspace: 'terminal' })).toMatchObject({
      editorKeys: 'vim',
      tabSize: 4,
      workspace: 'terminal',
    });
    backends.pop()?.close();
    expect(await (await open()).api.getSettings()).toMatchObject({
      editorKeys: 'vim',
      tabSize: 4,
      workspace: 'terminal',
    });
    backends.pop()?.close();

    const { store } = openProgressStore(databaseFile);
    store.setSetting('theme', 'purple');
    store.setSetting('fontSize', 99);
    store.setSetting('editorKeys', 'emacs');
    store.setSetting('tabSize', 3);
    store.setSetting('workspace', 'shell');
    store.close();
    const reopened = await open();
    expect(await reopened.api.getSettings()).toEqual({
      theme: 'system',
      fontSize: 15,
      editorKeys: 'standard',
      tabSize: 2,
      workspace: 'editor',
    });
  });

  it('summarises progress per track and overall', async () => {
    const { api } = await open();
    await api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 10 });
    const overview = await api.getProgressOverview();
    expect(overview).toMatchObject({
      today: '2026-03-10',
      totalAttempts: 1,
      exercisesAttempted: 1,
      exercisesCompleted: 1,
      exerciseCount: BUNDLED_COUNT,
      currentStreak: 1,
      currentPassStreak: 1,
    });
    expect(overview.days).toHaveLength(30);
    expect(overview.days.at(-1)).toEqual({ date: '2026-03-10', attempts: 1, passes: 1 });
    const foundations = overview.tracks.find((track) => track.id === 'foundations');
    expect(foundations?.completed).toBe(1);
    expect(foundations?.averageBestScore).toBe(Math.round(100 / (foundations?.total ?? 1)));
    expect(overview.tracks.reduce((sum, track) => sum + track.total, 0)).toBe(BUNDLED_COUNT);
  });

  it('exports JSON and CSV, and resets progress but keeps settings', async () => {
    const { api } = await open();
    await api.updateSettings({ theme: 'light' });
    await api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 10 });
    const json = await api.exportProgress('json');
    expect(json).toMatchObject({
      fileName: 'netpol-lab-progress-2026-03-10.json',
      mimeType: 'application/json',
    });
    const data = JSON.parse(json.content) as { format: string; attempts: { score: number }[] };
    expect(data.format).toBe('netpol-lab-progress');
    expect(data.attempts[0]?.score).toBe(1);
    const csv = await api.exportProgress('csv');
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.fileName.endsWith('.csv')).toBe(true);
    expect(csv.content.split('\r\n')[0]).toContain('exercise_id');
    expect(csv.content).toContain(WRITE_ID);

    await api.resetProgress('reset');
    expect((await api.getProgressOverview()).totalAttempts).toBe(0);
    expect(await api.listAttempts(WRITE_ID, 10)).toEqual([]);
    expect((await api.getSettings()).theme).toBe('light');
  });

  it('keeps everything when reopened on the same database', async () => {
    const first = await open();
    await first.api.saveDraft(WRITE_ID, 'draft text');
    await first.api.submitAttempt({ exerciseId: WRITE_ID, answer: SOLUTION, durationMs: 10 });
    await first.api.updateSettings({ fontSize: 18 });
    first.close();
    const second = await open();
    expect((await second.api.getExercise(WRITE_ID)).draft?.text).toBe('draft text');
    expect((await second.api.listAttempts(WRITE_ID, 5))[0]?.passed).toBe(true);
    expect((await second.api.getSettings()).fontSize).toBe(18);
    expect((await second.api.getStartupInfo()).databaseRecovered).toBeNull();
  });

  it('moves a corrupt database aside and says so', async () => {
    const first = await open();
    first.close();
    writeFileSync(databaseFile, 'this is not a database at all, just text');
    const { api } = await open();
    const recovered = (await api.getStartupInfo()).databaseRecovered;
    expect(recovered?.movedTo).toContain('progress.sqlite.corrupt-');
    expect(recovered?.reason).toContain('not a SQLite database');
    expect(readFileSync(recovered?.movedTo ?? '', 'utf8')).toContain('not a database');
    expect((await api.getCatalog()).exercises).toHaveLength(BUNDLED_COUNT);
  });

  it('tells the UI when the database is from a newer version, and keeps it as it was', async () => {
    const first = await open();
    first.close();
    const raw = new Database(databaseFile);
    raw.pragma('user_version = 999');
    raw.close();
    const { api } = await open();
    const startup = await api.getStartupInfo();
    expect(startup.databaseRecovered).toBeNull();
    expect(startup.databaseWarning).toMatch(/newer version of NetPol Lab.*read-only/);
    expect((await api.getCatalog()).exercises.length).toBeGreaterThan(0);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = await dispatchLabApi(api, 'saveDraft', [WRITE_ID, 'text']);
    expect(saved).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(saved.ok ? '' : saved.error.message).toMatch(
      /could not be saved: the progress database cannot be written/,
    );
  });
});
