import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type * as ApiModule from '../lib/api.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExamPublicView } from '../../../core/exam/index.ts';
import type { ExamTaskExercise } from '../../../core/lab-api/index.ts';
import { writeExercise } from '../exercise/test-fixtures.ts';
import ExamSessionScreen from './ExamSessionScreen.svelte';

const fakeApi = vi.hoisted(() => ({
  getExam: vi.fn(),
  getExamTask: vi.fn(),
  saveExamAnswer: vi.fn(),
  toggleExamFlag: vi.fn(),
  moveExamTask: vi.fn(),
  submitExam: vi.fn(),
  getActiveExam: vi.fn(),
}));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

const START = Date.UTC(2026, 0, 1, 9);

function examView(changes: Partial<ExamPublicView> = {}): ExamPublicView {
  const task = (exerciseId: string, title: string, points: number) => ({
    exerciseId,
    title,
    track: 'foundations',
    difficulty: 'beginner' as const,
    kind: 'write' as const,
    points,
    suggestedMinutes: 10,
  });
  return {
    id: 'exam-1',
    presetId: 'custom',
    title: 'Custom exam',
    description: '2 tasks',
    passMark: 66,
    status: 'running',
    startedAt: START,
    endsAt: START + 20 * 60_000,
    durationMs: 20 * 60_000,
    remainingMs: 20 * 60_000,
    tasks: [task('web-to-db', 'Only web reaches the database', 3), task('other', 'Another task', 2)],
    answers: {},
    flags: [],
    currentTaskId: 'web-to-db',
    timeSpentMs: {},
    drawNotes: [],
    submittedAt: null,
    result: null,
    ...changes,
  };
}

function taskView(): ExamTaskExercise {
  const {
    hints: _hints,
    checks: _checks,
    progress: _progress,
    draft: _draft,
    nextExerciseId: _next,
    ...rest
  } = writeExercise();
  return rest;
}

describe('ExamSessionScreen', () => {
  beforeEach(() => {
    for (const method of Object.values(fakeApi)) method.mockReset();
    fakeApi.getActiveExam.mockResolvedValue(null);
    fakeApi.getExamTask.mockResolvedValue(taskView());
  });

  it('shows the clock, the task list, the task and the editor, and no hints or checks', async () => {
    fakeApi.getExam.mockResolvedValue(
      examView({ answers: { 'web-to-db': { text: 'saved: yes\n', savedAt: START } } }),
    );
    render(ExamSessionScreen, { examId: 'exam-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Custom exam' })).toBeTruthy();
    expect(screen.getByRole('timer', { name: 'Time remaining' }).textContent).toMatch(/^\d\d:\d\d$/);
    const tasks = screen.getByRole('navigation', { name: 'Tasks' });
    const items = within(tasks).getAllByRole('button');
    expect(items).toHaveLength(2);
    expect(items[0]?.getAttribute('aria-current')).toBe('step');
    expect(items[0]?.textContent).toContain('3 points');
    const region = await screen.findByRole('region', { name: 'Task' });
    expect(within(region).getByText('web').tagName).toBe('STRONG');
    expect(screen.getByRole('table', { name: 'Pods' })).toBeTruthy();
    // Exams open in the terminal; the editor is one switch away and shows the saved answer.
    await fireEvent.click(screen.getByRole('button', { name: 'Switch to editor' }));
    expect(screen.getByRole('textbox', { name: 'Policy YAML' }).textContent).toContain('saved: yes');
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show hint' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show solution' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Previous task' }).hasAttribute('disabled')).toBe(true);
  });

  it('flags a task and moves to the next one', async () => {
    fakeApi.getExam.mockResolvedValue(examView());
    fakeApi.toggleExamFlag.mockResolvedValue(examView({ flags: ['web-to-db'] }));
    fakeApi.moveExamTask.mockResolvedValue(examView({ flags: ['web-to-db'], currentTaskId: 'other' }));
    render(ExamSessionScreen, { examId: 'exam-1' });
    const flag = await screen.findByRole('button', { name: /Flag for review/ });
    expect(flag.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(flag);
    expect(fakeApi.toggleExamFlag).toHaveBeenCalledWith('exam-1', 'web-to-db');
    expect((await screen.findByRole('button', { pressed: true })).textContent).toContain('Flag for review');
    await fireEvent.click(screen.getByRole('button', { name: 'Next task' }));
    expect(fakeApi.moveExamTask).toHaveBeenCalledWith('exam-1', 'other');
    expect(await screen.findByRole('heading', { level: 2, name: 'Task 2 of 2: Another task' })).toBeTruthy();
    expect(fakeApi.getExamTask).toHaveBeenLastCalledWith('exam-1', 'other');
  });

  it('asks before submitting and opens the result', async () => {
    fakeApi.getExam.mockResolvedValue(examView());
    fakeApi.submitExam.mockResolvedValue(examView({ status: 'submitted', submittedAt: START + 1000 }));
    render(ExamSessionScreen, { examId: 'exam-1' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Submit exam' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Submit exam?' });
    expect(fakeApi.submitExam).not.toHaveBeenCalled();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Submit exam' }));
    await vi.waitFor(() => expect(window.location.hash).toBe('#/exam/exam-1/result'));
    expect(fakeApi.submitExam).toHaveBeenCalledWith('exam-1');
  });
});
