/**
 * Packs in the app: export an authored exercise as a pack, import it into a second lab with a fresh
 * data folder (the same exercise arrives), and refuse hostile packs with every problem listed and
 * nothing imported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { writePack } from '../../core/pack/index.ts';
import type { PackExercise } from '../../core/pack/index.ts';
import { AUTHORED } from './authoring-data.ts';
import { AuthoringListPage, PackImportPage } from './pages/authoring-page.ts';
import { expect, test } from './support/fixtures.ts';
import { LabHost } from './support/host.ts';

const EXERCISE_YAML = `# yaml-language-server: $schema=../../exercise.schema.json
id: ${AUTHORED.id}
title: ${AUTHORED.title}
track: my-exercises
difficulty: beginner
minutes: 5
tags: [ingress]
kind: write
examWeight: 0
task: |
  ${AUTHORED.task}
cluster:
  pods:
    - { name: api, labels: { app: api }, ports: [{ name: http, port: 8080 }] }
    - { name: db, labels: { app: db }, ports: [{ name: pg, port: 5432 }] }
checks:
  - { id: ${AUTHORED.changedCheck}, type: reach, from: default/db, to: default/api, port: 8080, expect: deny }
  - { id: ${AUTHORED.staysOpenCheck}, type: reach, from: default/api, to: default/db, port: 5432, expect: allow }
`;
const FILES = { exerciseYaml: EXERCISE_YAML, starter: '', solution: AUTHORED.solution };
const DETAILS = { name: 'E2E pack', author: 'Pack Tester', version: '1.2.3' };

/** Calls the host's API directly, for setting up and for checking what was written. */
async function call<T>(
  request: APIRequestContext,
  baseUrl: string,
  method: string,
  ...args: unknown[]
): Promise<T> {
  const response = await request.post(`${baseUrl}api/${method}`, { data: { args } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'failed'}`);
  return body.value as T;
}

/** A pack written the way the lab writes them, from exercise folders. */
function packOf(exercises: readonly PackExercise[]): string {
  return writePack({
    manifest: { ...DETAILS, createdWith: 'netpol-lab' },
    tracks: [
      {
        folder: '90-my-exercises',
        id: 'my-exercises',
        title: 'My exercises',
        description: 'Mine.',
        order: 90,
      },
    ],
    exercises,
  });
}

const GOOD = {
  folder: '90-my-exercises/00-isolate-api',
  files: { 'exercise.yaml': EXERCISE_YAML, 'starter.yaml': '', 'solution.yaml': AUTHORED.solution },
};

/** Drops a file holding `text` on the page, as dragging it from the desktop would. */
async function dropFile(page: Page, text: string): Promise<void> {
  // A string script: the test layer has no DOM types, the page has the DOM.
  await page.evaluate(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([${JSON.stringify(text)}], 'dropped.yaml', { type: 'application/yaml' }));
    const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
    document.body.dispatchEvent(new DragEvent('dragover', init));
    document.body.dispatchEvent(new DragEvent('drop', init));
  })()`);
}

test('exports a pack and imports it into a fresh lab, where the same exercise arrives', async ({
  page,
  host,
  request,
}) => {
  await call(request, host.url, 'saveAuthoredExercise', FILES);
  const list = new AuthoringListPage(page);
  await list.open(host.url);
  const packText = await list.exportPack([AUTHORED.title], DETAILS);
  expect(packText).toContain('kind: NetPolLabPack');
  expect(packText).toContain(`id: ${AUTHORED.id}`);

  const secondData = mkdtempSync(path.join(tmpdir(), 'netpol-lab-e2e-second-'));
  const second = new LabHost({ dataDir: secondData });
  await second.start();
  try {
    const importer = new PackImportPage(page);
    await importer.open(second.url);
    await importer.choose(packText, 'e2e-pack.yaml');
    await expect(importer.preview).toContainText(DETAILS.name);
    await expect(importer.preview).toContainText(DETAILS.author);
    await expect(importer.preview).toContainText(DETAILS.version);
    await expect(importer.preview.getByRole('list', { name: 'Exercises in the pack' })).toContainText(
      AUTHORED.id,
    );
    await expect(importer.preview.getByRole('list', { name: 'Problems' })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'Rename clashing exercises' })).toBeChecked();
    await importer.importButton.click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 exercise.' })).toBeVisible();

    // Identical: same id, title and checks, byte for byte.
    const imported = await call<typeof FILES>(request, second.url, 'getAuthoredExercise', AUTHORED.id);
    expect(imported).toEqual(FILES);
    await page.goto(`${second.url}#/`);
    await expect(
      page
        .getByRole('region', { name: 'My exercises' })
        .getByRole('link', { name: new RegExp(`^${AUTHORED.title}`) }),
    ).toBeVisible();

    // Dropping the same pack anywhere opens the preview, which now names the clash; refusing imports nothing.
    await dropFile(page, packText);
    await expect(page.getByRole('heading', { level: 1, name: 'Import a pack' })).toBeVisible();
    await expect(importer.preview.getByRole('list', { name: 'Clashing ids' })).toContainText(AUTHORED.id);
    await page.getByRole('radio', { name: 'Refuse' }).check();
    await importer.importButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toBeVisible();
    const after = await call<readonly { id: string }[]>(request, second.url, 'listAuthoredExercises');
    expect(after.map((exercise) => exercise.id)).toEqual([AUTHORED.id]);
  } finally {
    await second.stop();
    rmSync(secondData, { recursive: true, force: true });
  }
});

const HOSTILE: readonly { name: string; text: () => string; problem: RegExp }[] = [
  {
    name: 'bad schema',
    text: () => packOf([GOOD]).replace('kind: NetPolLabPack', 'kind: NetPolLabPack\nsurprise: true'),
    problem: /surprise/,
  },
  {
    name: '<script> in Markdown',
    text: () =>
      packOf([
        {
          ...GOOD,
          files: {
            ...GOOD.files,
            'exercise.yaml': EXERCISE_YAML.replace(
              AUTHORED.task,
              `${AUTHORED.task} <script>alert(1)</script>`,
            ),
          },
        },
      ]),
    problem: /script/i,
  },
  {
    name: 'duplicate ids',
    text: () => packOf([GOOD, { ...GOOD, folder: '90-my-exercises/01-isolate-api-again' }]),
    problem: new RegExp(AUTHORED.id),
  },
  {
    name: 'path trick',
    text: () => packOf([GOOD]).replace('folder: 90-my-exercises/00-isolate-api', 'folder: ../x'),
    problem: /\.\./,
  },
];

test('refuses hostile packs with their problems listed and imports nothing', async ({
  page,
  host,
  request,
}) => {
  const importer = new PackImportPage(page);
  await importer.open(host.url);
  for (const hostile of HOSTILE) {
    await test.step(hostile.name, async () => {
      await importer.choose(hostile.text(), `${hostile.name}.yaml`);
      await expect(importer.preview).toContainText('The pack is refused');
      await expect(importer.problems.first()).toBeVisible();
      await expect(importer.preview.getByRole('list', { name: 'Problems' })).toContainText(hostile.problem);
      await expect(importer.importButton).toBeDisabled();
      expect(await call<readonly unknown[]>(request, host.url, 'listAuthoredExercises')).toEqual([]);
    });
  }
  // No script from a pack ever ran.
  await expect(page.locator('main script')).toHaveCount(0);
});
