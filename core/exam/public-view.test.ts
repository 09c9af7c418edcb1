import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/parse-exercise.ts';
import { customExam } from './presets.ts';
import { examExerciseView, publicView } from './public-view.ts';
import { moveTo, startExam } from './session.ts';
import { submitExam } from './submit.ts';
import { DB_SOLUTION, dbExerciseYaml } from './test-fixtures.ts';
import type { ExamOutcome } from './types.ts';

const START = 1_760_000_000_000;
const MINUTE = 60_000;

function value<T>(outcome: ExamOutcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const parsed = parseExercise({
  exerciseYaml: dbExerciseYaml('alpha'),
  starter: 'starter text',
  solution: DB_SOLUTION,
});
const EXERCISE = parsed.exercise!;

function running() {
  const preset = value(customExam({ tracks: ['foundations'], taskCount: 1, minutes: 10 }));
  return value(startExam({ presetOrCustom: preset, exercises: [EXERCISE], seed: 1, now: START, id: 'e' }));
}

describe('publicView', () => {
  it('shows a running exam with the time left and no result', () => {
    const view = publicView(running(), START + 4 * MINUTE);
    expect(view).toMatchObject({
      id: 'e',
      presetId: 'custom',
      status: 'running',
      remainingMs: 6 * MINUTE,
      currentTaskId: 'alpha',
      timeSpentMs: { alpha: 4 * MINUTE },
      result: null,
      submittedAt: null,
    });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('holds back a result that is present on a session not yet submitted', () => {
    const submitted = value(submitExam(running(), new Map([['alpha', EXERCISE]]), START + MINUTE));
    const tampered = { ...submitted, submittedAt: null };
    expect(publicView(tampered, START + 2 * MINUTE).result).toBeNull();
  });

  it('shows the result once submitted, and an expired exam as expired', () => {
    const session = running();
    expect(publicView(session, session.endsAt).status).toBe('expired');
    const submitted = value(submitExam(session, new Map([['alpha', EXERCISE]]), START + MINUTE));
    const view = publicView(submitted, START + 2 * MINUTE);
    expect(view.status).toBe('submitted');
    expect(view.remainingMs).toBe(0);
    expect(view.result).toEqual(submitted.result);
    expect(view.timeSpentMs).toEqual({ alpha: MINUTE });
  });

  it('does not count time on a moved-away task twice', () => {
    const session = running();
    const same = value(moveTo(session, 'alpha', START + MINUTE));
    expect(publicView(same, START + 3 * MINUTE).timeSpentMs).toEqual({ alpha: 3 * MINUTE });
  });
});

describe('exam titles', () => {
  const titled = parseExercise({
    exerciseYaml: dbExerciseYaml('alpha').replace(
      'track: foundations',
      'examTitle: Guard the prod database\ntrack: foundations',
    ),
    starter: '',
    solution: DB_SOLUTION,
  }).exercise!;
  const catalogueTitle = 'Only the API reaches the database';

  function runningTitled() {
    const preset = value(customExam({ tracks: ['foundations'], taskCount: 1, minutes: 10 }));
    return value(startExam({ presetOrCustom: preset, exercises: [titled], seed: 1, now: START, id: 't' }));
  }

  it('a running exam shows the exam title and never the catalogue title', () => {
    const session = runningTitled();
    const view = publicView(session, START + MINUTE);
    expect(view.tasks.map((task) => task.title)).toEqual(['Guard the prod database']);
    expect(view.tasks[0]).not.toHaveProperty('catalogueTitle');
    expect(JSON.stringify(view)).not.toContain(catalogueTitle);
    // Expired but not yet submitted is still the exam.
    expect(JSON.stringify(publicView(session, session.endsAt + MINUTE))).not.toContain(catalogueTitle);
    const task = examExerciseView(titled);
    expect(task.title).toBe('Guard the prod database');
    expect(task).not.toHaveProperty('examTitle');
    expect(JSON.stringify(task)).not.toContain(catalogueTitle);
  });

  it('a submitted exam shows both titles', () => {
    const submitted = value(submitExam(runningTitled(), new Map([['alpha', titled]]), START + MINUTE));
    const [task] = publicView(submitted, START + 2 * MINUTE).tasks;
    expect(task).toMatchObject({ title: 'Guard the prod database', catalogueTitle });
  });

  it('an exercise without an exam title keeps its title everywhere', () => {
    const [task] = publicView(running(), START + MINUTE).tasks;
    expect(task?.title).toBe(catalogueTitle);
    expect(task).not.toHaveProperty('catalogueTitle');
    expect(examExerciseView(EXERCISE).title).toBe(catalogueTitle);
  });
});

describe('examExerciseView', () => {
  it('keeps the task and cluster but drops hints, checks and the solution', () => {
    const view = examExerciseView(EXERCISE);
    expect(view).toMatchObject({ id: 'alpha', task: EXERCISE.task, starter: 'starter text' });
    expect(view.cluster).toEqual(EXERCISE.cluster);
    const text = JSON.stringify(view);
    expect(text).not.toContain('Select the database pods');
    expect(text).not.toContain('api-to-db');
    expect(view).not.toHaveProperty('solution');
    expect(view).not.toHaveProperty('hints');
    expect(view).not.toHaveProperty('checks');
  });
});
