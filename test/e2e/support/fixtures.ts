/**
 * The suite's `test`: every test gets a fresh data folder, a lab host started on it, the page
 * pointed at the host, and one page object per screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { AppShell } from '../pages/app-shell.ts';
import { CatalogPage } from '../pages/catalog-page.ts';
import { ExercisePage } from '../pages/exercise-page.ts';
import { ProgressPage } from '../pages/progress-page.ts';
import { LabHost } from './host.ts';

/** How the host of a test is set up; change it with `test.use({ lab: { … } })`. */
export interface LabSetup {
  /** Exercise library to serve instead of the bundled one. */
  readonly exercisesDir?: string;
  /** Files written into the data folder before the host starts (name → content). */
  readonly seedFiles?: Readonly<Record<string, string>>;
  /** Open the host's address before the test body runs (default true). */
  readonly openPage?: boolean;
}

interface LabFixtures {
  lab: LabSetup;
  dataDir: string;
  host: LabHost;
  shell: AppShell;
  catalog: CatalogPage;
  exercise: ExercisePage;
  progress: ProgressPage;
}

export const test = base.extend<LabFixtures>({
  lab: [{}, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument.
  dataDir: async ({}, use) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'netpol-lab-e2e-'));
    await use(directory);
    rmSync(directory, { recursive: true, force: true });
  },

  host: async ({ lab, dataDir }, use, testInfo) => {
    for (const [name, content] of Object.entries(lab.seedFiles ?? {})) {
      writeFileSync(path.join(dataDir, name), content);
    }
    const host = new LabHost({
      dataDir,
      ...(lab.exercisesDir === undefined ? {} : { exercisesDir: lab.exercisesDir }),
    });
    await host.start();
    try {
      await use(host);
    } finally {
      await host.stop();
      if (host.stderr !== '')
        await testInfo.attach('lab-host-stderr', { body: host.stderr, contentType: 'text/plain' });
    }
  },

  page: async ({ page, host, lab }, use) => {
    if (lab.openPage !== false) await page.goto(host.url);
    await use(page);
  },

  shell: async ({ page }, use) => use(new AppShell(page)),
  catalog: async ({ page }, use) => use(new CatalogPage(page)),
  exercise: async ({ page }, use) => use(new ExercisePage(page)),
  progress: async ({ page }, use) => use(new ProgressPage(page)),
});

export { expect };
