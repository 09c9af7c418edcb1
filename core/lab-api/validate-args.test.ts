import { describe, expect, it } from 'vitest';
import { LAB_API_LIMITS, LAB_API_METHODS } from './contract.ts';
import type { LabApiMethod } from './contract.ts';
import { checkLabApiArgs, isLabApiMethod } from './validate-args.ts';

function accepted(method: LabApiMethod, args: unknown): unknown {
  const result = checkLabApiArgs(method, args);
  if (!result.ok) throw new Error(`expected ${method} to accept: ${result.error.message}`);
  return result.value;
}

function rejection(method: LabApiMethod, args: unknown): string {
  const result = checkLabApiArgs(method, args);
  if (result.ok) throw new Error(`expected ${method} to reject ${JSON.stringify(args)}`);
  expect(result.error.code).toBe('invalid-argument');
  return result.error.message;
}

describe('isLabApiMethod', () => {
  it('knows every contract method and nothing else', () => {
    for (const method of LAB_API_METHODS) expect(isLabApiMethod(method)).toBe(true);
    for (const other of ['toString', 'constructor', '__proto__', '', 'getcatalog', 42, null, undefined]) {
      expect(isLabApiMethod(other)).toBe(false);
    }
  });
});

describe('checkLabApiArgs', () => {
  it('rejects an unknown method name passed past the types', () => {
    expect(rejection('nope' as LabApiMethod, [])).toContain('unknown method');
  });

  it('requires an array with exactly the right number of arguments', () => {
    expect(rejection('getCatalog', undefined)).toContain('array of arguments');
    expect(rejection('getCatalog', { 0: 'a' })).toContain('array of arguments');
    expect(rejection('getCatalog', [1])).toContain('takes 0 arguments, got 1');
    expect(rejection('getExercise', [])).toContain('takes 1 argument, got 0');
    expect(rejection('saveDraft', ['a', 'b', 'c'])).toContain('takes 2 arguments, got 3');
  });

  it('accepts the methods without arguments', () => {
    for (const method of ['getStartupInfo', 'getCatalog', 'getProgressOverview', 'getSettings'] as const) {
      expect(accepted(method, [])).toEqual([]);
    }
  });

  it('checks exercise ids in every method that takes one', () => {
    const withId: [LabApiMethod, unknown[]][] = [
      ['getExercise', []],
      ['discardDraft', []],
      ['revealSolution', []],
      ['saveDraft', ['text']],
      ['listAttempts', [10]],
      ['revealHints', [1]],
    ];
    for (const [method, rest] of withId) {
      expect(accepted(method, ['internal-egress', ...rest])).toEqual(['internal-egress', ...rest]);
      expect(rejection(method, [42, ...rest])).toContain('argument 1 (exerciseId) must be a string, got 42');
      expect(rejection(method, ['', ...rest])).toContain('must not be empty');
      expect(rejection(method, ['a'.repeat(LAB_API_LIMITS.maxIdLength + 1), ...rest])).toContain(
        `at most ${LAB_API_LIMITS.maxIdLength} characters`,
      );
      expect(rejection(method, ['bad\nid', ...rest])).toContain('control characters');
    }
    expect(accepted('getExercise', ['a'.repeat(LAB_API_LIMITS.maxIdLength)])).toHaveLength(1);
  });

  it('limits draft text by UTF-8 bytes, not characters', () => {
    const limit = LAB_API_LIMITS.maxTextBytes;
    expect(accepted('saveDraft', ['x', 'a'.repeat(limit)])).toEqual(['x', 'a'.repeat(limit)]);
    expect(accepted('saveDraft', ['x', ''])).toEqual(['x', '']);
    expect(rejection('saveDraft', ['x', 'a'.repeat(limit + 1)])).toContain('argument 2 (text)');
    // "é" is 2 bytes, "€" 3, an emoji 4 (a surrogate pair): each fits in characters, not in bytes.
    expect(rejection('saveDraft', ['x', 'é'.repeat(limit / 2 + 1)])).toContain(`at most ${limit} bytes`);
    expect(accepted('saveDraft', ['x', 'é'.repeat(limit / 2)])).toHaveLength(2);
    expect(rejection('saveDraft', ['x', '€'.repeat(Math.floor(limit / 3) + 1)])).toContain('bytes');
    expect(rejection('saveDraft', ['x', '😀'.repeat(limit / 4 + 1)])).toContain('bytes');
    expect(accepted('saveDraft', ['x', '😀'.repeat(limit / 4)])).toHaveLength(2);
    expect(rejection('saveDraft', ['x', null])).toContain('argument 2 (text) must be a string, got null');
  });

  it('checks a submission object field by field', () => {
    const good = { exerciseId: 'e', answer: 'kind: NetworkPolicy', durationMs: 1500 };
    expect(accepted('submitAttempt', [good])).toEqual([good]);
    expect(accepted('submitAttempt', [{ ...good, durationMs: LAB_API_LIMITS.maxDurationMs }])).toHaveLength(
      1,
    );
    expect(rejection('submitAttempt', ['e'])).toContain('argument 1 (input) must be an object');
    expect(rejection('submitAttempt', [[good]])).toContain('must be an object, got an array');
    expect(rejection('submitAttempt', [{ ...good, extra: 1 }])).toContain('unknown key "extra"');
    expect(rejection('submitAttempt', [{ answer: 'a', durationMs: 1 }])).toContain('input.exerciseId');
    expect(rejection('submitAttempt', [{ ...good, answer: 5 }])).toContain('input.answer must be a string');
    expect(rejection('submitAttempt', [{ ...good, durationMs: -1 }])).toContain('input.durationMs');
    expect(rejection('submitAttempt', [{ ...good, durationMs: 1.5 }])).toContain('whole number');
    expect(rejection('submitAttempt', [{ ...good, durationMs: LAB_API_LIMITS.maxDurationMs + 1 }])).toContain(
      'input.durationMs',
    );
    expect(rejection('submitAttempt', [{ ...good, durationMs: '5' }])).toContain('input.durationMs');
    expect(rejection('submitAttempt', [new Date()])).toContain('plain object');
  });

  it('checks what a terminal answer changed: labels as text maps, deleted policies as names', () => {
    const good = { exerciseId: 'e', answer: '', durationMs: 1 };
    const terminal = {
      namespaceLabels: { prod: { team: 'shop' } },
      podLabels: { 'prod/api': { role: 'api' }, 'prod/db': {} },
      deletedPolicies: [{ namespace: 'prod', name: 'allow-all' }],
    };
    expect(accepted('submitAttempt', [{ ...good, terminal }])).toEqual([{ ...good, terminal }]);
    const withTerminal = (changes: unknown) => rejection('submitAttempt', [{ ...good, terminal: changes }]);
    expect(withTerminal('x')).toContain('input.terminal must be an object');
    expect(withTerminal({ ...terminal, extra: 1 })).toContain('unknown key "extra"');
    expect(withTerminal({ ...terminal, podLabels: { 'prod/api': { role: 7 } } })).toContain(
      'must be a label value',
    );
    expect(withTerminal({ ...terminal, podLabels: { 'prod/api': { role: 'x'.repeat(64) } } })).toContain(
      'must be a label value',
    );
    const tooMany = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`k${index}`, 'v']));
    expect(withTerminal({ ...terminal, namespaceLabels: { prod: tooMany } })).toContain(
      'more than 64 labels',
    );
    expect(withTerminal({ ...terminal, deletedPolicies: 'allow-all' })).toContain('must be a list');
    expect(withTerminal({ ...terminal, deletedPolicies: [{ namespace: 'prod' }] })).toContain(
      'deletedPolicies[0].name',
    );
  });

  it('keeps list limits and hint counts in range', () => {
    expect(accepted('listAttempts', ['e', LAB_API_LIMITS.maxAttemptsListed])).toHaveLength(2);
    expect(rejection('listAttempts', ['e', 0])).toContain('argument 2 (limit) must be a whole number from 1');
    expect(rejection('listAttempts', ['e', LAB_API_LIMITS.maxAttemptsListed + 1])).toContain('limit');
    expect(rejection('listAttempts', ['e', Number.NaN])).toContain('limit');
    expect(accepted('revealHints', ['e', 0])).toEqual(['e', 0]);
    expect(rejection('revealHints', ['e', -1])).toContain('argument 2 (count)');
    expect(rejection('revealHints', ['e', 2.5])).toContain('argument 2 (count)');
    expect(rejection('revealHints', ['e', Infinity])).toContain('argument 2 (count)');
  });

  it('accepts partial settings with only known keys and valid values', () => {
    expect(accepted('updateSettings', [{}])).toEqual([{}]);
    expect(accepted('updateSettings', [{ theme: 'dark' }])).toEqual([{ theme: 'dark' }]);
    expect(accepted('updateSettings', [{ fontSize: 24, theme: 'system' }])).toEqual([
      { fontSize: 24, theme: 'system' },
    ]);
    expect(accepted('updateSettings', [{ theme: undefined, fontSize: 12 }])).toEqual([{ fontSize: 12 }]);
    expect(rejection('updateSettings', [{ theme: 'blue' }])).toContain(
      'changes.theme must be one of "system", "light", "dark", got "blue"',
    );
    expect(rejection('updateSettings', [{ fontSize: 11 }])).toContain('changes.fontSize');
    expect(rejection('updateSettings', [{ fontSize: 25 }])).toContain('from 12 to 24');
    expect(rejection('updateSettings', [{ fontSize: 14.5 }])).toContain('changes.fontSize');
    expect(accepted('updateSettings', [{ editorKeys: 'vim', tabSize: 4 }])).toEqual([
      { editorKeys: 'vim', tabSize: 4 },
    ]);
    expect(accepted('updateSettings', [{ workspace: 'terminal' }])).toEqual([{ workspace: 'terminal' }]);
    expect(rejection('updateSettings', [{ workspace: 'shell' }])).toContain(
      'changes.workspace must be one of "editor", "terminal", got "shell"',
    );
    expect(rejection('updateSettings', [{ editorKeys: 'emacs' }])).toContain(
      'changes.editorKeys must be one of "standard", "vim", got "emacs"',
    );
    expect(rejection('updateSettings', [{ tabSize: 3 }])).toContain('changes.tabSize must be one of 2, 4');
    expect(rejection('updateSettings', [{ tabSize: '2' }])).toContain('changes.tabSize');
    expect(rejection('updateSettings', [{ language: 'en' }])).toContain('unknown key "language"');
    expect(rejection('updateSettings', [null])).toContain('argument 1 (changes) must be an object');
    expect(rejection('updateSettings', [JSON.parse('{"__proto__": {"x": 1}}')])).toContain('unknown key');
  });

  it('checks the export format and the reset confirmation', () => {
    expect(accepted('exportProgress', ['json'])).toEqual(['json']);
    expect(accepted('exportProgress', ['csv'])).toEqual(['csv']);
    expect(rejection('exportProgress', ['xml'])).toContain(
      'argument 1 (format) must be one of "json", "csv"',
    );
    expect(accepted('resetProgress', ['reset'])).toEqual(['reset']);
    expect(rejection('resetProgress', ['RESET'])).toContain('argument 1 (confirmation)');
    expect(rejection('resetProgress', [true])).toContain('got a boolean');
  });

  it('names the method in every message', () => {
    expect(rejection('exportProgress', [1])).toMatch(/^exportProgress: /);
  });
});
