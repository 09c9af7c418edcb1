import { describe, expect, it } from 'vitest';
import { changeDiff } from './change-diff.ts';
import { DB_POLICY, writeExercise } from './test-fixtures.ts';

describe('changeDiff', () => {
  it('names the connections an answer changed, with the engine explaining the new verdict', () => {
    const diff = changeDiff(writeExercise(), '', DB_POLICY);
    if (!diff.ok) throw new Error(diff.message);
    expect(diff.result.same).toBe(false);
    const texts = diff.result.lines.map((line) => line.text);
    // Only web may reach db now, on 5432: everything else to db went from allowed to denied.
    expect(
      texts.every((text) => text.includes('to prod/db') && text.endsWith('before allows, now denies')),
    ).toBe(true);
    expect(diff.result.lines[0]?.rightExplanation[0]).toMatch(/^DENIED/);
  });

  it('finds nothing when only the wording changed', () => {
    const reworded = DB_POLICY.replace('  policyTypes: [Ingress]\n', '');
    const diff = changeDiff(writeExercise(), DB_POLICY, reworded);
    expect(diff.ok && diff.result.same).toBe(true);
  });

  it('says which side cannot be compared', () => {
    const diff = changeDiff(writeExercise(), DB_POLICY, 'kind: [');
    expect(diff).toEqual({ ok: false, message: 'Your answer has errors, so it cannot be compared.' });
  });
});
