import { describe, expect, it } from 'vitest';
import { ArgumentProblem } from './argument-checks.ts';
import { LAB_API_LIMITS } from './contract.ts';
import { checkLabApiArgs } from './validate-args.ts';
import { examArgCheckers } from './validate-exam-args.ts';
import type { ExamMethod } from './validate-exam-args.ts';

function accepted(method: ExamMethod, args: unknown[]): unknown {
  const checker = examArgCheckers[method];
  expect(args.length).toBeLessThanOrEqual(checker.count);
  expect(args.length).toBeGreaterThanOrEqual(checker.count - (checker.optional ?? 0));
  return checker.check(args);
}

function rejection(method: ExamMethod, args: unknown[]): string {
  try {
    examArgCheckers[method].check(args);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentProblem);
    return (error as Error).message;
  }
  throw new Error(`expected ${method} to reject ${JSON.stringify(args)}`);
}

describe('examArgCheckers', () => {
  it('covers the twelve exam methods with the right argument counts', () => {
    const counts = Object.fromEntries(
      Object.entries(examArgCheckers).map(([method, checker]) => [method, checker.count]),
    );
    expect(counts).toEqual({
      listExamPresets: 0,
      startExam: 1,
      getActiveExam: 0,
      getExam: 1,
      getExamTask: 2,
      saveExamAnswer: 4,
      toggleExamFlag: 2,
      moveExamTask: 2,
      submitExam: 1,
      getExamReview: 1,
      listExamHistory: 0,
      retakeExam: 1,
    });
  });

  it('accepts a preset start with or without a seed', () => {
    expect(accepted('startExam', [{ presetId: 'cka' }])).toEqual([{ presetId: 'cka' }]);
    expect(accepted('startExam', [{ presetId: 'cks', seed: -42 }])).toEqual([{ presetId: 'cks', seed: -42 }]);
    expect(accepted('startExam', [{ presetId: 'ckad', seed: undefined }])).toEqual([{ presetId: 'ckad' }]);
  });

  it('accepts a custom start and drops an undefined pass mark', () => {
    const custom = { tracks: ['foundations', 'selectors'], taskCount: 2, minutes: 5 };
    expect(accepted('startExam', [{ custom: { ...custom, passMark: undefined }, seed: 7 }])).toEqual([
      { custom, seed: 7 },
    ]);
    expect(accepted('startExam', [{ custom: { ...custom, passMark: 80 } }])).toEqual([
      { custom: { ...custom, passMark: 80 } },
    ]);
  });

  it('rejects malformed start inputs with a message naming the field', () => {
    expect(rejection('startExam', [null])).toContain('argument 1 (input) must be an object');
    expect(rejection('startExam', [{}])).toContain('exactly one of presetId and custom');
    expect(
      rejection('startExam', [{ presetId: 'cka', custom: { tracks: ['a'], taskCount: 1, minutes: 5 } }]),
    ).toContain('exactly one of presetId and custom');
    expect(rejection('startExam', [{ presetId: 'lfcs' }])).toContain('input.presetId must be one of');
    expect(rejection('startExam', [{ presetId: 'cka', seed: 1.5 }])).toContain('input.seed');
    expect(rejection('startExam', [{ presetId: 'cka', seed: '1' }])).toContain('input.seed');
    expect(rejection('startExam', [{ presetId: 'cka', extra: 1 }])).toContain('unknown key "extra"');
    const custom = { tracks: ['foundations'], taskCount: 2, minutes: 5 };
    expect(rejection('startExam', [{ custom: { ...custom, tracks: [] } }])).toContain('at least one track');
    expect(rejection('startExam', [{ custom: { ...custom, tracks: 'foundations' } }])).toContain(
      'must be an array',
    );
    expect(rejection('startExam', [{ custom: { ...custom, tracks: [3] } }])).toContain(
      'input.custom.tracks[0] must be a string',
    );
    expect(rejection('startExam', [{ custom: { ...custom, taskCount: 0 } }])).toContain(
      'input.custom.taskCount must be a whole number from 1 to 20',
    );
    expect(rejection('startExam', [{ custom: { ...custom, minutes: 4 } }])).toContain(
      'input.custom.minutes must be a whole number from 5 to 180',
    );
    expect(rejection('startExam', [{ custom: { ...custom, passMark: 101 } }])).toContain(
      'input.custom.passMark',
    );
    expect(rejection('startExam', [{ custom: { ...custom, seed: 1 } }])).toContain('unknown key "seed"');
  });

  it('checks exam and exercise ids', () => {
    expect(accepted('getExam', ['exam-1'])).toEqual(['exam-1']);
    expect(accepted('getExamTask', ['exam-1', 'default-deny'])).toEqual(['exam-1', 'default-deny']);
    expect(rejection('getExam', [42])).toContain('argument 1 (examId) must be a string, got 42');
    expect(rejection('submitExam', [''])).toContain('must not be empty');
    expect(rejection('retakeExam', ['a'.repeat(LAB_API_LIMITS.maxIdLength + 1)])).toContain('at most');
    expect(rejection('toggleExamFlag', ['exam-1', null])).toContain('argument 2 (exerciseId)');
    expect(rejection('moveExamTask', ['exam-1', 'a\nb'])).toContain('control characters');
  });

  it('limits the size of a saved answer', () => {
    expect(accepted('saveExamAnswer', ['exam-1', 'task', 'kind: NetworkPolicy\n'])).toEqual([
      'exam-1',
      'task',
      'kind: NetworkPolicy\n',
    ]);
    expect(rejection('saveExamAnswer', ['exam-1', 'task', 5])).toContain(
      'argument 3 (text) must be a string',
    );
    expect(
      rejection('saveExamAnswer', ['exam-1', 'task', 'x'.repeat(LAB_API_LIMITS.maxTextBytes + 1)]),
    ).toContain('bytes of UTF-8');
  });

  it('takes an optional terminal session of text, limited like a draft', () => {
    expect(accepted('saveExamAnswer', ['exam-1', 'task', 'a', '# session'])).toEqual([
      'exam-1',
      'task',
      'a',
      '# session',
    ]);
    expect(accepted('saveExamAnswer', ['exam-1', 'task', 'a', undefined])).toEqual(['exam-1', 'task', 'a']);
    expect(accepted('saveExamAnswer', ['exam-1', 'task', 'a', ''])).toEqual(['exam-1', 'task', 'a', '']);
    expect(rejection('saveExamAnswer', ['exam-1', 'task', 'a', 7])).toContain(
      'argument 4 (terminal) must be a string, got 7',
    );
    expect(rejection('saveExamAnswer', ['exam-1', 'task', 'a', null])).toContain(
      'argument 4 (terminal) must be a string, got null',
    );
    expect(rejection('saveExamAnswer', ['exam-1', 'task', 'a', { screen: '' }])).toContain(
      'argument 4 (terminal) must be a string',
    );
    expect(
      rejection('saveExamAnswer', ['exam-1', 'task', 'a', 'x'.repeat(LAB_API_LIMITS.maxTextBytes + 1)]),
    ).toContain('argument 4 (terminal) must be at most');
    const wrongCount = (args: unknown[]): unknown => {
      const outcome = checkLabApiArgs('saveExamAnswer', args);
      return outcome.ok ? 'accepted' : outcome.error.message;
    };
    expect(wrongCount(['exam-1', 'task'])).toContain('takes 3 to 4 arguments, got 2');
    expect(wrongCount(['exam-1', 'task', 'a', 'b', 'c'])).toContain('takes 3 to 4 arguments, got 5');
    expect(wrongCount(['exam-1', 'task', 'a'])).toBe('accepted');
    expect(wrongCount(['exam-1', 'task', 'a', 'b'])).toBe('accepted');
  });
});
