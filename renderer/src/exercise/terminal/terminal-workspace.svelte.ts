/**
 * The exercise screen's side of the terminal: what Check grades when the terminal is in use (the
 * policies the learner applied to the cluster, from core/kubectl's grading export), and the draft
 * that keeps the terminal session beside the editor's text after every command.
 */
import { terminalChanges, terminalSubmission } from '../../../../core/kubectl/index.ts';
import type { TerminalChanges } from '../../../../core/kubectl/index.ts';
import { encodeWorkspaceDraft } from '../../../../core/terminal/index.ts';
import type { TerminalSession } from '../../../../core/terminal/index.ts';
import type { TerminalHandle } from './terminal-view.ts';

export interface TerminalWorkspaceOptions {
  /** The session restored from the draft, if any. */
  readonly session: TerminalSession | undefined;
  /** The editor's text now. */
  readonly editorText: () => string;
  /** Hands the draft text to the autosave. */
  readonly save: (text: string) => void;
  /** Hands the policies in force to the live views. */
  readonly schedule: (policies: string) => void;
}

export class TerminalWorkspace {
  /** Set once the terminal panel has been shown; it then stays mounted, keeping its screen. */
  opened = $state(false);
  readonly session: TerminalSession | undefined;

  readonly #options: TerminalWorkspaceOptions;
  #handle: TerminalHandle | null = null;
  #latest: TerminalSession | undefined;
  #sequence = 0;

  constructor(options: TerminalWorkspaceOptions) {
    this.#options = options;
    this.session = options.session;
    this.#latest = options.session;
  }

  attach(handle: TerminalHandle): void {
    this.#handle = handle;
    this.opened = true;
    // A restored session: the live views show the cluster as the terminal left it.
    if (this.#latest !== undefined) this.#options.schedule(this.answer());
  }

  /** What Check grades in the terminal: every policy the learner created or changed, as YAML. */
  answer(): string {
    const state = this.#handle?.state() ?? this.#latest?.state;
    return state === undefined ? '' : terminalSubmission(state).submission;
  }

  /** What else the session changed (labels, deleted policies), graded with {@link answer}. */
  changes(): TerminalChanges | undefined {
    const state = this.#handle?.state() ?? this.#latest?.state;
    return state === undefined ? undefined : terminalChanges(state);
  }

  /** The editor changed: the draft keeps the terminal session beside it. */
  editorChanged(text: string): void {
    this.#options.save(
      encodeWorkspaceDraft({ editor: text, ...(this.#latest ? { terminal: this.#latest } : {}) }),
    );
  }

  /** A command finished: save the session and show its policies in the live views. */
  async commandRan(): Promise<void> {
    const handle = this.#handle;
    if (handle === null) return;
    const sequence = ++this.#sequence;
    const session = await handle.snapshot();
    if (sequence !== this.#sequence) return;
    this.#latest = session;
    this.#options.save(encodeWorkspaceDraft({ editor: this.#options.editorText(), terminal: session }));
    this.#options.schedule(this.answer());
  }

  resetCluster(): void {
    this.#handle?.resetCluster();
  }

  focus(): void {
    this.#handle?.focus();
  }
}
