/**
 * Exam sessions in the progress database. The rules live in core/exam; this module only keeps
 * sessions and reads them back, checking each stored row before handing it out. Columns mirror the
 * session's fields, with the JSON-shaped parts in JSON columns, so history can be sorted and
 * filtered in SQL while core owns the shapes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { isExpired, readExamSession, remainingMs } from '../../core/exam/index.ts';
import type { ExamSession } from '../../core/exam/index.ts';
import { ProgressStoreError } from './errors.ts';
import { checkCount, checkIdentifier, checkJson } from './validate.ts';
import type { ExamSessionRow } from './progress-statements.ts';

/** Sessions a list returns when no limit is given, and the most it ever returns. */
export const DEFAULT_EXAM_LIMIT = 50;
export const MAX_EXAM_LIMIT = 1000;

/** The unsubmitted exam to resume, and whether its time ran out while the app was closed. */
export interface ActiveExam {
  readonly session: ExamSession;
  /** True when the time is up: the caller should submit it now (an automatic submission). */
  readonly expired: boolean;
  readonly remainingMs: number;
}

/** One finished exam, as the results screen lists it. */
export interface ExamHistoryEntry {
  readonly id: string;
  readonly presetId: string;
  readonly title: string;
  readonly startedAt: number;
  readonly submittedAt: number;
  readonly durationMs: number;
  readonly elapsedMs: number;
  readonly taskCount: number;
  readonly answeredCount: number;
  readonly earnedPoints: number;
  readonly totalPoints: number;
  readonly percent: number;
  readonly passMark: number;
  readonly passed: boolean;
  readonly autoSubmitted: boolean;
}

type UpsertParameters = [
  string,
  string,
  number,
  number,
  number,
  number,
  string,
  string,
  number | null,
  string | null,
  string,
];

