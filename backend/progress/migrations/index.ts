/**
 * The ordered list of schema steps and the runner that applies the missing ones. Adding a step:
 * write `NNN-name.ts` beside the others and append it here; never edit or reorder a released step.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { initialMigration } from './001-initial.ts';
import { examSessionsMigration } from './002-exam-sessions.ts';
import { examSessionDetailsMigration } from './003-exam-session-details.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration, oldest first; `MIGRATIONS[i].version === i + 1`. */
export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  examSessionsMigration,
  examSessionDetailsMigration,
];

/** The schema version this build of the app writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Thrown when the database was written by a newer app that knows migrations this one does not. */
export class NewerSchemaError extends Error {
  readonly foundVersion: number;

  constructor(foundVersion: number) {
    super(
      `the progress database has schema version ${foundVersion}, but this version of NetPol Lab only knows up to ${LATEST_SCHEMA_VERSION}`,
    );
    this.name = 'NewerSchemaError';
    this.foundVersion = foundVersion;
  }
}

/** Reads `PRAGMA user_version`. */
export function readSchemaVersion(database: BetterSqlite3.Database): number {
  return database.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to `target` (the latest by default). Each step runs in its own transaction
 * together with its `user_version` bump, so a crash leaves the database at a whole version.
 */
export function migrate(
  database: BetterSqlite3.Database,
  target: number = LATEST_SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const current = readSchemaVersion(database);
  if (current > migrations.length) throw new NewerSchemaError(current);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    // `immediate` takes the write lock up front, so two app instances cannot both run a step.
    // Re-read inside the lock: another instance may have run this step while we waited.
    database
      .transaction(() => {
        if (readSchemaVersion(database) >= migration.version) return;
        migration.up(database);
        // PRAGMA takes no bound parameters; the version is a known integer from our own list.
        database.pragma(`user_version = ${migration.version}`);
      })
      .immediate();
  }
  return readSchemaVersion(database);
}
