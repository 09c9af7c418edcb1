/** Front door of the Node LabApi: the implementation, its failure type and the dispatcher. */
export { createLabBackend } from './lab-backend.ts';
export type { LabBackend, LabBackendOptions } from './lab-backend.ts';
export { LabApiFailure } from './failure.ts';
export { dispatchLabApi, toLabApiError } from './dispatch.ts';
export { DEFAULT_SETTINGS } from './settings.ts';
export { examMinuteMsFromEnvironment } from './exam-api.ts';
