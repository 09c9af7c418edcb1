/**
 * Bad input: ids that name `Object.prototype` properties. A plain `{}` keyed by id answers
 * `constructor` with a function, which once turned exam time into "function Object() …1206".
 */
import { describe, expect, it } from 'vitest';
import {
  customExam,
  moveTo,
  publicView,
  readExamSession,
  saveAnswer,
  startExam,
  submitExam,
} from '../core/exam/index.ts';
import type { ExamOutcome, ExamSession } from '../core/exam/index.ts';
import { DB_SOLUTION, candidate, dbExerciseYaml } from '../core/exam/test-fixtures.ts';
import { parseExercise } from '../core/exercise/index.ts';
import type { Exercise } from '../core/exercise/index.ts';
import { parseManifests } from '../core/netpol/read/manifests.ts';

const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'] as const;
const START = Date.UTC(2026, 2, 10, 12, 0, 0);

function value<T>(outcome: ExamOutcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function exerciseWithId(id: string): Exercise {
  const parsed = parseExercise({
    exerciseYaml: dbExerciseYaml('placeholder'),
    starter: '',
    solution: DB_SOLUTION,
  });
  if (parsed.exercise === undefined) throw new Error(JSON.stringify(parsed.diagnostics));
  return { ...parsed.exercise, id };
}

/** JSON in and out, as the store keeps a session. */
function stored(session: ExamSession): ExamSession {
  return value(readExamSession(JSON.parse(JSON.stringify(session))));
}

describe('ids that name Object properties', () => {
  it.each(PROTOTYPE_IDS)('keeps exam time and answers of a task called %s', (id) => {
    const preset = value(customExam({ tracks: ['foundations'], taskCount: 2, minutes: 20 }));
    let session = value(
      startExam({
        presetOrCustom: preset,
        exercises: [candidate(id), candidate('other')],
        seed: 3,
        now: START,
        id: 'exam-1',
      }),
    );
    const other = id === session.currentTaskId ? 'other' : id;
    const first = session.currentTaskId;
    session = stored(value(saveAnswer(session, id, DB_SOLUTION, START + 1000)));
    session = stored(value(moveTo(session, other, START + 60_000)));
    session = stored(value(moveTo(session, first, START + 90_000)));

    const view = publicView(session, START + 100_000);
    expect(view.timeSpentMs[first]).toBe(70_000);
    expect(view.timeSpentMs[other]).toBe(30_000);
    expect(Object.hasOwn(view.answers, id)).toBe(true);

    const exercises = new Map([id, 'other'].map((taskId) => [taskId, exerciseWithId(taskId)]));
    const submitted = stored(value(submitExam(session, exercises, START + 120_000)));
    const task = submitted.result?.tasks.find((item) => item.exerciseId === id);
    expect(task).toMatchObject({ status: 'graded', score: 100, passed: true });
    expect(typeof task?.timeSpentMs).toBe('number');
    for (const result of submitted.result?.tasks ?? [])
      expect(Number.isFinite(result.timeSpentMs)).toBe(true);
  });

  it.each(PROTOTYPE_IDS)('says spec.%s is an unknown field without quoting Object.prototype', (field) => {
    const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: prod\nspec:\n  podSelector: {}\n  ${field}: 1\n`;
    const { diagnostics } = parseManifests([{ text, source: 'policy.yaml' }]);
    const unknown = diagnostics.find((diagnostic) => diagnostic.id === 'manifest.unknown-field');
    expect(unknown?.message).toContain('allowed fields here are');
    expect(unknown?.message).not.toMatch(/function|native code|\[object/);
  });
});
