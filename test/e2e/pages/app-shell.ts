/** The frame around every screen: main navigation, Settings, alerts, theme. */
import type { Locator, Page } from '@playwright/test';

export type ThemeChoice = 'System' | 'Light' | 'Dark';

export class AppShell {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get catalogLink(): Locator {
    return this.navigation.getByRole('link', { name: 'Catalog', exact: true });
  }

  get progressLink(): Locator {
    return this.navigation.getByRole('link', { name: 'Progress', exact: true });
  }

  get settingsButton(): Locator {
    return this.page.getByRole('button', { name: 'Settings', exact: true });
  }

  get settingsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  get themeGroup(): Locator {
    return this.settingsDialog.getByRole('radiogroup', { name: 'Theme' });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /** The screen's one h1. */
  get heading(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  /** Every alert on the page (host errors, the recovered-database notice). */
  get alerts(): Locator {
    return this.page.getByRole('alert');
  }

  /** The notice shown when a damaged progress database was moved aside at start. */
  get recoveryAlert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'moved aside' });
  }

  async goToCatalog(): Promise<void> {
    await this.catalogLink.click();
  }

  async goToProgress(): Promise<void> {
    await this.progressLink.click();
  }

  async openSettings(): Promise<Locator> {
    await this.settingsButton.click();
    await this.settingsDialog.waitFor();
    return this.settingsDialog;
  }

  async closeSettings(): Promise<void> {
    await this.settingsDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await this.settingsDialog.waitFor({ state: 'hidden' });
  }

  /** Picks a theme in the Settings dialog (opening and closing it) and waits until it is painted. */
  async chooseTheme(theme: ThemeChoice): Promise<void> {
    await this.openSettings();
    await this.themeGroup.getByRole('radio', { name: theme, exact: true }).check();
    await this.closeSettings();
    if (theme !== 'System') await this.waitForTheme(theme === 'Dark' ? 'dark' : 'light');
  }

  /** The `data-theme` the document root carries. */
  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  async waitForTheme(theme: 'light' | 'dark'): Promise<void> {
    await this.page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
  }
}
