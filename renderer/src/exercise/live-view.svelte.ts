/**
 * The live graph and matrix: recomputed from the engine a moment after the learner stops typing (or
 * from the predictions, in a predict exercise). Text with errors keeps the last good picture, marked
 * stale, so the views never flash empty mid-edit.
 */
import type { ExerciseView } from '../../../core/lab-api/index.ts';
import type { Expectation, ReachCheck } from '../../../core/exercise/types.ts';
import type { GradeResult } from '../../../core/grading/types.ts';
import { reachChecks } from './connection-text.ts';
import { checkPorts, computeLiveMatrix, type LiveMatrix } from './live-matrix.ts';
import { buildEngineGraph, buildPredictionGraph, type ReachGraph } from './reach-graph.ts';
import { clusterModel, type SubmissionAnalysis } from './submission-analysis.ts';
import type { Predictions } from './predict-answers.ts';

export const LIVE_VIEW_DELAY_MS = 200;

export class LiveView {
  matrix: LiveMatrix | null = $state.raw(null);
  graph: ReachGraph | null = $state.raw(null);
  /** The text has errors: the views show the last text that had none. */
  stale = $state(false);

  readonly #exercise: ExerciseView;
  readonly #analyse: (text: string) => SubmissionAnalysis;
  readonly #checks: readonly ReachCheck[];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(exercise: ExerciseView, analyse: (text: string) => SubmissionAnalysis) {
    this.#exercise = exercise;
    this.#analyse = analyse;
    this.#checks = reachChecks(exercise.checks);
  }

  /** Recomputes from the editor text after a short pause. */
  schedule(text: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.fromText(text), LIVE_VIEW_DELAY_MS);
  }

  /** Recomputes from the editor text now. */
  fromText(text: string): void {
    clearTimeout(this.#timer);
    const analysis = this.#analyse(text);
    if (analysis.model === undefined) {
      this.stale = true;
      if (this.graph === null) this.#fromModel(clusterModel(this.#exercise));
      return;
    }
    this.stale = false;
    this.#fromModel(analysis.model);
  }

  #fromModel(model: NonNullable<SubmissionAnalysis['model']>): void {
    const exercise = this.#exercise;
    this.matrix = computeLiveMatrix({
      cluster: exercise.cluster,
      checks: this.#checks,
      expected: (check) => check.expect,
      yours: { kind: 'engine', model },
    });
    this.graph = buildEngineGraph(exercise.cluster, model, this.#checks, checkPorts(this.#checks));
  }

  /**
   * Predict exercises: "yours" is the learner's predictions; "expected" is known only once graded
   * (the grade carries the engine's verdict for each check).
   */
  fromPredictions(predictions: Predictions, grade: GradeResult | null): void {
    const truth = new Map<string, Expectation>();
    for (const result of grade?.checks ?? []) {
      if (result.expected === 'allow' || result.expected === 'deny') truth.set(result.id, result.expected);
    }
    const answer = (check: ReachCheck): Expectation | undefined => predictions[check.id];
    this.stale = false;
    this.matrix = computeLiveMatrix({
      cluster: this.#exercise.cluster,
      checks: this.#checks,
      expected: (check) => truth.get(check.id),
      yours: { kind: 'predictions', answer },
    });
    this.graph = buildPredictionGraph(this.#exercise.cluster, this.#checks, answer);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
