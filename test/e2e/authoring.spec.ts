/**
 * Authoring in the app: write an exercise from nothing (two pods), write its solution, generate the
 * checks and keep them, see it validate, save it, then find it in the catalogue and pass it.
 */
import { AUTHORED } from './authoring-data.ts';
import { AuthoringEditorPage, AuthoringListPage } from './pages/authoring-page.ts';
import { scanScreen } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';

test('writes, validates and saves an exercise, which the catalogue then offers and grades', async ({
  page,
  host,
  exercise,
}) => {
  const list = new AuthoringListPage(page);
  const editor = new AuthoringEditorPage(page);
  await list.open(host.url);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My exercises' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'New exercise' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New exercise' })).toBeVisible();

  await editor.field('Id').fill(AUTHORED.id);
  await editor.field('Title').fill(AUTHORED.title);
  await editor.field('Minutes').fill('5');
  await editor.field('Tags').fill('ingress, e2e');
  for (const pod of AUTHORED.pods) await editor.addPod(pod);
  await editor.field('Task (Markdown)').fill(AUTHORED.task);
  await expect(page.getByRole('region', { name: 'Task preview' }).locator('strong')).toHaveText('api');

  // No checks yet: the exercise cannot be saved, and the reason is given.
  await expect(editor.saveButton).toBeDisabled();
  await expect(page.locator('#save-reason')).toContainText('Cannot save yet');

  await editor.setPolicy('Reference solution', AUTHORED.solution);
  await page.getByRole('button', { name: 'Generate checks' }).click();
  const keepChanged = editor.proposals.getByRole('checkbox', { name: `Keep ${AUTHORED.changedCheck}` });
  await expect(keepChanged).toBeChecked();
  await expect(
    editor.proposals.getByRole('checkbox', { name: `Keep ${AUTHORED.staysOpenCheck}` }),
  ).toBeChecked();
  await expect(editor.proposals).toContainText('db → default/api');

  // Unkeeping removes the check from the exercise; keeping it again brings it back.
  const exerciseChecks = page.getByRole('list', { name: 'Exercise checks' });
  await keepChanged.uncheck();
  await expect(exerciseChecks).not.toContainText(AUTHORED.changedCheck);
  await keepChanged.check();
  await expect(exerciseChecks).toContainText(AUTHORED.changedCheck);

  await expect(editor.validation).toContainText('✓ Solution passes');
  await expect(editor.validation).toContainText('✓ Starter fails');
  await expect(editor.saveButton).toBeEnabled();
  await editor.saveButton.click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${AUTHORED.title}` })).toBeVisible();

  await list.open(host.url);
  await expect(list.list).toContainText(AUTHORED.title);

  await page.goto(`${host.url}#/`);
  // The user library is a track of its own, after the bundled ones.
  const section = page.getByRole('region', { name: 'My exercises' });
  const card = section.getByRole('link', { name: new RegExp(`^${AUTHORED.title}`) });
  await expect(card).toBeVisible();
  await card.click();
  await exercise.waitUntilReady(AUTHORED.title);
  await exercise.typeAnswer(AUTHORED.solution);
  const result = await exercise.check();
  expect(result.verdict).toBe('Passed');
});

test('refuses to save an exercise whose starter already passes, and says why', async ({ page, host }) => {
  const editor = new AuthoringEditorPage(page);
  await page.goto(`${host.url}#/authoring/new`);
  await editor.field('Id').fill('e2e-lazy');
  await editor.field('Title').fill('Lazy');
  for (const pod of AUTHORED.pods) await editor.addPod(pod);
  await editor.field('Task (Markdown)').fill('Nothing to do.');
  await editor.setPolicy('Reference solution', AUTHORED.solution);
  await page.getByRole('button', { name: 'Generate checks' }).click();
  await expect(editor.proposals).toBeVisible();
  await editor.setPolicy('Starter', AUTHORED.solution);
  await expect(editor.validation).toContainText('✗ Starter fails');
  await expect(editor.saveButton).toBeDisabled();
  await expect(page.locator('#save-reason')).toContainText('starter.yaml already passes');
});

test('the authoring and import screens have no serious accessibility violations', async ({
  page,
  host,
}, testInfo) => {
  const editor = new AuthoringEditorPage(page);
  await new AuthoringListPage(page).open(host.url);
  const screens: string[] = [];
  const check = async (name: string): Promise<void> => {
    const scan = await scanScreen(page, name, testInfo);
    if (scan.blocking.length > 0) screens.push(...scan.blocking);
  };
  await check('my exercises');
  await page.goto(`${host.url}#/authoring/new`);
  for (const pod of AUTHORED.pods) await editor.addPod(pod);
  await editor.setPolicy('Reference solution', AUTHORED.solution);
  await page.getByRole('button', { name: 'Generate checks' }).click();
  await expect(editor.proposals).toBeVisible();
  await check('new exercise');
  await page.goto(`${host.url}#/packs/import`);
  await page
    .getByLabel('Pack file')
    .setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from('kind: [') });
  await expect(page.getByRole('region', { name: 'Pack preview' })).toBeVisible();
  await check('pack import');
  expect(screens).toEqual([]);
});
