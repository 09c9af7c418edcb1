/**
 * Errors nobody else caught (a failed call in an event handler, an unhandled rejection): the shell
 * shows them as alerts instead of letting the app fall over silently.
 */
import { errorMessage } from './api.ts';

export interface Notice {
  readonly id: number;
  readonly message: string;
}

const MAX_NOTICES = 3;

/** The app's unexpected errors, newest last. */
export class NoticesState {
  items: Notice[] = $state([]);
  #nextId = 1;

  /** Shows an error; the same message twice in a row is shown once. */
  report(error: unknown): void {
    const message = errorMessage(error);
    if (this.items.at(-1)?.message === message) return;
    this.items = [...this.items, { id: this.#nextId++, message }].slice(-MAX_NOTICES);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}

/** The app's one list of notices. */
export const notices = new NoticesState();
