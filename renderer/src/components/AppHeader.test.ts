import { render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModule from '../lib/api.ts';
import type { ExamPublicView } from '../../../core/exam/index.ts';
import { activeExam } from '../exam/active-exam.svelte.ts';
import { parseHash } from '../lib/router.svelte.ts';
import AppHeader from './AppHeader.svelte';

const fakeApi = vi.hoisted(() => ({ getActiveExam: vi.fn() }));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

const running = { id: 'exam-1', status: 'running' } as unknown as ExamPublicView;

function currentItem(): string | null {
  const links = screen.getByRole('navigation', { name: 'Main' }).querySelectorAll('a');
  const current = [...links].filter((link) => link.getAttribute('aria-current') === 'page');
  expect(current.length).toBeLessThanOrEqual(1);
  return current[0]?.textContent ?? null;
}

function show(hash: string): void {
  render(AppHeader, { route: parseHash(hash), onsettings: vi.fn(), onshortcuts: vi.fn() });
}

describe('AppHeader', () => {
  beforeEach(() => {
    activeExam.view = null;
    fakeApi.getActiveExam.mockResolvedValue(running);
  });

  it.each([
    ['#/', 'Catalog'],
    ['#/exercise/a', 'Catalog'],
    ['#/progress', 'Progress'],
    ['#/exam', 'Exams'],
    ['#/exam/a', 'Exams'],
    ['#/exam/a/result', 'Exams'],
    ['#/authoring', 'My exercises'],
    ['#/authoring/new', 'My exercises'],
    ['#/authoring/a', 'My exercises'],
    ['#/packs/import', 'My exercises'],
    ['#/lesson/a', null],
    ['#/nowhere', null],
  ])('marks the right item current on %s', (hash, item) => {
    show(hash);
    expect(currentItem()).toBe(item);
  });

  it('links back to a running exam from other screens', async () => {
    show('#/progress');
    const link = await screen.findByRole('link', { name: 'Exam in progress' });
    expect(link.getAttribute('href')).toBe('#/exam/exam-1');
  });

  it('hides the running-exam link where the exam shows its own clock', async () => {
    show('#/exam/exam-1');
    await waitFor(() => expect(fakeApi.getActiveExam).toHaveBeenCalled());
    await waitFor(() => expect(activeExam.view).not.toBeNull());
    expect(screen.queryByRole('link', { name: 'Exam in progress' })).toBeNull();
  });
});
