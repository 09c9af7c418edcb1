import type { Diagnostic } from '../types.ts';
import type { LintContext } from './lint-context.ts';

/** One kind of lint finding. A new kind of finding is a new rule file, listed in `index.ts`. */
export interface LintRule {
  /** Stable id, `lint.<rule>`; logic (grading, UI filters) keys on it. */
  readonly id: string;
  check(context: LintContext): Diagnostic[];
}
