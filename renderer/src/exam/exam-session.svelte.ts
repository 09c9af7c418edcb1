/**
 * A running exam's screen state: the exam as the host last told it, the current task, autosave of
 * the answers and the terminal's sessions. Talks to the host only through the `LabApi` methods it is
 * given; the screen reads it and calls its methods.
 */
import type { ExamPublicView } from '../../../core/exam/index.ts';
import type { ExamTaskExercise, LabApi } from '../../../core/lab-api/index.ts';
import type { TerminalSession } from '../../../core/terminal/index.ts';
import { ownValue } from '../../../core/records/index.ts';
import { createSubmissionAnalyser } from '../exercise/submission-analysis.ts';
import type { TerminalHandle } from '../exercise/terminal/terminal-view.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { setPageTitle } from '../lib/router.svelte.ts';
import { activeExam } from './active-exam.svelte.ts';
import { AnswerAutosave } from './answer-autosave.svelte.ts';
import { examResultHref, goTo } from './exam-links.ts';
import {
  decodeExamTerminal,
  encodeExamTerminal,
  examAnswer,
  takeLegacyExamSession,
} from './exam-terminal.ts';

/** The host calls an exam screen makes. */
export type ExamSessionApi = Pick<
  LabApi,
  'getExam' | 'getExamTask' | 'saveExamAnswer' | 'toggleExamFlag' | 'moveExamTask' | 'submitExam'
>;

export interface ExamSessionOptions {
  readonly describeError: (error: unknown) => string;
  /**
   * This browser's storage, where earlier versions kept the terminal's sessions: a session found
   * there is continued once and then saved with the exam on the host.
   */
  readonly storage?: Storage | undefined;
}

export class ExamSession {
  exam: ExamPublicView | null = $state(null);
  task: ExamTaskExercise | null = $state(null);
  /** When the clock reaches zero, on this machine's clock. */
  deadline = $state(0);
  /** Why the exam could not be opened. */
  loadError: string | null = $state(null);
  /** The last failed action (move, flag, submit, task load), shown as an alert. */
  actionError: string | null = $state(null);
  /** The "Submit exam?" dialog is open. */
  confirmOpen = $state(false);
  submitting = $state(false);
  /** Exams open in the terminal, as on exam day; the editor is one switch away. */
  useTerminal = $state(true);

