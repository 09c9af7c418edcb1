import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo>/exercises`, found from this file's location so the command works from any directory. */
export const DEFAULT_EXERCISE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../exercises',
);
