import { describe, expect, it } from 'vitest';
import { readExamSession } from './read-session.ts';
import { startExam } from './session.ts';
import { catalogue } from './test-fixtures.ts';
import type { ExamSession } from './types.ts';

function fresh(): ExamSession {
  const outcome = startExam({
    presetOrCustom: 'cks',
    exercises: catalogue(60),
    seed: 5,
    now: 1000,
    id: 'stored',
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

describe('readExamSession', () => {
  it('reads back a session that went through JSON', () => {
    const session = { ...fresh(), answers: { a: { text: 'x', savedAt: 5 } }, flags: ['a'] };
    expect(readExamSession(JSON.parse(JSON.stringify(session)))).toEqual({ ok: true, value: session });
  });

  it('reads a session stored before exam titles, and one with catalogue titles', () => {
    const session = fresh();
    const older = { ...session, tasks: session.tasks.map(({ catalogueTitle: _, ...task }) => task) };
    expect(readExamSession(JSON.parse(JSON.stringify(older)))).toEqual({ ok: true, value: older });
    const titled = {
      ...session,
      tasks: session.tasks.map((task) => ({ ...task, title: 'Task', catalogueTitle: task.title })),
    };
    expect(readExamSession(JSON.parse(JSON.stringify(titled)))).toEqual({ ok: true, value: titled });
  });

  it('reads a terminal session kept with an answer, and older answers without one', () => {
    const session = {
      ...fresh(),
      answers: { a: { text: 'x', savedAt: 5, terminal: '# session' }, b: { text: 'y', savedAt: 6 } },
    };
    const outcome = readExamSession(JSON.parse(JSON.stringify(session)));
    expect(outcome).toEqual({ ok: true, value: session });
    expect(outcome.ok && 'terminal' in (outcome.value.answers['b'] ?? {})).toBe(false);
  });

  it.each([
    ['a number', 42],
    ['an object', { screen: 'x' }],
    ['null', null],
    ['empty text', ''],
  ])('drops a damaged terminal session (%s) and keeps the answer', (_, terminal) => {
    const session = { ...fresh(), answers: { a: { text: 'x', savedAt: 5, terminal } } };
    const outcome = readExamSession(JSON.parse(JSON.stringify(session)));
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value.answers).toEqual({ a: { text: 'x', savedAt: 5 } });
  });

  it.each([
    ['not an object', () => 'text'],
    ['no tasks', (session: ExamSession) => ({ ...session, tasks: [] })],
    [
      'a task without points',
      (session: ExamSession) => ({ ...session, tasks: [{ ...session.tasks[0], points: 'x' }] }),
    ],
    [
      'a catalogue title that is not text',
      (session: ExamSession) => ({ ...session, tasks: [{ ...session.tasks[0], catalogueTitle: 7 }] }),
    ],
    [
      'a predict task',
      (session: ExamSession) => ({ ...session, tasks: [{ ...session.tasks[0], kind: 'predict' }] }),
    ],
    [
      'an unknown preset',
      (session: ExamSession) => ({ ...session, preset: { ...session.preset, id: 'lpic' } }),
    ],
    ['a bad answer', (session: ExamSession) => ({ ...session, answers: { a: { text: 3, savedAt: 1 } } })],
    ['flags that are not ids', (session: ExamSession) => ({ ...session, flags: [1] })],
    ['a seed that is not whole', (session: ExamSession) => ({ ...session, seed: 0.5 })],
    ['a result without submission', (session: ExamSession) => ({ ...session, result: {} })],
    ['missing time', (session: ExamSession) => ({ ...session, endsAt: undefined })],
  ])('refuses %s with a reason', (_, damage) => {
    const outcome = readExamSession(damage(fresh()));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('exam.invalid-session');
    expect(!outcome.ok && outcome.error.message).toMatch(/^The stored exam is damaged: /);
  });
});
