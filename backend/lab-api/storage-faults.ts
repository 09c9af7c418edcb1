/**
 * Storage faults in words a learner can act on. SQLite reports a full disk, a read-only file, a
 * failing disk or another process holding the lock with a code of its own; without this mapping each
 * surfaced as "Something went wrong inside the lab". The draft in the page is never lost to one of
 * them (the renderer keeps it until a save succeeds), so every message says so.
 */
import type { LabApiError } from '../../core/lab-api/index.ts';

const DRAFT_KEPT = 'your draft stays in this window.';

/** A SQLite result code (`SQLITE_FULL`, `SQLITE_IOERR_WRITE`…) or a Node errno code (`ENOSPC`). */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** What went wrong, as the end of "Your progress could not be saved: …", or `undefined` when `code` is no storage fault. */
function describe(code: string): string | undefined {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return `the disk is full. Free some space; ${DRAFT_KEPT}`;
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return `the progress database cannot be written (it is read-only, or was written by a newer version of NetPol Lab). Check the file and its folder; ${DRAFT_KEPT}`;
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return `the disk reported an error while writing. Check the disk; ${DRAFT_KEPT}`;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `another program is holding the progress database. Close other NetPol Lab windows and try again; ${DRAFT_KEPT}`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return `the progress database can no longer be opened (was it moved or deleted?); ${DRAFT_KEPT}`;
  }
  return undefined;
}

/**
 * The `unavailable` error a caller sees for a storage fault, or `undefined` when `error` is not
 * one. The SQLite or system code stays in the log, not in the page.
 */
export function storageFaultError(error: unknown): LabApiError | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const what = describe(code);
  return what === undefined
    ? undefined
    : { code: 'unavailable', message: `Your progress could not be saved: ${what}` };
}
