import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStoreError } from './errors.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { openProgressStore } from './open-progress-store.ts';
import type { OpenedProgressStore } from './open-progress-store.ts';

const NOW = Date.UTC(2026, 10, 22, 9, 30, 15, 250);
const STAMP = '2026-11-22T09-30-15-250Z';

let folder: string;
let file: string;
let opened: OpenedProgressStore[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-open-'));
  file = join(folder, 'progress.db');
  opened = [];
});

afterEach(() => {
  for (const { store } of opened) store.close();
  rmSync(folder, { recursive: true, force: true });
});

function open(path = file): OpenedProgressStore {
  const result = openProgressStore(path, { now: () => NOW });
  opened.push(result);
  return result;
}

function addSampleAttempt(result: OpenedProgressStore): number {
  return result.store.addAttempt({
    exerciseId: 'ex',
    exerciseVersion: 'v1',
    yaml: 'kind: NetworkPolicy\n'.repeat(200),
    checks: [],
    score: 1,
    passed: true,
    durationMs: 1,
  }).id;
}

/** Deterministic noise, so a failure reproduces. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >>> 16;
  }
  return bytes;
}

function rawPragma(path: string, pragma: string): unknown {
  const database = new Database(path, { readonly: true });
  try {
    return database.pragma(pragma, { simple: true });
  } finally {
    database.close();
  }
}

function expectRecoveredWorkingStore(result: OpenedProgressStore, reason: RegExp): void {
  expect(result.recovered).toBeDefined();
  expect(result.recovered?.movedTo).toBe(`${file}.corrupt-${STAMP}`);
  expect(result.recovered?.reason).toMatch(reason);
  const id = addSampleAttempt(result);
  expect(result.store.getAttempt(id)?.exerciseId).toBe('ex');
}

describe('opening a healthy database', () => {
  it('creates the file and its folder, in WAL mode at the latest schema', () => {
    const nested = join(folder, 'a', 'b', 'progress.db');
    const result = open(nested);
    expect(result.recovered).toBeUndefined();
    expect(result.store.path).toBe(nested);
    addSampleAttempt(result);
    expect(rawPragma(nested, 'journal_mode')).toBe('wal');
    expect(rawPragma(nested, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reopens an existing database without recovery', () => {
    const first = open();
    const id = addSampleAttempt(first);
    first.store.close();
    const second = open();
    expect(second.recovered).toBeUndefined();
    expect(second.store.getAttempt(id)).toBeDefined();
  });

  it('opens an empty (zero-byte) file as a new database, and says so', () => {
    writeFileSync(file, '');
    const result = open();
    expect(result.recovered).toBeUndefined();
    expect(result.warning).toMatch(/was an empty file \(0 bytes\).*started a new one/);
    addSampleAttempt(result);
  });

  it('says nothing on an ordinary open', () => {
    open().store.close();
    expect(open().warning).toBeUndefined();
  });
});

describe('recovering from a damaged database', () => {
  it('sets aside a file of random bytes', () => {
    const bytes = noise(8192);
    writeFileSync(file, bytes);
    const result = open();
    expectRecoveredWorkingStore(result, /not a SQLite database/);
    expect(readFileSync(`${file}.corrupt-${STAMP}`).equals(bytes)).toBe(true);
  });

  it('sets aside a truncated database', () => {
    const first = open();
    for (let index = 0; index < 200; index += 1) addSampleAttempt(first);
    first.store.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expectRecoveredWorkingStore(open(), /damaged|integrity/);
  });

  it('sets aside a database cut down to part of its header', () => {
    open().store.close();
    writeFileSync(file, readFileSync(file).subarray(0, 60));
    expectRecoveredWorkingStore(open(), /damaged|not a SQLite database/);
  });

  it('sets aside a database that lacks a table its schema version promises', () => {
    const first = open();
    addSampleAttempt(first);
    first.store.close();
    const database = new Database(file);
    database.exec('DROP TABLE exam_sessions');
    database.close();
    expectRecoveredWorkingStore(open(), /schema version \d+ but lacks the table exam_sessions/);
    expect(rawPragma(`${file}.corrupt-${STAMP}`, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
  });

  it('sets aside a database that lacks a column of its schema version', () => {
    open().store.close();
    const database = new Database(file);
    database.exec('ALTER TABLE exam_sessions DROP COLUMN details_json');
    database.close();
    expectRecoveredWorkingStore(open(), /its table exam_sessions lacks the column details_json/);
  });

  it('sets aside a database whose recorded version was reset while its tables remain', () => {
    const first = open();
    addSampleAttempt(first);
    first.store.close();
    const database = new Database(file);
    database.pragma('user_version = 0');
    database.close();
    expectRecoveredWorkingStore(open(), /records no schema version but already holds the table/);
  });
});

describe('a database written by a newer version', () => {
  it('is left untouched and opened read-only, with a warning, never moved aside', () => {
    const first = open();
    addSampleAttempt(first);
    first.store.close();
    const database = new Database(file);
    database.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    database.close();
    const before = readFileSync(file);

    const result = open();
    expect(result.recovered).toBeUndefined();
    expect(result.readOnly).toBe(true);
    expect(result.warning).toMatch(/newer version of NetPol Lab.*read-only/);
    expect(result.store.listAttempts('ex')).toHaveLength(1);
    expect(() => addSampleAttempt(result)).toThrow();
    result.store.close();
    opened = [];
    expect(existsSync(`${file}.corrupt-${STAMP}`)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(rawPragma(file, 'user_version')).toBe(LATEST_SCHEMA_VERSION + 5);
  });
});

describe('more recovery', () => {
  it('moves the -wal and -shm files along with the database', () => {
    writeFileSync(file, noise(4096));
    writeFileSync(`${file}-wal`, 'old log');
    writeFileSync(`${file}-shm`, 'old index');
    const result = open();
    expect(result.recovered).toBeDefined();
    expect(readFileSync(`${file}.corrupt-${STAMP}-wal`, 'utf8')).toBe('old log');
    expect(readFileSync(`${file}.corrupt-${STAMP}-shm`, 'utf8')).toBe('old index');
    addSampleAttempt(result);
  });

  it('never overwrites an earlier set-aside file', () => {
    writeFileSync(file, noise(4096));
    open().store.close();
    writeFileSync(
      file,
      'not a database either, and long enough to fill a header of one hundred bytes.......',
    );
    const second = open();
    expect(second.recovered?.movedTo).toBe(`${file}.corrupt-${STAMP}-1`);
    expect(existsSync(`${file}.corrupt-${STAMP}`)).toBe(true);
  });
});

describe('paths that cannot hold a database', () => {
  function expectUnavailable(path: string): ProgressStoreError {
    try {
      open(path);
    } catch (error) {
      expect(error).toBeInstanceOf(ProgressStoreError);
      expect((error as ProgressStoreError).code).toBe('unavailable');
      expect((error as Error).message).toContain(path);
      return error as ProgressStoreError;
    }
    throw new Error('expected opening to fail');
  }

  it('reports a file standing where the folder should be', () => {
    writeFileSync(join(folder, 'blocker'), 'x');
    const error = expectUnavailable(join(folder, 'blocker', 'progress.db'));
    expect(error.message).toMatch(/is a file, not a folder/);
    expectUnavailable(join(folder, 'blocker', 'deeper', 'progress.db'));
  });

  it('reports a folder where the database file should be', () => {
    const path = join(folder, 'a-folder.db');
    mkdirSync(path);
    expectUnavailable(path);
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it('refuses an empty path', () => {
    expect(() => openProgressStore('')).toThrow(/non-empty string/);
  });
});
