import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readExerciseForm } from '../../../core/authoring/index.ts';
import { SMALL_FILES } from '../../../core/authoring/test-exercise.ts';
import type { AuthoringValidation, ProposedCheck } from '../../../core/lab-api/index.ts';
import type * as ApiModule from '../lib/api.ts';
import AuthoringEditorView from '../views/AuthoringEditorView.svelte';

const fakeApi = vi.hoisted(() => ({
  getAuthoredExercise: vi.fn(),
  validateAuthoredExercise: vi.fn(),
  proposeChecks: vi.fn(),
  saveAuthoredExercise: vi.fn(),
}));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

const VALID: AuthoringValidation = {
  problems: [],
  solutionPasses: true,
  starterFails: true,
  checksThatNeverFail: [],
  mutants: { made: 4, changing: 4, caught: 4, uncaught: [] },
  valid: true,
};

const PROPOSALS: ProposedCheck[] = [
  {
    id: 'db-to-api-8080',
    from: 'default/db',
    to: 'default/api',
    port: 8080,
    protocol: 'TCP',
    expect: 'deny',
    reason: 'changed',
  },
  {
    id: 'api-to-db-5432',
    from: 'default/api',
    to: 'default/db',
    port: 5432,
    protocol: 'TCP',
    expect: 'allow',
    reason: 'stays-open',
  },
];

// CodeMirror measures text ranges; jsdom has no layout, so give ranges empty geometry.
if (typeof Range.prototype.getClientRects !== 'function') {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
}

beforeEach(() => {
  vi.resetAllMocks();
  fakeApi.validateAuthoredExercise.mockResolvedValue(VALID);
  fakeApi.getAuthoredExercise.mockResolvedValue(SMALL_FILES);
  fakeApi.proposeChecks.mockResolvedValue(PROPOSALS);
  fakeApi.saveAuthoredExercise.mockResolvedValue({ id: 'x', title: 'X', updatedAt: 1, valid: true });
});

describe('AuthoringEditorView', () => {
  it('opens a saved exercise in the form and saves the same exercise back', async () => {
    render(AuthoringEditorView, { exerciseId: 'shop-db-from-api' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit exercise' })).toBeTruthy();
    expect((screen.getByLabelText('Id') as HTMLInputElement).value).toBe('shop-db-from-api');
    expect((screen.getByLabelText('Id') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('Pod 2 name') as HTMLInputElement).value).toBe('db');
    expect((screen.getByLabelText('Pod 1 ports') as HTMLInputElement).value).toBe('http:8080/TCP');
    expect(screen.getByRole('region', { name: 'Task preview' }).innerHTML).toContain('<strong>api</strong>');

    const save = screen.getByRole('button', { name: 'Save' });
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(save);
    await waitFor(() => expect(fakeApi.saveAuthoredExercise).toHaveBeenCalledTimes(1));
    const [files] = fakeApi.saveAuthoredExercise.mock.calls[0] as [typeof SMALL_FILES];
    expect(files.starter).toBe(SMALL_FILES.starter);
    expect(files.solution).toBe(SMALL_FILES.solution);
    expect(readExerciseForm(files.exerciseYaml)).toEqual(readExerciseForm(SMALL_FILES.exerciseYaml));
    expect(await screen.findByText(/Saved X/)).toBeTruthy();
  });

  it('builds a new exercise from the form, keeps proposed checks, and blocks saving while invalid', async () => {
    fakeApi.validateAuthoredExercise.mockResolvedValue({
      ...VALID,
      valid: false,
      starterFails: false,
      problems: [{ severity: 'error', message: 'starter.yaml already passes every graded check' }],
    });
    render(AuthoringEditorView, { exerciseId: null });
    expect(screen.getByRole('heading', { level: 1, name: 'New exercise' })).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Id'), { target: { value: 'two-pods' } });
    await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Two pods' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add pod' }));
    await fireEvent.input(screen.getByLabelText('Pod 1 name'), { target: { value: 'api' } });
    await fireEvent.input(screen.getByLabelText('Pod 1 labels'), { target: { value: 'app=api' } });
    await fireEvent.input(screen.getByLabelText('Pod 1 ports'), { target: { value: 'http:8080/TCP' } });

    await fireEvent.click(screen.getByRole('button', { name: 'Generate checks' }));
    const proposals = await screen.findByRole('list', { name: 'Proposed checks' });
    const keep = within(proposals).getByRole('checkbox', { name: 'Keep db-to-api-8080' }) as HTMLInputElement;
    expect(keep.checked).toBe(true);
    await fireEvent.click(within(proposals).getByRole('checkbox', { name: 'Keep api-to-db-5432' }));

    const validation = screen.getByRole('region', { name: 'Validation' });
    await waitFor(() => expect(validation.textContent).toContain('✗ Starter fails'));
    expect(validation.textContent).toContain('starter.yaml already passes');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByText(/Cannot save yet: starter\.yaml already passes/)).toBeTruthy();

    const [files] = fakeApi.validateAuthoredExercise.mock.lastCall as [typeof SMALL_FILES];
    const form = readExerciseForm(files.exerciseYaml);
    expect(form).toMatchObject({ id: 'two-pods', title: 'Two pods', track: 'my-exercises' });
    expect(form.pods).toEqual([
      { namespace: 'default', name: 'api', labels: 'app=api', ip: '', ports: 'http:8080/TCP' },
    ]);
    expect(form.checks.map((check) => check.id)).toEqual(['db-to-api-8080']);
  });

  it('names field problems before asking the host', async () => {
    render(AuthoringEditorView, { exerciseId: null });
    await fireEvent.click(screen.getByRole('button', { name: 'Add pod' }));
    await fireEvent.input(screen.getByLabelText('Pod 1 ports'), { target: { value: 'http' } });
    const problems = await screen.findByRole('list', { name: 'Problems' });
    expect(problems.textContent).toContain('Pod #1 ports');
  });
});
