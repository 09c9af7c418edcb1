/**
 * Accessibility scans with axe-core: every violation is reported in plain words, and only the
 * serious and critical ones fail a test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { Result } from 'axe-core';

const BLOCKING = new Set(['serious', 'critical']);

/** The outcome of one scan. */
export interface AxeScan {
  readonly screen: string;
  /** Every violation, readably. */
  readonly report: string;
  /** Only the serious and critical ones, readably (empty when there are none). */
  readonly blocking: readonly string[];
}

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 8)
    .map((node) => {
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      return `    at ${node.target.join(' ')}\n       ${summary}`;
    })
    .join('\n');
  const more = violation.nodes.length > 8 ? `\n    … and ${violation.nodes.length - 8} more` : '';
  return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n${nodes}${more}\n    ${violation.helpUrl}`;
}

/** Scans the whole page (WCAG 2.x A and AA plus best practices), prints and attaches the result. */
export async function scanScreen(page: Page, screen: string, testInfo: TestInfo): Promise<AxeScan> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const lines = results.violations.map(describe);
  const report =
    lines.length === 0
      ? `axe ${screen}: no violations`
      : `axe ${screen}: ${lines.length} violation(s)\n${lines.join('\n')}`;
  console.log(report);
  await testInfo.attach(`axe-${screen}`, { body: report, contentType: 'text/plain' });
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map(describe);
  return { screen, report, blocking };
}