  readonly examId: string;
  readonly #api: ExamSessionApi;
  readonly #describeError: (error: unknown) => string;
  readonly #storage: Storage | undefined;
  readonly #autosave = new AnswerAutosave({
    save: (exerciseId, text, terminal) => {
      // Only the session changed: the text stays what the host holds.
      const kept = text ?? (this.exam ? ownValue(this.exam.answers, exerciseId)?.text : undefined) ?? '';
      return terminal === undefined
        ? this.#api.saveExamAnswer(this.examId, exerciseId, kept)
        : this.#api.saveExamAnswer(this.examId, exerciseId, kept, terminal);
    },
    // Only the answers: a save answered late must not undo a flag or a move made meanwhile.
    onsaved: (view) => {
      if (this.exam) this.exam = { ...this.exam, answers: view.answers };
    },
    describeError: (error) => this.#describeError(error),
  });
  /** Not state: only read when a command has run. */
  #terminal: TerminalHandle | null = null;

  constructor(api: ExamSessionApi, examId: string, options: ExamSessionOptions) {
    this.#api = api;
    this.examId = examId;
    this.#describeError = options.describeError;
    this.#storage = options.storage;
  }

  /** Index of the current task in the exam's order; -1 before the exam is known. */
  readonly position: number = $derived(
    this.exam ? this.exam.tasks.findIndex((item) => item.exerciseId === this.exam?.currentTaskId) : -1,
  );

  readonly current: ExamPublicView['tasks'][number] | undefined = $derived(
    this.exam && this.position >= 0 ? this.exam.tasks[this.position] : undefined,
  );

  readonly flagged: boolean = $derived(
    this.exam !== null && this.current !== undefined && this.exam.flags.includes(this.current.exerciseId),
  );

  readonly analyse = $derived(this.task ? createSubmissionAnalyser(this.task) : null);

  readonly taskHtml: string = $derived(this.task ? renderMarkdown(this.task.task) : '');

  /**
   * What the editor opens with: unsaved text, else the saved answer, else the starter. An empty
   * answer saved only to keep a terminal session is no answer.
   */
  readonly openingText: string = $derived(
    this.task
      ? (this.#autosave.pending(this.task.id) ?? this.#savedText(this.task.id) ?? this.task.starter)
      : '',
  );

  /** The autosave's state in words. */
  readonly saveLine: string = $derived(
    {
      idle: '',
      pending: 'Unsaved changes…',
      saving: 'Saving…',
      saved: 'Answer saved',
      failed: `Not saved: ${this.#autosave.error ?? 'the host did not answer'}`,
    }[this.#autosave.status],
  );

  readonly inTerminal: boolean = $derived(
    this.useTerminal && this.task !== null && this.task.kind !== 'predict',
  );

  async load(): Promise<void> {
    this.loadError = null;
    try {
      const view = await this.#api.getExam(this.examId);
      this.#show(view);
      setPageTitle(view.title);
      if (view.status !== 'submitted') await this.#loadTask(view.currentTaskId);
    } catch (error) {
      this.loadError = this.#describeError(error);
    }
  }

  /** Saves what is pending and moves to another task. */
  select(exerciseId: string): void {
    if (!this.exam || exerciseId === this.exam.currentTaskId) return;
    void this.#act(async () => {
      await this.#autosave.flush();
      this.#show(await this.#api.moveExamTask(this.examId, exerciseId));
      await this.#loadTask(exerciseId);
    });
  }

  /** Moves `offset` tasks along the exam's order, if there is a task there. */
  step(offset: number): void {
    const next = this.exam?.tasks[this.position + offset];
    if (next) this.select(next.exerciseId);
  }

  toggleFlag(): void {
    const taskId = this.current?.exerciseId;
    if (taskId) void this.#act(async () => this.#show(await this.#api.toggleExamFlag(this.examId, taskId)));
  }

  async submit(): Promise<void> {
    this.confirmOpen = false;
    this.submitting = true;
    await this.#act(async () => {
      await this.#autosave.flush();
      this.#show(await this.#api.submitExam(this.examId));
    });
    this.submitting = false;
  }

  /** The clock reached zero here; the host submits the exam when it agrees the time is up. */
  async expire(): Promise<void> {
    this.confirmOpen = false;
    try {
      await this.#autosave.flush();
    } catch {
      // Too late to save: the host has closed the exam; the result shows what was saved in time.
    }
    await this.#act(async () => this.#show(await this.#api.getExam(this.examId)));
  }

  /** The learner typed in the editor. */
  changeAnswer(taskId: string, text: string): void {
    this.#autosave.change(taskId, text);
  }

  /** Saves pending answers now; a failure shows in `saveLine` and is retried later. */
  saveNow(): void {
    void this.#autosave.flush().catch(() => undefined);
  }

  toggleTerminal(): void {
    this.useTerminal = !this.useTerminal;
  }

  /** The terminal of the current task is ready. */
  attachTerminal(handle: TerminalHandle): void {
    this.#terminal = handle;
  }

  /**
   * The terminal session kept for a task, to continue it: one not yet saved, else the one the host
   * keeps with the answer, else one an earlier version left in this browser's storage.
   */
  savedTerminal(taskId: string): TerminalSession | undefined {
    const text =
      this.#autosave.pendingTerminal(taskId) ??
      (this.exam ? ownValue(this.exam.answers, taskId)?.terminal : undefined);
    if (text !== undefined) return decodeExamTerminal(text);
    return takeLegacyExamSession(this.#storage, this.examId, taskId, false);
  }

  /** A command ran in the task's terminal: saves the session and the policies it applied. */
  async terminalCommand(taskId: string): Promise<void> {
    const handle = this.#terminal;
    if (handle === null || this.task?.id !== taskId) return;
    const previous = this.savedTerminal(taskId);
    const session = await handle.snapshot();
    // The host has it now; the browser's copy from an earlier version is not read again.
    takeLegacyExamSession(this.#storage, this.examId, taskId, true);
    // Commands that applied nothing leave an answer typed in the editor alone.
    const answer = examAnswer(session);
    const changed = answer !== '' || (previous !== undefined && examAnswer(previous) !== '');
    this.#autosave.change(taskId, changed ? answer : undefined, encodeExamTerminal(session));
  }

  dismissActionError(): void {
    this.actionError = null;
  }

  /** The screen is going away: saves what is pending and stops the autosave's timer. */
  dispose(): void {
    this.saveNow();
    this.#autosave.dispose();
  }

  #savedText(taskId: string): string | undefined {
    const answer = this.exam ? ownValue(this.exam.answers, taskId) : undefined;
    if (answer === undefined || (answer.text === '' && answer.terminal !== undefined)) return undefined;
    return answer.text;
  }

  #show(view: ExamPublicView): void {
    this.exam = view;
    this.deadline = Date.now() + view.remainingMs;
    activeExam.note(view);
    if (view.status === 'submitted') goTo(examResultHref(view.id));
  }

  async #loadTask(exerciseId: string): Promise<void> {
    this.task = null;
    try {
      const loaded = await this.#api.getExamTask(this.examId, exerciseId);
      // The learner may have moved on while this task was on its way.
      if (this.exam?.currentTaskId === exerciseId) this.task = loaded;
    } catch (error) {
      this.actionError = this.#describeError(error);
    }
  }

  async #act(step: () => Promise<void>): Promise<void> {
    this.actionError = null;
    try {
      await step();
    } catch (error) {
      this.actionError = this.#describeError(error);
    }
  }
}
