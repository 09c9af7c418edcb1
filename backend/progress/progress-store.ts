/**
 * The learner's progress, kept in one SQLite database. Every method is synchronous and runs
 * prepared statements made once per connection; a method returns only after its transaction
 * committed, so a returned attempt is an acknowledged, durable attempt.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ExamSession } from '../../core/exam/index.ts';
import { localDay, summarizeActivity } from './activity.ts';
import { toCsv } from './csv.ts';
import { ExamSessionStore } from './exam-sessions.ts';
import type { ActiveExam, ExamHistoryEntry } from './exam-sessions.ts';
import { ProgressStoreError } from './errors.ts';
import { readSchemaVersion } from './migrations/index.ts';
import { prepareStatements, toAttempt, toExamSession, toProgress } from './progress-statements.ts';
import type { Statements } from './progress-statements.ts';
import type {
  ActivityDay,
  ActivitySummary,
  Attempt,
  AttemptInput,
  Draft,
  ExerciseProgress,
  JsonValue,
  ProgressExport,
} from './types.ts';
import { checkAttemptInput, checkCount, checkIdentifier, checkJson, checkText } from './validate.ts';

/** Attempts `listAttempts` returns when no limit is given, and the most it ever returns. */
export const DEFAULT_ATTEMPT_LIMIT = 50;
export const MAX_ATTEMPT_LIMIT = 1000;
/** Days the activity summary covers when no window is given, and the longest window. */
export const DEFAULT_ACTIVITY_DAYS = 30;
export const MAX_ACTIVITY_DAYS = 366;

/** Checks an optional positive whole-number option against its ceiling. */
function checkLimit(value: unknown, what: string, fallback: number, maximum: number): number {
  if (value === undefined) return fallback;
  const limit = checkCount(value, what);
  if (limit < 1 || limit > maximum) {
    throw new ProgressStoreError('invalid-argument', `${what} must be from 1 to ${maximum}, got ${limit}`);
  }
  return limit;
}

/** The learner's progress. Obtain one from `openProgressStore`. */
export class ProgressStore {
  readonly #database: BetterSqlite3.Database;
  readonly #now: () => number;
  readonly #statements: Statements;
  readonly #exams: ExamSessionStore;
  #open = true;

  /** `database` must already be migrated to the latest schema. */
  constructor(database: BetterSqlite3.Database, now: () => number = Date.now) {
    this.#database = database;
    this.#now = now;
    // Grouping by the learner's local day in SQL, with the same calendar code the summary uses.
    database.function('local_day', { deterministic: true }, (epochMs: unknown) => localDay(Number(epochMs)));
    this.#statements = prepareStatements(database);
    this.#exams = new ExamSessionStore(database);
  }

  /** The database file path. */
  get path(): string {
    return this.#database.name;
  }

  /** Stores a graded attempt; returns it once committed. */
  addAttempt(input: AttemptInput): Attempt {
    const statements = this.#use();
    const { attempt, checksJson } = checkAttemptInput(input);
    const createdAt = this.#now();
    const result = statements.insertAttempt.run(
      attempt.exerciseId,
      attempt.exerciseVersion,
      attempt.yaml,
      checksJson,
      attempt.score,
      attempt.passed ? 1 : 0,
      attempt.durationMs,
      createdAt,
    );
    return { ...attempt, id: Number(result.lastInsertRowid), createdAt };
  }

  /** One attempt by id, or undefined. */
  getAttempt(id: number): Attempt | undefined {
    const statements = this.#use();
    const row = statements.selectAttempt.get(checkCount(id, 'attempt id'));
    return row === undefined ? undefined : toAttempt(row);
  }

  /** An exercise's attempts, newest first (50 unless `limit` says otherwise, at most 1000). */
  listAttempts(exerciseId: string, options: { limit?: number } = {}): Attempt[] {
    const statements = this.#use();
    const id = checkIdentifier(exerciseId, 'exerciseId');
    const limit = checkLimit(options.limit, 'limit', DEFAULT_ATTEMPT_LIMIT, MAX_ATTEMPT_LIMIT);
    return statements.listAttempts.all(id, limit).map(toAttempt);
  }

