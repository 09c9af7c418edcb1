import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import type { CheckResult, GradeResult } from '../../../../core/grading/types.ts';
import ResultsSection from './ResultsSection.svelte';

afterEach(() => cleanup());

function check(id: string, passed: boolean, extra: Partial<CheckResult> = {}): CheckResult {
  return {
    id,
    type: 'reach',
    passed,
    status: passed ? 'passed' : 'failed',
    code: passed ? 'reach.ok' : 'reach.unexpected-allow',
    expected: 'deny',
    actual: passed ? 'deny' : 'allow',
    informational: false,
    weight: 1,
    requirement: 'behaviour',
    connection: `prod/${id} -> prod/db on 3306/TCP`,
    explanation: [`${passed ? 'DENIED' : 'ALLOWED'}: prod/${id} -> prod/db on 3306/TCP`],
    ...extra,
  };
}

function grade(extra: Partial<GradeResult> = {}): GradeResult {
  return {
    exerciseId: 'db',
    contentHash: 'hash',
    kind: 'write',
    passed: false,
    score: 50,
    checks: [
      check('web', true),
      check('batch', false),
      check('shape', true, {
        type: 'policy',
        requirement: 'form',
        code: 'policy.ok',
        expected: 'db-policy',
        actual: 'db-policy',
      }),
    ],
    differences: [
      {
        text: 'from prod/exporter to prod/db, TCP all ports: the task denies, yours allows',
        from: 'prod/exporter',
        to: 'prod/db',
        ports: 'TCP all ports',
        expected: 'deny',
        actual: 'allow',
        connection: 'prod/exporter -> prod/db on 1/TCP',
        explanation: ['ALLOWED: prod/exporter -> prod/db on 1/TCP'],
      },
    ],
    diagnostics: [],
    lint: [],
    ...extra,
  };
}

describe('ResultsSection', () => {
  it('lists failures first, folds passing checks away, shows the form apart and the other differences', () => {
    render(ResultsSection, { grade: grade(), firstPass: false });
    const results = screen.getByRole('region', { name: 'Results' });
    const lists = within(results)
      .getAllByRole('list')
      .filter((list) => list.getAttribute('aria-label') !== 'Why');
    expect(lists.map((list) => list.getAttribute('aria-label'))).toEqual([
      'Failing checks',
      'Other connections that differ from the task',
      'Form the task states',
      'Passing checks',
    ]);
    expect(within(lists[0]!).getByText('batch')).toBeTruthy();
    expect(within(lists[1]!).getByText(/the\s+task/).textContent).toContain('prod/exporter');
    expect(screen.getByText('1 other region differs')).toBeTruthy();
    const folded = screen.getByText('1 passing check').closest('details');
    expect(folded?.open).toBe(false);
  });

  it('gives an answer that could not be graded one message and no list of checks', () => {
    const invalid = 'Nothing was graded: the answer has an error. Fix it and check again. First: bad indent';
    render(ResultsSection, {
      grade: grade({
        invalid,
        score: 0,
        differences: [],
        checks: [
          check('web', false, {
            status: 'not-run',
            code: 'check.not-run',
            actual: 'not run',
            explanation: [invalid],
          }),
        ],
      }),
      firstPass: false,
    });
    expect(screen.getByRole('heading', { name: 'Not graded' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(invalid);
    expect(screen.queryByRole('list', { name: 'Failing checks' })).toBeNull();
    expect(screen.queryByText('not run')).toBeNull();
  });

  it('says what the learner predicted and what the engine says', () => {
    render(ResultsSection, {
      grade: grade({
        kind: 'predict',
        differences: [],
        checks: [check('batch', false, { code: 'predict.wrong', expected: 'deny', actual: 'allow' })],
      }),
      firstPass: false,
    });
    const wrong = screen.getByRole('list', { name: 'Wrong answers' });
    expect(
      within(wrong)
        .getByText(/You predicted/)
        .textContent?.replace(/\s+/g, ' '),
    ).toBe('You predicted allow; the engine says deny');
  });
});
