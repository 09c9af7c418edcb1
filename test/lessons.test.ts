/** The bundled lessons: every file reads cleanly, ids and orders are unique, diagrams decide. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessonLibrary } from '../backend/lesson-library.ts';
import { evaluateDiagram } from '../core/lesson/index.ts';

const EXERCISES = resolve(import.meta.dirname, '../exercises');

describe('bundled lessons', async () => {
  const library = await loadLessonLibrary(EXERCISES);

  it('read without a single diagnostic, one lesson per seed idea', () => {
    expect(library.diagnostics).toEqual([]);
    expect(library.lessons.map((lesson) => lesson.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  for (const lesson of library.lessons) {
    it(`${lesson.id}: every diagram changes when its policies do, and one answer is right`, () => {
      expect(lesson.check.options.filter((option) => option.correct)).toHaveLength(1);
      for (const section of lesson.sections) {
        const diagram = section.diagram;
        if (diagram === undefined) continue;
        const start = evaluateDiagram(diagram, []).map((verdict) => verdict.allowed);
        expect(start).toHaveLength(diagram.connections.length);
        // A diagram whose switches change nothing would teach nothing.
        const flipped = diagram.policies.map((policy, index) =>
          evaluateDiagram(
            diagram,
            diagram.policies.map((other, otherIndex) => (otherIndex === index ? !policy.on : other.on)),
          ).map((verdict) => verdict.allowed),
        );
        expect(flipped.some((verdicts) => verdicts.join() !== start.join())).toBe(true);
      }
    });
  }
});
