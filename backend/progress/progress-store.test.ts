import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStoreError } from './errors.ts';
import { openProgressStore } from './open-progress-store.ts';
import type { ProgressStore } from './progress-store.ts';
import type { AttemptInput } from './types.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

const DAY = 24 * 60 * 60 * 1000;
// Local noon, so adding or subtracting whole days stays on the intended local date.
const START = new Date(2026, 2, 10, 12, 0, 0).getTime();

let folder: string;
let store: ProgressStore;
let clock: number;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-store-'));
  clock = START;
  store = openProgressStore(join(folder, 'progress.db'), { now: () => clock }).store;
});

afterEach(() => {
  store.close();
  rmSync(folder, { recursive: true, force: true });
});

function attempt(overrides: Partial<AttemptInput> = {}): AttemptInput {
  return {
    exerciseId: '01-foundations/01-internal-egress',
    exerciseVersion: 'sha256:abc',
    yaml: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n',
    checks: [{ id: 'web-to-db', passed: true }],
    score: 1,
    passed: true,
    durationMs: 4200,
    ...overrides,
  };
}

function expectInvalid(action: () => unknown, message: RegExp): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProgressStoreError);
    expect((error as ProgressStoreError).code).toBe('invalid-argument');
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected the store to refuse the argument');
}

describe('attempts', () => {
  it('adds an attempt and returns it with id and time', () => {
    const stored = store.addAttempt(attempt());
    expect(stored).toEqual({ ...attempt(), id: stored.id, createdAt: START });
    expect(store.getAttempt(stored.id)).toEqual(stored);
  });

  it('returns undefined for an unknown id', () => {
    expect(store.getAttempt(999)).toBeUndefined();
  });

  it('lists an exercise’s attempts newest first, honouring the limit', () => {
    const ids = [0, 1, 2].map((index) => {
      clock = START + index;
      return store.addAttempt(attempt({ score: index / 2, passed: index === 2 })).id;
    });
    store.addAttempt(attempt({ exerciseId: 'other' }));
    expect(store.listAttempts('01-foundations/01-internal-egress').map((item) => item.id)).toEqual(
      [...ids].reverse(),
    );
    expect(
      store.listAttempts('01-foundations/01-internal-egress', { limit: 1 }).map((item) => item.id),
    ).toEqual([ids[2]]);
    expect(store.listAttempts('never-tried')).toEqual([]);
  });

  it('keeps YAML and check results byte for byte', () => {
    const yaml = 'metadata:\n  name: "quotes, commas\r\nand ünïcödé 🚀"\n';
    const checks = { summary: { total: 2 }, items: [{ id: 'a', passed: false, detail: null }] };
    const stored = store.addAttempt(attempt({ yaml, checks, passed: false, score: 0.5 }));
    expect(store.getAttempt(stored.id)).toMatchObject({ yaml, checks, passed: false, score: 0.5 });
  });

  it('refuses malformed attempts with a clear message', () => {
    expectInvalid(() => store.addAttempt(attempt({ exerciseId: '' })), /exerciseId must not be empty/);
    expectInvalid(() => store.addAttempt(attempt({ exerciseId: 'x'.repeat(201) })), /at most 200/);
    expectInvalid(() => store.addAttempt(attempt({ exerciseId: 'a\nb' })), /control characters/);
    expectInvalid(
      () => store.addAttempt(attempt({ exerciseId: 42 as unknown as string })),
      /must be a string/,
    );
    expectInvalid(() => store.addAttempt(attempt({ yaml: 'x'.repeat(1024 * 1024 + 1) })), /1 MB/);
    expectInvalid(() => store.addAttempt(attempt({ score: 1.5 })), /score must be a number from 0 to 1/);
    expectInvalid(() => store.addAttempt(attempt({ score: Number.NaN })), /score/);
    expectInvalid(() => store.addAttempt(attempt({ durationMs: -1 })), /durationMs/);
    expectInvalid(() => store.addAttempt(attempt({ durationMs: 1.5 })), /durationMs/);
    expectInvalid(() => store.addAttempt(attempt({ passed: 'yes' as unknown as boolean })), /passed/);
    expectInvalid(
      () => store.addAttempt(attempt({ checks: [Number.POSITIVE_INFINITY] })),
      /checks\[0\] must be a finite number/,
    );
    expectInvalid(
      () => store.addAttempt(attempt({ checks: { when: new Date() } as never })),
      /checks\.when must be JSON data/,
    );
    expectInvalid(() => store.addAttempt(null as unknown as AttemptInput), /attempt must be an object/);
    expectInvalid(() => store.listAttempts('a', { limit: 0 }), /limit must be from 1 to 1000/);
    expectInvalid(() => store.getAttempt(-1), /attempt id/);
    expect(store.listProgress()).toEqual([]);
  });

  it('accepts YAML of exactly 1 MB', () => {
    const yaml = 'x'.repeat(1024 * 1024);
    expect(store.addAttempt(attempt({ yaml })).yaml).toHaveLength(yaml.length);
  });
});

