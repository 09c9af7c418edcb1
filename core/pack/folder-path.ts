/**
 * Folder names in a pack are untrusted paths that end up on disk. They are checked against a strict
 * pattern, and the common tricks get their own message so an instructor sees what is wrong.
 */
import { hasControlCharacter } from './read-pack-text.ts';
import { PACK_LIMITS } from './types.ts';

/** `NN-name`: a track folder, or the last part of an exercise folder. */
export const FOLDER_SEGMENT = /^\d\d-[a-z0-9-]+$/;
/** `NN-track/NN-slug`: an exercise folder relative to the library root. */
export const EXERCISE_FOLDER = /^\d\d-[a-z0-9-]+\/\d\d-[a-z0-9-]+$/;

function trick(folder: string): string | undefined {
  if (folder.includes('\0')) return 'contains a NUL character';
  if (folder.includes('\\')) return 'contains a backslash; use "/" between the two folder names';
  if (folder.startsWith('/') || /^[a-zA-Z]:/.test(folder)) return 'is an absolute path';
  if (folder.split(/[\\/]/).some((segment) => segment === '..' || segment === '.'))
    return 'contains a "." or ".." segment';
  if (hasControlCharacter(folder)) return 'contains a control character';
  return undefined;
}

/** Why an exercise folder is not acceptable, or `undefined` when it is. */
export function exerciseFolderProblem(folder: string): string | undefined {
  const reason = trick(folder);
  if (reason !== undefined) return reason;
  if (folder.length > PACK_LIMITS.folderLength)
    return `is ${folder.length} characters long; at most ${PACK_LIMITS.folderLength} are allowed`;
  if (!EXERCISE_FOLDER.test(folder))
    return 'must be "NN-track/NN-slug": two folder names of two digits, "-", then lowercase letters, digits and "-"';
  if (folder.split('/').some((segment) => segment.length > PACK_LIMITS.segmentLength))
    return `has a folder name longer than ${PACK_LIMITS.segmentLength} characters`;
  return undefined;
}

/** Why a track folder is not acceptable, or `undefined` when it is. */
export function trackFolderProblem(folder: string): string | undefined {
  const reason = trick(folder);
  if (reason !== undefined) return reason;
  if (folder.includes('/')) return 'must be a single folder name, without "/"';
  if (folder.length > PACK_LIMITS.segmentLength)
    return `is ${folder.length} characters long; at most ${PACK_LIMITS.segmentLength} are allowed`;
  if (!FOLDER_SEGMENT.test(folder))
    return 'must be "NN-name": two digits, "-", then lowercase letters, digits and "-"';
  return undefined;
}
