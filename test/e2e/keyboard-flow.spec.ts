/**
 * The learner flow with the keyboard only: Tab and Shift+Tab to move, Enter and Space to activate,
 * arrows in a radio group, typing in the editor, Ctrl+Enter to check. No mouse click anywhere, and
 * every stop on the way shows a focus ring.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, FIXED_EXERCISE_ID, wrongAnswer } from './support/exercise-data.ts';
import { focusReport, tabTo } from './support/keyboard.ts';

/** Fails (softly, so the flow goes on) with every focus stop since the last call that drew no ring. */
function expectAllVisible(invisible: string[], where: string): void {
  const stops = [...new Set(invisible.splice(0))];
  expect.soft(stops, `focus stops without a visible focus ring (${where})`).toEqual([]);
}

/** Fails softly when the focused element shows no outline. */
async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const report = await focusReport(page);
  expect.soft(report.visible, `focus ring on ${what}: ${report.element}`).toBe(true);
}

test('the whole flow works from the keyboard alone, with a visible focus ring', async ({
  page,
  catalog,
  exercise,
  shell,
}) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  const wrong = wrongAnswer(FIXED_EXERCISE_ID, 'fail-missing-policy-types.yaml');
  const invisible: string[] = [];
  await catalog.waitUntilReady();

  await test.step('Tab to the exercise card and open it with Enter', async () => {
    await tabTo(page, catalog.exerciseLink(data.title), { invisible });
    await expectFocusVisible(page, 'the exercise card');
    await page.keyboard.press('Enter');
    await exercise.waitUntilReady(data.title);
    expectAllVisible(invisible, 'catalog');
  });

  await test.step('Tab to the editor, type a wrong answer, check with Ctrl+Enter', async () => {
    await tabTo(page, exercise.editor, { invisible });
    await expectFocusVisible(page, 'the editor');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(wrong.yaml);
    await page.keyboard.press('Control+Enter');
    await expect(exercise.summaryHeading).toHaveText('Not passed');
    for (const id of wrong.failingCheckIds) expect(await exercise.checkStatus(id), id).toBe('failed');
    if (wrong.differsElsewhere) {
      await expect(
        exercise.resultsRegion.getByRole('list', { name: 'Other connections that differ from the task' }),
      ).toBeVisible();
    }
    expectAllVisible(invisible, 'exercise, to the editor');
  });

  await test.step('Shift+Tab back to the editor, type the solution, check again', async () => {
    await tabTo(page, exercise.editor, { backward: true, invisible });
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(data.solution);
    await page.keyboard.press('Control+Enter');
    await expect(exercise.summaryHeading).toHaveText('Passed');
    await expect(exercise.resultsRegion).toContainText('Score 100%');
  });

  await test.step('Space reveals a hint', async () => {
    await tabTo(page, exercise.hintButton, { backward: true, invisible });
    await expectFocusVisible(page, 'Show hint');
    await page.keyboard.press('Space');
    await expect(exercise.hints).toHaveCount(1);
  });

  await test.step('an attempt opens with Enter', async () => {
    await tabTo(page, exercise.attempts().first(), { invisible, limit: 120 });
    await expectFocusVisible(page, 'the newest attempt');
    await page.keyboard.press('Enter');
    await expect(exercise.attemptYaml).toBeVisible();
    await expect(exercise.attempts()).toHaveCount(2);
    expectAllVisible(invisible, 'exercise');
  });

  await test.step('Settings: arrows pick a theme, Escape closes and focus returns', async () => {
    await tabTo(page, shell.settingsButton, { backward: true, invisible, limit: 150 });
    await expectFocusVisible(page, 'Settings');
    await page.keyboard.press('Enter');
    await expect(shell.settingsDialog).toBeVisible();
    await expect(shell.themeGroup.getByRole('radio', { name: 'System' })).toBeFocused();
    await expectFocusVisible(page, 'the System radio');
    await page.keyboard.press('ArrowRight');
    await expect(shell.themeGroup.getByRole('radio', { name: 'Light' })).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(shell.themeGroup.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Escape');
    await expect(shell.settingsDialog).toBeHidden();
    await expect(shell.settingsButton).toBeFocused();
  });

  await test.step('the Progress link opens the progress screen', async () => {
    await tabTo(page, shell.progressLink, { backward: true, invisible });
    await expectFocusVisible(page, 'the Progress link');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
    await expect(page.getByText(/1 of \d+ exercises completed/)).toBeVisible();
    expectAllVisible(invisible, 'settings and navigation');
  });
});
