import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftAutosave } from './draft-autosave.svelte.ts';
import { openingText, readLocalDraft, writeLocalDraft } from './local-draft.ts';
import { attemptDuration } from './exercise-session.svelte.ts';

describe('openingText', () => {
  const exercise = { starter: 'starter', draft: { text: 'saved', updatedAt: 100 } };

  it('prefers the saved draft, then the starter', () => {
    expect(openingText(exercise, null)).toEqual({ text: 'saved', origin: 'saved' });
    expect(openingText({ starter: 'starter', draft: null }, null)).toEqual({
      text: 'starter',
      origin: 'starter',
    });
  });

  it('restores a newer local copy, but not an older or identical one', () => {
    expect(openingText(exercise, { text: 'local', updatedAt: 200 })).toEqual({
      text: 'local',
      origin: 'local',
    });
    expect(openingText(exercise, { text: 'local', updatedAt: 50 }).origin).toBe('saved');
    expect(openingText(exercise, { text: 'saved', updatedAt: 200 }).origin).toBe('saved');
  });
});

describe('attemptDuration', () => {
  it('caps at 24 hours and never goes negative', () => {
    expect(attemptDuration(1000, 4000)).toBe(3000);
    expect(attemptDuration(0, 3 * 24 * 60 * 60 * 1000)).toBe(24 * 60 * 60 * 1000);
    expect(attemptDuration(5000, 1000)).toBe(0);
  });
});

describe('DraftAutosave', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useRealTimers();
  });

  it('saves after the delay, then drops the local copy', async () => {
    vi.useFakeTimers();
    const save = vi.fn().mockResolvedValue({ updatedAt: 1 });
    const draft = new DraftAutosave({
      exerciseId: 'x',
      save,
      describeError: String,
      storage: localStorage,
      delayMs: 600,
    });
    draft.change('a');
    draft.change('ab');
    expect(draft.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledWith('x', 'ab');
    expect(draft.status).toBe('saved');
    expect(readLocalDraft(localStorage, 'x')).toBeNull();
  });

  it('keeps the local copy and the error when saving fails, and retries on flush', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue({ updatedAt: 2 });
    const draft = new DraftAutosave({
      exerciseId: 'y',
      save,
      describeError: (error) => (error as Error).message,
      storage: localStorage,
    });
    draft.change('text');
    await draft.flush();
    expect(draft.status).toBe('failed');
    expect(draft.error).toBe('disk full');
    expect(readLocalDraft(localStorage, 'y')?.text).toBe('text');
    await draft.flush();
    expect(draft.status).toBe('saved');
    expect(draft.error).toBeNull();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('ignores unreadable local copies', () => {
    localStorage.setItem('netpol-lab:draft:z', '{not json');
    expect(readLocalDraft(localStorage, 'z')).toBeNull();
    writeLocalDraft(localStorage, 'z', { text: 't', updatedAt: 3 });
    expect(readLocalDraft(localStorage, 'z')).toEqual({ text: 't', updatedAt: 3 });
  });
});
