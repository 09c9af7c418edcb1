/**
 * Start here: a new learner opens the first lesson from the catalog, flips a policy in its diagram,
 * answers the question wrong and then right, and the lesson counts as completed.
 */
import { expect, test } from './support/fixtures.ts';

test('a lesson from the catalog: switch a policy, answer, complete', async ({ page, catalog }) => {
  await catalog.waitUntilReady();
  const startHere = page.getByRole('region', { name: 'Start here' });
  await expect(startHere.getByRole('link')).toHaveCount(7);
  await startHere.getByRole('link', { name: /^1\. Who opens the connection/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who opens the connection' })).toBeVisible();

  const connections = page.getByRole('list', { name: 'Connections' });
  const dbOpens = connections.getByRole('listitem').filter({ hasText: 'db would open it' });
  await expect(dbOpens).toContainText('Allowed');
  await page.getByRole('button', { name: /db may open no connection/ }).click();
  await expect(dbOpens).toContainText('Refused');
  const apiReads = connections.getByRole('listitem').filter({ hasText: 'api opens it' });
  await expect(apiReads).toContainText('Allowed');

  const options = page.getByRole('radiogroup', { name: 'Check your understanding' });
  await options.getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Not quite.' })).toBeVisible();
  await options.getByRole('radio').nth(0).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Right.' })).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: /Next lesson: Everything is allowed/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Everything is allowed/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the catalog' }).click();
  await expect(page.getByRole('region', { name: 'Start here' })).toContainText('1 of 7 completed');
});
