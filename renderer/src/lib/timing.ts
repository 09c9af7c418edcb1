/**
 * User Timing marks for the speeds the lab promises (Check → results, diagnostics while typing).
 * They show in the browser's performance panel and the e2e speed report reads them; only the latest
 * measure of each name is kept, so a long session does not grow the timeline.
 */

/** Names of the measures the lab records. */
export const TIMING = {
  catalogInteractive: 'netpol:catalog-interactive',
  checkToResults: 'netpol:check-to-results',
  diagnostics: 'netpol:diagnostics',
} as const;

/** Records `name` as the time from `startTime` (a `performance.now()` value) until now. */
export function recordMeasure(name: string, startTime: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  performance.clearMeasures(name);
  performance.measure(name, { start: startTime, end: performance.now() });
}

/** Resolves after the browser has painted the current DOM (two animation frames). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
