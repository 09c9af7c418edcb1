/** Front door of the SQLite progress store. */
export { openProgressStore } from './open-progress-store.ts';
export type { OpenedProgressStore, OpenProgressStoreOptions } from './open-progress-store.ts';
export { ProgressStore } from './progress-store.ts';
export { DEFAULT_EXAM_LIMIT, MAX_EXAM_LIMIT, toHistoryEntry } from './exam-sessions.ts';
export type { ActiveExam, ExamHistoryEntry } from './exam-sessions.ts';
export { ProgressStoreError } from './errors.ts';
export type { ProgressStoreErrorCode } from './errors.ts';
export { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
export { MAX_ID_LENGTH, MAX_TEXT_BYTES } from './validate.ts';
export type * from './types.ts';
