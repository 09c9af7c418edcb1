import type { Migration } from './migration.ts';

/**
 * The parts of an exam session the first exam table has no column for: the exam's definition
 * (custom exams included), the drawn tasks, the current task and the time spent per task. One JSON
 * column, for the same reason as the others: their shape belongs to the exam rules in core/.
 */
export const examSessionDetailsMigration: Migration = {
  version: 3,
  name: 'exam-session-details',
  up(database) {
    database.exec(`
      ALTER TABLE exam_sessions
        ADD COLUMN details_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details_json));
    `);
  },
};
