/** Front door of the UI ↔ host contract. */
export * from './contract.ts';
export * from './validate-args.ts';
export type { ExamMethod } from './validate-exam-args.ts';
export type { LibraryMethod } from './validate-library-args.ts';
export { emptyProgress } from './progress-view.ts';
export { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
