/** What grading returns: per-check results with stable feedback codes, diagnostics, lint and a score. */
import type { Diagnostic, Verdict } from '../netpol/types.ts';
import type { CheckType, ExerciseKind, Expectation } from '../exercise/types.ts';

/**
 * Stable feedback codes; the UI picks wording and logic keys on these, never on `actual` text.
 * - `reach.ok`, `reach.unexpected-deny`, `reach.unexpected-allow`
 * - `policy.ok`, `policy.missing`, `policy.types-differ`, `policy.selects-differ`
 * - `policy-count.ok`, `policy-count.differs`
 * - `predict.ok`, `predict.wrong`, `predict.unanswered`
 * - `check.not-run`: the submission had errors, so nothing was evaluated
 */
export type FeedbackCode =
  | 'reach.ok'
  | 'reach.unexpected-deny'
  | 'reach.unexpected-allow'
  | 'policy.ok'
  | 'policy.missing'
  | 'policy.types-differ'
  | 'policy.selects-differ'
  | 'policy-count.ok'
  | 'policy-count.differs'
  | 'predict.ok'
  | 'predict.wrong'
  | 'predict.unanswered'
  | 'check.not-run';

/** The outcome of one check. */
export interface CheckResult {
  /** The check's id from `exercise.yaml`. */
  readonly id: string;
  readonly type: CheckType;
  readonly passed: boolean;
  /** `not-run` when errors in the submission kept the check from being evaluated. */
  readonly status: 'passed' | 'failed' | 'not-run';
  readonly code: FeedbackCode;
  /** What the check wants, for people: `allow`, `deny`, `policyTypes [Ingress]`, `1 NetworkPolicy`. */
  readonly expected: string;
  /** What the submission gave, in the same terms. */
  readonly actual: string;
  readonly informational: boolean;
  readonly weight: number;
  /**
   * `behaviour`: a named part of "behaves as the task asks" (a reach check); `form`: a structural
   * requirement the task states (a policy's name, shape or count), shown apart.
   */
  readonly requirement: 'behaviour' | 'form';
  /**
   * Whether the check counts toward the score: false when the starter already met it and the answer
   * still does, so doing nothing earns nothing. Absent on predictions (every answer counts).
   */
  readonly counts?: boolean;
  /** For reach checks: `prod/api -> prod/db on 3306/TCP`. */
  readonly connection?: string;
  /** The author's note from the check's `explain`. */
  readonly note?: string;
  /** The engine's explanation lines (reach checks), or why a policy check failed. */
  readonly explanation: readonly string[];
  /** The engine's verdict, for reach checks that ran. */
  readonly verdict?: Verdict;
}

/**
 * A region where the submission decides unlike the task, that no check names: one line of the
 * semantic diff against the reference solution.
 */
export interface GradeDifference {
  /** `from any pod in other to payments/worker, TCP all ports: the task denies, yours allows`. */
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly ports: string;
  readonly expected: Expectation;
  readonly actual: Expectation;
  /** One connection of the region, `a -> b on 80/TCP`. */
  readonly connection: string;
  /** The engine's explanation of that connection under the submission. */
  readonly explanation: readonly string[];
}

/** The outcome of grading one submission (or one set of predictions). */
export interface GradeResult {
  readonly exerciseId: string;
  readonly contentHash: string;
  readonly kind: ExerciseKind;
  /** Every graded check passed and there are no error diagnostics. */
  readonly passed: boolean;
  /** Weighted share of graded checks passed, 0–100, an integer. */
  readonly score: number;
  readonly checks: readonly CheckResult[];
  /** Differences from the task that no check names (write and fix exercises); empty on a pass. */
  readonly differences: readonly GradeDifference[];
  /** Set when the submission could not be graded at all (it has errors): the one message to show. */
  readonly invalid?: string;
  /** Problems reading the submission (parser ids, plus `grade.*`). */
  readonly diagnostics: readonly Diagnostic[];
  /** Lint findings about the learner's own policies. */
  readonly lint: readonly Diagnostic[];
}
