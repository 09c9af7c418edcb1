/**
 * Screenshots of every screen and dialog in the light and the dark theme
 * (`test-results/screenshots/<screen>-<theme>.png`), and one set at 1024×700, the smallest supported
 * window, where no screen may scroll sideways.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { AppShell } from './pages/app-shell.ts';
import type { CatalogPage } from './pages/catalog-page.ts';
import type { ExercisePage } from './pages/exercise-page.ts';
import type { ProgressPage } from './pages/progress-page.ts';
import { ExamsPage } from './pages/exam-page.ts';
import { TerminalPanel } from './pages/terminal-panel.ts';
import { bundledExercise, FIXED_EXERCISE_ID, wrongAnswer } from './support/exercise-data.ts';
import { RESULTS_ROOT } from './support/paths.ts';

const SCREENSHOTS = path.join(RESULTS_ROOT, 'screenshots');

interface Screens {
  readonly page: Page;
  readonly shell: AppShell;
  readonly catalog: CatalogPage;
  readonly exercise: ExercisePage;
  readonly progress: ProgressPage;
}

/** Page width against the window's: a wider page means a horizontal scrollbar. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const view = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return { scrollWidth: view.document.documentElement.scrollWidth, innerWidth: view.innerWidth };
  });
}

/** Visits every screen, saving `<screen>-<suffix>.png` and checking for sideways scrolling. */
async function captureEveryScreen(screens: Screens, suffix: string): Promise<void> {
  const { page, shell, catalog, exercise, progress } = screens;
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  const capture = async (screen: string): Promise<void> => {
    // Let transitions and the results' focus scroll settle before the picture.
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${screen}-${suffix}.png`), fullPage: true });
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect
      .soft(scrollWidth, `${screen} (${suffix}) is wider than the window`)
      .toBeLessThanOrEqual(innerWidth);
  };

  await catalog.waitUntilReady();
  await capture('catalog');

  await page.getByRole('region', { name: 'Start here' }).getByRole('link').nth(3).click();
  await page.getByRole('heading', { level: 1, name: 'Both ends must allow' }).waitFor();
  await page.getByRole('button', { name: /api may open no connection/ }).click();
  await page.getByRole('radiogroup', { name: 'Check your understanding' }).getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('status').filter({ hasText: 'Right.' }).waitFor();
  await capture('lesson');
  await page.getByRole('link', { name: 'Back to the catalog' }).click();
  await catalog.waitUntilReady();

  await catalog.openExercise(data.title);
  await exercise.waitUntilReady(data.title);
  await capture('exercise');

  await exercise.typeAnswer(wrongAnswer(FIXED_EXERCISE_ID, 'fail-merged-ports.yaml').yaml);
  await exercise.check();
  await capture('exercise-checked');

  await shell.goToProgress();
  await progress.waitUntilReady();
  await capture('progress');

  await progress.openResetDialog();
  await capture('reset-dialog');
  await page.keyboard.press('Escape');
  await expect(progress.resetDialog).toBeHidden();

  await shell.openSettings();
  await capture('settings-dialog');
  await shell.closeSettings();

  // The instructor's and exam candidate's screens, reached by address like a bookmark would.
  for (const [screen, hash, heading] of [
    ['exam-home', '#/exam', 'Exams'],
    ['authoring', '#/authoring', 'My exercises'],
    ['authoring-new', '#/authoring/new', 'New exercise'],
    ['pack-import', '#/packs/import', 'Import a pack'],
  ] as const) {
    await page.evaluate((target) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = target;
    }, hash);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await capture(screen);
  }

  // An exam in progress (the terminal first), then its result with the review and the transcript.
  const exams = new ExamsPage(page);
  await exams.open();
  const exam = await exams.startCustom({ tracks: ['Foundations'], tasks: 2 });
  const terminal = new TerminalPanel(page);
  await terminal.waitForText('controlplane:~$');
  await terminal.run('k get pods -A');
  await capture('exam-session');
  await exam.submit();
  await expect(exam.verdict).toBeVisible();
  await capture('exam-result');
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`every screen in the ${theme} theme`, async ({ page, shell, catalog, exercise, progress }) => {
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await captureEveryScreen({ page, shell, catalog, exercise, progress }, theme);
    });
  });
}

test.describe('smallest supported window', () => {
  test.use({ viewport: { width: 1024, height: 700 }, colorScheme: 'light' });

  test('every screen at 1024×700 without sideways scrolling', async ({
    page,
    shell,
    catalog,
    exercise,
    progress,
  }) => {
    await captureEveryScreen({ page, shell, catalog, exercise, progress }, 'light-1024x700');
  });
});
