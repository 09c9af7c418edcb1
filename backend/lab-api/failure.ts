/** The error the LabApi implementation throws when a call cannot be answered as asked. */
import type { LabApiError, LabApiErrorCode } from '../../core/lab-api/index.ts';

/**
 * An Error carrying the {@link LabApiError} the caller should see. The dispatcher sends `error` across
 * the boundary unchanged; anything else thrown becomes a generic `internal` error.
 */
export class LabApiFailure extends Error {
  readonly error: LabApiError;

  constructor(code: LabApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabApiFailure';
    this.error = { code, message };
  }
}
