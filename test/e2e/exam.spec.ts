/**
 * Exam mode end to end: a short custom exam is started, one task is answered with its reference
 * solution and flagged, the lab is closed and reopened mid-exam (the clock kept running, the answer
 * is still there), the time runs out, the host submits the exam by itself, and the result and the
 * review show the score, the answer and the reference solution. A retake draws the same tasks.
 *
 * `NETPOL_LAB_EXAM_MINUTE_MS` shortens an exam minute in the host (see backend/lab-api/exam-api.ts),
 * so the shortest exam a learner can choose (5 minutes) runs in half a minute here.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { bundledExercises } from './support/exercise-data.ts';
import { escapeRegExp } from './support/text.ts';

const MINUTE_MS = 6_000;
const EXAM_MINUTES = 5;

let previousMinute: string | undefined;

test.beforeAll(() => {
  previousMinute = process.env.NETPOL_LAB_EXAM_MINUTE_MS;
  process.env.NETPOL_LAB_EXAM_MINUTE_MS = String(MINUTE_MS);
});

test.afterAll(() => {
  if (previousMinute === undefined) delete process.env.NETPOL_LAB_EXAM_MINUTE_MS;
  else process.env.NETPOL_LAB_EXAM_MINUTE_MS = previousMinute;
});

/** Seconds left on the exam clock, as shown. */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Time remaining' }).textContent()) ?? '';
  const [minutes, seconds] = text.trim().split(':').map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}

/** The titles of the exam's tasks, in order, from the "Tasks" navigation. */
async function taskTitles(page: Page): Promise<string[]> {
  const buttons = page.getByRole('navigation', { name: 'Tasks' }).locator('.title');
  await expect(buttons.first()).toBeVisible();
  return buttons.allTextContents();
}

test('a timed exam survives a restart, runs out, is graded and can be reviewed and retaken', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  const exercises = await bundledExercises();
  const byTitle = (title: string) => {
    const found = exercises.find((exercise) => exercise.title === title);
    if (found === undefined) throw new Error(`no bundled exercise titled ${title}`);
    return found;
  };
  let examUrl = '';
  let titles: string[] = [];

  await test.step('start a custom exam of two tasks', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exams' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Exams' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Custom exam' });
    await form.getByRole('checkbox', { name: 'Foundations' }).check();
    await form.getByRole('spinbutton', { name: 'Number of tasks' }).fill('2');
    await form.getByRole('spinbutton', { name: 'Minutes' }).fill(String(EXAM_MINUTES));
    await form.getByRole('button', { name: 'Start exam' }).click();
    await expect(page).toHaveURL(/#\/exam\/[^/]+$/);
    examUrl = new URL(page.url()).hash;
    await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible();
    titles = await taskTitles(page);
    expect(titles).toHaveLength(2);
    await expect(page.getByRole('button', { name: 'Check' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show hint' })).toHaveCount(0);
  });

  const first = byTitle(titles[0] ?? '');
  const second = byTitle(titles[1] ?? '');

  await test.step('answer the first task with its reference solution and flag it', async () => {
    await expect(page.getByRole('region', { name: 'Task' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Pods' })).toBeVisible();
    // Exams open in the terminal; this answer is typed in the editor.
    await page.getByRole('button', { name: 'Switch to editor' }).click();
    const editor = page.getByRole('textbox', { name: 'Policy YAML' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(first.solution);
    await expect(page.getByRole('status').filter({ hasText: 'Answer saved' })).toBeVisible();
    const flag = page.getByRole('button', { name: /Flag for review/ });
    await flag.click();
    await expect(flag).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Next task' }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Task 2 of 2: ${second.title}` })).toBeVisible();
  });

  await test.step('close and reopen the lab: the clock kept running and the answer is kept', async () => {
    const before = await secondsLeft(page);
    const url = await host.restart();
    await page.goto(`${url}${examUrl}`);
    await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible();
    expect(await secondsLeft(page)).toBeLessThan(before);
    expect(await secondsLeft(page)).toBeGreaterThan(0);
    await page
      .getByRole('navigation', { name: 'Tasks' })
      .getByRole('button', { name: /Task 1/ })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: `Task 1 of 2: ${first.title}` })).toBeVisible();
    // A reload opens the terminal again; when the host kept its address the page was not reloaded.
    const toEditor = page.getByRole('button', { name: 'Switch to editor' });
    await expect(toEditor.or(page.getByRole('button', { name: 'Switch to terminal' }))).toBeVisible();
    if (await toEditor.isVisible()) await toEditor.click();
    const firstLine = first.solution.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#'));
    await expect(page.getByRole('textbox', { name: 'Policy YAML' })).toContainText(firstLine?.trim() ?? '');
    await expect(page.getByRole('button', { name: /Flag for review/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  await test.step('the time runs out and the result shows', async () => {
    const verdict = page.getByRole('heading', { level: 2, name: /^(Passed|Not passed)$/ });
    await expect(verdict).toBeVisible({ timeout: EXAM_MINUTES * MINUTE_MS + 15_000 });
    await expect(page).toHaveURL(/#\/exam\/[^/]+\/result$/);
    const percent = Math.floor((100 * first.examWeight) / (first.examWeight + second.examWeight));
    const score = page.getByRole('region', { name: 'Score' });
    await expect(score).toContainText(`Score ${percent}%`);
    await expect(score).toContainText('Submitted automatically when the time ran out');
    await expect(verdict).toHaveText(percent >= 66 ? 'Passed' : 'Not passed');
    const scores = page.getByRole('table', { name: 'Task scores' });
    await expect(scores.getByRole('row', { name: new RegExp(escapeRegExp(first.title)) })).toContainText(
      '100%',
    );
    await expect(scores.getByRole('row', { name: new RegExp(escapeRegExp(second.title)) })).toContainText(
      '0%',
    );
  });

  await test.step('the review shows each answer beside the reference solution', async () => {
    const review = page.getByRole('region', {
      name: `Task ${titles.indexOf(first.title) + 1}: ${first.title}`,
    });
    await expect(review).toContainText('Every graded check passes.');
    await expect(review.getByLabel(/^Your answer to task/)).toContainText('NetworkPolicy');
    await expect(review.getByLabel(/^Reference solution to task/)).toContainText('NetworkPolicy');
    const unanswered = page.getByRole('region', { name: `Task 2: ${second.title}` });
    await expect(unanswered).toContainText('No answer was saved for this task.');
    await expect(unanswered.getByLabel(/^Reference solution to task/)).toContainText('NetworkPolicy');
  });

  await test.step('a retake draws the same tasks', async () => {
    await page.getByRole('button', { name: 'Retake this exam' }).click();
    await expect(page).toHaveURL(/#\/exam\/[^/]+$/);
    expect(new URL(page.url()).hash).not.toBe(examUrl);
    expect(await taskTitles(page)).toEqual(titles);
    await page.getByRole('button', { name: 'Submit exam' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Submit exam?' });
    await dialog.getByRole('button', { name: 'Submit exam' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Not passed' })).toBeVisible();
    await page.getByRole('link', { name: 'New exam' }).click();
    await expect(page.getByRole('table', { name: 'Exam history' }).getByRole('row')).toHaveCount(3);
  });
});
