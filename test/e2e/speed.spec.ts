/**
 * How fast the lab feels, measured in a real browser — not a timed test: nothing here fails for
 * being slow. It prints the numbers and writes them to `test-results/speed.json`:
 *   (a) catalog interactive after navigation: until the first exercise link is visible;
 *   (b) Check → results rendered, median of 5, on several exercises;
 *   (c) live diagnostics: until the editor marks an error after a bad line is typed into a 200-line answer.
 * Each is taken twice: in the test process (including one Playwright round trip to the browser) and
 * in the page from the lab's own User Timing measures (`renderer/src/lib/timing.ts`), which is what a
 * learner sees: catalog painted after navigation start, Check until the results are painted, and the
 * editor's analysis of the whole answer on a change (the debounce before it is deliberate).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, FIXED_EXERCISE_ID } from './support/exercise-data.ts';
import { RESULTS_ROOT } from './support/paths.ts';

const SAMPLES = 5;
const CHECKED_EXERCISES = [
  FIXED_EXERCISE_ID,
  'db-ingress-from-api',
  'three-tier-web-api-db',
  'dns-egress-after-default-deny',
];

/** Samples and their median, in whole milliseconds. */
interface Measurement {
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
}

function measurement(samples: readonly number[]): Measurement {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { samplesMs: samples.map((sample) => Math.round(sample)), medianMs: Math.round(median) };
}

/** The latest in-page User Timing measure called `name`, in milliseconds. */
async function pageMeasure(page: Page, name: string): Promise<number> {
  const duration = await page.evaluate((measureName) => {
    const entries = performance.getEntriesByName(measureName, 'measure');
    return entries.length === 0 ? null : (entries[entries.length - 1]?.duration ?? null);
  }, name);
  expect(duration, `the page recorded the ${name} measure`).not.toBeNull();
  return duration ?? Number.NaN;
}

/** Milliseconds `action` takes. */
async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** An answer of about `lines` lines: copies of `policy` under distinct names, as separate documents. */
function longAnswer(policy: string, lines: number): string {
  const documents: string[] = [];
  for (let copy = 0; documents.join('\n---\n').split('\n').length < lines; copy += 1) {
    documents.push(policy.trim().replace(/^(\s*name:\s*)(\S+)$/m, `$1$2-copy-${copy}`));
  }
  return `${documents.join('\n---\n')}\n`;
}

test('speed: catalog, Check and live diagnostics are measured', async ({ page, host, catalog, exercise }) => {
  test.setTimeout(240_000);
  const catalogSamples: number[] = [];
  const catalogInPage: number[] = [];
  const checks: Record<string, Measurement> = {};
  const checksInPage: Record<string, Measurement> = {};

  await test.step('(a) catalog interactive after navigation', async () => {
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await page.goto('about:blank');
      catalogSamples.push(
        await timed(async () => {
          await page.goto(host.url);
          await catalog.exerciseLinks.first().waitFor();
        }),
      );
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('netpol:catalog-interactive').length))
        .toBe(1);
      catalogInPage.push(await pageMeasure(page, 'netpol:catalog-interactive'));
    }
  });

  await test.step('(b) Check until the results show', async () => {
    for (const id of CHECKED_EXERCISES) {
      const data = await bundledExercise(id);
      await page.goto(`${host.url}#/exercise/${id}`);
      await exercise.waitUntilReady(data.title);
      await exercise.typeAnswer(data.solution);
      const samples: number[] = [];
      const inPage: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        await page.evaluate(() => performance.clearMeasures('netpol:check-to-results'));
        samples.push(
          await timed(async () => {
            await exercise.checkButton.click();
            await exercise.waitForAttempts(sample + 1);
          }),
        );
        await expect
          .poll(() => page.evaluate(() => performance.getEntriesByName('netpol:check-to-results').length))
          .toBe(1);
        inPage.push(await pageMeasure(page, 'netpol:check-to-results'));
      }
      await expect(exercise.summaryHeading).toHaveText('Passed');
      checks[id] = measurement(samples);
      checksInPage[id] = measurement(inPage);
    }
  });

  let diagnostics: Measurement | undefined;
  let analysisInPage: Measurement | undefined;
  let answerLines = 0;
  await test.step('(c) diagnostics after typing a bad line into a 200-line answer', async () => {
    const data = await bundledExercise(FIXED_EXERCISE_ID);
    const answer = longAnswer(data.solution, 200);
    answerLines = answer.split('\n').length - 1;
    await page.goto(`${host.url}#/exercise/${FIXED_EXERCISE_ID}`);
    await exercise.waitUntilReady(data.title);
    // CodeMirror's lint classes: the underline and the gutter marker of an error.
    const errors = page.locator('.cm-lintRange-error, .cm-lint-marker-error');
    const samples: number[] = [];
    const inPage: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await exercise.typeAnswer(answer);
      await expect(errors).toHaveCount(0);
      await page.keyboard.press('ControlOrMeta+End');
      await page.evaluate(() => performance.clearMeasures('netpol:diagnostics'));
      await page.keyboard.type('bad: [unclosed');
      samples.push(await timed(() => errors.first().waitFor()));
      inPage.push(await pageMeasure(page, 'netpol:diagnostics'));
    }
    diagnostics = measurement(samples);
    analysisInPage = measurement(inPage);
  });

  const report = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, platform: process.platform, node: process.version },
    browser: page.context().browser()?.version() ?? 'unknown',
    note: "*InPage: the lab's own User Timing measures; the others are taken in the test process and include one Playwright round trip. Diagnostics appear after a deliberate 120 ms debounce; analysisInPage is the work done then.",
    catalogInteractive: measurement(catalogSamples),
    catalogInteractiveInPage: measurement(catalogInPage),
    checkToResults: checks,
    checkToResultsInPage: checksInPage,
    diagnosticsAfterTyping: { answerLines, ...diagnostics },
    analysisInPage,
  };
  mkdirSync(RESULTS_ROOT, { recursive: true });
  const file = path.join(RESULTS_ROOT, 'speed.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`speed (median of ${SAMPLES}, written to ${file}):`);
  console.log(
    `  catalog interactive after navigation: ${report.catalogInteractive.medianMs} ms (in page: ${report.catalogInteractiveInPage.medianMs} ms)`,
  );
  for (const [id, result] of Object.entries(checks))
    console.log(
      `  Check → results, ${id}: ${result.medianMs} ms (in page: ${checksInPage[id]?.medianMs ?? '?'} ms)`,
    );
  console.log(
    `  diagnostics after typing (${answerLines}-line answer): ${diagnostics?.medianMs ?? '?'} ms; analysis in page: ${analysisInPage?.medianMs ?? '?'} ms`,
  );

  // Only that every measurement exists: no thresholds.
  expect(report.catalogInteractive.samplesMs).toHaveLength(SAMPLES);
  expect(Object.keys(checks)).toEqual(CHECKED_EXERCISES);
  for (const result of Object.values(checks)) expect(Number.isFinite(result.medianMs)).toBe(true);
  expect(diagnostics?.samplesMs).toHaveLength(SAMPLES);
  expect(answerLines).toBeGreaterThanOrEqual(200);
});
