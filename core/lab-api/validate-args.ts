/**
 * Runtime checks for the arguments of every {@link LabApi} method. Types vanish at the boundary:
 * Electron's main process and the HTTP host receive whatever a renderer (or anything else that
 * reaches them) sends, so both run these checks before a call reaches the backend.
 */
import { LAB_API_LIMITS, LAB_API_METHODS } from './contract.ts';
import type { LabApiArgs, LabApiMethod, LabApiResult, Settings, SubmitAttemptInput } from './contract.ts';

/** Thrown inside this module only; turned into an `invalid-argument` result. */
class ArgumentProblem extends Error {}

function problem(message: string): never {
  throw new ArgumentProblem(message);
}

const methodNames: ReadonlySet<string> = new Set(LAB_API_METHODS);

/** True when `name` is one of the {@link LabApi} method names. */
export function isLabApiMethod(name: unknown): name is LabApiMethod {
  return typeof name === 'string' && methodNames.has(name);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}

/** Bytes `text` takes in UTF-8 (a lone surrogate counts 3, as its replacement character would). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function identifier(value: unknown, what: string): string {
  if (typeof value !== 'string') problem(`${what} must be a string, got ${describe(value)}`);
  if (value.length === 0) problem(`${what} must not be empty`);
  if (value.length > LAB_API_LIMITS.maxIdLength) {
    problem(`${what} must be at most ${LAB_API_LIMITS.maxIdLength} characters`);
  }
  if (hasControlCharacter(value)) problem(`${what} must not contain control characters`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') problem(`${what} must be a string, got ${describe(value)}`);
  // Each UTF-16 unit takes at least one byte, so a string longer than the limit is too big already.
  const bytes = value.length > LAB_API_LIMITS.maxTextBytes ? value.length : utf8Length(value);
  if (bytes > LAB_API_LIMITS.maxTextBytes) {
    problem(`${what} must be at most ${LAB_API_LIMITS.maxTextBytes} bytes of UTF-8, got at least ${bytes}`);
  }
  return value;
}

function integer(value: unknown, what: string, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    problem(`${what} must be a whole number from ${minimum} to ${maximum}, got ${describe(value)}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problem(
      `${what} must be one of ${allowed.map((item) => `"${item}"`).join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

/** A plain object (JSON or structured clone) holding no keys but `known`. */
function record(value: unknown, what: string, known: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem(`${what} must be an object, got ${describe(value)}`);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) problem(`${what} must be a plain object`);
  const extra = Object.keys(value).filter((key) => !known.includes(key));
  if (extra.length > 0) {
    problem(`${what} has unknown key ${JSON.stringify(extra[0])}; allowed keys: ${known.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

function submitInput(value: unknown): SubmitAttemptInput {
  const input = record(value, 'argument 1 (input)', ['exerciseId', 'answer', 'durationMs']);
  return {
    exerciseId: identifier(input.exerciseId, 'input.exerciseId'),
    answer: text(input.answer, 'input.answer'),
    durationMs: integer(input.durationMs, 'input.durationMs', 0, LAB_API_LIMITS.maxDurationMs),
  };
}

function settingsChanges(value: unknown): Partial<Settings> {
  const changes = record(value, 'argument 1 (changes)', ['theme', 'fontSize']);
  // A key holding undefined (possible over structured clone) means "no change", like an absent key.
  return {
    ...(changes.theme === undefined
      ? {}
      : { theme: oneOf(changes.theme, 'changes.theme', ['system', 'light', 'dark'] as const) }),
    ...(changes.fontSize === undefined
      ? {}
      : {
          fontSize: integer(
            changes.fontSize,
            'changes.fontSize',
            LAB_API_LIMITS.minFontSize,
            LAB_API_LIMITS.maxFontSize,
          ),
        }),
  };
}

const exerciseId = (value: unknown): string => identifier(value, 'argument 1 (exerciseId)');

type ArgsCheckers = {
  readonly [M in LabApiMethod]: {
    readonly count: number;
    readonly check: (args: readonly unknown[]) => LabApiArgs<M>;
  };
};

/** Per method: how many arguments it takes and how to check them. */
const checkers: ArgsCheckers = {
  getStartupInfo: { count: 0, check: () => [] },
  getCatalog: { count: 0, check: () => [] },
  getExercise: { count: 1, check: ([id]) => [exerciseId(id)] },
  saveDraft: { count: 2, check: ([id, draft]) => [exerciseId(id), text(draft, 'argument 2 (text)')] },
  discardDraft: { count: 1, check: ([id]) => [exerciseId(id)] },
  submitAttempt: { count: 1, check: ([input]) => [submitInput(input)] },
  listAttempts: {
    count: 2,
    check: ([id, limit]) => [
      exerciseId(id),
      integer(limit, 'argument 2 (limit)', 1, LAB_API_LIMITS.maxAttemptsListed),
    ],
  },
  revealHints: {
    count: 2,
    check: ([id, count]) => [exerciseId(id), integer(count, 'argument 2 (count)', 0, 1000)],
  },
  revealSolution: { count: 1, check: ([id]) => [exerciseId(id)] },
  getProgressOverview: { count: 0, check: () => [] },
  getSettings: { count: 0, check: () => [] },
  updateSettings: { count: 1, check: ([changes]) => [settingsChanges(changes)] },
  exportProgress: {
    count: 1,
    check: ([format]) => [oneOf(format, 'argument 1 (format)', ['json', 'csv'] as const)],
  },
  resetProgress: {
    count: 1,
    check: ([confirmation]) => [oneOf(confirmation, 'argument 1 (confirmation)', ['reset'] as const)],
  },
};

/**
 * Checks the positional arguments of `method`: an array of exactly the right length, each value of
 * the right type and within {@link LAB_API_LIMITS}, objects without unknown keys. Answers the checked
 * arguments, or an `invalid-argument` error naming the argument and what was expected.
 */
export function checkLabApiArgs<M extends LabApiMethod>(
  method: M,
  args: unknown,
): LabApiResult<LabApiArgs<M>> {
  if (!isLabApiMethod(method)) {
    return { ok: false, error: { code: 'invalid-argument', message: `unknown method ${describe(method)}` } };
  }
  const checker = checkers[method] as ArgsCheckers[M];
  try {
    if (!Array.isArray(args)) problem(`${method} expects an array of arguments, got ${describe(args)}`);
    if (args.length !== checker.count) {
      problem(
        `${method} takes ${checker.count} argument${checker.count === 1 ? '' : 's'}, got ${args.length}`,
      );
    }
    return { ok: true, value: checker.check(args) };
  } catch (error) {
    if (!(error instanceof ArgumentProblem)) throw error;
    return { ok: false, error: { code: 'invalid-argument', message: `${method}: ${error.message}` } };
  }
}
