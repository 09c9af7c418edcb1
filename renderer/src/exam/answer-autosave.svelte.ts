/**
 * Autosave of exam answers: each task's newest text goes to the host a moment after typing stops,
 * and at once before moving, submitting or leaving. A failed save keeps the text and is retried on
 * the next change or flush.
 */
import type { ExamPublicView } from '../../../core/exam/index.ts';

export type AnswerSaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface AnswerAutosaveOptions {
  readonly save: (exerciseId: string, text: string) => Promise<ExamPublicView>;
  /** Called with the exam as the host answered each save. */
  readonly onsaved?: (view: ExamPublicView) => void;
  readonly describeError: (error: unknown) => string;
  readonly delayMs?: number;
}

/** How long typing must pause before a save. */
export const ANSWER_SAVE_DELAY_MS = 500;

export class AnswerAutosave {
  status: AnswerSaveStatus = $state('idle');
  error: string | null = $state(null);
  readonly #options: AnswerAutosaveOptions;
  /** Texts not yet confirmed by the host, by exercise id. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for the saves; `status` is the state
  readonly #unsaved = new Map<string, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | null = null;

  constructor(options: AnswerAutosaveOptions) {
    this.#options = options;
  }

  /** The newest text of a task not yet saved, if any. */
  pending(exerciseId: string): string | undefined {
    return this.#unsaved.get(exerciseId);
  }

  change(exerciseId: string, text: string): void {
    this.#unsaved.set(exerciseId, text);
    this.status = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#options.delayMs ?? ANSWER_SAVE_DELAY_MS);
  }

  /** Saves every pending answer now; rejects with the first failure (the text stays pending). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight) await this.#inFlight;
    if (this.#unsaved.size === 0) return;
    this.status = 'saving';
    let failure: unknown = null;
    this.#inFlight = (async () => {
      for (const [exerciseId, text] of [...this.#unsaved]) {
        try {
          const view = await this.#options.save(exerciseId, text);
          if (this.#unsaved.get(exerciseId) === text) this.#unsaved.delete(exerciseId);
          this.#options.onsaved?.(view);
        } catch (error) {
          failure ??= error;
        }
      }
    })();
    try {
      await this.#inFlight;
    } finally {
      this.#inFlight = null;
    }
    if (failure !== null) {
      this.status = 'failed';
      this.error = this.#options.describeError(failure);
      throw failure;
    }
    this.error = null;
    this.status = this.#unsaved.size === 0 ? 'saved' : 'pending';
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
