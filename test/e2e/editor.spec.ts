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
  // The option must be on screen before "not selected" means anything.
  await expect(list.getByRole('option', { name: /NetworkPolicy/ })).toBeVisible();
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

test('Ctrl+Space completes keys by YAML path and values from the cluster', async ({ page, exercise }) => {
  await exercise.typeAnswer('spec:\n  ingress:\n    - from:\n        - ');
  await page.keyboard.press('Control+Space');
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option')).toHaveText([/^ipBlock/, /^namespaceSelector/, /^podSelector/]);
  await page.keyboard.press('Escape');
  await exercise.typeAnswer('spec:\n  podSelector:\n    matchLabels:\n      name: pay');
  await page.keyboard.press('Control+Space');
  // The exercise's pods are labelled name=payroll; `pay` completes to it, the only value it starts.
  await expect(list.getByRole('option')).toHaveText([/^payroll/]);
  await page.keyboard.press('Escape');
  await exercise.typeAnswer('spec:\n  egress:\n    - ports:\n        - port: ');
  await page.keyboard.press('Control+Space');
  await expect(list.getByRole('option', { name: /^mysql/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /^3306/ })).toBeVisible();
});

test('values typed in full offer nothing, so Enter breaks the line', async ({ page, exercise }) => {
  await exercise.typeAnswer('spec:\n  egress:\n    - ports:\n        - protocol: TC');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type('P');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.keyboard.press('Enter');
  await page.keyboard.type('port: 3306');
  await page.keyboard.press('Enter');
  await page.keyboard.type('x');
  const lines = await page.locator('.cm-line').allInnerTexts();
  expect(lines.slice(-3)).toEqual(['        - protocol: TCP', '          port: 3306', '          x']);
});

test('the editor settings persist across a reload', async ({ page, shell }) => {
  await shell.settingsButton.click();
  await shell.settingsDialog.getByRole('radio', { name: 'Vim' }).check();
  await shell.settingsDialog.getByRole('radio', { name: '4 spaces' }).check();
  await shell.settingsDialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await shell.settingsButton.click();
  await expect(shell.settingsDialog.getByRole('radio', { name: 'Vim' })).toBeChecked();
  await expect(shell.settingsDialog.getByRole('radio', { name: '4 spaces' })).toBeChecked();
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`at 1024×700 in the ${theme} theme`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, colorScheme: theme });

    test('screenshots of the completion list and the editor settings', async ({ page, shell, exercise }) => {
      await exercise.typeAnswer('spec:\n  ingress:\n    - from:\n        - ');
      await page.keyboard.press('Control+Space');
      await expect(page.getByRole('listbox').getByRole('option', { name: /^ipBlock/ })).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/editor-completion-${theme}.png` });
      await page.keyboard.press('Escape');
      await shell.settingsButton.click();
      await expect(shell.settingsDialog.getByRole('radio', { name: 'Vim' })).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/editor-settings-${theme}.png` });
    });
  });
}

test('a YAML syntax error is said in a learner’s words at the line to fix', async ({ exercise }) => {
  await exercise.typeAnswer(
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n    namespace: default\n',
  );
  await exercise.checkButton.click();
  await expect(exercise.resultsRegion).toContainText('indented deeper than the key above it');
  await expect(exercise.resultsRegion).toContainText('the parser says:');
  await expect(exercise.resultsRegion).toContainText('line 5, column 5');
});
