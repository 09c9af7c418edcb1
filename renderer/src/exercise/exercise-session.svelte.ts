/**
 * The exercise screen's state: the exercise, grading, attempts, hints and the solution. Talks to the
 * host only through the `LabApi` it is given; components read it and call its methods.
 */
import type {
  AttemptView,
  ExerciseProgressView,
  ExerciseView,
  LabApi,
  SubmitAttemptOutput,
} from '../../../core/lab-api/index.ts';
import { LAB_API_LIMITS } from '../../../core/lab-api/index.ts';
import type { GradeResult } from '../../../core/grading/index.ts';
import type { TerminalChanges } from '../../../core/kubectl/index.ts';

export type LoadState = 'loading' | 'ready' | 'not-found' | 'error';

/** How many attempts the history shows. */
export const ATTEMPTS_LISTED = 50;

/** Time spent on an attempt, as the host accepts it (0 – 24 h). */
export function attemptDuration(since: number, now: number): number {
  return Math.min(Math.max(0, Math.round(now - since)), LAB_API_LIMITS.maxDurationMs);
}

export class ExerciseSession {
  state: LoadState = $state('loading');
  exercise: ExerciseView | null = $state.raw(null);
  progress: ExerciseProgressView | null = $state.raw(null);
  /** Why the exercise could not be loaded. */
  loadError: string | null = $state(null);
  /** The last failed action (check, hint, solution, history), shown as an alert. */
  actionError: string | null = $state(null);
  grade: GradeResult | null = $state.raw(null);
  checking = $state(false);
  /** Set when the last check was the first pass of this exercise. */
  firstPass = $state(false);
  attempts: readonly AttemptView[] = $state.raw([]);
  /** The last Check graded the same text as the latest attempt, so no attempt was added. */
  repeatedCheck = $state(false);
  selectedAttempt: AttemptView | null = $state.raw(null);
  solution: string | null = $state(null);
  revealingHint = $state(false);
  revealingSolution = $state(false);

  readonly exerciseId: string;
  readonly #api: LabApi;
  readonly #describeError: (error: unknown) => string;
  readonly #now: () => number;
  #since: number;

  constructor(
    api: LabApi,
    exerciseId: string,
    describeError: (error: unknown) => string,
    now: () => number = () => Date.now(),
  ) {
    this.#api = api;
    this.exerciseId = exerciseId;
    this.#describeError = describeError;
    this.#now = now;
    this.#since = now();
  }

  /** Hints revealed so far. */
  get hintsRevealed(): number {
    return Math.min(this.progress?.hintsRevealed ?? 0, this.exercise?.hints.length ?? 0);
  }

  get hintsLeft(): number {
    return (this.exercise?.hints.length ?? 0) - this.hintsRevealed;
  }

  get completed(): boolean {
    return this.progress?.completed === true;
  }

  async load(): Promise<void> {
    this.state = 'loading';
    this.loadError = null;
    try {
      const exercise = await this.#api.getExercise(this.exerciseId);
      this.exercise = exercise;
      this.progress = exercise.progress;
      this.#since = this.#now();
      this.state = 'ready';
      void this.loadAttempts();
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      this.state = code === 'not-found' ? 'not-found' : 'error';
      this.loadError = this.#describeError(error);
    }
  }

  /** Grades an answer; resolves to the host's answer, or null when the check failed to run. */
  async check(answer: string, terminal?: TerminalChanges): Promise<SubmitAttemptOutput | null> {
    if (this.checking || this.exercise === null) return null;
    this.checking = true;
    this.actionError = null;
    const wasCompleted = this.completed;
    const now = this.#now();
    try {
      const output = await this.#api.submitAttempt({
        exerciseId: this.exerciseId,
        answer,
        durationMs: attemptDuration(this.#since, now),
        ...(terminal === undefined ? {} : { terminal }),
      });
      this.#since = this.#now();
      this.grade = output.grade;
      this.repeatedCheck = output.repeated;
      this.progress = output.progress;
      this.firstPass = output.grade.passed && !wasCompleted;
      this.attempts = [
        output.attempt,
        ...this.attempts.filter((attempt) => attempt.id !== output.attempt.id),
      ];
      void this.loadAttempts();
      return output;
    } catch (error) {
      this.actionError = `Check did not run: ${this.#describeError(error)}`;
      return null;
    } finally {
      this.checking = false;
    }
  }

  async loadAttempts(): Promise<void> {
    try {
      this.attempts = await this.#api.listAttempts(this.exerciseId, ATTEMPTS_LISTED);
    } catch (error) {
      this.actionError = `The attempt history could not be loaded: ${this.#describeError(error)}`;
    }
  }

  selectAttempt(attempt: AttemptView | null): void {
    this.selectedAttempt = attempt;
  }

  async revealNextHint(): Promise<void> {
    if (this.revealingHint || this.hintsLeft <= 0) return;
    this.revealingHint = true;
    this.actionError = null;
    try {
      this.progress = await this.#api.revealHints(this.exerciseId, this.hintsRevealed + 1);
    } catch (error) {
      this.actionError = `The hint could not be shown: ${this.#describeError(error)}`;
    } finally {
      this.revealingHint = false;
    }
  }

  async revealSolution(): Promise<void> {
    if (this.revealingSolution) return;
    this.revealingSolution = true;
    this.actionError = null;
    try {
      const revealed = await this.#api.revealSolution(this.exerciseId);
      this.solution = revealed.solution;
      this.progress = revealed.progress;
    } catch (error) {
      this.actionError = `The solution could not be shown: ${this.#describeError(error)}`;
    } finally {
      this.revealingSolution = false;
    }
  }

  dismissActionError(): void {
    this.actionError = null;
  }
}
