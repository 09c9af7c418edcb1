/**
 * A "why" for every connection: a matrix cell or a graph arrow opens the engine's explanation of
 * that connection (by keyboard and by mouse), the probe form explains any connection, the graph
 * filters by port and by difference, and a large cluster stays light and grouped. Screenshots of the
 * panel open, in both themes at 1024×700, go to `test-results/screenshots/why-panel-*.png`.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ReachCheck } from '../../core/exercise/index.ts';
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, expectedGrade, FIXED_EXERCISE_ID } from './support/exercise-data.ts';
import { OPEN_EXERCISE_ID, OPEN_EXERCISE_TITLE } from './support/large-exercise.ts';
import { largeLibraryTest } from './support/large-library.ts';
import { domNodeCount, horizontalOverflow } from './support/page-metrics.ts';
import { RESULTS_ROOT } from './support/paths.ts';
import type { ExercisePage } from './pages/exercise-page.ts';

const SCREENSHOTS = path.join(RESULTS_ROOT, 'screenshots');

/** The parts of the engine's lines the panel shows: each side's verdict and every rule's outcome. */
function shownParts(lines: readonly string[]): string[] {
  return lines.slice(1).map((line) => {
    if (line.startsWith(' ')) return line.trim().replace(/^- /, '');
    const colon = line.indexOf(': ');
    return line.startsWith('Egress from ') || line.startsWith('Ingress to ') ? line.slice(colon + 2) : line;
  });
}

function connection(check: Pick<ReachCheck, 'from' | 'to' | 'port' | 'protocol'>): string {
  return `${check.from} to ${check.to} on ${check.port}/${check.protocol}`;
}

async function openFixedExercise(page: Page, url: string, exercise: ExercisePage): Promise<void> {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await page.goto(`${url}#/exercise/${FIXED_EXERCISE_ID}`);
  await exercise.waitUntilReady(data.title);
  await expect(exercise.matrix.getByRole('gridcell').first()).toBeVisible();
}

test('a matrix cell explains its connection, by keyboard and by mouse, and follows the policies', async ({
  page,
  host,
  exercise,
}) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  const checks = data.checks.filter((check): check is ReachCheck => check.type === 'reach');
  const firstPort = checks[0];
  if (firstPort === undefined) throw new Error('the exercise has no reach check');
  await openFixedExercise(page, host.url, exercise);

  await test.step('arrow keys move between cells; Enter opens the panel; Escape closes it', async () => {
    const first = exercise.matrix.getByRole('gridcell').first();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    const focused = page.locator(':focus');
    const name = (await focused.getAttribute('aria-label')) ?? '';
    const [, from = '', to = ''] = /^(\S+) to (\S+) on /.exec(name) ?? [];
    await page.keyboard.press('Enter');
    await expect(exercise.whyPanel).toBeVisible();
    await expect(exercise.whyPanel.getByRole('heading', { name: 'Why this connection?' })).toBeFocused();
    await expect(exercise.whyPanel.getByRole('combobox', { name: 'From', exact: true })).toHaveValue(from);
    await expect(exercise.whyPanel.getByRole('combobox', { name: 'To', exact: true })).toHaveValue(to);
    await expect(exercise.whySide('Egress')).toContainText(`Egress, leaving ${from}`);
    await expect(exercise.whySide('Ingress')).toContainText(`Ingress, arriving at ${to}`);
    await page.keyboard.press('Escape');
    await expect(exercise.whyPanel).toBeHidden();
    await expect(exercise.matrix.getByRole('gridcell', { name })).toBeFocused();
  });

  const denied = checks.find((check) => check.expect === 'deny' && check.port === firstPort.port);
  if (denied === undefined) throw new Error('the exercise has no denied check on its first port');
  await test.step('a cell that differs says so, with the check and the engine own words', async () => {
    await exercise.matrixCell(connection(denied)).click();
    await expect(exercise.whyPanel).toBeVisible();
    await expect(exercise.whyPanel).toContainText('Allowed');
    await expect(exercise.whyPanel.getByRole('list', { name: 'Checks on this connection' })).toContainText(
      `Check ${denied.id} expects deny; your policies allow it.`,
    );
  });

  await test.step('writing the solution explains the same connection again against it', async () => {
    await exercise.typeAnswer(data.solution);
    await expect(exercise.whyPanel).toContainText('Denied');
    await expect(exercise.whyPanel).toContainText('your policies agree.');
    const engine = expectedGrade(data, data.solution).checks.find((check) => check.id === denied.id);
    const lines = engine?.type === 'reach' ? engine.explanation : [];
    expect(lines.length).toBeGreaterThan(2);
    for (const part of shownParts(lines)) await expect(exercise.whyPanel).toContainText(part);
    await exercise.whyPanel.getByRole('button', { name: 'Close the explanation' }).click();
    await expect(exercise.whyPanel).toBeHidden();
  });
});

