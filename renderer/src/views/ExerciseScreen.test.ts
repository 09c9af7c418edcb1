import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type * as ApiModule from '../lib/api.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LabApiClientError } from '../lib/api.ts';
import type { GradeResult } from '../../../core/grading/types.ts';
import type { SubmitAttemptOutput } from '../../../core/lab-api/index.ts';
import { freshProgress, predictExercise, writeExercise } from '../exercise/test-fixtures.ts';
import ExerciseScreen from '../exercise/components/ExerciseScreen.svelte';

const fakeApi = vi.hoisted(() => ({
  getExercise: vi.fn(),
  listAttempts: vi.fn(),
  saveDraft: vi.fn(),
  submitAttempt: vi.fn(),
  revealHints: vi.fn(),
  revealSolution: vi.fn(),
}));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

function failingGrade(): GradeResult {
  return {
    exerciseId: 'web-to-db',
    contentHash: 'hash',
    kind: 'write',
    passed: false,
    score: 50,
    diagnostics: [],
    lint: [],
    differences: [],
    checks: [
      {
        id: 'web-to-db',
        type: 'reach',
        passed: true,
        status: 'passed',
        code: 'reach.ok',
        expected: 'allow',
        actual: 'allow',
        informational: false,
        weight: 1,
        requirement: 'behaviour',
        connection: 'prod/web -> prod/db on 5432/TCP',
        explanation: ['ALLOWED: prod/web -> prod/db on 5432/TCP'],
      },
      {
        id: 'batch-to-db',
        type: 'reach',
        passed: false,
        status: 'failed',
        code: 'reach.unexpected-allow',
        expected: 'deny',
        actual: 'allow',
        informational: false,
        weight: 1,
        requirement: 'behaviour',
        connection: 'prod/batch -> prod/db on 5432/TCP',
        note: 'Select **db** and list only web as a peer.',
        explanation: ['ALLOWED: prod/batch -> prod/db on 5432/TCP', 'Ingress to prod/db: not isolated'],
      },
    ],
  };
}

function submitOutput(grade: GradeResult): SubmitAttemptOutput {
  return {
    grade,
    attempt: {
      id: 7,
      exerciseId: grade.exerciseId,
      exerciseVersion: 'hash',
      yaml: '',
      score: grade.score,
      passed: grade.passed,
      durationMs: 1000,
      createdAt: Date.UTC(2025, 0, 1, 12),
    },
    progress: freshProgress(grade.exerciseId, { attemptCount: 1, bestScore: grade.score }),
    repeated: false,
  };
}

