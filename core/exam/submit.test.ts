import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/parse-exercise.ts';
import type { Exercise } from '../exercise/types.ts';
import type { GradeResult } from '../grading/types.ts';
import { customExam } from './presets.ts';
import { moveTo, saveAnswer, startExam } from './session.ts';
import { submitExam } from './submit.ts';
import { DB_HALF_RIGHT, DB_SOLUTION, dbExerciseYaml } from './test-fixtures.ts';
import type { ExamGrader, ExamOutcome, ExamSession } from './types.ts';

const START = 1_760_000_000_000;
const MINUTE = 60_000;

function value<T>(outcome: ExamOutcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

function exercise(id: string, examWeight: number): Exercise {
  const parsed = parseExercise({
    exerciseYaml: dbExerciseYaml(id, examWeight),
    starter: '',
    solution: DB_SOLUTION,
  });
  if (parsed.exercise === undefined) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.exercise;
}

/** Three tasks worth 2, 3 and 5 points. */
const EXERCISES = [exercise('alpha', 2), exercise('beta', 3), exercise('gamma', 5)];
const BY_ID = new Map(EXERCISES.map((item) => [item.id, item]));

function session(passMark = 66): ExamSession {
  const preset = value(customExam({ tracks: ['foundations'], taskCount: 3, minutes: 30, passMark }));
  return value(startExam({ presetOrCustom: preset, exercises: EXERCISES, seed: 11, now: START, id: 'exam' }));
}

function answer(current: ExamSession, answers: Record<string, string>, at = START + MINUTE): ExamSession {
  let next = current;
  for (const [id, text] of Object.entries(answers)) next = value(saveAnswer(next, id, text, at));
  return next;
}

/** A grader that returns a fixed score per exercise, for arithmetic tests. */
function fixedScores(scores: Record<string, number>): ExamGrader {
  return (target, text) =>
    ({
      exerciseId: target.id,
      contentHash: target.contentHash,
      kind: target.kind,
      passed: scores[target.id] === 100,
      score: scores[target.id] ?? 0,
      checks: [],
      differences: [],
      diagnostics: [],
      lint: [],
      answer: text,
    }) as GradeResult;
}

describe('submitExam with the core grader', () => {
  it('grades each answer, counts unanswered as zero and weighs by points', () => {
    const running = answer(session(), { alpha: DB_SOLUTION, beta: DB_HALF_RIGHT, gamma: '   ' });
    const submitted = value(submitExam(running, BY_ID, START + 10 * MINUTE));
    const result = submitted.result;
    expect(submitted.submittedAt).toBe(START + 10 * MINUTE);
    expect(result).not.toBeNull();
    if (result === null) return;
    const byId = Object.fromEntries(result.tasks.map((task) => [task.exerciseId, task]));
    expect(byId.alpha).toMatchObject({
      status: 'graded',
      score: 100,
      passed: true,
      points: 2,
      earnedPoints: 2,
    });
    // Beta's answer only keeps what the starter already did, so it earns nothing.
    expect(byId.beta).toMatchObject({
      status: 'graded',
      score: 0,
      passed: false,
      points: 3,
      earnedPoints: 0,
    });
    expect(byId.gamma).toMatchObject({
      status: 'unanswered',
      score: 0,
      points: 5,
      earnedPoints: 0,
      grade: null,
    });
    expect(byId.alpha?.grade?.checks.map((check) => check.code)).toEqual(['reach.ok', 'reach.ok']);
    expect(result).toMatchObject({
      totalPoints: 10,
      earnedPoints: 2,
      percent: 20,
      passMark: 66,
      passed: false,
      autoSubmitted: false,
      elapsedMs: 10 * MINUTE,
      answeredCount: 2,
    });
    expect(result.tasks.map((task) => task.exerciseId)).toEqual(running.tasks.map((task) => task.exerciseId));
    expect(JSON.parse(JSON.stringify(submitted))).toEqual(submitted);
  });

  it('passes a fully answered exam', () => {
    const running = answer(session(), { alpha: DB_SOLUTION, beta: DB_SOLUTION, gamma: DB_SOLUTION });
    const result = value(submitExam(running, BY_ID, START + MINUTE)).result;
    expect(result).toMatchObject({ percent: 100, passed: true, earnedPoints: 10 });
  });

  it('accepts the catalogue as a plain object too', () => {
    const running = answer(session(), { alpha: DB_SOLUTION });
    const byRecord = Object.fromEntries(EXERCISES.map((item) => [item.id, item]));
    expect(value(submitExam(running, byRecord, START + MINUTE)).result?.earnedPoints).toBe(2);
  });
});

describe('submitExam rules', () => {
  it('decides pass or fail exactly at the pass mark', () => {
    // 2 × 100 + 3 × 100 + 5 × 32 = 660 hundredths of 10 points: exactly 66%.
    const grader = fixedScores({ alpha: 100, beta: 100, gamma: 32 });
    const running = answer(session(66), { alpha: 'a', beta: 'b', gamma: 'c' });
    expect(value(submitExam(running, BY_ID, START + MINUTE, grader)).result).toMatchObject({
      percent: 66,
      passed: true,
    });
    const lower = fixedScores({ alpha: 100, beta: 100, gamma: 31 });
    expect(value(submitExam(running, BY_ID, START + MINUTE, lower)).result).toMatchObject({
      percent: 65,
      passed: false,
    });
  });

  it('marks a submission at or after the end as automatic and caps the elapsed time', () => {
    const running = session();
    const late = value(submitExam(running, BY_ID, running.endsAt + 3 * 60 * MINUTE, fixedScores({})));
    expect(late.result).toMatchObject({
      autoSubmitted: true,
      elapsedMs: 30 * MINUTE,
      passed: false,
      percent: 0,
    });
    expect(value(submitExam(running, BY_ID, running.endsAt, fixedScores({}))).result?.autoSubmitted).toBe(
      true,
    );
    expect(value(submitExam(running, BY_ID, running.endsAt - 1, fixedScores({}))).result?.autoSubmitted).toBe(
      false,
    );
  });

  it('closes the running stint into the time per task, never past the end', () => {
    const running = session();
    const [first, second] = running.tasks.map((task) => task.exerciseId) as [string, string];
    const moved = value(moveTo(running, second, START + 4 * MINUTE));
    const submitted = value(submitExam(moved, BY_ID, moved.endsAt + MINUTE, fixedScores({})));
    const spent = Object.fromEntries(
      submitted.result?.tasks.map((task) => [task.exerciseId, task.timeSpentMs]) ?? [],
    );
    expect(spent[first]).toBe(4 * MINUTE);
    expect(spent[second]).toBe(26 * MINUTE);
    expect(submitted.timeSpentMs[second]).toBe(26 * MINUTE);
  });

  it('reports flags per task', () => {
    const running = { ...session(), flags: ['beta'] };
    const tasks = value(submitExam(running, BY_ID, START, fixedScores({}))).result?.tasks ?? [];
    expect(tasks.find((task) => task.exerciseId === 'beta')?.flagged).toBe(true);
    expect(tasks.find((task) => task.exerciseId === 'alpha')?.flagged).toBe(false);
  });

  it('scores a task whose exercise left the catalogue, or whose grading threw, as zero', () => {
    const running = answer(session(), { alpha: 'a', beta: 'b', gamma: 'c' });
    const throwing: ExamGrader = (target) => {
      if (target.id === 'beta') throw new Error('boom');
      return fixedScores({ gamma: 100 })(target, '');
    };
    const withoutAlpha = new Map([...BY_ID].filter(([id]) => id !== 'alpha'));
    const result = value(submitExam(running, withoutAlpha, START, throwing)).result;
    const status = Object.fromEntries(result?.tasks.map((task) => [task.exerciseId, task.status]) ?? []);
    expect(status).toEqual({ alpha: 'missing', beta: 'grading-failed', gamma: 'graded' });
    expect(result?.earnedPoints).toBe(5);
  });

  it('clamps odd scores from a custom grader', () => {
    const running = answer(session(), { alpha: 'a', beta: 'b', gamma: 'c' });
    const result = value(
      submitExam(running, BY_ID, START, fixedScores({ alpha: 250, beta: Number.NaN, gamma: 33.4 })),
    ).result;
    expect(result?.tasks.map((task) => task.score).sort((a, b) => a - b)).toEqual([0, 33, 100]);
  });

  it('submits only once', () => {
    const submitted = value(submitExam(session(), BY_ID, START, fixedScores({})));
    const again = submitExam(submitted, BY_ID, START + 1, fixedScores({}));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe('exam.submitted');
    expect(submitExam(session(), BY_ID, Number.NaN).ok).toBe(false);
  });
});
