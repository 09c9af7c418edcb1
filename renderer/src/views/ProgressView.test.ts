import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type * as ApiModule from '../lib/api.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressOverview } from '../../../core/lab-api/index.ts';
import ProgressView from './ProgressView.svelte';

const fakeApi = vi.hoisted(() => ({
  getProgressOverview: vi.fn(),
  exportProgress: vi.fn(),
  resetProgress: vi.fn(),
}));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

function overview(completed: number): ProgressOverview {
  const days = Array.from({ length: 30 }, (_, index) => ({
    date: `2026-11-${String(index + 1).padStart(2, '0')}`,
    attempts: index % 3,
    passes: index % 3 === 2 ? 1 : 0,
  }));
  return {
    today: '2026-11-30',
    days,
    totalAttempts: 30,
    exercisesAttempted: 4,
    exercisesCompleted: completed,
    exerciseCount: 10,
    currentStreak: 2,
    currentPassStreak: 1,
    tracks: [{ id: 'foundations', title: 'Foundations', completed, total: 4, averageBestScore: 50 }],
  };
}

describe('ProgressView', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    fakeApi.getProgressOverview.mockResolvedValue(overview(3));
  });

  it('shows the overall numbers, track bars and the activity chart', async () => {
    render(ProgressView);
    expect(await screen.findByText('3 of 10 exercises completed')).toBeTruthy();
    expect(screen.getByText(/Current streak/)).toBeTruthy();
    expect(
      screen.getByRole('progressbar', { name: 'Foundations progress' }).getAttribute('aria-valuenow'),
    ).toBe('3');
    expect(screen.getByRole('img', { name: 'Activity over the last 30 days' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(31);
  });

  it('downloads an export', async () => {
    fakeApi.exportProgress.mockResolvedValue({
      fileName: 'netpol-lab-progress.csv',
      mimeType: 'text/csv',
      content: 'a,b\n',
    });
    URL.createObjectURL = vi.fn(() => 'blob:fake');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(ProgressView);
    await fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('netpol-lab-progress.csv'));
    expect(fakeApi.exportProgress).toHaveBeenCalledWith('csv');
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
  });

  it('resets only after confirmation, then says so', async () => {
    fakeApi.resetProgress.mockResolvedValue(undefined);
    render(ProgressView);
    const reset = await screen.findByRole('button', { name: 'Reset progress' });
    await fireEvent.click(reset);
    let dialog = screen.getByRole('dialog', { name: 'Reset progress?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fakeApi.resetProgress).not.toHaveBeenCalled();

    fakeApi.getProgressOverview.mockResolvedValue(overview(0));
    await fireEvent.click(reset);
    dialog = screen.getByRole('dialog', { name: 'Reset progress?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Progress reset'));
    expect(fakeApi.resetProgress).toHaveBeenCalledWith('reset');
    expect(screen.getByText('0 of 10 exercises completed')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a host error as an alert', async () => {
    fakeApi.getProgressOverview.mockRejectedValue(new Error('Database is locked.'));
    render(ProgressView);
    expect((await screen.findByRole('alert')).textContent).toContain('Database is locked.');
  });
});
