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
  /** From navigation until the exercise screen's live graph and matrix are first painted. */
  exerciseInteractive: 'netpol:exercise-interactive',
  /** The live analysis of one change, from sending it until its views are in place. */
  liveViews: 'netpol:live-views',
} as const;

/**
 * Records `name` as the time from `startTime` (a `performance.now()` value) until now; `detail`
 * travels with the measure (the speed report reads it).
 */
export function recordMeasure(
  name: string,
  startTime: number,
  detail?: Readonly<Record<string, unknown>>,
): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  performance.clearMeasures(name);
  performance.measure(name, {
    start: startTime,
    end: performance.now(),
    ...(detail === undefined ? {} : { detail }),
  });
}

/** Resolves after the browser has painted the current DOM (two animation frames). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
