/**
 * Argument checks for the progress store. The IPC layer validates too, but the store is the last
 * line: it must never keep a value that later breaks a query, an export or the UI.
 */
import { ProgressStoreError } from './errors.ts';
import type { AttemptInput, JsonValue } from './types.ts';

/** Longest exercise id, setting key or version hash the store accepts. */
export const MAX_ID_LENGTH = 200;
/** Largest submitted YAML, draft or JSON payload, in bytes of UTF-8. */
export const MAX_TEXT_BYTES = 1024 * 1024;

// Control characters in an id would make CSV exports and log lines misleading.
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function fail(message: string): never {
  throw new ProgressStoreError('invalid-argument', message);
}

/** A short identifier: exercise id, setting key, exam id, version hash. */
export function checkIdentifier(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string, got ${describe(value)}`);
  if (value.length === 0) fail(`${what} must not be empty`);
  if (value.length > MAX_ID_LENGTH) fail(`${what} must be at most ${MAX_ID_LENGTH} characters`);
  if (value.trim() !== value) fail(`${what} must not start or end with whitespace`);
  if (hasControlCharacter(value)) fail(`${what} must not contain control characters`);
  return value;
}

/** Learner text (YAML, drafts): any string up to the size limit. */
export function checkText(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string, got ${describe(value)}`);
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_TEXT_BYTES) fail(`${what} is ${bytes} bytes; the limit is ${MAX_TEXT_BYTES} bytes (1 MB)`);
  return value;
}

/** A JSON payload, returned serialized; rejects values JSON would silently change or drop. */
export function checkJson(value: unknown, what: string): string {
  checkJsonValue(value, what, 0);
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) fail(`${what} is larger than 1 MB as JSON`);
  return text;
}

function checkJsonValue(value: unknown, path: string, depth: number): void {
  // Deep nesting is never real data here and would risk a stack overflow in JSON.stringify.
  if (depth > 64) fail(`${path} is nested too deeply`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${path} must be a finite number, got ${String(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonValue(item, `${path}[${index}]`, depth + 1));
    return;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkJsonValue(item, `${path}.${key}`, depth + 1);
    return;
  }
  fail(
    `${path} must be JSON data (null, boolean, number, string, array or plain object), got ${describe(value)}`,
  );
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A count or duration: a non-negative safe integer. */
export function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(`${what} must be a non-negative whole number, got ${describe(value)}`);
  }
  return value;
}

/** Checks a whole attempt and returns its JSON-serialized checks alongside the input. */
export function checkAttemptInput(input: unknown): { attempt: AttemptInput; checksJson: string } {
  if (typeof input !== 'object' || input === null) fail(`attempt must be an object, got ${describe(input)}`);
  const record = input as Record<string, unknown>;
  const exerciseId = checkIdentifier(record.exerciseId, 'exerciseId');
  const exerciseVersion = checkIdentifier(record.exerciseVersion, 'exerciseVersion');
  const yaml = checkText(record.yaml, 'yaml');
  const checksJson = checkJson(record.checks, 'checks');
  const score = record.score;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
    fail(`score must be a number from 0 to 1, got ${describe(score)}`);
  }
  if (typeof record.passed !== 'boolean') fail(`passed must be a boolean, got ${describe(record.passed)}`);
  const durationMs = checkCount(record.durationMs, 'durationMs');
  const attempt: AttemptInput = {
    exerciseId,
    exerciseVersion,
    yaml,
    checks: JSON.parse(checksJson) as JsonValue,
    score,
    passed: record.passed,
    durationMs,
  };
  return { attempt, checksJson };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}
