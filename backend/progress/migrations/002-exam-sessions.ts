import type { Migration } from './migration.ts';

/**
 * Timed exam runs. Answers, flags and the result are JSON because their shape belongs to the exam
 * rules in core/, which may grow without a schema change here.
 */
export const examSessionsMigration: Migration = {
  version: 2,
  name: 'exam-sessions',
  up(database) {
    database.exec(`
      CREATE TABLE exam_sessions (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
        preset TEXT NOT NULL,
        seed INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        ends_at INTEGER NOT NULL,
        answers_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers_json)),
        flags_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags_json)),
        submitted_at INTEGER,
        result_json TEXT CHECK (result_json IS NULL OR json_valid(result_json))
      ) WITHOUT ROWID;
      CREATE INDEX exam_sessions_by_start ON exam_sessions (started_at);
    `);
  },
};
