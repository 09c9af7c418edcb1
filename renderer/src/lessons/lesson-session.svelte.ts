/**
 * The lesson screen's state: the lesson, the switches of each diagram, and the answer to the closing
 * question. Diagrams are decided in the page by the engine (core), so flipping a switch needs no
 * round trip to the host.
 */
import type { LabApi, LessonAnswerView, LessonView } from '../../../core/lab-api/index.ts';
import { evaluateDiagram } from '../../../core/lesson/index.ts';
import type { DiagramVerdict } from '../../../core/lesson/index.ts';
import { errorMessage } from '../lib/api.ts';

type LessonApi = Pick<LabApi, 'getLesson' | 'answerLesson'>;

export class LessonSession {
  lesson: LessonView | null = $state.raw(null);
  state: 'loading' | 'ready' | 'not-found' | 'error' = $state('loading');
  loadError: string | null = $state(null);
  /** Per section, per policy: whether its switch is on. */
  switches: boolean[][] = $state([]);
  chosen: number | null = $state(null);
  answer: LessonAnswerView | null = $state.raw(null);
  answering = $state(false);
  answerError: string | null = $state(null);

  readonly #api: LessonApi;
  readonly lessonId: string;

  constructor(api: LessonApi, lessonId: string) {
    this.#api = api;
    this.lessonId = lessonId;
  }

  async load(): Promise<void> {
    this.state = 'loading';
    try {
      const lesson = await this.#api.getLesson(this.lessonId);
      this.lesson = lesson;
      this.switches = lesson.sections.map(
        (section) => section.diagram?.policies.map((policy) => policy.on) ?? [],
      );
      this.state = 'ready';
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      this.state = code === 'not-found' ? 'not-found' : 'error';
      this.loadError = errorMessage(error);
    }
  }

  /** What section `index`'s diagram shows with its switches as they are. */
  verdicts(index: number): DiagramVerdict[] {
    const diagram = this.lesson?.sections[index]?.diagram;
    return diagram === undefined ? [] : evaluateDiagram(diagram, this.switches[index] ?? []);
  }

  toggle(section: number, policy: number): void {
    const row = this.switches[section];
    if (row === undefined || row[policy] === undefined) return;
    row[policy] = !row[policy];
  }

  choose(option: number): void {
    this.chosen = option;
    this.answer = null;
  }

  async submitAnswer(): Promise<void> {
    if (this.chosen === null || this.answering || this.lesson === null) return;
    this.answering = true;
    this.answerError = null;
    try {
      this.answer = await this.#api.answerLesson(this.lesson.id, this.chosen);
      if (this.answer.completedAt !== null)
        this.lesson = { ...this.lesson, completedAt: this.answer.completedAt };
    } catch (error) {
      this.answerError = `Your answer was not checked: ${errorMessage(error)}`;
    } finally {
      this.answering = false;
    }
  }
}
