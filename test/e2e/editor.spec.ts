/**
 * Writing YAML in the policy editor as a learner types it: completion never swallows Enter, new lines
 * indent where YAML nests, Tab indents and Escape-then-Tab leaves, Ctrl+Space offers fields and
 * snippets, and the Settings switch to vim keys and four-space indentation.
 */
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, FIXED_EXERCISE_ID } from './support/exercise-data.ts';
import { inCodeEditor } from './support/keyboard.ts';

test.beforeEach(async ({ catalog, exercise }) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();
  await catalog.openExercise(data.title);
  await exercise.waitUntilReady(data.title);
  await exercise.typeAnswer('');
});

test('Enter after a fully typed value starts a new line, indented where YAML nests', async ({ page }) => {
  await page.keyboard.type('apiVersion: networking.k8s.io/v1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('kind: NetworkPolicy');
  await page.keyboard.press('Enter');
  await page.keyboard.type('metadata:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('name: web');
  await expect(page.locator('.cm-line').last()).toHaveText('  name: web');
  const text = (await page.locator('.cm-line').allInnerTexts()).join('\n');
  expect(text).toBe('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web');
});

test('a suggestion is taken only after moving into the list', async ({ page }) => {
  await page.keyboard.type('kind: Net');
  const list = page.getByRole('listbox');
  await expect(list).toBeVisible();
  await expect(list.getByRole('option', { name: /NetworkPolicy/ })).not.toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /NetworkPolicy/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-line').first()).toHaveText('kind: NetworkPolicy');
});

test('Ctrl+Space on an empty line offers fields and snippets; a snippet writes a whole policy', async ({
  page,
}) => {
  await page.keyboard.press('Control+Space');
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option', { name: /^apiVersion/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /deny all ingress/ })).toBeVisible();
  await list.getByRole('option', { name: /deny all ingress/ }).click();
  await expect(page.locator('.cm-content')).toContainText('kind: NetworkPolicy');
  await expect(page.locator('.cm-content')).toContainText('- Ingress');
});

test('Tab indents inside the editor; Escape then Tab moves on', async ({ page, exercise }) => {
  await page.keyboard.type('spec:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('x');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-line').nth(1)).toHaveText('  x');
  expect(await inCodeEditor(page)).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await inCodeEditor(page)).toBe(false);
  await expect(exercise.editor).not.toBeFocused();
});

test('Settings switch the editor to vim keys and four-space indentation', async ({
  page,
  shell,
  exercise,
}) => {
  await shell.settingsButton.click();
  await shell.settingsDialog.getByRole('radio', { name: 'Vim' }).check();
  await shell.settingsDialog.getByRole('radio', { name: '4 spaces' }).check();
  await shell.settingsDialog.getByRole('button', { name: 'Close' }).click();
  await exercise.editor.click();
  // In vim's normal mode letters are commands: `i` enters insert mode, Escape leaves it.
  await page.keyboard.press('i');
  await page.keyboard.type('spec:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('podSelector: {}');
  await page.keyboard.press('Escape');
  await page.keyboard.type('dd');
  await expect(page.locator('.cm-line')).toHaveText(['spec:']);
  await page.keyboard.press('u');
  await expect(page.locator('.cm-line').nth(1)).toHaveText('    podSelector: {}');
});