test('the probe form explains any connection and names what is wrong', async ({ page, host, exercise }) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  const check = data.checks.find(
    (item): item is ReachCheck => item.type === 'reach' && item.expect === 'allow',
  );
  if (check === undefined) throw new Error('the exercise has no allowed check');
  await openFixedExercise(page, host.url, exercise);
  await exercise.typeAnswer(data.solution);

  await exercise.explainConnectionButton.click();
  await expect(exercise.whyPanel.getByRole('combobox', { name: 'From', exact: true })).toBeFocused();
  await exercise.probe(check.from, 'default/no-such-pod', check.port);
  await expect(exercise.whyPanel.getByRole('alert')).toContainText('no pod "default/no-such-pod"');
  await expect(exercise.whyPanel.getByRole('combobox', { name: 'To', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await exercise.probe(check.from, check.to, check.port, check.protocol);
  await expect(exercise.whyPanel.getByRole('alert')).toBeHidden();
  await expect(exercise.whyPanel).toContainText('Allowed');
  await expect(exercise.whyPanel).toContainText(`Check ${check.id} expects allow; your policies agree.`);
  const engine = expectedGrade(data, data.solution).checks.find((item) => item.id === check.id);
  for (const part of shownParts(engine?.type === 'reach' ? engine.explanation : [])) {
    await expect(exercise.whyPanel).toContainText(part);
  }

  // A port no check uses: the engine still answers, and says no check looks there.
  await exercise.probe(check.from, check.to, 9, 'UDP');
  await expect(exercise.whyPanel).toContainText('Denied');
  await expect(exercise.whyPanel).toContainText('No check looks at this connection.');
  await page.keyboard.press('Escape');
  await expect(exercise.explainConnectionButton).toBeFocused();
});

test('the graph filters by port and by difference, and an arrow explains itself', async ({
  page,
  host,
  exercise,
}) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  const ports = [
    ...new Set(
      data.checks
        .filter((check): check is ReachCheck => check.type === 'reach')
        .map((check) => `${check.port}/${check.protocol}`),
    ),
  ];
  await openFixedExercise(page, host.url, exercise);

  for (const [index, port] of ports.entries()) {
    await exercise.graphPort.selectOption({ index });
    const names = await exercise.graphArrows.evaluateAll((arrows) =>
      arrows.map((arrow) => arrow.getAttribute('aria-label') ?? ''),
    );
    expect(names.length, `arrows on ${port}`).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain(` on ${port}: `);
  }

  await exercise.graphPort.selectOption({ index: 0 });
  await exercise.differencesOnly.check();
  const differing = await exercise.graphArrows.evaluateAll((arrows) =>
    arrows.map((arrow) => arrow.getAttribute('aria-label') ?? ''),
  );
  expect(differing.length).toBeGreaterThan(0);
  for (const name of differing) expect(name).toMatch(/but a check expects (allow|deny)$/);
  // The legend names only what is drawn: every arrow's kind, and no other.
  const legend = await exercise.graphLegend.getByRole('listitem').allInnerTexts();
  const kinds = new Set(differing.map((name) => name.slice(name.indexOf(': ') + 2)));
  for (const kind of kinds) expect(legend).toContain(kind);
  expect(legend).not.toContain('allowed, not checked');
  expect(legend).not.toContain('allowed, as a check expects');

  await exercise.graphArrows.first().focus();
  await page.keyboard.press('End');
  const last = (await page.locator(':focus').getAttribute('aria-label')) ?? '';
  expect(last).toBe(differing[differing.length - 1]);
  await page.keyboard.press('Enter');
  await expect(exercise.whyPanel).toBeVisible();
  const [, from = '', to = ''] = /^(\S+) to (\S+) on /.exec(last) ?? [];
  await expect(exercise.whyPanel.getByRole('combobox', { name: 'From', exact: true })).toHaveValue(from);
  await expect(exercise.whyPanel.getByRole('combobox', { name: 'To', exact: true })).toHaveValue(to);
  await page.keyboard.press('Escape');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', last);
});

const largeTest = largeLibraryTest([{ pods: 600, replicas: 10, denyIngress: false }]);

largeTest(
  'a large cluster is drawn grouped and light, with no arrow between two outside addresses',
  async ({ page, host, exercise, largeLibrary }) => {
    expect(largeLibrary[0]?.podCount).toBe(600);
    await page.goto(`${host.url}#/exercise/${OPEN_EXERCISE_ID}`);
    await exercise.waitUntilReady(OPEN_EXERCISE_TITLE);
    await expect(exercise.graphArrows.first()).toBeVisible();
    await expect(exercise.clusterRegion).toContainText(
      'pods of a namespace that every policy treats alike share one node',
    );
    const names = await exercise.graphArrows.evaluateAll((arrows) =>
      arrows.map((arrow) => arrow.getAttribute('aria-label') ?? ''),
    );
    expect(names.some((name) => /^(internet|backup) to (internet|backup) /.test(name))).toBe(false);
    expect(names.some((name) => name.startsWith('internet to '))).toBe(true);
    const domNodes = await domNodeCount(page);
    expect(domNodes).toBeLessThan(10_000);
    await expect(exercise.podsTable).toHaveAttribute('aria-rowcount', '601');

    const grouped = names.findIndex((name) => / pod pairs\)$/.test(name));
    expect(grouped).toBeGreaterThanOrEqual(0);
    await exercise.graphArrows.first().focus();
    for (let step = 0; step < grouped; step++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(exercise.whyPanel).toContainText(/This arrow stands for \d+ pod pairs/);
    await expect(exercise.whyPanel).toContainText('Allowed');
  },
);

for (const theme of ['light', 'dark'] as const) {
  test.describe(`the panel in the ${theme} theme`, () => {
    test.use({ colorScheme: theme, viewport: { width: 1024, height: 700 } });

    test(`screenshot of the why panel, ${theme}, 1024×700`, async ({ page, host, exercise }) => {
      const data = await bundledExercise(FIXED_EXERCISE_ID);
      await openFixedExercise(page, host.url, exercise);
      await exercise.typeAnswer(data.solution);
      const denied = data.checks.find(
        (check): check is ReachCheck => check.type === 'reach' && check.expect === 'deny',
      );
      if (denied === undefined) throw new Error('no denied check');
      await exercise.explainConnectionButton.click();
      await exercise.probe(denied.from, denied.to, denied.port, denied.protocol);
      await expect(exercise.whyPanel).toContainText('Denied');
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SCREENSHOTS, `why-panel-${theme}-1024x700.png`) });
      const overflow = await horizontalOverflow(page);
      expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    });
  });
}
