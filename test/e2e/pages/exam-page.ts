/**
 * The exam screens: the exams list with its custom-exam form (`#/exams`), a running exam
 * (`#/exam/:id`: clock, task navigation, flag, submit) and its result (`#/exam/:id/result`: score,
 * per-task table, review, retake).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { escapeRegExp } from '../support/text.ts';

/** What the custom-exam form asks for. */
export interface CustomExam {
  /** Track titles to tick, e.g. `Foundations`. */
  readonly tracks: readonly string[];
  readonly tasks: number;
  /** Left as the form's default when absent. */
  readonly minutes?: number;
}

/** `#/exams`: presets, the custom-exam form and the history. */
export class ExamsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Exams' });
  }

  get customForm(): Locator {
    return this.page.getByRole('form', { name: 'Custom exam' });
  }

  get history(): Locator {
    return this.page.getByRole('table', { name: 'Exam history' });
  }

  /** Opens the screen from the main navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exams' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Fills the custom-exam form, starts the exam and waits for its clock. */
  async startCustom(exam: CustomExam): Promise<ExamSessionPage> {
    const form = this.customForm;
    for (const track of exam.tracks) await form.getByRole('checkbox', { name: track }).check();
    await form.getByRole('spinbutton', { name: 'Number of tasks' }).fill(String(exam.tasks));
    if (exam.minutes !== undefined) {
      await form.getByRole('spinbutton', { name: 'Minutes' }).fill(String(exam.minutes));
    }
    await form.getByRole('button', { name: 'Start exam' }).click();
    await expect(this.page).toHaveURL(/#\/exam\/[^/]+$/);
    const session = new ExamSessionPage(this.page);
    await expect(session.timer).toBeVisible();
    return session;
  }
}

/** A running exam and, once submitted, its result screen. */
export class ExamSessionPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get timer(): Locator {
    return this.page.getByRole('timer', { name: 'Time remaining' });
  }

  get taskNavigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Tasks' });
  }

  get taskRegion(): Locator {
    return this.page.getByRole('region', { name: 'Task' });
  }

  get flagButton(): Locator {
    return this.page.getByRole('button', { name: /Flag for review|Flagged/ });
  }

  get nextTaskButton(): Locator {
    return this.page.getByRole('button', { name: 'Next task' });
  }

  /** The heading of the task shown: `Task 2 of 3: <title>`. */
  taskHeading(index: number, count: number, title: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: `Task ${index} of ${count}: ${title}` });
  }

  /** The exam's hash route, `#/exam/<id>`. */
  hash(): string {
    return new URL(this.page.url()).hash;
  }

  /** Seconds left on the clock, as shown. */
  async secondsLeft(): Promise<number> {
    const text = (await this.timer.textContent()) ?? '';
    const [minutes, seconds] = text.trim().split(':').map(Number);
    return (minutes ?? 0) * 60 + (seconds ?? 0);
  }

  /** The task titles, in order, from the "Tasks" navigation. */
  async taskTitles(): Promise<string[]> {
    const titles = this.taskNavigation.locator('.title');
    await expect(titles.first()).toBeVisible();
    return titles.allTextContents();
  }

  /** Shows task `index` (1-based) through the navigation. */
  async goToTask(index: number): Promise<void> {
    await this.taskNavigation.getByRole('button', { name: new RegExp(`Task ${index}\\b`) }).click();
  }

  /** Submits through the confirmation dialog. */
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit exam' }).click();
    await this.page
      .getByRole('alertdialog', { name: 'Submit exam?' })
      .getByRole('button', { name: 'Submit exam' })
      .click();
  }

  // The result screen.

  /** "Passed" or "Not passed". */
  get verdict(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^(Passed|Not passed)$/ });
  }

  get score(): Locator {
    return this.page.getByRole('region', { name: 'Score' });
  }

  get taskScores(): Locator {
    return this.page.getByRole('table', { name: 'Task scores' });
  }

  /** The row of the task-scores table for the task titled `title` (matched literally). */
  taskScoreRow(title: string): Locator {
    return this.taskScores.getByRole('row', { name: new RegExp(escapeRegExp(title)) });
  }

  /** The review region of task `index` (its number in the exam). */
  review(index: number, title: string): Locator {
    return this.page.getByRole('region', { name: `Task ${index}: ${title}` });
  }

  /** The terminal transcript in the review of task `index`. */
  transcript(index: number, title: string): Locator {
    return this.review(index, title).getByLabel(`Terminal transcript of task ${index}`);
  }
}