describe('drafts', () => {
  it('saves, replaces, reads and deletes the draft of an exercise', () => {
    expect(store.getDraft('ex')).toBeUndefined();
    store.saveDraft('ex', 'first');
    clock = START + 1000;
    expect(store.saveDraft('ex', 'second')).toEqual({
      exerciseId: 'ex',
      text: 'second',
      updatedAt: START + 1000,
    });
    expect(store.getDraft('ex')).toEqual({ exerciseId: 'ex', text: 'second', updatedAt: START + 1000 });
    expect(store.deleteDraft('ex')).toBe(true);
    expect(store.deleteDraft('ex')).toBe(false);
    expect(store.getDraft('ex')).toBeUndefined();
  });

  it('keeps an empty draft and refuses one over 1 MB', () => {
    store.saveDraft('ex', '');
    expect(store.getDraft('ex')?.text).toBe('');
    expectInvalid(() => store.saveDraft('ex', 'é'.repeat(600_000)), /bytes; the limit is/);
    expectInvalid(() => store.saveDraft('', 'x'), /exerciseId/);
  });
});

describe('exercise progress', () => {
  it('reports zero for an untouched exercise', () => {
    expect(store.getExerciseProgress('fresh')).toEqual({
      exerciseId: 'fresh',
      attemptCount: 0,
      completed: false,
      bestScore: null,
      firstPassedAt: null,
      lastAttemptAt: null,
      hintsRevealed: 0,
      solutionViewedAt: null,
      draftUpdatedAt: null,
    });
  });

  it('derives completion, best score and times from attempts', () => {
    store.addAttempt(attempt({ exerciseId: 'ex', score: 0.25, passed: false }));
    clock = START + 10;
    store.addAttempt(attempt({ exerciseId: 'ex', score: 1, passed: true }));
    clock = START + 20;
    store.addAttempt(attempt({ exerciseId: 'ex', score: 0.5, passed: false }));
    expect(store.getExerciseProgress('ex')).toMatchObject({
      attemptCount: 3,
      completed: true,
      bestScore: 1,
      firstPassedAt: START + 10,
      lastAttemptAt: START + 20,
    });
  });

  it('records hints (never shrinking) and the first solution view', () => {
    expect(store.recordHintsRevealed('ex', 2).hintsRevealed).toBe(2);
    expect(store.recordHintsRevealed('ex', 1).hintsRevealed).toBe(2);
    expect(store.recordHintsRevealed('ex', 3).hintsRevealed).toBe(3);
    expect(store.recordSolutionViewed('ex').solutionViewedAt).toBe(START);
    clock = START + DAY;
    expect(store.recordSolutionViewed('ex').solutionViewedAt).toBe(START);
    expect(store.getExerciseProgress('ex').hintsRevealed).toBe(3);
    expectInvalid(() => store.recordHintsRevealed('ex', -1), /hint count/);
  });

  it('lists every touched exercise by id', () => {
    store.addAttempt(attempt({ exerciseId: 'c', passed: false, score: 0 }));
    store.saveDraft('a', 'draft');
    store.recordHintsRevealed('b', 1);
    const progress = store.listProgress();
    expect(progress.map((item) => item.exerciseId)).toEqual(['a', 'b', 'c']);
    expect(progress[0]).toMatchObject({ draftUpdatedAt: START, attemptCount: 0 });
    expect(progress[1]).toMatchObject({ hintsRevealed: 1 });
    expect(progress[2]).toMatchObject({ attemptCount: 1, completed: false, bestScore: 0 });
  });
});

describe('settings', () => {
  it('stores any JSON value by key', () => {
    expect(store.getSetting('theme')).toBeUndefined();
    store.setSetting('theme', 'dark');
    store.setSetting('editor', { fontSize: 14, wrap: true, rulers: [80, 110] });
    store.setSetting('theme', 'light');
    expect(store.getSetting('theme')).toBe('light');
    expect(store.listSettings()).toEqual({
      editor: { fontSize: 14, wrap: true, rulers: [80, 110] },
      theme: 'light',
    });
    expect(store.deleteSetting('theme')).toBe(true);
    expect(store.getSetting('theme')).toBeUndefined();
  });

  it('refuses values JSON cannot keep', () => {
    expectInvalid(() => store.setSetting('size', Number.NaN), /finite number/);
    expectInvalid(() => store.setSetting('fn', (() => 1) as never), /JSON data/);
    expectInvalid(() => store.setSetting('', 1), /setting key must not be empty/);
  });
});

