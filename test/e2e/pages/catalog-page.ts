/** The catalog screen (`#/`): search, filters, tracks and exercise cards. */
import type { Locator, Page } from '@playwright/test';
import { exactStart } from '../support/text.ts';

export type CatalogStatus = 'All' | 'Not started' | 'In progress' | 'Completed';

export class CatalogPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get heading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1, name: 'Catalog' });
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search exercises' });
  }

  get trackFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Track' });
  }

  get difficultyFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Difficulty' });
  }

  get statusFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Status' });
  }

  /** Every exercise card (a link inside a track's list). */
  get exerciseLinks(): Locator {
    return this.page.getByRole('main').getByRole('listitem').getByRole('link');
  }

  /** The card of one exercise: a link whose name starts with the title. */
  exerciseLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: exactStart(title) });
  }

  /** The "Continue: <title>" shortcut. */
  continueLink(title?: string): Locator {
    return this.page.getByRole('link', { name: exactStart(`Continue: ${title ?? ''}`) });
  }

  /** A track's section, found by its h2. */
  track(title: string): Locator {
    return this.page
      .getByRole('main')
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) });
  }

  trackProgress(title: string): Locator {
    return this.page.getByRole('progressbar', { name: `${title} progress`, exact: true });
  }

  get noMatches(): Locator {
    return this.page.getByText('No exercises match');
  }

  /** Opens the app at `url` and waits until the catalog can be used. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitUntilReady();
  }

  /** Waits for the h1 and the first exercise card. */
  async waitUntilReady(): Promise<void> {
    await this.heading.waitFor();
    await this.exerciseLinks.first().waitFor();
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  async filterByStatus(status: CatalogStatus): Promise<void> {
    await this.statusFilter.selectOption({ label: status });
  }

  async openExercise(title: string): Promise<void> {
    await this.exerciseLink(title).click();
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  }

  /** The visible text of an exercise's card (status, best score, difficulty, minutes). */
  async cardText(title: string): Promise<string> {
    return (await this.exerciseLink(title).innerText()).replace(/\s+/g, ' ').trim();
  }
}
