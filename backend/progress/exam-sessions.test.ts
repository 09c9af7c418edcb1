import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customExam, moveTo, saveAnswer, startExam, submitExam, toggleFlag } from '../../core/exam/index.ts';
import type { ExamGrader, ExamOutcome, ExamSession } from '../../core/exam/index.ts';
import { candidate } from '../../core/exam/test-fixtures.ts';
import type { GradeResult } from '../../core/grading/index.ts';
import { ProgressStoreError } from './errors.ts';
import { ExamSessionStore } from './exam-sessions.ts';
import { openProgressStore } from './open-progress-store.ts';
import type { ProgressStore } from './progress-store.ts';

const START = 1_760_000_000_000;
const MINUTE = 60_000;
const EXERCISES = [candidate('one', { examWeight: 3 }), candidate('two', { examWeight: 7, kind: 'fix' })];

let folder: string;
let file: string;
let store: ProgressStore;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-exams-'));
  file = join(folder, 'progress.db');
  store = openProgressStore(file, { now: () => START }).store;
});

afterEach(() => {
  store.close();
  rmSync(folder, { recursive: true, force: true });
});

function value<T>(outcome: ExamOutcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function started(id: string, at = START, minutes = 20): ExamSession {
  const preset = value(customExam({ tracks: ['foundations'], taskCount: 2, minutes, passMark: 50 }));
  return value(startExam({ presetOrCustom: preset, exercises: EXERCISES, seed: 9, now: at, id }));
}

/** Full marks for `one`, nothing for anything else; no Exercise objects needed. */
const grader: ExamGrader = (exercise) =>
  ({
    exerciseId: exercise.id,
    contentHash: 'hash',
    kind: exercise.kind,
    passed: exercise.id === 'one',
    score: exercise.id === 'one' ? 100 : 0,
    checks: [],
    differences: [],
    diagnostics: [],
    lint: [],
  }) as GradeResult;

const EXERCISES_BY_ID = Object.fromEntries(EXERCISES.map((item) => [item.id, item])) as never;

function submitted(id: string, at = START): ExamSession {
  let session = started(id, at);
  session = value(saveAnswer(session, 'one', 'kind: NetworkPolicy', at + MINUTE));
  return value(submitExam(session, EXERCISES_BY_ID, at + 5 * MINUTE, grader));
}

function expectInvalid(action: () => unknown): void {
  expect(action).toThrow(ProgressStoreError);
  try {
    action();
  } catch (error) {
    expect((error as ProgressStoreError).code).toBe('invalid-argument');
  }
}

describe('saving and loading', () => {
  it('keeps every field of a running session, custom preset included', () => {
    let session = started('exam-a');
    session = value(saveAnswer(session, 'two', 'spec: {}\n', START + MINUTE));
    session = value(toggleFlag(session, 'two', START + MINUTE));
    session = value(moveTo(session, 'two', START + 2 * MINUTE));
    expect(store.saveExamSession(session)).toBe(true);
    expect(store.getExamSession('exam-a')).toEqual(session);
  });

  it('keeps a session across closing and reopening the database', () => {
    const session = submitted('exam-b');
    store.saveExamSession(session);
    store.close();
    store = openProgressStore(file).store;
    expect(store.getExamSession('exam-b')).toEqual(session);
  });

  it('replaces a running session with its newer state', () => {
    const session = started('exam-c');
    store.saveExamSession(session);
    const answered = value(saveAnswer(session, 'one', 'text', START + MINUTE));
    expect(store.saveExamSession(answered)).toBe(true);
    expect(store.getExamSession('exam-c')?.answers).toEqual({
      one: { text: 'text', savedAt: START + MINUTE },
    });
  });

  it('never reopens a submitted session with a stale copy', () => {
    const running = started('exam-d');
    store.saveExamSession(running);
    const finished = value(submitExam(running, EXERCISES_BY_ID, START + MINUTE, grader));
    expect(store.saveExamSession(finished)).toBe(true);
    expect(store.saveExamSession(running)).toBe(false);
    expect(store.getExamSession('exam-d')).toEqual(finished);
  });

  it('returns undefined for an unknown id and deletes by id', () => {
    expect(store.getExamSession('nothing')).toBeUndefined();
    store.saveExamSession(started('exam-e'));
    expect(store.deleteExamSession('exam-e')).toBe(true);
    expect(store.deleteExamSession('exam-e')).toBe(false);
    expect(store.getExamSession('exam-e')).toBeUndefined();
  });

  it('refuses something that is not a session, or a bad id', () => {
    expectInvalid(() => store.saveExamSession({ ...started('x'), tasks: [] }));
    expectInvalid(() => store.saveExamSession({ ...started('x'), id: ' spaced ' }));
    expectInvalid(() => store.saveExamSession({ ...started('x'), startedAt: -1 }));
    expectInvalid(() => store.saveExamSession(null as never));
    expectInvalid(() => store.getExamSession(''));
    expect(store.listExamSessions()).toEqual([]);
  });

  it('skips rows that were damaged outside the app', () => {
    store.saveExamSession(started('good', START));
    store.saveExamSession(started('bad', START + 1));
    const raw = new Database(file);
    raw.prepare("UPDATE exam_sessions SET details_json = '{}' WHERE id = 'bad'").run();
    raw.close();
    expect(store.getExamSession('bad')).toBeUndefined();
    expect(store.listExamSessions().map((session) => session.id)).toEqual(['good']);
    expect(store.loadActiveExam(START)?.session.id).toBe('good');
  });

  it('skips a row whose preset column disagrees with its details', () => {
    store.saveExamSession(started('mixed'));
    const raw = new Database(file);
    raw.prepare("UPDATE exam_sessions SET preset = 'cka' WHERE id = 'mixed'").run();
    raw.close();
    expect(store.getExamSession('mixed')).toBeUndefined();
  });
});

describe('listing', () => {
  it('lists newest first and honours the limit', () => {
    store.saveExamSession(started('first', START));
    store.saveExamSession(submitted('second', START + 1000));
    store.saveExamSession(started('third', START + 2000));
    expect(store.listExamSessions().map((session) => session.id)).toEqual(['third', 'second', 'first']);
    expect(store.listExamSessions({ limit: 1 }).map((session) => session.id)).toEqual(['third']);
    expectInvalid(() => store.listExamSessions({ limit: 0 }));
    expectInvalid(() => store.listExamSessions({ limit: 1001 }));
  });

  it('gives the results screen its history of finished exams only', () => {
    store.saveExamSession(submitted('old', START));
    store.saveExamSession(submitted('new', START + 60 * MINUTE));
    store.saveExamSession(started('running', START + 120 * MINUTE));
    const history = store.listExamHistory();
    expect(history.map((entry) => entry.id)).toEqual(['new', 'old']);
    expect(history[0]).toEqual({
      id: 'new',
      presetId: 'custom',
      title: 'Custom exam',
      startedAt: START + 60 * MINUTE,
      submittedAt: START + 65 * MINUTE,
      durationMs: 20 * MINUTE,
      elapsedMs: 5 * MINUTE,
      taskCount: 2,
      answeredCount: 1,
      earnedPoints: 3,
      totalPoints: 10,
      percent: 30,
      passMark: 50,
      passed: false,
      autoSubmitted: false,
    });
    expect(store.listExamHistory({ limit: 1 })).toHaveLength(1);
  });
});

describe('loadActiveExam', () => {
  it('returns nothing when every exam is finished', () => {
    expect(store.loadActiveExam(START)).toBeUndefined();
    store.saveExamSession(submitted('done'));
    expect(store.loadActiveExam(START)).toBeUndefined();
  });

  it('returns the running exam with the time left', () => {
    store.saveExamSession(started('live', START, 20));
    expect(store.loadActiveExam(START + 5 * MINUTE)).toEqual({
      session: store.getExamSession('live'),
      expired: false,
      remainingMs: 15 * MINUTE,
    });
  });

  it('says an exam expired while the app was closed, so the caller submits it', () => {
    store.saveExamSession(started('lapsed', START, 20));
    store.close();
    store = openProgressStore(file).store;
    const active = store.loadActiveExam(START + 3 * 60 * MINUTE);
    expect(active).toMatchObject({ expired: true, remainingMs: 0 });
    const finished = value(submitExam(active!.session, EXERCISES_BY_ID, START + 3 * 60 * MINUTE, grader));
    expect(finished.result?.autoSubmitted).toBe(true);
    store.saveExamSession(finished);
    expect(store.loadActiveExam(START + 3 * 60 * MINUTE)).toBeUndefined();
    expect(store.listExamHistory()[0]).toMatchObject({
      id: 'lapsed',
      autoSubmitted: true,
      elapsedMs: 20 * MINUTE,
    });
  });

  it('uses the store clock when no time is given, and picks the newest running exam', () => {
    store.saveExamSession(started('older', START - MINUTE));
    store.saveExamSession(started('newer', START));
    expect(store.loadActiveExam()).toMatchObject({ session: { id: 'newer' }, remainingMs: 20 * MINUTE });
    expectInvalid(() => store.loadActiveExam(Number.NaN));
  });
});

describe('store lifecycle', () => {
  it('refuses exam calls after close', () => {
    store.close();
    expect(() => store.listExamSessions()).toThrow(/closed/);
    expect(() => store.loadActiveExam(START)).toThrow(/closed/);
  });

  it('removes exam sessions on a progress reset', () => {
    store.saveExamSession(started('gone'));
    store.resetProgress();
    expect(store.listExamSessions()).toEqual([]);
  });

  it('can be used on its own over a migrated connection', () => {
    store.saveExamSession(started('shared'));
    const raw = new Database(file);
    try {
      expect(new ExamSessionStore(raw).get('shared')?.id).toBe('shared');
    } finally {
      raw.close();
    }
  });
});

describe('exporting exam sessions', () => {
  it('includes the drawn tasks and the full exam definition, so an export describes the exam', () => {
    const session = started('export-me');
    store.saveExamSession(session);
    const exported = store.exportProgress().examSessions;
    expect(exported).toHaveLength(1);
    const details = exported[0]?.details as { tasks?: { exerciseId: string }[]; preset?: { id: string } };
    expect(details.tasks?.map((task) => task.exerciseId)).toEqual(
      session.tasks.map((task) => task.exerciseId),
    );
    expect(details.preset?.id).toBe('custom');
  });
});
