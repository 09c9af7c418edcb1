/**
 * The one typed contract between the UI and its host. Electron's main process (over IPC), the local
 * HTTP host (browser mode) and the renderer's client are all checked against {@link LabApi}, so a
 * missing or mistyped handler is a compile error. Everything crossing it is plain JSON data.
 */
import type { ExamExerciseView, ExamKindId, ExamPresetId, ExamPublicView } from '../exam/index.ts';
import type { Exercise, Track } from '../exercise/types.ts';
import type { GradeResult } from '../grading/types.ts';
import type { Lesson } from '../lesson/index.ts';
import type { TerminalChanges } from '../kubectl/index.ts';

/** A failure the host reports instead of throwing across the boundary. */
export interface LabApiError {
  /** Stable id the UI can key on: `invalid-argument`, `not-found`, `unavailable`, `internal`. */
  readonly code: LabApiErrorCode;
  /** One sentence a learner can act on. */
  readonly message: string;
}

export type LabApiErrorCode = 'invalid-argument' | 'not-found' | 'unavailable' | 'internal';

/** Every call's answer: the value, or an error that says what to do. */
export type LabApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LabApiError };

/** The learner's progress on one exercise (scores 0–100 here, whatever the store keeps). */
export interface ExerciseProgressView {
  readonly exerciseId: string;
  readonly attemptCount: number;
  readonly completed: boolean;
  /** 0–100, or null before the first attempt. */
  readonly bestScore: number | null;
  readonly firstPassedAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly hintsRevealed: number;
  readonly solutionViewedAt: number | null;
  /** Set when an unsent draft exists. */
  readonly draftUpdatedAt: number | null;
}

/** An exercise as the catalogue lists it. */
export interface CatalogExercise {
  readonly id: string;
  readonly title: string;
  readonly track: string;
  readonly difficulty: Exercise['difficulty'];
  readonly minutes: number;
  readonly tags: readonly string[];
  readonly kind: Exercise['kind'];
  readonly examWeight: number;
  readonly progress: ExerciseProgressView;
}

export interface CatalogTrack extends Track {
  /** In catalogue order. */
  readonly exerciseIds: readonly string[];
}

export interface Catalog {
  readonly tracks: readonly CatalogTrack[];
  readonly exercises: readonly CatalogExercise[];
  /** The exercise touched most recently and not yet completed (draft or attempt), if any. */
  readonly continueExerciseId: string | null;
  /** Problems met while loading the library (an invalid exercise is left out and named here). */
  readonly problems: readonly string[];
}

/** One exercise for the exercise screen: everything but the reference solution. */
export interface ExerciseView extends Omit<Exercise, 'solution' | 'source'> {
  readonly progress: ExerciseProgressView;
  /** The saved draft, when there is one; the editor opens with it instead of the starter. */
  readonly draft: { readonly text: string; readonly updatedAt: number } | null;
  /** Id of the next exercise in catalogue order, for "Next exercise". */
  readonly nextExerciseId: string | null;
}

/** One stored attempt. */
export interface AttemptView {
  readonly id: number;
  readonly exerciseId: string;
  readonly exerciseVersion: string;
  /** The submitted text exactly as typed. */
  readonly yaml: string;
  /** 0–100. */
  readonly score: number;
  readonly passed: boolean;
  readonly durationMs: number;
  readonly createdAt: number;
}

export interface SubmitAttemptInput {
  readonly exerciseId: string;
  /** For `write` and `fix`: NetworkPolicy YAML. For `predict`: YAML mapping check id → allow|deny. */
  readonly answer: string;
  /** Time spent on this attempt, in milliseconds (0 – 24 h). */
  readonly durationMs: number;
  /**
   * For an answer built in the terminal: the labels the session left and the pre-existing policies
   * it deleted, graded with `answer` (the policies it applied) as the cluster state.
   */
  readonly terminal?: TerminalChanges;
}

export interface SubmitAttemptOutput {
  readonly grade: GradeResult;
  /** The stored attempt: a new one, or the latest when `repeated`. */
  readonly attempt: AttemptView;
  /**
   * True when the answer is exactly the latest attempt's (same text, same exercise version): it is
   * graded again but not stored as another attempt.
   */
  readonly repeated: boolean;
  readonly progress: ExerciseProgressView;
}

export type ThemeSetting = 'system' | 'light' | 'dark';

/** How keys behave in the policy editors: ordinary keys, or vim's modes and commands. */
export type EditorKeysSetting = 'standard' | 'vim';

/** Where an exercise opens: the policy editor, or the terminal with kubectl. */
export type WorkspaceSetting = 'editor' | 'terminal';

