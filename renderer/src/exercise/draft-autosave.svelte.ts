/**
 * Autosave for the exercise's draft: a save a moment after typing stops, immediately when the screen
 * is left or hidden, and a local copy until the host confirms. A failed save is reported and retried
 * on the next change (or the next flush); the text is never dropped.
 */
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from './local-draft.ts';

export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface DraftAutosaveOptions {
  readonly exerciseId: string;
  readonly save: (exerciseId: string, text: string) => Promise<unknown>;
  readonly describeError: (error: unknown) => string;
  readonly storage?: Storage;
  readonly delayMs?: number;
  readonly now?: () => number;
}

export const AUTOSAVE_DELAY_MS = 600;

export class DraftAutosave {
  status: DraftStatus = $state('idle');
  /** Why the last save failed, while it has not succeeded since. */
  error: string | null = $state(null);

  readonly #options: DraftAutosaveOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The newest text not yet confirmed by the host. */
  #unsaved: string | null = null;
  #inFlight: Promise<void> | null = null;

  constructor(options: DraftAutosaveOptions) {
    this.#options = options;
  }

  /** Records a change: local copy soon, host save after the delay. */
  change(text: string): void {
    this.#unsaved = text;
    this.status = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Whether a change waits for the host. */
  get dirty(): boolean {
    return this.#unsaved !== null;
  }

  /** Saves now (waiting for a save in flight first). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight) await this.#inFlight;
    const text = this.#unsaved;
    if (text === null) return;
    const { exerciseId, storage } = this.#options;
    writeLocalDraft(storage, exerciseId, { text, updatedAt: (this.#options.now ?? Date.now)() });
    this.status = 'saving';
    this.#inFlight = (async () => {
      try {
        await this.#options.save(exerciseId, text);
        if (this.#unsaved === text) {
          this.#unsaved = null;
          removeLocalDraft(storage, exerciseId);
          this.status = 'saved';
        } else this.status = 'pending';
        this.error = null;
      } catch (error) {
        this.status = 'failed';
        this.error = this.#options.describeError(error);
      } finally {
        this.#inFlight = null;
      }
    })();
    await this.#inFlight;
  }

  /**
   * For `beforeunload` and hidden pages: the local copy is written synchronously (the page may be
   * gone before any promise settles), then the host save is started.
   */
  flushSoon(): void {
    if (this.#unsaved === null) return;
    const { exerciseId, storage } = this.#options;
    writeLocalDraft(storage, exerciseId, {
      text: this.#unsaved,
      updatedAt: (this.#options.now ?? Date.now)(),
    });
    void this.flush();
  }

  /** The local copy left by an earlier session, if any. */
  localCopy(): ReturnType<typeof readLocalDraft> {
    return readLocalDraft(this.#options.storage, this.#options.exerciseId);
  }

  /** Stops the timer; call {@link flushSoon} first to keep the last change. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