function prepare(database: BetterSqlite3.Database) {
  const newestFirst = 'ORDER BY started_at DESC, id DESC';
  return {
    // A submitted session is final: a stale copy saved later (a late autosave) must not reopen it.
    upsert: database.prepare<UpsertParameters>(
      `INSERT INTO exam_sessions
         (id, preset, seed, started_at, duration_ms, ends_at, answers_json, flags_json, submitted_at, result_json, details_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET
         preset = excluded.preset, seed = excluded.seed, started_at = excluded.started_at,
         duration_ms = excluded.duration_ms, ends_at = excluded.ends_at,
         answers_json = excluded.answers_json, flags_json = excluded.flags_json,
         submitted_at = excluded.submitted_at, result_json = excluded.result_json,
         details_json = excluded.details_json
       WHERE exam_sessions.submitted_at IS NULL`,
    ),
    selectOne: database.prepare<[string], ExamSessionRow>('SELECT * FROM exam_sessions WHERE id = ?'),
    listAll: database.prepare<[number], ExamSessionRow>(`SELECT * FROM exam_sessions ${newestFirst} LIMIT ?`),
    listUnsubmitted: database.prepare<[], ExamSessionRow>(
      `SELECT * FROM exam_sessions WHERE submitted_at IS NULL ${newestFirst}`,
    ),
    listSubmitted: database.prepare<[number], ExamSessionRow>(
      `SELECT * FROM exam_sessions WHERE submitted_at IS NOT NULL ${newestFirst} LIMIT ?`,
    ),
    deleteOne: database.prepare<[string]>('DELETE FROM exam_sessions WHERE id = ?'),
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored row as a session, or undefined when the row is damaged or from an incompatible build. */
function toSession(row: ExamSessionRow): ExamSession | undefined {
  const details = parseJson(row.details_json);
  if (typeof details !== 'object' || details === null) return undefined;
  const candidate = {
    ...details,
    id: row.id,
    seed: row.seed,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    endsAt: row.ends_at,
    answers: parseJson(row.answers_json),
    flags: parseJson(row.flags_json),
    submittedAt: row.submitted_at,
    result: parseJson(row.result_json),
  };
  const read = readExamSession(candidate);
  if (!read.ok || read.value.preset.id !== row.preset) return undefined;
  return read.value;
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function checkLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_EXAM_LIMIT;
  const limit = checkCount(value, 'limit');
  if (limit < 1 || limit > MAX_EXAM_LIMIT) {
    throw new ProgressStoreError(
      'invalid-argument',
      `limit must be from 1 to ${MAX_EXAM_LIMIT}, got ${limit}`,
    );
  }
  return limit;
}

/** A finished session as a history line; undefined for one not yet submitted. */
export function toHistoryEntry(session: ExamSession): ExamHistoryEntry | undefined {
  const result = session.result;
  if (session.submittedAt === null || result === null) return undefined;
  return {
    id: session.id,
    presetId: session.preset.id,
    title: session.preset.title,
    startedAt: session.startedAt,
    submittedAt: session.submittedAt,
    durationMs: session.durationMs,
    elapsedMs: result.elapsedMs,
    taskCount: session.tasks.length,
    answeredCount: result.answeredCount,
    earnedPoints: result.earnedPoints,
    totalPoints: result.totalPoints,
    percent: result.percent,
    passMark: result.passMark,
    passed: result.passed,
    autoSubmitted: result.autoSubmitted,
  };
}

/**
 * The exam-session table of one connection. Damaged rows are never handed out: reads skip them,
 * and saving a valid session under the same id replaces one.
 */
export class ExamSessionStore {
  readonly #statements: ReturnType<typeof prepare>;

  /** `database` must be migrated to the latest schema. */
  constructor(database: BetterSqlite3.Database) {
    this.#statements = prepare(database);
  }

  /**
   * Stores the session, replacing an earlier copy. Returns false, and changes nothing, when a
   * session with this id is already submitted: a result is final.
   */
  save(session: ExamSession): boolean {
    const read = readExamSession(session);
    if (!read.ok) throw new ProgressStoreError('invalid-argument', read.error.message);
    const checked = read.value;
    const id = checkIdentifier(checked.id, 'exam session id');
    const details = {
      preset: checked.preset,
      tasks: checked.tasks,
      currentTaskId: checked.currentTaskId,
      currentSince: checked.currentSince,
      timeSpentMs: checked.timeSpentMs,
      drawNotes: checked.drawNotes,
    };
    const result = this.#statements.upsert.run(
      id,
      checked.preset.id,
      checked.seed,
      checkCount(checked.startedAt, 'startedAt'),
      checkCount(checked.durationMs, 'durationMs'),
      checkCount(checked.endsAt, 'endsAt'),
      checkJson(checked.answers, 'exam answers'),
      checkJson(checked.flags, 'exam flags'),
      checked.submittedAt === null ? null : checkCount(checked.submittedAt, 'submittedAt'),
      checked.result === null ? null : checkJson(checked.result, 'exam result'),
      checkJson(details, 'exam details'),
    );
    return result.changes > 0;
  }

  /** One session by id; undefined when there is none or it is damaged. */
  get(id: string): ExamSession | undefined {
    const row = this.#statements.selectOne.get(checkIdentifier(id, 'exam session id'));
    return row === undefined ? undefined : toSession(row);
  }

  /** Sessions newest first (by start), finished or not; 50 unless `limit` says otherwise. */
  list(options: { limit?: number } = {}): ExamSession[] {
    return this.#statements.listAll.all(checkLimit(options.limit)).map(toSession).filter(present);
  }

  /** Removes a session; true if there was one. */
  delete(id: string): boolean {
    return this.#statements.deleteOne.run(checkIdentifier(id, 'exam session id')).changes > 0;
  }

  /**
   * The newest unsubmitted session, with whether its time is already up at `now`, or undefined.
   * The caller submits an expired one straight away; that is the automatic submission.
   */
  loadActive(now: number): ActiveExam | undefined {
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new ProgressStoreError(
        'invalid-argument',
        `now must be a time in milliseconds, got ${String(now)}`,
      );
    }
    for (const row of this.#statements.listUnsubmitted.iterate()) {
      const session = toSession(row);
      if (session !== undefined) {
        return { session, expired: isExpired(session, now), remainingMs: remainingMs(session, now) };
      }
    }
    return undefined;
  }

  /** Finished exams, newest first, for the results screen; 50 unless `limit` says otherwise. */
  history(options: { limit?: number } = {}): ExamHistoryEntry[] {
    return this.#statements.listSubmitted
      .all(checkLimit(options.limit))
      .map(toSession)
      .filter(present)
      .map(toHistoryEntry)
      .filter(present);
  }
}
