/**
 * The one error type the progress store throws, with a stable `code` so callers (the IPC layer)
 * can map it to `{ ok: false, error }` without parsing the wording.
 */

/**
 * - `invalid-argument`: a caller passed something the store refuses to keep.
 * - `unavailable`: the database file cannot be opened or created (bad path, permissions, disk).
 * - `closed`: the store was used after `close()`.
 */
export type ProgressStoreErrorCode = 'invalid-argument' | 'unavailable' | 'closed';

/** Thrown by the progress store; `message` is readable by a person, `code` is for logic. */
export class ProgressStoreError extends Error {
  readonly code: ProgressStoreErrorCode;

  constructor(code: ProgressStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProgressStoreError';
    this.code = code;
  }
}