describe('activity summary', () => {
  it('counts attempts and passes per local day and the current streaks', () => {
    // Attempts on days -3, -2, -1 and 0; passes on -1 and 0; a gap before -3.
    for (const [offset, passed] of [
      [-6, true],
      [-3, false],
      [-2, false],
      [-2, false],
      [-1, true],
      [0, true],
    ] as const) {
      clock = START + offset * DAY;
      store.addAttempt(attempt({ exerciseId: `ex-${offset}`, passed, score: passed ? 1 : 0 }));
    }
    clock = START;
    const summary = store.getActivitySummary({ days: 4 });
    expect(summary.today).toBe('2026-03-10');
    expect(summary.days).toEqual([
      { date: '2026-03-07', attempts: 1, passes: 0 },
      { date: '2026-03-08', attempts: 2, passes: 0 },
      { date: '2026-03-09', attempts: 1, passes: 1 },
      { date: '2026-03-10', attempts: 1, passes: 1 },
    ]);
    expect(summary).toMatchObject({
      totalAttempts: 6,
      exercisesAttempted: 5,
      exercisesCompleted: 3,
      currentStreak: 4,
      currentPassStreak: 2,
    });
  });

  it('keeps a streak alive until a whole day passes without practice', () => {
    store.addAttempt(attempt());
    clock = START + DAY;
    expect(store.getActivitySummary().currentStreak).toBe(1);
    clock = START + 2 * DAY;
    expect(store.getActivitySummary().currentStreak).toBe(0);
  });

  it('covers 30 days by default and refuses silly windows', () => {
    expect(store.getActivitySummary().days).toHaveLength(30);
    expectInvalid(() => store.getActivitySummary({ days: 0 }), /days/);
    expectInvalid(() => store.getActivitySummary({ days: 10_000 }), /days/);
  });
});

describe('export', () => {
  it('exports everything as one JSON-ready object', () => {
    const stored = store.addAttempt(attempt());
    store.saveDraft('ex', 'draft');
    store.setSetting('theme', 'dark');
    const exported = store.exportProgress();
    expect(exported).toMatchObject({
      format: 'netpol-lab-progress',
      schemaVersion: LATEST_SCHEMA_VERSION,
      exportedAt: new Date(START).toISOString(),
      attempts: [stored],
      drafts: [{ exerciseId: 'ex', text: 'draft', updatedAt: START }],
      settings: { theme: 'dark' },
      examSessions: [],
    });
    expect(exported.exercises.map((item) => item.exerciseId)).toEqual([stored.exerciseId, 'ex']);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it('exports attempts as quoted CSV', () => {
    store.addAttempt(attempt({ exerciseId: 'a', yaml: 'name: "x, y"\nnext: line' }));
    const csv = store.exportCsv();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,exercise_id,exercise_version,created_at,passed,score,duration_ms,yaml,checks_json',
    );
    expect(csv).toContain(
      `1,a,sha256:abc,${new Date(START).toISOString()},true,1,4200,"name: ""x, y""\nnext: line","[{""id"":""web-to-db"",""passed"":true}]"\r\n`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('exports only a header when there are no attempts', () => {
    expect(store.exportCsv()).toBe(
      'id,exercise_id,exercise_version,created_at,passed,score,duration_ms,yaml,checks_json\r\n',
    );
  });
});

describe('reset and close', () => {
  it('deletes learner data but keeps settings unless asked', () => {
    const first = store.addAttempt(attempt());
    store.saveDraft('ex', 'draft');
    store.recordHintsRevealed('ex', 2);
    store.setSetting('theme', 'dark');
    store.resetProgress();
    expect(store.listProgress()).toEqual([]);
    expect(store.getAttempt(first.id)).toBeUndefined();
    expect(store.getSetting('theme')).toBe('dark');
    // Ids are not reused, so a stale id held by the UI cannot name a new attempt.
    expect(store.addAttempt(attempt()).id).toBeGreaterThan(first.id);
    store.resetProgress({ includeSettings: true });
    expect(store.listSettings()).toEqual({});
  });

  it('refuses work after close, and closing twice is harmless', () => {
    store.close();
    store.close();
    expect(() => store.listProgress()).toThrow(ProgressStoreError);
    expect(() => store.addAttempt(attempt())).toThrow('the progress store is closed');
  });

  it('keeps data across reopen', () => {
    const stored = store.addAttempt(attempt());
    store.close();
    store = openProgressStore(join(folder, 'progress.db')).store;
    expect(store.getAttempt(stored.id)).toEqual(stored);
  });
});
