/**
 * The building blocks of argument checking: each takes an unknown value and a name for messages,
 * and answers the value typed or throws {@link ArgumentProblem} saying what was expected.
 */
import { LAB_API_LIMITS } from './contract.ts';
import type { LabApiArgs, LabApiMethod } from './contract.ts';

/** Thrown inside this module only; turned into an `invalid-argument` result. */
export class ArgumentProblem extends Error {}

export function problem(message: string): never {
  throw new ArgumentProblem(message);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}

/** Bytes `text` takes in UTF-8 (a lone surrogate counts 3, as its replacement character would). */
export function utf8Length(text: string): number {
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

export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function identifier(value: unknown, what: string): string {
  if (typeof value !== 'string') problem(`${what} must be a string, got ${describe(value)}`);
  if (value.length === 0) problem(`${what} must not be empty`);
  if (value.length > LAB_API_LIMITS.maxIdLength) {
    problem(`${what} must be at most ${LAB_API_LIMITS.maxIdLength} characters`);
  }
  if (hasControlCharacter(value)) problem(`${what} must not contain control characters`);
  return value;
}

export function text(value: unknown, what: string): string {
  if (typeof value !== 'string') problem(`${what} must be a string, got ${describe(value)}`);
  // Each UTF-16 unit takes at least one byte, so a string longer than the limit is too big already.
  const bytes = value.length > LAB_API_LIMITS.maxTextBytes ? value.length : utf8Length(value);
  if (bytes > LAB_API_LIMITS.maxTextBytes) {
    problem(`${what} must be at most ${LAB_API_LIMITS.maxTextBytes} bytes of UTF-8, got at least ${bytes}`);
  }
  return value;
}

export function integer(value: unknown, what: string, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    problem(`${what} must be a whole number from ${minimum} to ${maximum}, got ${describe(value)}`);
  }
  return value;
}

export function oneOf<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problem(
      `${what} must be one of ${allowed.map((item) => `"${item}"`).join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

/** A number that is one of `allowed`. */
export function oneOfNumbers(value: unknown, what: string, allowed: readonly number[]): number {
  if (typeof value !== 'number' || !allowed.includes(value)) {
    problem(`${what} must be one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value;
}

/** A plain object (JSON or structured clone) holding no keys but `known`. */
export function record(value: unknown, what: string, known: readonly string[]): Record<string, unknown> {
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

/** How one method's arguments are checked: how many, and the check of the whole tuple. */
export interface ArgsChecker<M extends LabApiMethod> {
  /** The most arguments the method takes. */
  readonly count: number;
  /** How many of the last arguments may be left off (none unless given). */
  readonly optional?: number;
  readonly check: (args: readonly unknown[]) => LabApiArgs<M>;
}

/** Checkers for a group of methods; the groups together must cover every method. */
export type ArgsCheckers<K extends LabApiMethod = LabApiMethod> = { readonly [M in K]: ArgsChecker<M> };
