/** Builders for {@link ExamOutcome}, so every rule reports success and refusal the same way. */
import type { ExamErrorCode, ExamOutcome } from './types.ts';

/** A successful outcome. */
export function succeed<T>(value: T): ExamOutcome<T> {
  return { ok: true, value };
}

/** A refusal with a stable code and a sentence for people. */
export function refuse<T>(code: ExamErrorCode, message: string): ExamOutcome<T> {
  return { ok: false, error: { code, message } };
}
