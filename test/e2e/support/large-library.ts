/**
 * A `test` whose lab host serves a generated library of large exercises (see large-exercise.ts),
 * written to a temporary folder before the host starts and removed after the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from './fixtures.ts';
import { writeLargeLibrary, type LargeExerciseFiles, type LargeExerciseOptions } from './large-exercise.ts';

interface LargeLibraryFixtures {
  largeLibrary: readonly LargeExerciseFiles[];
}

/** `test`, with the host serving one exercise per entry of `variants`. */
export function largeLibraryTest(variants: readonly LargeExerciseOptions[]) {
  let root = '';
  return test.extend<LargeLibraryFixtures>({
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument.
    largeLibrary: async ({}, use) => {
      root = mkdtempSync(path.join(tmpdir(), 'netpol-lab-large-'));
      try {
        await use(writeLargeLibrary(root, variants));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    lab: async ({ largeLibrary }, use) => {
      void largeLibrary;
      await use({ exercisesDir: root });
    },
  });
}
