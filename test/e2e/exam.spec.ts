/**
 * Exam mode end to end: a short custom exam is started, one task is answered with its reference
 * solution and flagged, the lab is closed and reopened mid-exam (the clock kept running, the answer
 * is still there), the time runs out, the host submits the exam by itself, and the result and the
 * review show the score, the answer and the reference solution. A retake draws the same tasks.
 *
 * `NETPOL_LAB_EXAM_MINUTE_MS` shortens an exam minute in the host (read by backend/serve.ts),
 * so the shortest exam a learner can choose (5 minutes) runs in half a minute here.
 */
import { expect, test } from './support/fixtures.ts';
import { bundledExercises } from './support/exercise-data.ts';
import { ExamSessionPage, ExamsPage } from './pages/exam-page.ts';

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

test('a timed exam survives a restart, runs out, is graded and can be reviewed and retaken', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  const exercises = await bundledExercises();
  const byTitle = (title: string) => {
    // A running exam names a task by its exam title, the catalogue title being a possible hint.
    const found = exercises.find((exercise) => (exercise.examTitle ?? exercise.title) === title);
    if (found === undefined) throw new Error(`no bundled exercise titled ${title}`);
    return found;
  };
  const exams = new ExamsPage(page);
  const exam = new ExamSessionPage(page);
  let examUrl = '';
  let titles: string[] = [];

  await test.step('start a custom exam of two tasks', async () => {
    await exams.open();
    await exams.startCustom({ tracks: ['Foundations'], tasks: 2, minutes: EXAM_MINUTES });
    examUrl = exam.hash();
    titles = await exam.taskTitles();
    expect(titles).toHaveLength(2);
    await expect(page.getByRole('button', { name: 'Check' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show hint' })).toHaveCount(0);
  });

  const first = byTitle(titles[0] ?? '');
  const second = byTitle(titles[1] ?? '');
  const firstTitle = titles[0] ?? '';
  const secondTitle = titles[1] ?? '';

  await test.step('answer the first task with its reference solution and flag it', async () => {
    await expect(exam.taskRegion).toBeVisible();
    await expect(page.getByRole('table', { name: 'Pods' })).toBeVisible();
    // Exams open in the terminal; this answer is typed in the editor.
    await page.getByRole('button', { name: 'Switch to editor' }).click();
    const editor = page.getByRole('textbox', { name: 'Policy YAML' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(first.solution);
    await expect(page.getByRole('status').filter({ hasText: 'Answer saved' })).toBeVisible();
    await exam.flagButton.click();
    await expect(exam.flagButton).toHaveAttribute('aria-pressed', 'true');
    await exam.nextTaskButton.click();
    await expect(exam.taskHeading(2, 2, secondTitle)).toBeVisible();
  });

  await test.step('close and reopen the lab: the clock kept running and the answer is kept', async () => {
    const before = await exam.secondsLeft();
    const url = await host.restart();
    await page.goto(`${url}${examUrl}`);
    await expect(exam.timer).toBeVisible();
    expect(await exam.secondsLeft()).toBeLessThan(before);
    expect(await exam.secondsLeft()).toBeGreaterThan(0);
    await exam.goToTask(1);
    await expect(exam.taskHeading(1, 2, firstTitle)).toBeVisible();
    // A reload opens the terminal again; when the host kept its address the page was not reloaded.
    const toEditor = page.getByRole('button', { name: 'Switch to editor' });
    await expect(toEditor.or(page.getByRole('button', { name: 'Switch to terminal' }))).toBeVisible();
    if (await toEditor.isVisible()) await toEditor.click();
    const firstLine = first.solution.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#'));
    await expect(page.getByRole('textbox', { name: 'Policy YAML' })).toContainText(firstLine?.trim() ?? '');
    await expect(exam.flagButton).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('the time runs out and the result shows', async () => {
    const verdict = exam.verdict;
    await expect(verdict).toBeVisible({ timeout: EXAM_MINUTES * MINUTE_MS + 15_000 });
    await expect(page).toHaveURL(/#\/exam\/[^/]+\/result$/);
    const percent = Math.floor((100 * first.examWeight) / (first.examWeight + second.examWeight));
    const score = exam.score;
    await expect(score).toContainText(`Score ${percent}%`);
    await expect(score).toContainText('Submitted automatically when the time ran out');
    await expect(verdict).toHaveText(percent >= 66 ? 'Passed' : 'Not passed');
    await expect(exam.taskScoreRow(firstTitle)).toContainText('100%');
    await expect(exam.taskScoreRow(secondTitle)).toContainText('0%');
    for (const task of [first, second]) {
      const also = exam.taskScores.getByText(`Also in the catalogue as “${task.title}”`);
      await expect(also).toHaveCount(task.examTitle === undefined ? 0 : 1);
    }
  });

  await test.step('the review shows each answer beside the reference solution', async () => {
    const review = exam.review(1, firstTitle);
    await expect(review).toContainText('Every graded check passes.');
    await expect(review.getByLabel(/^Your answer to task/)).toContainText('NetworkPolicy');
    await expect(review.getByLabel(/^Reference solution to task/)).toContainText('NetworkPolicy');
    const unanswered = exam.review(2, secondTitle);
    await expect(unanswered).toContainText('No answer was saved for this task.');
    await expect(unanswered.getByLabel(/^Reference solution to task/)).toContainText('NetworkPolicy');
  });

  await test.step('a retake draws the same tasks', async () => {
    await page.getByRole('button', { name: 'Retake this exam' }).click();
    await expect(page).toHaveURL(/#\/exam\/[^/]+$/);
    expect(exam.hash()).not.toBe(examUrl);
    expect(await exam.taskTitles()).toEqual(titles);
    await exam.submit();
    await expect(exam.verdict).toHaveText('Not passed');
    await page.getByRole('link', { name: 'New exam' }).click();
    await expect(exams.history.getByRole('row')).toHaveCount(3);
  });
});
