/**
 * The running exam, if any, as the whole app knows it: the header shows a "Resume exam" indicator
 * and the exam home a banner. Refreshed on start and whenever an exam screen learns something new.
 */
import type { ExamPublicView } from '../../../core/exam/index.ts';
import type { LabApi } from '../../../core/lab-api/index.ts';
import { api } from '../lib/api.ts';

/** The running exam; null when none runs (or the host could not say). */
export class ActiveExamState {
  view: ExamPublicView | null = $state(null);
  readonly #api: Pick<LabApi, 'getActiveExam'>;

  constructor(source: Pick<LabApi, 'getActiveExam'>) {
    this.#api = source;
  }

  /** Asks the host; an expired exam comes back submitted, which means none runs. */
  async refresh(): Promise<void> {
    try {
      this.note(await this.#api.getActiveExam());
    } catch {
      // Only an indicator: the exam screens report host errors themselves.
    }
  }

  /** Records what an exam screen just received. */
  note(view: ExamPublicView | null): void {
    if (view === null || view.status === 'running') this.view = view;
    else if (this.view?.id === view.id) this.view = null;
  }
}

/** The app's one view of the running exam. */
export const activeExam = new ActiveExamState(api);
