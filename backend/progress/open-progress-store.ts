/**
 * Opening the progress database: configure it, check it, migrate it — and when the file is damaged
 * or from a newer app, set it aside and start fresh instead of failing. A learner who loses a
 * corrupted history must still get a working lab, and must be told (hence `recovered`).
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ProgressStoreError } from './errors.ts';
import { LATEST_SCHEMA_VERSION, migrate, NewerSchemaError, readSchemaVersion } from './migrations/index.ts';
import { ProgressStore } from './progress-store.ts';
import { schemaMismatch } from './schema-check.ts';
import type { RecoveryNotice } from './types.ts';

/** Options for `openProgressStore`. */
export interface OpenProgressStoreOptions {
  /** The clock, in epoch milliseconds; tests pass a fixed one. Defaults to `Date.now`. */
  readonly now?: () => number;
}

/** An open store, and a notice when a damaged database had to be set aside to get it. */
export interface OpenedProgressStore {
  readonly store: ProgressStore;
  readonly recovered?: RecoveryNotice;
  /** True when the store only reads: the file was written by a newer version of the app. */
  readonly readOnly?: boolean;
  /** Something the learner must be told about the database that is not a recovery, in words for them. */
  readonly warning?: string;
}

/** How long a write waits for another connection (a second app window) before failing. */
const BUSY_TIMEOUT_MS = 5000;

type OpenOutcome =
  | { readonly kind: 'opened'; readonly store: ProgressStore; readonly warning?: string }
  | { readonly kind: 'unwritable'; readonly reason: string }
  | { readonly kind: 'damaged'; readonly reason: string }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'unavailable'; readonly error: ProgressStoreError };

/**
 * Opens (creating if needed) the progress database at `file`. A database that is not SQLite, fails
 * its quick check, or lacks a table or column its recorded schema version promises is renamed to
 * `<file>.corrupt-<timestamp>` (with its `-wal` and `-shm`), a fresh one is created, and
 * `recovered` explains what happened. A database from a newer app is left untouched and opened
 * read-only, and an empty file becomes a new database; `warning` says either.
 *
 * @throws ProgressStoreError with code `invalid-argument` for a malformed path, or `unavailable`
 *   when the file cannot be opened or created at all (missing permissions, a file where a folder
 *   should be, a full disk); the message names the path and the cause.
 */
export function openProgressStore(file: string, options: OpenProgressStoreOptions = {}): OpenedProgressStore {
  if (typeof file !== 'string' || file.length === 0 || file.includes('\0')) {
    throw new ProgressStoreError('invalid-argument', 'the progress database path must be a non-empty string');
  }
  const now = options.now ?? Date.now;
  const path = resolve(file);
  const folder = dirname(path);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new ProgressStoreError(
      'unavailable',
      `cannot open the progress database at ${path}: ${folder} is a file, not a folder`,
    );
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw unavailable(path, error);
  }

  // SQLite takes an empty file for a new database; the learner is told, since it may have been theirs.
  const emptyWarning = isEmptyFile(path)
    ? `The progress database at ${path} was an empty file (0 bytes), so the lab started a new one in its place.`
    : undefined;
  const first = tryOpen(path, now);
  if (first.kind === 'opened') {
    const warning = [emptyWarning, first.warning].filter((text) => text !== undefined).join(' ');
    return { store: first.store, ...(warning === '' ? {} : { warning }) };
  }
  if (first.kind === 'unwritable') return openReadOnly(path, now, unwritableWarning(path, first.reason));
  if (first.kind === 'unavailable') throw first.error;
  if (first.kind === 'newer') {
    return openReadOnly(
      path,
      now,
      `Your progress was saved by a newer version of NetPol Lab (schema version ${first.version}; this version knows up to ${LATEST_SCHEMA_VERSION}). It is shown read-only and nothing you do now is saved; update NetPol Lab to keep working with it.`,
    );
  }

  const movedTo = moveAside(path, now());
  const second = tryOpen(path, now);
  if (second.kind === 'opened') {
    return {
      store: second.store,
      recovered: { movedTo, reason: first.reason },
      ...(second.warning === undefined ? {} : { warning: second.warning }),
    };
  }
  if (second.kind === 'unavailable') throw second.error;
  throw new ProgressStoreError(
    'unavailable',
    `could not create a fresh progress database at ${path} after moving the damaged one to ${movedTo}: ${second.kind === 'damaged' ? second.reason : 'it changed while it was being opened'}`,
  );
}

/** SQLite codes that mean the file is sound but cannot take a write right now. */
const WRITE_FAULTS: readonly [string, string][] = [
  ['SQLITE_READONLY', 'the file or its folder is read-only'],
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_IOERR', 'the disk reported an error while writing'],
];

/** Words for a write fault, or `undefined` when `error` is something else. */
function writeFaultOf(error: unknown): string | undefined {
  const code = error instanceof Database.SqliteError ? error.code : undefined;
  if (code === undefined) return undefined;
  return WRITE_FAULTS.find(([prefix]) => code.startsWith(prefix))?.[1];
}

/**
 * Why `database` cannot be written, or `undefined` when it can. The probe writes the schema version
 * it already holds: a real write through the WAL, which changes nothing.
 */
export function writeProblem(database: Database.Database): string | undefined {
  try {
    const version = readSchemaVersion(database);
    database.transaction(() => database.pragma(`user_version = ${version}`)).immediate();
    return undefined;
  } catch (error) {
    return writeFaultOf(error) ?? messageOf(error);
  }
}

function unwritableWarning(path: string, reason: string): string {
  return `The progress database at ${path} cannot be written (${reason}). The lab opens, but nothing you do is saved until that is fixed.`;
}

function isEmptyFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size === 0;
  } catch {
    return false;
  }
}

/**
 * A database from a newer app is the learner's history, not damage: moving it aside would split it
 * in two. It is opened read-only and left exactly as it is; the newer app can keep using it.
 */
function openReadOnly(path: string, now: () => number, warning: string): OpenedProgressStore {
  let database: Database.Database;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw unavailable(path, error);
  }
  try {
    return {
      store: new ProgressStore(database, now),
      readOnly: true,
      warning,
    };
  } catch (error) {
    closeQuietly(database);
    throw unavailable(path, error);
  }
}

/** Every SQLite 3 database file starts with these 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * True when `path` holds bytes that cannot be a database. Checked before SQLite opens the file,
 * because closing a connection to a bad file makes SQLite delete its -wal and -shm, and we want
 * them moved aside intact with the rest of the evidence.
 */
function hasForeignHeader(path: string): boolean {
  let handle: number;
  try {
    handle = openSync(path, 'r');
  } catch {
    return false; // Missing or unreadable: SQLite creates it or reports why it cannot.
  }
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const length = readSync(handle, header, 0, header.length, 0);
    // An empty file is a valid empty database; anything else must start with the magic string.
    return length > 0 && !header.subarray(0, length).equals(SQLITE_HEADER.subarray(0, length));
  } catch {
    return false; // A folder or an unreadable device: SQLite's own error explains it better.
  } finally {
    closeSync(handle);
  }
}

function tryOpen(path: string, now: () => number): OpenOutcome {
  if (hasForeignHeader(path)) return { kind: 'damaged', reason: 'the file is not a SQLite database' };
  let database: Database.Database;
  try {
    database = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    return { kind: 'unavailable', error: unavailable(path, error) };
  }
  try {
    // Read before anything is written: a newer app's database is left exactly as it is.
    const version = readSchemaVersion(database);
    if (version > LATEST_SCHEMA_VERSION) {
      database.close();
      return { kind: 'newer', version };
    }
    // WAL: readers never block the writer and a commit is one append. synchronous=FULL fsyncs the
    // WAL on every commit. NORMAL would already keep every commit through a killed process (the
    // appended WAL frames sit in the OS page cache), but could drop the last commits on power loss
    // or an OS crash; at a learner's pace of writes the extra fsync costs nothing noticeable.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    if (version > 0) {
      // quick_check reads every page and checks the b-tree structure (skipping the slower
      // index-content cross-check), which catches truncated and overwritten files at open.
      const problems = (database.pragma('quick_check') as { quick_check: string }[]).map(
        (row) => row.quick_check,
      );
      if (problems.length !== 1 || problems[0] !== 'ok') {
        database.close();
        return {
          kind: 'damaged',
          reason: `the database failed its integrity check (${problems[0] ?? 'no result'})`,
        };
      }
    }
    // A file SQLite finds sound can still disagree with its own version number; the migrations
    // would then fail half-way or the store would fail later, so it is set aside like damage.
    const mismatch = schemaMismatch(database, version);
    if (mismatch !== undefined) {
      database.close();
      return { kind: 'damaged', reason: mismatch };
    }
    migrate(database);
    const unwritable = writeProblem(database);
    return {
      kind: 'opened',
      store: new ProgressStore(database, now),
      ...(unwritable === undefined ? {} : { warning: unwritableWarning(path, unwritable) }),
    };
  } catch (error) {
    closeQuietly(database);
    const fault = writeFaultOf(error);
    if (fault !== undefined) return { kind: 'unwritable', reason: fault };
    const damage = describeDamage(error);
    return damage === undefined
      ? { kind: 'unavailable', error: unavailable(path, error) }
      : { kind: 'damaged', reason: damage };
  }
}

/** Words for the learner when `error` means the file itself is bad; undefined for other failures. */
function describeDamage(error: unknown): string | undefined {
  if (error instanceof NewerSchemaError) {
    return `it was written by a newer version of NetPol Lab (${error.message})`;
  }
  const code = error instanceof Database.SqliteError ? error.code : undefined;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  if (code !== undefined && code.startsWith('SQLITE_CORRUPT')) {
    return `the database is damaged (${(error as Error).message})`;
  }
  return undefined;
}

/** Renames the damaged file and its WAL companions to `<path>.corrupt-<timestamp>`; returns the new path. */
function moveAside(path: string, epochMs: number): string {
  // Colons are not allowed in Windows file names.
  const stamp = new Date(epochMs).toISOString().replace(/[:.]/g, '-');
  let target = `${path}.corrupt-${stamp}`;
  for (let suffix = 1; existsSync(target); suffix += 1) target = `${path}.corrupt-${stamp}-${suffix}`;
  try {
    renameSync(path, target);
    for (const companion of ['-wal', '-shm']) {
      if (!existsSync(path + companion)) continue;
      // Moved with the database so the fresh file never replays a stale log. If it cannot be moved,
      // removing it is the next best thing: it belongs to the database already set aside.
      try {
        renameSync(path + companion, target + companion);
      } catch {
        rmSync(path + companion, { force: true });
      }
    }
  } catch (error) {
    throw new ProgressStoreError(
      'unavailable',
      `the progress database at ${path} is damaged and could not be moved aside: ${messageOf(error)}`,
      { cause: error },
    );
  }
  return target;
}

function unavailable(path: string, error: unknown): ProgressStoreError {
  return new ProgressStoreError(
    'unavailable',
    `cannot open the progress database at ${path}: ${messageOf(error)}`,
    {
      cause: error,
    },
  );
}

function closeQuietly(database: Database.Database): void {
  try {
    database.close();
  } catch {
    // Already closed or never fully opened; nothing left to release.
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
