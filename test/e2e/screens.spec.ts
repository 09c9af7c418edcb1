/**
 * The rest of the UI contract, screen by screen: catalog search and filters, the Continue link,
 * hints to the last one, the solution's confirmation, Reset to starter with undo, attempt loading,
 * and progress export and reset.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, FIXED_EXERCISE_ID, wrongAnswer } from './support/exercise-data.ts';

test('catalog search, filters and the Continue link', async ({ catalog, exercise, shell }) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();

  await catalog.search('zzz-no-such-exercise');
  await expect(catalog.noMatches).toBeVisible();
  await catalog.search(data.title);
  await expect(catalog.exerciseLink(data.title)).toBeVisible();
  await catalog.search('');

  await catalog.filterByStatus('Completed');
  await expect(catalog.noMatches).toBeVisible();
  await catalog.filterByStatus('All');

  await catalog.openExercise(data.title);
  await exercise.typeAnswer(wrongAnswer(FIXED_EXERCISE_ID, 'fail-missing-port.yaml').yaml);
  await exercise.check();
  await shell.goToCatalog();
  await catalog.waitUntilReady();
  await expect(catalog.continueLink(data.title)).toBeVisible();
  expect(await catalog.cardText(data.title)).toContain('In progress');
  await catalog.filterByStatus('In progress');
  await expect(catalog.exerciseLinks).toHaveCount(1);
  await catalog.continueLink(data.title).click();
  await exercise.waitUntilReady(data.title);
});

test('hints, the solution, Reset to starter and attempts on the exercise screen', async ({
  page,
  catalog,
  exercise,
}) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();
  await catalog.openExercise(data.title);
  await exercise.waitUntilReady(data.title);
  await expect(exercise.clusterRegion).toBeVisible();
  await expect(exercise.reachabilityGraph).toBeVisible();
  for (const column of ['Namespace', 'Pod', 'Labels', 'IP', 'Ports']) {
    await expect(exercise.podsTable.getByRole('columnheader', { name: column })).toBeVisible();
  }

  await test.step('every hint, then the button is disabled', async () => {
    for (let index = 0; index < data.hints.length; index += 1) await exercise.revealHint();
    await expect(exercise.hints).toHaveCount(data.hints.length);
    await expect(exercise.hintButton).toBeDisabled();
  });

  await test.step('the solution asks first when the exercise is not passed', async () => {
    await exercise.solutionButton.click();
    await expect(exercise.solutionDialog).toBeVisible();
    await exercise.solutionDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(exercise.solutionDialog).toBeHidden();
    await expect(exercise.solutionRegion).toBeHidden();
    await exercise.showSolution();
    await expect(exercise.solutionRegion).toContainText('internal-policy');
  });

  await test.step('Reset to starter, undone with Ctrl+Z', async () => {
    const typed = 'kind: NetworkPolicy # typed by the test';
    await exercise.typeAnswer(typed);
    await exercise.resetToStarter();
    await expect(exercise.editor).not.toContainText('typed by the test');
    await exercise.editor.focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(exercise.editor).toContainText('typed by the test');
  });

  await test.step('an attempt can be viewed and loaded back', async () => {
    const wrong = wrongAnswer(FIXED_EXERCISE_ID, 'fail-wrong-namespace.yaml');
    await exercise.typeAnswer(wrong.yaml);
    await exercise.check();
    await exercise.typeAnswer('');
    await exercise.openAttempt(0);
    await expect(exercise.attemptYaml).toContainText('namespace: prod');
    await exercise.attemptYaml.getByRole('button', { name: 'Load into editor' }).click();
    await expect(exercise.editor).toContainText('namespace: prod');
  });
});

test('progress: numbers, export and reset', async ({ shell, catalog, exercise, progress }) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();
  await catalog.openExercise(data.title);
  await exercise.typeAnswer(data.solution);
  expect((await exercise.check()).verdict).toBe('Passed');

  await shell.goToProgress();
  await progress.waitUntilReady();
  expect((await progress.completed()).completed).toBe(1);
  await expect(progress.streak).toBeVisible();
  await expect(progress.activityChart).toBeVisible();
  await expect(progress.trackProgress('Foundations')).toHaveAttribute('aria-valuenow', '1');

  const download = await progress.export('JSON');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toContain(FIXED_EXERCISE_ID);
  expect(() => JSON.parse(exported) as unknown).not.toThrow();
  const csv = await progress.export('CSV');
  expect(readFileSync(await csv.path(), 'utf8')).toContain(FIXED_EXERCISE_ID);

  await progress.resetProgress();
  expect((await progress.completed()).completed).toBe(0);
  await shell.goToCatalog();
  await catalog.waitUntilReady();
  expect(await catalog.cardText(data.title)).toContain('Not started');
});
