/**
 * A learner's first exercise, end to end: catalog → wrong answer and its explanation → the fix →
 * "Passed"; then the lab is closed and reopened on the same database and the progress, the attempts
 * and the draft are all still there.
 */
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, expectedGrade, FIXED_EXERCISE_ID, wrongAnswer } from './support/exercise-data.ts';

test('a learner fails, reads why, fixes the policy, and finds everything again after a restart', async ({
  page,
  host,
  shell,
  catalog,
  exercise,
}) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  const wrong = wrongAnswer(FIXED_EXERCISE_ID, 'fail-merged-ports.yaml');
  const engine = expectedGrade(data, wrong.yaml);

  await test.step('open the exercise from the catalog by its title', async () => {
    await catalog.waitUntilReady();
    await expect(catalog.cardText(data.title)).resolves.toContain('Not started');
    await catalog.openExercise(data.title);
    await exercise.waitUntilReady(data.title);
    await expect(exercise.taskRegion).toBeVisible();
    await expect(exercise.podsTable).toBeVisible();
  });

  await test.step('a wrong answer fails exactly the checks it should, with the engine explaining why', async () => {
    await exercise.typeAnswer(wrong.yaml);
    const summary = await exercise.check();
    expect(summary.verdict).toBe('Not passed');
    expect(summary.score).toBeLessThan(100);
    for (const id of wrong.failingCheckIds) {
      await expect(exercise.checkItem(id)).toBeVisible();
      expect(await exercise.checkStatus(id), `check ${id}`).toBe('failed');
    }
    const failing = wrong.failingCheckIds[0] ?? '';
    const why = engine.checks.find((check) => check.id === failing)?.explanation ?? [];
    expect(why.length, `the engine explains ${failing}`).toBeGreaterThan(0);
    // The "why": at least one line of the engine's explanation is on screen for the failed check.
    await expect(exercise.checkLine(failing, why[1] ?? why[0] ?? '').first()).toBeVisible();
    // And a check that passes says so.
    expect(await exercise.checkStatus('internal-to-payroll')).toBe('passed');
  });

  await test.step('the reference solution passes', async () => {
    await exercise.typeAnswer(data.solution);
    const summary = await exercise.check();
    expect(summary.verdict).toBe('Passed');
    expect(summary.score).toBe(100);
    expect(summary.passing).toBe(summary.total);
    await expect(exercise.resultsRegion).toContainText(`${summary.total} of ${summary.total} checks pass`);
  });

  const note = '# note to self: DNS is allowed on purpose';
  await test.step('a change after passing is saved as the draft', async () => {
    await exercise.appendText(`\n${note}\n`);
    await expect(exercise.draftSaved).toBeHidden();
    await expect(exercise.draftSaved).toBeVisible();
  });

  await test.step('after a restart on the same database, everything is still there', async () => {
    const before = host.url;
    const url = await host.restart();
    // The same port again, so a reload reaches the new host; if another program took the port
    // meanwhile, the host runs elsewhere and the page opens the new address.
    if (url === before) await page.reload();
    else await page.goto(`${url}#/exercise/${FIXED_EXERCISE_ID}`);
    await exercise.waitUntilReady(data.title);
    await expect(exercise.attempts()).toHaveCount(2);
    await expect(exercise.attempts().first()).toContainText('100%');
    await expect.poll(() => exercise.endOfText()).toContain(note);

    await shell.goToCatalog();
    await catalog.waitUntilReady();
    const card = await catalog.cardText(data.title);
    expect(card).toContain('Completed');
    expect(card).toContain('Best 100%');
    await expect(catalog.trackProgress('Foundations')).toHaveAttribute('aria-valuenow', '1');
  });
});
