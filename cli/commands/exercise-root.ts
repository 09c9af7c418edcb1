import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../command.ts';

/** `<repo>/exercises`, found from this file's location so the command works from any directory. */
export const DEFAULT_EXERCISE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../exercises',
);

/**
 * The library a command should load: an explicit `--exercises`, the library an exercise folder sits
 * in (`<root>/<track>/<exercise>`), or the bundled one.
 */
export function exerciseLibraryRoot(io: CliIo, reference: string, explicit: string | undefined): string {
  if (explicit !== undefined) return path.resolve(io.cwd, explicit);
  const candidate = path.resolve(io.cwd, reference);
  if (existsSync(path.join(candidate, 'exercise.yaml')) && statSync(candidate).isDirectory()) {
    const inDefault = !path.relative(DEFAULT_EXERCISE_ROOT, candidate).startsWith('..');
    if (!inDefault) return path.resolve(candidate, '../..');
  }
  return DEFAULT_EXERCISE_ROOT;
}
