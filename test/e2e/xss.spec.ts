/**
 * Exercise text is untrusted: a library whose task, hint and check explanation carry script
 * payloads (`<script>`, `onerror`, `javascript:` links, `<svg onload>`, `<iframe>`) must render as
 * inert text. Every payload would set `window.__xss` or open a dialog; neither may ever happen.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { HOSTILE_LIBRARY } from './support/paths.ts';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../core/lab-api/index.ts';

const TITLE = 'Payloads <b>stay</b> text';

test.use({ lab: { exercisesDir: HOSTILE_LIBRARY } });

/**
 * Elements that can run or load script, and attributes that hold it, inside `region`. With
 * `authored`, inline styles count too (authors must not restyle the app; the app's own widgets,
 * such as the editor, do use them).
 */
async function activeContent(region: Locator, authored = true): Promise<string[]> {
  return region.evaluate((root, includeStyles) => {
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'form'].includes(tag))
        found.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
        if (
          ['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name) &&
          /^(javascript|vbscript|data):/.test(value)
        ) {
          found.push(`<${tag} ${name}="${attribute.value}">`);
        }
        if (includeStyles && name === 'style') found.push(`<${tag} style>`);
      }
    }
    return found;
  }, authored);
}

test('script in exercise text never runs and renders as inert text', async ({ page, catalog, exercise }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const xss = (): Promise<unknown> => page.evaluate(() => (globalThis as { __xss?: unknown }).__xss);

  await catalog.waitUntilReady();
  await expect(catalog.exerciseLink(TITLE)).toBeVisible();
  await catalog.openExercise(TITLE);
  await exercise.waitUntilReady(TITLE);

  await test.step('the task renders, without anything active', async () => {
    const task = exercise.taskRegion;
    await expect(task).toContainText('Deny every connection to b.');
    // Markdown still works and the payloads' visible parts are plain text.
    await expect(task.getByText('harmless looking link')).toBeVisible();
    await expect(task.getByText('<script>alert("code span")</script>')).toBeVisible();
    expect(await activeContent(task)).toEqual([]);
    // A link whose target was javascript: leads nowhere when followed.
    await task.getByText('harmless looking link').click();
    await task.getByText('another one').click();
    await task.getByText('Hover target').hover();
  });

  await test.step('the hint and the check explanation render without anything active', async () => {
    await exercise.revealHint();
    await expect(exercise.hints.first()).toContainText('Select b in an Ingress policy.');
    expect(await activeContent(page.getByRole('list', { name: 'Hints' }))).toEqual([]);

    const summary = await exercise.check();
    expect(summary.verdict).toBe('Not passed');
    const item = exercise.checkItem('a-to-b-denied');
    await expect(item).toContainText('Nothing may reach b.');
    await item.getByText('a link').click();
    expect(await activeContent(exercise.resultsRegion)).toEqual([]);
  });

  await test.step('the title is text, and nothing ever ran', async () => {
    await expect(exercise.heading(TITLE)).toBeVisible();
    await expect(exercise.heading().locator('b')).toHaveCount(0);
    expect(await activeContent(page.getByRole('main'), false)).toEqual([]);
    // Give any delayed handler (image error, iframe load) time to fire.
    await page.waitForTimeout(500);
    expect(await xss()).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(page.frames()).toHaveLength(1);
  });
});

test('the page carries the one Content Security Policy in its head and in the host answer', async ({
  page,
  host,
}) => {
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  // The built index.html: the policy is the first tag of <head>, before any script or style loads.
  const first = page.locator('head > :first-child');
  await expect(first).toHaveAttribute('http-equiv', 'Content-Security-Policy');
  await expect(first).toHaveAttribute('content', META_CONTENT_SECURITY_POLICY);
});
