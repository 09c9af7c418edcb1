/**
 * The front door of the evaluation engine. Text or plain objects in, plain data out; learner input
 * never makes anything here throw.
 */
export * from './types.ts';
export {
  selectorMatches,
  formatSelector,
  explainSelectorMismatch,
  isEmptySelector,
  EVERYTHING,
} from './selector.ts';
