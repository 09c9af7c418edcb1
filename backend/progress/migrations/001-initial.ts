import type { Migration } from './migration.ts';

/**
 * The learner's practice: every graded attempt, the current draft per exercise, per-exercise state
 * that is not an attempt (hints, solution viewed), and settings. Completion and best score are derived
 * from `attempts` rather than stored, so they can never disagree with the history.
 */
export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  up(database) {
    database.exec(`
      -- AUTOINCREMENT: ids are never reused after a reset, so a stale id in the UI cannot point
      -- at someone else's attempt.
      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 200),
        exercise_version TEXT NOT NULL,
        yaml TEXT NOT NULL,
        checks_json TEXT NOT NULL CHECK (json_valid(checks_json)),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX attempts_by_exercise ON attempts (exercise_id, id);
      CREATE INDEX attempts_by_time ON attempts (created_at);

      CREATE TABLE drafts (
        exercise_id TEXT PRIMARY KEY CHECK (length(exercise_id) BETWEEN 1 AND 200),
        text TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE exercise_state (
        exercise_id TEXT PRIMARY KEY CHECK (length(exercise_id) BETWEEN 1 AND 200),
        hints_revealed INTEGER NOT NULL DEFAULT 0 CHECK (hints_revealed >= 0),
        solution_viewed_at INTEGER
      ) WITHOUT ROWID;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL CHECK (json_valid(value_json)),
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
