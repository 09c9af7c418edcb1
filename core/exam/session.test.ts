import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customExam, EXAM_PRESETS } from './presets.ts';
import {
  examStatus,
  isExpired,
  MAX_ANSWER_LENGTH,
  moveTo,
  remainingMs,
  saveAnswer,
  startExam,
  timeSpentByTask,
  toggleFlag,
} from './session.ts';
import { candidate, catalogue } from './test-fixtures.ts';
import type { ExamOutcome, ExamSession } from './types.ts';

const START = 1_760_000_000_000;
const MINUTE = 60_000;

function value<T>(outcome: ExamOutcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

function errorCode<T>(outcome: ExamOutcome<T>): string | undefined {
  return outcome.ok ? undefined : outcome.error.code;
}

const EXERCISES = [
  candidate('one', { minutes: 10 }),
  candidate('two', { minutes: 10, kind: 'fix' }),
  candidate('three', { minutes: 10, difficulty: 'beginner' }),
];

function customSession(taskCount = 3, minutes = 30): ExamSession {
  const preset = value(customExam({ tracks: ['foundations'], taskCount, minutes }));
  return value(
    startExam({ presetOrCustom: preset, exercises: EXERCISES, seed: 7, now: START, id: 'exam-1' }),
  );
}

describe('startExam', () => {
  it('draws the tasks, starts the clock on the first task and keeps everything as JSON', () => {
    const session = customSession();
    expect(session).toMatchObject({
      id: 'exam-1',
      seed: 7,
      startedAt: START,
      durationMs: 30 * MINUTE,
      endsAt: START + 30 * MINUTE,
      answers: {},
      flags: [],
      timeSpentMs: {},
      drawNotes: [],
      currentSince: START,
      submittedAt: null,
      result: null,
    });
    expect(session.tasks.map((task) => task.exerciseId).sort()).toEqual(['one', 'three', 'two']);
    expect(session.currentTaskId).toBe(session.tasks[0]?.exerciseId);
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });

  it('accepts a preset id and gives the same exam for the same seed', () => {
    const options = {
      presetOrCustom: 'cks' as const,
      exercises: catalogue(60),
      seed: 99,
      now: START,
      id: 'x',
    };
    const first = value(startExam(options));
    expect(first.preset).toEqual(EXAM_PRESETS.cks);
    expect(value(startExam(options)).tasks).toEqual(first.tasks);
  });

  it('keeps the draw notes when the catalogue is short', () => {
    const session = customSession(5);
    expect(session.tasks).toHaveLength(3);
    expect(session.drawNotes[0]).toMatch(/3 tasks instead of 5/);
  });

  it('refuses an exam with nothing to draw, with the reason', () => {
    const outcome = startExam({ presetOrCustom: 'cka', exercises: [], seed: 1, now: START, id: 'x' });
    expect(errorCode(outcome)).toBe('exam.no-tasks');
    expect(!outcome.ok && outcome.error.message).toMatch(/No exercise fits/);
  });

  it.each([
    [{ presetOrCustom: 'nope' }, 'exam.unknown-preset'],
    [{ id: '' }, 'exam.invalid-option'],
    [{ id: ' padded' }, 'exam.invalid-option'],
    [{ id: 'x'.repeat(201) }, 'exam.invalid-option'],
    [{ seed: 1.5 }, 'exam.invalid-option'],
    [{ seed: 2 ** 60 }, 'exam.invalid-option'],
    [{ now: Number.NaN }, 'exam.invalid-option'],
    [{ exercises: null }, 'exam.invalid-option'],
  ])('refuses %j without throwing', (override, code) => {
    const options = {
      presetOrCustom: 'cka',
      exercises: catalogue(30),
      seed: 1,
      now: START,
      id: 'x',
      ...override,
    };
    expect(errorCode(startExam(options as never))).toBe(code);
  });

  it.each([
    ['no minutes', { minutes: 0 }],
    ['too many tasks', { taskCount: 50 }],
    ['a pass mark of 0', { passMark: 0 }],
  ])('refuses a preset with %s', (_, change) => {
    const preset = { ...EXAM_PRESETS.cka, ...change };
    const outcome = startExam({
      presetOrCustom: preset,
      exercises: catalogue(30),
      seed: 1,
      now: START,
      id: 'x',
    });
    expect(errorCode(outcome)).toBe('exam.invalid-option');
  });
});

describe('the clock', () => {
  it('counts down on the wall clock and expires at the end, even across a closed app', () => {
    const session = customSession(3, 30);
    expect(remainingMs(session, START)).toBe(30 * MINUTE);
    expect(remainingMs(session, START + 10 * MINUTE)).toBe(20 * MINUTE);
    expect(isExpired(session, START + 30 * MINUTE - 1)).toBe(false);
    expect(isExpired(session, START + 30 * MINUTE)).toBe(true);
    expect(remainingMs(session, START + 5 * 60 * MINUTE)).toBe(0);
    expect(examStatus(session, START)).toBe('running');
    expect(examStatus(session, START + 30 * MINUTE)).toBe('expired');
  });

  it('reports no time left once submitted', () => {
    const session = { ...customSession(), submittedAt: START + MINUTE };
    expect(remainingMs(session, START + 2 * MINUTE)).toBe(0);
    expect(examStatus(session, START + 2 * MINUTE)).toBe('submitted');
  });
});

describe('answers, flags and moving between tasks', () => {
  it('saves the latest answer of any task with its time', () => {
    const session = customSession();
    const [first, second] = session.tasks.map((task) => task.exerciseId) as [string, string];
    let next = value(saveAnswer(session, second, 'draft', START + 1000));
    next = value(saveAnswer(next, second, 'final', START + 2000));
    next = value(saveAnswer(next, first, '', START + 3000));
    expect(next.answers).toEqual({
      [second]: { text: 'final', savedAt: START + 2000 },
      [first]: { text: '', savedAt: START + 3000 },
    });
    expect(session.answers).toEqual({});
  });

  it('keeps a terminal session with the answer until another one replaces or clears it', () => {
    const session = customSession();
    const task = session.currentTaskId;
    let next = value(saveAnswer(session, task, 'applied', START + 1000, 'session one'));
    expect(next.answers[task]).toEqual({ text: 'applied', savedAt: START + 1000, terminal: 'session one' });
    // Typing in the editor afterwards sends no session: the terminal's stays.
    next = value(saveAnswer(next, task, 'typed', START + 2000));
    expect(next.answers[task]).toEqual({ text: 'typed', savedAt: START + 2000, terminal: 'session one' });
    next = value(saveAnswer(next, task, 'typed', START + 3000, 'session two'));
    expect(next.answers[task]?.terminal).toBe('session two');
    next = value(saveAnswer(next, task, 'typed', START + 4000, ''));
    expect(next.answers[task]).toEqual({ text: 'typed', savedAt: START + 4000 });
    expect(errorCode(saveAnswer(session, task, 'x', START, 7 as never))).toBe('exam.invalid-answer');
    expect(errorCode(saveAnswer(session, task, 'x', START, 'x'.repeat(MAX_ANSWER_LENGTH + 1)))).toBe(
      'exam.invalid-answer',
    );
  });

  it('toggles flags in the order they were set', () => {
    const session = customSession();
    const [first, second] = session.tasks.map((task) => task.exerciseId) as [string, string];
    let next = value(toggleFlag(session, second, START));
    next = value(toggleFlag(next, first, START));
    expect(next.flags).toEqual([second, first]);
    next = value(toggleFlag(next, second, START));
    expect(next.flags).toEqual([first]);
  });

  it('moves freely and adds each stint to the task that was left', () => {
    const session = customSession();
    const [first, second, third] = session.tasks.map((task) => task.exerciseId) as [string, string, string];
    let next = value(moveTo(session, third, START + 5 * MINUTE));
    next = value(moveTo(next, first, START + 7 * MINUTE));
    next = value(moveTo(next, first, START + 8 * MINUTE));
    expect(next.currentTaskId).toBe(first);
    expect(next.timeSpentMs).toEqual({ [first]: 5 * MINUTE, [third]: 2 * MINUTE });
    expect(timeSpentByTask(next, START + 10 * MINUTE)).toEqual({
      [first]: 8 * MINUTE,
      [second]: 0,
      [third]: 2 * MINUTE,
    });
  });

  it('never counts negative time when the clock goes back', () => {
    const session = customSession();
    const second = session.tasks[1]?.exerciseId as string;
    const next = value(moveTo(session, second, START - MINUTE));
    expect(next.timeSpentMs[session.currentTaskId]).toBe(0);
  });

  it('refuses unknown tasks and answers that are not text or too long', () => {
    const session = customSession();
    const task = session.currentTaskId;
    expect(errorCode(saveAnswer(session, 'elsewhere', 'x', START))).toBe('exam.unknown-task');
    expect(errorCode(toggleFlag(session, 'elsewhere', START))).toBe('exam.unknown-task');
    expect(errorCode(moveTo(session, 'elsewhere', START))).toBe('exam.unknown-task');
    expect(errorCode(saveAnswer(session, task, 42 as never, START))).toBe('exam.invalid-answer');
    expect(errorCode(saveAnswer(session, task, 'x'.repeat(MAX_ANSWER_LENGTH + 1), START))).toBe(
      'exam.invalid-answer',
    );
    expect(errorCode(saveAnswer(session, task, 'x', Number.NaN))).toBe('exam.invalid-option');
  });

  it('refuses every change once the time is up or the exam is submitted', () => {
    const session = customSession();
    const task = session.tasks[1]?.exerciseId as string;
    const late = session.endsAt;
    expect(errorCode(saveAnswer(session, task, 'x', late))).toBe('exam.expired');
    expect(errorCode(toggleFlag(session, task, late))).toBe('exam.expired');
    expect(errorCode(moveTo(session, task, late))).toBe('exam.expired');
    const submitted = { ...session, submittedAt: START + 1 };
    expect(errorCode(saveAnswer(submitted, task, 'x', START + 2))).toBe('exam.submitted');
    expect(errorCode(toggleFlag(submitted, task, START + 2))).toBe('exam.submitted');
    expect(errorCode(moveTo(submitted, task, START + 2))).toBe('exam.submitted');
  });

  it('keeps time per task within the exam whatever the moves', () => {
    const session = customSession();
    const ids = session.tasks.map((task) => task.exerciseId);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ task: fc.constantFrom(...ids), after: fc.integer({ min: 0, max: 4 * MINUTE }) }),
        ),
        fc.integer({ min: 0, max: 60 * MINUTE }),
        (moves, extra) => {
          let current = session;
          let now = START;
          for (const move of moves) {
            now += move.after;
            const outcome = moveTo(current, move.task, now);
            if (outcome.ok) current = outcome.value;
            else expect(errorCode(outcome)).toBe('exam.expired');
          }
          const spent = Object.values(timeSpentByTask(current, now + extra));
          const total = spent.reduce((sum, item) => sum + item, 0);
          expect(spent.every((item) => item >= 0)).toBe(true);
          expect(total).toBe(Math.min(now + extra, session.endsAt) - START);
        },
      ),
    );
  });
});