  /** Replaces the exercise's draft with `text`. */
  saveDraft(exerciseId: string, text: string): Draft {
    const statements = this.#use();
    const id = checkIdentifier(exerciseId, 'exerciseId');
    const checkedText = checkText(text, 'draft text');
    const updatedAt = this.#now();
    statements.upsertDraft.run(id, checkedText, updatedAt);
    return { exerciseId: id, text: checkedText, updatedAt };
  }

  /** The exercise's draft, or undefined if none was saved. */
  getDraft(exerciseId: string): Draft | undefined {
    const statements = this.#use();
    const id = checkIdentifier(exerciseId, 'exerciseId');
    const row = statements.selectDraft.get(id);
    return row === undefined ? undefined : { exerciseId: id, text: row.text, updatedAt: row.updated_at };
  }

  /** Removes the exercise's draft; true if there was one. */
  deleteDraft(exerciseId: string): boolean {
    const statements = this.#use();
    return statements.deleteDraft.run(checkIdentifier(exerciseId, 'exerciseId')).changes > 0;
  }

  /** Notes that the learner opened the reference solution (the first time is kept). */
  recordSolutionViewed(exerciseId: string): ExerciseProgress {
    const statements = this.#use();
    const id = checkIdentifier(exerciseId, 'exerciseId');
    statements.recordSolutionViewed.run(id, this.#now());
    return this.getExerciseProgress(id);
  }

  /** Notes that the learner has now seen `count` hints of the exercise; the stored count never shrinks. */
  recordHintsRevealed(exerciseId: string, count: number): ExerciseProgress {
    const statements = this.#use();
    const id = checkIdentifier(exerciseId, 'exerciseId');
    statements.recordHintsRevealed.run(id, checkCount(count, 'hint count'));
    return this.getExerciseProgress(id);
  }

  /** Progress on one exercise; an exercise never touched reports zero attempts. */
  getExerciseProgress(exerciseId: string): ExerciseProgress {
    const statements = this.#use();
    const row = statements.progressOne.get(checkIdentifier(exerciseId, 'exerciseId'));
    // The ids query always yields the one id asked for, so a row always comes back.
    if (row === undefined) throw new Error('progress query returned no row');
    return toProgress(row);
  }

  /** Progress on every exercise the learner has touched (attempt, draft, hint or solution), by id. */
  listProgress(): ExerciseProgress[] {
    return this.#use().progressAll.all().map(toProgress);
  }

  /** Attempts per local day over the last `days` days (30 by default) and the current streaks. */
  getActivitySummary(options: { days?: number } = {}): ActivitySummary {
    const statements = this.#use();
    const windowDays = checkLimit(options.days, 'days', DEFAULT_ACTIVITY_DAYS, MAX_ACTIVITY_DAYS);
    const activeDays: ActivityDay[] = statements.activityByDay.all();
    const totals = statements.exerciseTotals.get() ?? { attempted: 0, completed: 0 };
    return summarizeActivity(
      activeDays,
      { exercisesAttempted: totals.attempted, exercisesCompleted: totals.completed },
      this.#now(),
      windowDays,
    );
  }

  /** A learner setting, or undefined if never set. */
  getSetting(key: string): JsonValue | undefined {
    const row = this.#use().selectSetting.get(checkIdentifier(key, 'setting key'));
    return row === undefined ? undefined : (JSON.parse(row.value_json) as JsonValue);
  }

  /** Stores a learner setting (any JSON value up to 1 MB). */
  setSetting(key: string, value: JsonValue): void {
    const statements = this.#use();
    statements.upsertSetting.run(
      checkIdentifier(key, 'setting key'),
      checkJson(value, `setting ${key}`),
      this.#now(),
    );
  }

  /** Removes a setting; true if it was set. */
  deleteSetting(key: string): boolean {
    return this.#use().deleteSetting.run(checkIdentifier(key, 'setting key')).changes > 0;
  }

  /** Every setting, by key. */
  listSettings(): Record<string, JsonValue> {
    const settings: Record<string, JsonValue> = {};
    for (const row of this.#use().allSettings.all())
      settings[row.key] = JSON.parse(row.value_json) as JsonValue;
    return settings;
  }

  /** Everything the learner has, as one JSON-ready object, read in one consistent snapshot. */
  exportProgress(): ProgressExport {
    const statements = this.#use();
    return this.#database.transaction((): ProgressExport => ({
      format: 'netpol-lab-progress',
      schemaVersion: readSchemaVersion(this.#database),
      exportedAt: new Date(this.#now()).toISOString(),
      attempts: statements.allAttempts.all().map(toAttempt),
      drafts: statements.allDrafts
        .all()
        .map((row) => ({ exerciseId: row.exercise_id, text: row.text, updatedAt: row.updated_at })),
      exercises: statements.progressAll.all().map(toProgress),
      settings: this.listSettings(),
      examSessions: statements.allExamSessions.all().map(toExamSession),
    }))();
  }

  /** All attempts as CSV (RFC 4180, CRLF line ends, header row), oldest first. */
  exportCsv(): string {
    const rows = this.#use()
      .allAttempts.all()
      .map((row) => [
        row.id,
        row.exercise_id,
        row.exercise_version,
        new Date(row.created_at).toISOString(),
        row.passed === 1,
        row.score,
        row.duration_ms,
        row.yaml,
        row.checks_json,
      ]);
    const header = [
      'id',
      'exercise_id',
      'exercise_version',
      'created_at',
      'passed',
      'score',
      'duration_ms',
      'yaml',
      'checks_json',
    ];
    return toCsv(header, rows);
  }

  /**
   * Deletes all learner data — attempts, drafts, hints, solution views, exam sessions — in one
   * transaction. Settings stay unless `includeSettings` is true: a fresh start should not reset the theme.
   */
  resetProgress(options: { includeSettings?: boolean } = {}): void {
    const statements = this.#use();
    this.#database.transaction(() => {
      for (const statement of statements.deleteLearnerData) statement.run();
      if (options.includeSettings === true) statements.deleteSettings.run();
    })();
  }

  /** Stores an exam session; false (and nothing changes) when that exam is already submitted. */
  saveExamSession(session: ExamSession): boolean {
    this.#use();
    return this.#exams.save(session);
  }

  /** One exam session, or undefined (also for a damaged row). */
  getExamSession(id: string): ExamSession | undefined {
    this.#use();
    return this.#exams.get(id);
  }

  /** Exam sessions, newest first (50 unless `limit` says otherwise, at most 1000). */
  listExamSessions(options: { limit?: number } = {}): ExamSession[] {
    this.#use();
    return this.#exams.list(options);
  }

  /** Removes an exam session; true if there was one. */
  deleteExamSession(id: string): boolean {
    this.#use();
    return this.#exams.delete(id);
  }

  /** The unsubmitted exam to resume and whether its time is up (then submit it at once). */
  loadActiveExam(now: number = this.#now()): ActiveExam | undefined {
    this.#use();
    return this.#exams.loadActive(now);
  }

  /** Finished exams for the results screen, newest first (50 unless `limit` says otherwise). */
  listExamHistory(options: { limit?: number } = {}): ExamHistoryEntry[] {
    this.#use();
    return this.#exams.history(options);
  }

  /** Closes the database; later calls throw a `closed` error. Closing twice is harmless. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    try {
      // Cheap upkeep SQLite recommends on close: refreshes query-planner statistics when useful.
      // A read-only store (a newer app's database) is left exactly as it was.
      if (!this.#database.readonly) this.#database.pragma('optimize');
    } finally {
      this.#database.close();
    }
  }

  #use(): Statements {
    if (!this.#open) throw new ProgressStoreError('closed', 'the progress store is closed');
    return this.#statements;
  }
}
