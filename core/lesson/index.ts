/** The front door of lessons: reading `lesson.yaml` and deciding what its diagrams show. */
export * from './types.ts';
export { parseLesson } from './parse-lesson.ts';
export type { LessonParse } from './parse-lesson.ts';
export { evaluateDiagram } from './diagram.ts';
export type { DiagramVerdict } from './diagram.ts';