describe('ExerciseScreen', () => {
  beforeEach(() => {
    localStorage.clear();
    for (const method of Object.values(fakeApi)) method.mockReset();
    fakeApi.listAttempts.mockResolvedValue([]);
    fakeApi.saveDraft.mockResolvedValue({ updatedAt: 1 });
  });

  it('renders the task, the cluster and the editor', async () => {
    fakeApi.getExercise.mockResolvedValue(writeExercise());
    render(ExerciseScreen, { exerciseId: 'web-to-db' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Only web reaches the database' }),
    ).toBeTruthy();
    const task = screen.getByRole('region', { name: 'Task' });
    expect(within(task).getByText('web').tagName).toBe('STRONG');
    const pods = screen.getByRole('table', { name: 'Pods' });
    expect(
      within(pods)
        .getAllByRole('row')
        .map((row) => row.children[1]?.textContent),
    ).toEqual(['Pod', 'web', 'db', 'batch']);
    expect(await screen.findByRole('group', { name: 'Reachability graph' })).toBeTruthy();
    const editor = screen.getByRole('textbox', { name: 'Policy YAML' });
    expect(editor.getAttribute('aria-multiline')).toBe('true');
    expect(editor.textContent).toContain('Write your NetworkPolicy here');
    expect(screen.getByRole('link', { name: 'Back to catalog' }).getAttribute('href')).toBe('#/');
    expect(screen.getByRole('button', { name: 'Check' }).getAttribute('aria-keyshortcuts')).toBe(
      'Control+Enter',
    );
    expect(screen.getByRole('link', { name: 'Next exercise' }).getAttribute('href')).toBe(
      '#/exercise/next-one',
    );
  });

  it('shows a failing check with its explanation and note after Check', async () => {
    fakeApi.getExercise.mockResolvedValue(writeExercise());
    const output = submitOutput(failingGrade());
    fakeApi.submitAttempt.mockResolvedValue(output);
    fakeApi.listAttempts.mockResolvedValueOnce([]).mockResolvedValue([output.attempt]);
    render(ExerciseScreen, { exerciseId: 'web-to-db' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Check' }));
    const summary = await screen.findByRole('heading', { level: 2, name: 'Not passed' });
    expect(document.activeElement).toBe(summary);
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByText('1 of 2 checks pass')).toBeTruthy();
    expect(within(results).getByText('Score 50%')).toBeTruthy();
    const failed = within(results)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('batch-to-db'));
    expect(failed?.textContent).toContain('failed');
    expect(failed?.textContent).toContain('prod/batch -> prod/db on 5432/TCP');
    expect(failed?.textContent).toContain('Ingress to prod/db: not isolated');
    expect(failed?.querySelector('strong')?.textContent).toBe('deny');
    expect(within(failed as HTMLElement).getByText('db').tagName).toBe('STRONG');
    const input = fakeApi.submitAttempt.mock.calls[0]?.[0];
    expect(input).toMatchObject({ exerciseId: 'web-to-db', answer: '# Write your NetworkPolicy here\n' });
    expect(input.durationMs).toBeGreaterThanOrEqual(0);
    expect(await screen.findByRole('button', { name: /^Attempt 1 — 50% — / })).toBeTruthy();
  });

  it('marks matrix cells that differ from the checks', async () => {
    fakeApi.getExercise.mockResolvedValue(writeExercise());
    render(ExerciseScreen, { exerciseId: 'web-to-db' });
    const matrix = await screen.findByRole('grid', { name: 'Reachability matrix' });
    const cell = within(matrix).getByLabelText(
      'prod/batch to prod/db on 5432/TCP: expected deny, yours allow',
    );
    expect(cell.textContent).toContain('≠');
  });

  it('offers Allow/Deny radiogroups for a predict exercise and sends the answers as YAML', async () => {
    fakeApi.getExercise.mockResolvedValue(predictExercise());
    fakeApi.submitAttempt.mockResolvedValue(submitOutput({ ...failingGrade(), kind: 'predict' }));
    render(ExerciseScreen, { exerciseId: 'predict-web' });
    const group = await screen.findByRole('radiogroup', { name: 'default/web -> default/db on 3306/TCP' });
    expect(screen.queryByRole('textbox', { name: 'Policy YAML' })).toBeNull();
    await fireEvent.click(within(group).getByRole('radio', { name: 'Deny' }));
    const other = screen.getByRole('radiogroup', { name: 'default/db -> default/web on 80/TCP' });
    await fireEvent.click(within(other).getByRole('radio', { name: 'Allow' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByRole('heading', { level: 2, name: 'Not passed' });
    expect(fakeApi.submitAttempt.mock.calls[0]?.[0].answer).toBe('web-to-db: deny\ndb-to-web: allow\n');
  });

  it('reveals hints one by one and asks before showing the solution', async () => {
    fakeApi.getExercise.mockResolvedValue(writeExercise());
    fakeApi.revealHints.mockResolvedValue(freshProgress('web-to-db', { hintsRevealed: 1 }));
    fakeApi.revealSolution.mockResolvedValue({
      solution: 'kind: NetworkPolicy\n',
      progress: freshProgress('web-to-db'),
    });
    render(ExerciseScreen, { exerciseId: 'web-to-db' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Show hint' }));
    const hints = await screen.findByRole('list', { name: 'Hints' });
    expect(
      within(hints)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.trim()),
    ).toEqual(['Select the database pod.']);
    expect(fakeApi.revealHints).toHaveBeenCalledWith('web-to-db', 1);
    await fireEvent.click(screen.getByRole('button', { name: 'Show solution' }));
    const dialog = screen.getByRole('dialog', { name: 'Show the reference solution?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Show solution' }));
    const solution = await screen.findByRole('region', { name: 'Reference solution' });
    expect(solution.textContent).toContain('kind: NetworkPolicy');
  });

  it('says when the exercise does not exist', async () => {
    fakeApi.getExercise.mockRejectedValue(new LabApiClientError('not-found', 'No exercise "nope".'));
    render(ExerciseScreen, { exerciseId: 'nope' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This exercise does not exist' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to catalog' })).toBeTruthy();
  });

  it('shows host errors in an alert', async () => {
    fakeApi.getExercise.mockRejectedValue(new LabApiClientError('unavailable', 'The host stopped.'));
    render(ExerciseScreen, { exerciseId: 'web-to-db' });
    expect((await screen.findByRole('alert')).textContent).toContain('The host stopped.');
  });

  it('explains a matrix cell in the why panel, and closes it on Escape', async () => {
    fakeApi.getExercise.mockResolvedValue(writeExercise());
    render(ExerciseScreen, { exerciseId: 'web-to-db' });
    const matrix = await screen.findByRole('grid', { name: 'Reachability matrix' });
    const cell = within(matrix).getByLabelText(
      'prod/batch to prod/db on 5432/TCP: expected deny, yours allow',
    );
    await fireEvent.click(cell);
    const panel = await screen.findByRole('dialog', { name: 'Why this connection?' });
    expect(await within(panel).findByText('Allowed')).toBeTruthy();
    expect(within(panel).getByRole('region', { name: 'Ingress, arriving at prod/db' }).textContent).toContain(
      'not isolated for ingress',
    );
    await fireEvent.keyDown(within(panel).getByRole('heading', { name: 'Why this connection?' }), {
      key: 'Escape',
    });
    expect(screen.queryByRole('dialog', { name: 'Why this connection?' })).toBeNull();
    expect(document.activeElement).toBe(cell);
  });

  it('keeps the engine answers hidden in a predict exercise until the first Check', async () => {
    fakeApi.getExercise.mockResolvedValue(predictExercise());
    render(ExerciseScreen, { exerciseId: 'predict-web' });
    const matrix = await screen.findByRole('grid', { name: 'Reachability matrix' });
    await fireEvent.click(within(matrix).getByLabelText(/^default\/web to default\/db on 3306\/TCP/));
    const panel = await screen.findByRole('dialog', { name: 'Why this connection?' });
    expect(within(panel).getByText(/Check your predictions first/)).toBeTruthy();
    expect(within(panel).queryByText('Denied')).toBeNull();
  });
});
