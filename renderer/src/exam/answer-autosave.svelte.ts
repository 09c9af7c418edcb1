/**
 * Autosave of exam answers: each task's newest text, and its terminal session once the terminal
 * was used, goes to the host a moment after typing stops, and at once before moving, submitting or
 * leaving. A failed save keeps the text and is retried on the next change or flush.
 */
import type { ExamPublicView } from '../../../core/exam/index.ts';

export type AnswerSaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface AnswerAutosaveOptions {
  /** `text` is undefined when only the terminal session changed; `terminal` when it did not. */
  readonly save: (exerciseId: string, text: string | undefined, terminal?: string) => Promise<ExamPublicView>;
  /** Called with the exam as the host answered each save. */
  readonly onsaved?: (view: ExamPublicView) => void;
  readonly describeError: (error: unknown) => string;
  readonly delayMs?: number;
}

/** How long typing must pause before a save. */
export const ANSWER_SAVE_DELAY_MS = 500;

interface Unsaved {
  readonly text: string | undefined;
  readonly terminal: string | undefined;
}

export class AnswerAutosave {
  status: AnswerSaveStatus = $state('idle');
  error: string | null = $state(null);
  readonly #options: AnswerAutosaveOptions;
  /** Texts and terminal sessions not yet confirmed by the host, by exercise id. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for the saves; `status` is the state
  readonly #unsaved = new Map<string, Unsaved>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | null = null;

  constructor(options: AnswerAutosaveOptions) {
    this.#options = options;
  }

  /** The newest text of a task not yet saved, if any. */
  pending(exerciseId: string): string | undefined {
    return this.#unsaved.get(exerciseId)?.text;
  }

  /** The newest terminal session of a task not yet saved, if any. */
  pendingTerminal(exerciseId: string): string | undefined {
    return this.#unsaved.get(exerciseId)?.terminal;
  }

  /** The learner typed (`text`), or a command ran (`terminal`, with the text it makes, if any). */
  change(exerciseId: string, text: string | undefined, terminal?: string): void {
    const before = this.#unsaved.get(exerciseId);
    this.#unsaved.set(exerciseId, { text: text ?? before?.text, terminal: terminal ?? before?.terminal });
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
      for (const [exerciseId, entry] of [...this.#unsaved]) {
        try {
          const view = await this.#options.save(exerciseId, entry.text, entry.terminal);
          if (this.#unsaved.get(exerciseId) === entry) this.#unsaved.delete(exerciseId);
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