/** The indentation widths the editors offer. */
export const TAB_SIZES: readonly number[] = [2, 4];

export interface Settings {
  readonly theme: ThemeSetting;
  /** Editor and body font size in CSS pixels, 12–24. */
  readonly fontSize: number;
  readonly editorKeys: EditorKeysSetting;
  /** Spaces per indentation level in the editors: one of {@link TAB_SIZES}. */
  readonly tabSize: number;
  /** The exercise screen's last choice between the editor and the terminal. */
  readonly workspace: WorkspaceSetting;
}

export interface ActivityDayView {
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  readonly attempts: number;
  readonly passes: number;
}

export interface ProgressOverview {
  readonly today: string;
  /** The last 30 days, oldest first. */
  readonly days: readonly ActivityDayView[];
  readonly totalAttempts: number;
  readonly exercisesAttempted: number;
  readonly exercisesCompleted: number;
  readonly exerciseCount: number;
  readonly currentStreak: number;
  readonly currentPassStreak: number;
  /** Per track, in catalogue order. */
  readonly tracks: readonly {
    readonly id: string;
    readonly title: string;
    readonly completed: number;
    readonly total: number;
    /** Mean of best scores over the track's exercises (unattempted count 0), 0–100. */
    readonly averageBestScore: number;
  }[];
}

export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: 'application/json' | 'text/csv' | 'application/yaml';
  readonly content: string;
}

export interface StartupInfo {
  readonly appVersion: string;
  readonly host: 'electron' | 'browser';
  /** Set when a damaged progress database was moved aside at start; the UI must say so. */
  readonly databaseRecovered: { readonly movedTo: string; readonly reason: string } | null;
  /**
   * Set when the progress database opened but the learner must know something about it: it was an
   * empty file, it is from a newer version and only read, or it cannot be written.
   */
  readonly databaseWarning: string | null;
}

/** A built-in exam preset as the exam start screen lists it. */
export interface ExamPresetView {
  readonly id: ExamKindId;
  readonly title: string;
  readonly description: string;
  readonly taskCount: number;
  readonly minutes: number;
  readonly passMark: number;
}

/** How to start an exam: a preset or custom options, and an optional seed (the host picks one if absent). */
export type StartExamInput =
  | { readonly presetId: ExamPresetId; readonly seed?: number }
  | {
      readonly custom: {
        readonly tracks: readonly string[];
        readonly taskCount: number;
        readonly minutes: number;
        readonly passMark?: number;
      };
      readonly seed?: number;
    };

/** One exam task's exercise, stripped of hints, checks and solution while the exam runs. */
export type ExamTaskExercise = ExamExerciseView;

/** After submission: for each task the learner's answer, the reference solution and the grading. */
export interface ExamReview {
  readonly exam: ExamPublicView;
  readonly tasks: readonly {
    readonly exerciseId: string;
    readonly title: string;
    readonly answer: string;
    readonly solution: string;
  }[];
}

/** A finished exam, as the history lists it. */
export interface ExamHistoryItem {
  readonly id: string;
  readonly presetId: string;
  readonly title: string;
  readonly startedAt: number;
  readonly submittedAt: number;
  readonly percent: number;
  readonly passMark: number;
  readonly passed: boolean;
  readonly autoSubmitted: boolean;
  readonly taskCount: number;
}

/** The three texts of an exercise being authored (as in an exercise folder). */
export interface AuthoredExerciseFiles {
  readonly exerciseYaml: string;
  readonly starter: string;
  readonly solution: string;
}

/** A check proposed from the reference solution's behaviour. */
export interface ProposedCheck {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly expect: 'allow' | 'deny';
  /** Why it was proposed: `changed` (the verdict differs from "no policies") or `stays-open`. */
  readonly reason: 'changed' | 'stays-open';
}

/** Live validation of an exercise being authored. */
export interface AuthoringValidation {
  /** Every problem: format, schema, solution failing, starter passing, with line:col where known. */
  readonly problems: readonly { readonly severity: 'error' | 'warning' | 'info'; readonly message: string }[];
  readonly solutionPasses: boolean;
  readonly starterFails: boolean;
  /** Ids of checks that no plausible wrong answer could fail (the starter and "no policies" both pass them). */
  readonly checksThatNeverFail: readonly string[];
  /**
   * The mutation gate (write and fix exercises whose solution passes): mutants of the solution made,
   * those that decide some connection unlike it outside the free regions, those grading rejects, and
   * a description of each one it lets through.
   */
  readonly mutants: {
    readonly made: number;
    readonly changing: number;
    readonly caught: number;
    readonly uncaught: readonly string[];
  } | null;
  readonly valid: boolean;
}

