/** Front door of the UI ↔ host contract. */
export * from './contract.ts';
export * from './validate-args.ts';
export { emptyProgress } from './progress-view.ts';
