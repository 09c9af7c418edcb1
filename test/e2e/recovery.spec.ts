/**
 * A damaged progress database must not lock the learner out: the host moves it aside and starts
 * fresh, the UI says so (with where the old file went), and the catalog works.
 */
import { existsSync, readdirSync } from 'node:fs';
import { expect, test } from './support/fixtures.ts';

test.use({ lab: { seedFiles: { 'progress.sqlite': 'this is not an SQLite database\n'.repeat(64) } } });

test('a garbage database is moved aside, announced, and the lab still works', async ({
  page,
  host,
  shell,
  catalog,
}) => {
  const alert = shell.recoveryAlert;
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('moved aside');
  // The alert names the file the damaged database now lives in.
  const moved = readdirSync(host.dataDir).filter(
    (name) => name.startsWith('progress.sqlite.') && name.includes('corrupt'),
  );
  expect(moved, `files in ${host.dataDir}: ${readdirSync(host.dataDir).join(', ')}`).toHaveLength(1);
  await expect(alert).toContainText(moved[0] ?? 'corrupt');
  expect(existsSync(`${host.dataDir}/progress.sqlite`)).toBe(true);

  await catalog.waitUntilReady();
  expect(await catalog.exerciseLinks.count()).toBeGreaterThan(1);
  await expect(catalog.trackProgress('Foundations')).toHaveAttribute('aria-valuenow', '0');

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(shell.recoveryAlert).toBeHidden();
  await page.reload();
  await catalog.waitUntilReady();
});