/** A user-library exercise as the authoring list shows it. */
export interface AuthoredExerciseSummary {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: number;
  readonly valid: boolean;
}

/** What a pack would do if imported: every problem, the exercises, and the ids that clash. */
export interface PackPreview {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly name: string | null;
  readonly author: string | null;
  readonly version: string | null;
  readonly exercises: readonly { readonly id: string; readonly title: string }[];
  readonly clashingIds: readonly string[];
}

/** A lesson as the "Start here" list shows it. */
export interface LessonSummaryView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly minutes: number;
  /** When the learner answered its question right, in epoch milliseconds; null before. */
  readonly completedAt: number | null;
}

/** A whole lesson, with the learner's progress on it. */
export interface LessonView extends Lesson {
  readonly completedAt: number | null;
}

/** What answering a lesson's question gave. */
export interface LessonAnswerView {
  readonly correct: boolean;
  /** Why the chosen option is right or wrong. */
  readonly explain: string;
  readonly completedAt: number | null;
}

/**
 * What the UI may ask of its host. Each method takes positional JSON arguments and answers a
 * {@link LabApiResult} on the wire; the renderer's client unwraps it.
 */
export interface LabApi {
  getStartupInfo(): Promise<StartupInfo>;
  getCatalog(): Promise<Catalog>;
  getExercise(exerciseId: string): Promise<ExerciseView>;
  /** Autosave; `text` at most 1 MB. */
  saveDraft(exerciseId: string, text: string): Promise<{ readonly updatedAt: number }>;
  discardDraft(exerciseId: string): Promise<boolean>;
  submitAttempt(input: SubmitAttemptInput): Promise<SubmitAttemptOutput>;
  /** Newest first. */
  listAttempts(exerciseId: string, limit: number): Promise<readonly AttemptView[]>;
  /** Records that hints up to `count` are revealed (never lowers the count). */
  revealHints(exerciseId: string, count: number): Promise<ExerciseProgressView>;
  /** Returns the reference solution and records that it was viewed. */
  revealSolution(
    exerciseId: string,
  ): Promise<{ readonly solution: string; readonly progress: ExerciseProgressView }>;
  getProgressOverview(): Promise<ProgressOverview>;
  /** The lessons of "Start here", by order. */
  getLessons(): Promise<readonly LessonSummaryView[]>;
  getLesson(lessonId: string): Promise<LessonView>;
  /** Grades the chosen option of the lesson's question; a right answer completes the lesson. */
  answerLesson(lessonId: string, optionIndex: number): Promise<LessonAnswerView>;
  getSettings(): Promise<Settings>;
  updateSettings(changes: Partial<Settings>): Promise<Settings>;
  exportProgress(format: 'json' | 'csv'): Promise<ExportedFile>;
  /** `confirmation` must be the literal `'reset'`; settings are kept. */
  resetProgress(confirmation: 'reset'): Promise<void>;

  // Exam mode. While an exam runs, results and solutions stay hidden; the clock is wall time.
  listExamPresets(): Promise<readonly ExamPresetView[]>;
  startExam(input: StartExamInput): Promise<ExamPublicView>;
  /** The running exam, if any; an expired one is submitted first and returned submitted. */
  getActiveExam(): Promise<ExamPublicView | null>;
  getExam(examId: string): Promise<ExamPublicView>;
  getExamTask(examId: string, exerciseId: string): Promise<ExamTaskExercise>;
  /**
   * Saves a task's answer text and, when the learner works in the terminal, its session (the encoded
   * workspace draft, as drafts hold it). Without `terminal` the session saved before is kept; an
   * empty one clears it.
   */
  saveExamAnswer(
    examId: string,
    exerciseId: string,
    text: string,
    terminal?: string,
  ): Promise<ExamPublicView>;
  toggleExamFlag(examId: string, exerciseId: string): Promise<ExamPublicView>;
  moveExamTask(examId: string, exerciseId: string): Promise<ExamPublicView>;
  submitExam(examId: string): Promise<ExamPublicView>;
  /** Only for a submitted exam. */
  getExamReview(examId: string): Promise<ExamReview>;
  listExamHistory(): Promise<readonly ExamHistoryItem[]>;
  /** Starts the same exam again: same preset or custom options, same seed. */
  retakeExam(examId: string): Promise<ExamPublicView>;

