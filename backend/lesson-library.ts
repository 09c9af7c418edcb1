/**
 * The lessons on disk: `<exercises root>/lessons/*.yaml`, one lesson a file, read and checked at
 * start. Ids must be unique and orders distinct; a broken lesson is left out with its diagnostics,
 * so one bad file never hides the others.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseLesson } from '../core/lesson/index.ts';
import type { Lesson } from '../core/lesson/index.ts';
import type { Diagnostic } from '../core/netpol/index.ts';

/** The folder under the exercise catalogue root that holds lessons. */
export const LESSONS_FOLDER = 'lessons';

export interface LessonLibrary {
  /** Valid lessons, by `order`. */
  readonly lessons: readonly Lesson[];
  readonly diagnostics: readonly Diagnostic[];
}

function clash(message: string, source: string): Diagnostic {
  return { id: 'lesson.duplicate', severity: 'error', message, position: { line: 1, column: 1 }, source };
}

/** Reads every lesson under `<exercisesRoot>/lessons`; no folder means no lessons. */
export async function loadLessonLibrary(exercisesRoot: string): Promise<LessonLibrary> {
  const folder = path.join(exercisesRoot, LESSONS_FOLDER);
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lessons: [], diagnostics: [] };
    throw error;
  }
  const lessons: Lesson[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const orders = new Map<number, string>();
  for (const name of names) {
    const source = `${LESSONS_FOLDER}/${name}`;
    const parsed = parseLesson(await readFile(path.join(folder, name), 'utf8'), source);
    diagnostics.push(...parsed.diagnostics);
    const lesson = parsed.lesson;
    if (lesson === undefined) continue;
    const sameId = ids.get(lesson.id);
    const sameOrder = orders.get(lesson.order);
    if (sameId !== undefined) {
      diagnostics.push(clash(`lesson id "${lesson.id}" is already used by ${sameId}`, source));
      continue;
    }
    if (sameOrder !== undefined) {
      diagnostics.push(clash(`lesson order ${lesson.order} is already used by ${sameOrder}`, source));
      continue;
    }
    ids.set(lesson.id, source);
    orders.set(lesson.order, source);
    lessons.push(lesson);
  }
  lessons.sort((left, right) => left.order - right.order);
  return { lessons, diagnostics };
}
