import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModule from '../lib/api.ts';
import { parseLesson } from '../../../core/lesson/index.ts';
import text from '../../../exercises/lessons/04-both-ends-must-allow.yaml?raw';
import LessonScreen from './LessonScreen.svelte';

const fakeApi = vi.hoisted(() => ({ getLesson: vi.fn(), answerLesson: vi.fn() }));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

const lesson = parseLesson(text).lesson;
if (lesson === undefined) throw new Error('the lesson fixture does not read');

describe('LessonScreen', () => {
  beforeEach(() => {
    fakeApi.getLesson.mockReset();
    fakeApi.getLesson.mockResolvedValue({ ...lesson, completedAt: null });
    fakeApi.answerLesson.mockReset();
  });

  it('re-decides the diagram in the page when a policy is switched', async () => {
    render(LessonScreen, { lessonId: lesson.id });
    await screen.findByRole('heading', { level: 1, name: lesson.title });
    const connections = screen.getByRole('list', { name: 'Connections' });
    const first = () => within(connections).getAllByRole('listitem')[0]?.textContent ?? '';
    expect(first()).toContain('Allowed');
    const lockdown = screen.getByRole('button', { name: /api may open no connection/ });
    expect(lockdown.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(lockdown);
    expect(lockdown.getAttribute('aria-pressed')).toBe('true');
    expect(first()).toContain('Refused');
    expect(first()).toContain('egress: isolated by default/api-egress-lockdown');
  });

  it('checks the chosen answer and shows why', async () => {
    fakeApi.answerLesson.mockResolvedValue({
      correct: false,
      explain: 'Both checks apply.',
      completedAt: null,
    });
    render(LessonScreen, { lessonId: lesson.id });
    await screen.findByRole('heading', { level: 1, name: lesson.title });
    const check = screen.getByRole('button', { name: 'Check answer' });
    expect((check as HTMLButtonElement).disabled).toBe(true);
    const options = within(screen.getByRole('radiogroup')).getAllByRole('radio');
    await fireEvent.click(options[1] as HTMLElement);
    await fireEvent.click(check);
    expect(fakeApi.answerLesson).toHaveBeenCalledWith(lesson.id, 1);
    const feedback = await screen.findByText('Not quite.');
    expect(feedback.closest('[role="status"]')?.textContent).toContain('Both checks apply.');
  });

  it('says when the lesson does not exist', async () => {
    fakeApi.getLesson.mockRejectedValue(Object.assign(new Error('no'), { code: 'not-found' }));
    render(LessonScreen, { lessonId: 'nothing' });
    await screen.findByRole('heading', { level: 1, name: 'This lesson does not exist' });
  });
});