  // Authoring: exercises in the learner's own library (user-data folder), never the bundled one.
  listAuthoredExercises(): Promise<readonly AuthoredExerciseSummary[]>;
  getAuthoredExercise(exerciseId: string): Promise<AuthoredExerciseFiles>;
  proposeChecks(files: AuthoredExerciseFiles): Promise<readonly ProposedCheck[]>;
  validateAuthoredExercise(files: AuthoredExerciseFiles): Promise<AuthoringValidation>;
  /** Saves (creates or replaces) an exercise; refused unless valid and its id is not a bundled one. */
  saveAuthoredExercise(files: AuthoredExerciseFiles): Promise<AuthoredExerciseSummary>;
  deleteAuthoredExercise(exerciseId: string): Promise<boolean>;

  // Packs: untrusted input, verified in full before anything is written.
  exportPack(
    exerciseIds: readonly string[],
    meta: { readonly name: string; readonly author: string; readonly version: string },
  ): Promise<ExportedFile>;
  previewPack(text: string): Promise<PackPreview>;
  importPack(
    text: string,
    onClash: 'refuse' | 'rename',
  ): Promise<{ readonly importedIds: readonly string[] }>;
}

export type LabApiMethod = keyof LabApi;

/** Every method, in one list; channels are `lab:<method>` in Electron and `POST /api/<method>` over HTTP. */
export const LAB_API_METHODS = [
  'getStartupInfo',
  'getCatalog',
  'getExercise',
  'saveDraft',
  'discardDraft',
  'submitAttempt',
  'listAttempts',
  'revealHints',
  'revealSolution',
  'getProgressOverview',
  'getLessons',
  'getLesson',
  'answerLesson',
  'getSettings',
  'updateSettings',
  'exportProgress',
  'resetProgress',
  'listExamPresets',
  'startExam',
  'getActiveExam',
  'getExam',
  'getExamTask',
  'saveExamAnswer',
  'toggleExamFlag',
  'moveExamTask',
  'submitExam',
  'getExamReview',
  'listExamHistory',
  'retakeExam',
  'listAuthoredExercises',
  'getAuthoredExercise',
  'proposeChecks',
  'validateAuthoredExercise',
  'saveAuthoredExercise',
  'deleteAuthoredExercise',
  'exportPack',
  'previewPack',
  'importPack',
] as const satisfies readonly LabApiMethod[];

/** Compile-time proof that the list above names every method exactly. */
type MissingMethods = Exclude<LabApiMethod, (typeof LAB_API_METHODS)[number]>;
export const LAB_API_METHODS_COMPLETE: MissingMethods extends never ? true : never = true;

/** IPC channel for a method. */
export function ipcChannel(method: LabApiMethod): `lab:${LabApiMethod}` {
  return `lab:${method}`;
}

/** The arguments tuple of a method. */
export type LabApiArgs<M extends LabApiMethod> = Parameters<LabApi[M]>;
/** The resolved value of a method. */
export type LabApiValue<M extends LabApiMethod> = Awaited<ReturnType<LabApi[M]>>;

/** Limits both hosts enforce on arguments. */
export const LAB_API_LIMITS = {
  maxIdLength: 200,
  maxTextBytes: 1_000_000,
  maxAttemptsListed: 1000,
  maxDurationMs: 24 * 60 * 60 * 1000,
  minFontSize: 12,
  maxFontSize: 24,
  maxPackBytes: 5_000_000,
  maxExerciseIds: 200,
  /** Options a lesson's question may have. */
  maxLessonOptions: 10,
  /** Labels one object may carry in a terminal answer. */
  maxLabels: 64,
  /** Namespaces, pods or deleted policies a terminal answer may name. */
  maxTerminalObjects: 10_000,
} as const;

/**
 * What Electron's preload exposes as `window.labBridge`: each LabApi method, answering the envelope
 * instead of throwing. The renderer's client unwraps it.
 */
export type LabBridge = {
  readonly [M in LabApiMethod]: (...args: LabApiArgs<M>) => Promise<LabApiResult<LabApiValue<M>>>;
};

/** What the desktop menu asks of the page: open a screen or a dialog. */
export const MENU_COMMANDS = [
  'import-pack',
  'new-exercise',
  'open-settings',
  'show-shortcuts',
  'go-catalog',
  'go-progress',
  'go-exams',
  'go-authoring',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The one channel main uses to send a {@link MenuCommand} to the page. */
export const MENU_COMMAND_CHANNEL = 'lab:menu-command';

/** True when `value` is a {@link MenuCommand}. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What Electron's preload exposes as `window.labShell`: events from the native shell. */
export interface LabShell {
  /** Calls `listener` for each menu command; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
