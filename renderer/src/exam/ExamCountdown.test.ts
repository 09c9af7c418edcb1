import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ExamCountdown from './ExamCountdown.svelte';

const MINUTE = 60_000;

describe('ExamCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1, 9));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down, announces the five- and one-minute marks and expires once', async () => {
    const onexpire = vi.fn();
    render(ExamCountdown, { deadline: Date.now() + 5 * MINUTE + 2_000, onexpire });
    const timer = screen.getByRole('timer', { name: 'Time remaining' });
    expect(timer.textContent).toBe('05:02');
    const announcer = screen.getByTestId('clock-announcer');
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    expect(announcer.textContent?.trim()).toBe('');

    await vi.advanceTimersByTimeAsync(3_000);
    expect(timer.textContent).toBe('04:59');
    expect(announcer.textContent?.trim()).toBe('5 minutes left');

    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(announcer.textContent?.trim()).toBe('1 minute left');
    expect(onexpire).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(timer.textContent).toBe('00:00');
    expect(onexpire).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onexpire).toHaveBeenCalledTimes(1);
  });
});
