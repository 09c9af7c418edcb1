/**
 * axe-core scans of every screen and dialog in the light and the dark theme. Any serious or
 * critical violation fails; all violations are printed. Each screen is checked softly so one run
 * reports them all.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { scanScreen } from './support/axe.ts';
import { bundledExercise, FIXED_EXERCISE_ID, wrongAnswer } from './support/exercise-data.ts';

async function expectNoBlockingViolations(page: Page, screen: string, testInfo: TestInfo): Promise<void> {
  const scan = await scanScreen(page, screen, testInfo);
  expect
    .soft(scan.blocking, `serious or critical axe violations on ${screen}:\n${scan.blocking.join('\n')}`)
    .toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`every screen passes axe in the ${theme} theme`, async ({
      page,
      shell,
      catalog,
      exercise,
      progress,
    }, testInfo) => {
      // One test sweeps every screen, and axe takes seconds per scan on a 2-core machine.
      test.setTimeout(240_000);
      const data = await bundledExercise(FIXED_EXERCISE_ID);
      await catalog.waitUntilReady();
      // The theme setting starts at "System", which follows the emulated colour scheme.
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoBlockingViolations(page, `catalog-${theme}`, testInfo);

      await catalog.openExercise(data.title);
      await exercise.waitUntilReady(data.title);
      await expectNoBlockingViolations(page, `exercise-${theme}`, testInfo);

      await exercise.typeAnswer(wrongAnswer(FIXED_EXERCISE_ID, 'fail-merged-ports.yaml').yaml);
      await exercise.check();
      await exercise.revealHint();
      await expectNoBlockingViolations(page, `exercise-checked-${theme}`, testInfo);

      await exercise.showSolution();
      await exercise.openAttempt(0);
      await expectNoBlockingViolations(page, `exercise-solution-${theme}`, testInfo);

      await shell.goToProgress();
      await progress.waitUntilReady();
      await expectNoBlockingViolations(page, `progress-${theme}`, testInfo);

      await progress.openResetDialog();
      await expectNoBlockingViolations(page, `reset-dialog-${theme}`, testInfo);
      await page.keyboard.press('Escape');
      await expect(progress.resetDialog).toBeHidden();

      await shell.openSettings();
      await expectNoBlockingViolations(page, `settings-${theme}`, testInfo);
      await shell.closeSettings();
    });
  });
}
