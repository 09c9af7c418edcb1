import type BetterSqlite3 from 'better-sqlite3';

/**
 * One schema step. Its number becomes `PRAGMA user_version` once it has run; steps never change
 * after release — a fix is a new step, so every learner's database goes through the same history.
 */
export interface Migration {
  readonly version: number;
  /** Short kebab-case name, the same as the file name after the number. */
  readonly name: string;
  /** Runs inside the migration's transaction. */
  readonly up: (database: BetterSqlite3.Database) => void;
}
