/**
 * Environment variables that exist for tests and development only: a throwaway profile, reloading
 * on rebuild, short exam minutes. A packaged app must not honour them (anyone who can set a
 * variable for the learner's session could otherwise point the app at another profile or bend the
 * exam clock), so main removes them from its environment before anything reads it.
 */

/** Every variable that only tests and development may set. */
export const TEST_ONLY_VARIABLES = [
  'NETPOL_LAB_USER_DATA',
  'NETPOL_LAB_DEV_RELOAD',
  'NETPOL_LAB_EXAM_MINUTE_MS',
] as const;

/**
 * Deletes the test-only variables from `environment` when the app is packaged; returns the names it
 * removed (for the log). Unpackaged runs keep them.
 */
export function dropTestOnlyVariables(environment: NodeJS.ProcessEnv, isPackaged: boolean): string[] {
  if (!isPackaged) return [];
  const dropped: string[] = [];
  for (const name of TEST_ONLY_VARIABLES) {
    if (environment[name] === undefined) continue;
    delete environment[name];
    dropped.push(name);
  }
  return dropped;
}
