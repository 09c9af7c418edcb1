/**
 * The SQL the progress store runs and the mapping from rows to API records, kept apart from the
 * store's validation and control flow so each file reads as one concept.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Attempt, ExamSessionRecord, ExerciseProgress, JsonValue } from './types.ts';

export interface AttemptRow {
  id: number;
  exercise_id: string;
  exercise_version: string;
  yaml: string;
  checks_json: string;
  score: number;
  passed: number;
  duration_ms: number;
  created_at: number;
}

interface ProgressRow {
  exercise_id: string;
  attempt_count: number;
  completed: number;
  best_score: number | null;
  first_passed_at: number | null;
  last_attempt_at: number | null;
  hints_revealed: number;
  solution_viewed_at: number | null;
  draft_updated_at: number | null;
}

/** One row of `exam_sessions`, as SQLite returns it. */
export interface ExamSessionRow {
  id: string;
  preset: string;
  seed: number;
  started_at: number;
  duration_ms: number;
  ends_at: number;
  answers_json: string;
  flags_json: string;
  submitted_at: number | null;
  result_json: string | null;
  details_json: string;
}

/** Per-exercise progress for the exercise ids produced by `idsQuery`. */
function progressQuery(idsQuery: string): string {
  return `
    WITH ids AS (${idsQuery}),
    totals AS (
      SELECT exercise_id,
             count(*) AS attempt_count,
             max(passed) AS completed,
             max(score) AS best_score,
             min(CASE WHEN passed THEN created_at END) AS first_passed_at,
             max(created_at) AS last_attempt_at
      FROM attempts WHERE exercise_id IN (SELECT exercise_id FROM ids) GROUP BY exercise_id
    )
    SELECT ids.exercise_id,
           coalesce(totals.attempt_count, 0) AS attempt_count,
           coalesce(totals.completed, 0) AS completed,
           totals.best_score, totals.first_passed_at, totals.last_attempt_at,
           coalesce(state.hints_revealed, 0) AS hints_revealed,
           state.solution_viewed_at,
           drafts.updated_at AS draft_updated_at
    FROM ids
    LEFT JOIN totals ON totals.exercise_id = ids.exercise_id
    LEFT JOIN exercise_state AS state ON state.exercise_id = ids.exercise_id
    LEFT JOIN drafts ON drafts.exercise_id = ids.exercise_id
    ORDER BY ids.exercise_id`;
}

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(database: BetterSqlite3.Database) {
  return {
    insertAttempt: database.prepare<[string, string, string, string, number, number, number, number]>(
      `INSERT INTO attempts (exercise_id, exercise_version, yaml, checks_json, score, passed, duration_ms, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    selectAttempt: database.prepare<[number], AttemptRow>('SELECT * FROM attempts WHERE id = ?'),
    listAttempts: database.prepare<[string, number], AttemptRow>(
      'SELECT * FROM attempts WHERE exercise_id = ? ORDER BY id DESC LIMIT ?',
    ),
    allAttempts: database.prepare<[], AttemptRow>('SELECT * FROM attempts ORDER BY id'),
    upsertDraft: database.prepare<[string, string, number]>(
      `INSERT INTO drafts (exercise_id, text, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (exercise_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    ),
    selectDraft: database.prepare<[string], { text: string; updated_at: number }>(
      'SELECT text, updated_at FROM drafts WHERE exercise_id = ?',
    ),
    allDrafts: database.prepare<[], { exercise_id: string; text: string; updated_at: number }>(
      'SELECT exercise_id, text, updated_at FROM drafts ORDER BY exercise_id',
    ),
    deleteDraft: database.prepare<[string]>('DELETE FROM drafts WHERE exercise_id = ?'),
    // The first view is the one that matters ("solved after seeing the answer"), so later views keep it.
    recordSolutionViewed: database.prepare<[string, number]>(
      `INSERT INTO exercise_state (exercise_id, solution_viewed_at) VALUES (?, ?)
       ON CONFLICT (exercise_id) DO UPDATE SET solution_viewed_at = coalesce(solution_viewed_at, excluded.solution_viewed_at)`,
    ),
    // Hints open in order, so the count only grows; re-reporting the same count is harmless.
    recordHintsRevealed: database.prepare<[string, number]>(
      `INSERT INTO exercise_state (exercise_id, hints_revealed) VALUES (?, ?)
       ON CONFLICT (exercise_id) DO UPDATE SET hints_revealed = max(hints_revealed, excluded.hints_revealed)`,
    ),
    progressOne: database.prepare<[string], ProgressRow>(progressQuery('SELECT ? AS exercise_id')),
    progressAll: database.prepare<[], ProgressRow>(
      progressQuery(
        'SELECT exercise_id FROM attempts UNION SELECT exercise_id FROM exercise_state UNION SELECT exercise_id FROM drafts',
      ),
    ),
    activityByDay: database.prepare<[], { date: string; attempts: number; passes: number }>(
      `SELECT local_day(created_at) AS date, count(*) AS attempts, sum(passed) AS passes
       FROM attempts GROUP BY date`,
    ),
    exerciseTotals: database.prepare<[], { attempted: number; completed: number }>(
      `SELECT count(DISTINCT exercise_id) AS attempted,
              count(DISTINCT CASE WHEN passed THEN exercise_id END) AS completed
       FROM attempts`,
    ),
    selectSetting: database.prepare<[string], { value_json: string }>(
      'SELECT value_json FROM settings WHERE key = ?',
    ),
    allSettings: database.prepare<[], { key: string; value_json: string }>(
      'SELECT key, value_json FROM settings ORDER BY key',
    ),
    upsertSetting: database.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ),
    deleteSetting: database.prepare<[string]>('DELETE FROM settings WHERE key = ?'),
    allExamSessions: database.prepare<[], ExamSessionRow>(
      'SELECT * FROM exam_sessions ORDER BY started_at, id',
    ),
    deleteLearnerData: ['attempts', 'drafts', 'exercise_state', 'exam_sessions'].map((table) =>
      database.prepare<[]>(`DELETE FROM ${table}`),
    ),
    deleteSettings: database.prepare<[]>('DELETE FROM settings'),
  };
}

/** A stored row as the API returns it. */
export function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    exerciseId: row.exercise_id,
    exerciseVersion: row.exercise_version,
    yaml: row.yaml,
    checks: JSON.parse(row.checks_json) as JsonValue,
    score: row.score,
    passed: row.passed === 1,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
}

/** A progress row as the API returns it. */
export function toProgress(row: ProgressRow): ExerciseProgress {
  return {
    exerciseId: row.exercise_id,
    attemptCount: row.attempt_count,
    completed: row.completed === 1,
    bestScore: row.best_score,
    firstPassedAt: row.first_passed_at,
    lastAttemptAt: row.last_attempt_at,
    hintsRevealed: row.hints_revealed,
    solutionViewedAt: row.solution_viewed_at,
    draftUpdatedAt: row.draft_updated_at,
  };
}

/** An exam-session row as the API returns it. */
export function toExamSession(row: ExamSessionRow): ExamSessionRecord {
  return {
    id: row.id,
    preset: row.preset,
    seed: row.seed,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    endsAt: row.ends_at,
    answers: JSON.parse(row.answers_json) as JsonValue,
    flags: JSON.parse(row.flags_json) as JsonValue,
    submittedAt: row.submitted_at,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as JsonValue),
    details: JSON.parse(row.details_json) as JsonValue,
  };
}

/** The prepared statements of one connection. */
export type Statements = ReturnType<typeof prepareStatements>;
