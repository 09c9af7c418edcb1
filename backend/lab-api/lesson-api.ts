/**
 * The lesson methods of {@link LabApi}: the lessons read at start, and which ones the learner has
 * completed, kept in the settings table under one key (lesson id → completion time).
 */
import type { Lesson } from '../../core/lesson/index.ts';
import type { LabApi, LessonSummaryView } from '../../core/lab-api/index.ts';
import type { JsonValue, ProgressStore } from '../progress/index.ts';
import { LabApiFailure } from './failure.ts';

export type LessonMethod = 'getLessons' | 'getLesson' | 'answerLesson';

const COMPLETED_KEY = 'lessonsCompleted';

/** Completion times by lesson id; a damaged stored value counts as nothing completed. */
function completed(store: ProgressStore): Map<string, number> {
  const stored: JsonValue | undefined = store.getSetting(COMPLETED_KEY);
  const times = new Map<string, number>();
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return times;
  for (const [id, time] of Object.entries(stored)) {
    if (typeof time === 'number' && Number.isFinite(time)) times.set(id, time);
  }
  return times;
}

function summary(lesson: Lesson, completedAt: number | null): LessonSummaryView {
  const { id, title, summary: text, order, minutes } = lesson;
  return { id, title, summary: text, order, minutes, completedAt };
}

export function createLessonApi(
  lessons: readonly Lesson[],
  store: ProgressStore,
  now: () => number,
): Pick<LabApi, LessonMethod> {
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const find = (lessonId: string): Lesson => {
    const lesson = byId.get(lessonId);
    if (lesson === undefined) throw new LabApiFailure('not-found', `There is no lesson "${lessonId}".`);
    return lesson;
  };
  return {
    async getLessons() {
      const times = completed(store);
      return lessons.map((lesson) => summary(lesson, times.get(lesson.id) ?? null));
    },

    async getLesson(lessonId) {
      const lesson = find(lessonId);
      return { ...lesson, completedAt: completed(store).get(lesson.id) ?? null };
    },

    async answerLesson(lessonId, optionIndex) {
      const lesson = find(lessonId);
      const option = lesson.check.options[optionIndex];
      if (option === undefined) {
        throw new LabApiFailure(
          'invalid-argument',
          `The question of "${lessonId}" has ${lesson.check.options.length} options; there is no option ${optionIndex + 1}.`,
        );
      }
      const times = completed(store);
      if (option.correct && !times.has(lesson.id)) {
        times.set(lesson.id, now());
        store.setSetting(COMPLETED_KEY, Object.fromEntries(times));
      }
      return { correct: option.correct, explain: option.explain, completedAt: times.get(lesson.id) ?? null };
    },
  };
}
