/** Well-known places in the repository, for the e2e suite. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders above `test/e2e/support`). */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The bundled exercise library. */
export const EXERCISES_ROOT = path.join(REPOSITORY_ROOT, 'exercises');

/** The hostile library the XSS test serves. */
export const HOSTILE_LIBRARY = path.join(REPOSITORY_ROOT, 'test', 'e2e', 'fixtures', 'hostile-library');

/** Where screenshots and measurements go (ignored by git). */
export const RESULTS_ROOT = path.join(REPOSITORY_ROOT, 'test-results');
