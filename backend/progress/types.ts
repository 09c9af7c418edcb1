/**
 * The records the progress store keeps and returns. Plain serializable data, so the LabApi layer can
 * hand them across IPC or HTTP unchanged. Times are milliseconds since the Unix epoch.
 */

/** Any value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What the grader hands over after checking one submission. */
export interface AttemptInput {
  readonly exerciseId: string;
  /** Hash of the exercise definition the submission was graded against; a changed exercise changes it. */
  readonly exerciseVersion: string;
  /** The YAML the learner submitted, exactly as typed (at most 1 MB of UTF-8). */
  readonly yaml: string;
  /** Per-check results as the grader reports them; stored as JSON. */
  readonly checks: JsonValue;
  /** Fraction of checks passed, from 0 to 1. */
  readonly score: number;
  readonly passed: boolean;
  /** How long the learner worked on this submission, in whole milliseconds. */
  readonly durationMs: number;
}

/** One stored, acknowledged attempt. */
export interface Attempt extends AttemptInput {
  readonly id: number;
  readonly createdAt: number;
}

/** The unsent editor text for one exercise. */
export interface Draft {
  readonly exerciseId: string;
  readonly text: string;
  readonly updatedAt: number;
}

/** Everything the lab knows about the learner and one exercise, derived from attempts and state. */
export interface ExerciseProgress {
  readonly exerciseId: string;
  readonly attemptCount: number;
  /** True once any attempt passed. */
  readonly completed: boolean;
  /** Highest score of any attempt, or null before the first attempt. */
  readonly bestScore: number | null;
  readonly firstPassedAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly hintsRevealed: number;
  /** When the learner first opened the reference solution, or null if never. */
  readonly solutionViewedAt: number | null;
  readonly draftUpdatedAt: number | null;
}

/** Activity on one local calendar day. */
export interface ActivityDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly attempts: number;
  readonly passes: number;
}

/** The numbers a progress view shows. */
export interface ActivitySummary {
  /** Local date of `now`, `YYYY-MM-DD`. */
  readonly today: string;
  /** One entry per local day, oldest first, ending today; days without activity count zero. */
  readonly days: readonly ActivityDay[];
  readonly totalAttempts: number;
  readonly exercisesAttempted: number;
  readonly exercisesCompleted: number;
  /**
   * Consecutive days with at least one attempt, ending today — or yesterday, because a streak is not
   * broken until a whole day passes without practice.
   */
  readonly currentStreak: number;
  /** The same, counting only days with at least one passing attempt. */
  readonly currentPassStreak: number;
}

/** A timed exam run (the exam feature fills this in; the store only keeps it). */
export interface ExamSessionRecord {
  readonly id: string;
  readonly preset: string;
  readonly seed: number;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly endsAt: number;
  /** Answers keyed by task id. */
  readonly answers: JsonValue;
  /** Tasks the learner flagged for review. */
  readonly flags: JsonValue;
  readonly submittedAt: number | null;
  readonly result: JsonValue;
  /** The full exam definition, drawn tasks, current task and time per task (migration 3). */
  readonly details: JsonValue;
}

/** A full, self-describing copy of the learner's data, for "export my progress". */
export interface ProgressExport {
  readonly format: 'netpol-lab-progress';
  /** The schema version (`PRAGMA user_version`) the data came from. */
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly attempts: readonly Attempt[];
  readonly drafts: readonly Draft[];
  readonly exercises: readonly ExerciseProgress[];
  readonly settings: Readonly<Record<string, JsonValue>>;
  readonly examSessions: readonly ExamSessionRecord[];
}

/** What `openProgressStore` reports when it had to set a damaged database aside. */
export interface RecoveryNotice {
  /** Where the old database file now lives. */
  readonly movedTo: string;
  /** Why it was set aside, in words for the learner. */
  readonly reason: string;
}
