/** The progress screen (`#/progress`): totals, per-track bars, activity, export and reset. */
import type { Download, Locator, Page } from '@playwright/test';

export class ProgressPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get heading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1, name: 'Progress' });
  }

  /** The "N of M exercises completed" text. */
  get completedText(): Locator {
    return this.page.getByRole('main').getByText(/\d+ of \d+ exercises? completed/);
  }

  get streak(): Locator {
    return this.page.getByRole('main').getByText(/Current streak/);
  }

  get activityChart(): Locator {
    return this.page.getByRole('img', { name: 'Activity over the last 30 days' });
  }

  trackProgress(title: string): Locator {
    return this.page.getByRole('progressbar', { name: `${title} progress`, exact: true });
  }

  get resetDialog(): Locator {
    return this.page
      .getByRole('dialog', { name: 'Reset progress?' })
      .or(this.page.getByRole('alertdialog', { name: 'Reset progress?' }));
  }

  /** Waits until the numbers have loaded. */
  async waitUntilReady(): Promise<void> {
    await this.heading.waitFor();
    await this.completedText.waitFor();
  }

  /** Completed and total exercise counts. */
  async completed(): Promise<{ completed: number; total: number }> {
    const match = /(\d+) of (\d+) exercises? completed/.exec(await this.completedText.innerText());
    return { completed: Number(match?.[1]), total: Number(match?.[2]) };
  }

  /** Presses an export button and answers the download it starts. */
  async export(format: 'JSON' | 'CSV'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export ${format}` }).click();
    return download;
  }

  /** Opens the reset confirmation without answering it. */
  async openResetDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Reset progress' }).click();
    await this.resetDialog.waitFor();
    return this.resetDialog;
  }

  /** Resets progress through the confirmation dialog and waits for the "Progress reset" status. */
  async resetProgress(): Promise<void> {
    const dialog = await this.openResetDialog();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: 'Progress reset' }).waitFor();
  }
}
