/**
 * The live graph and matrix: recomputed a moment after the learner stops typing (or from the
 * predictions, in a predict exercise) by the live engine, off the main thread. Text with errors keeps
 * the last good picture, marked stale, so the views never flash empty mid-edit. While one text is
 * being analysed, newer texts wait and only the newest is sent: a slow analysis never queues up.
 */
import type { Expectation } from '../../../../core/exercise/index.ts';
import type { GradeResult } from '../../../../core/grading/index.ts';
import type { Predictions } from '../predict-answers.ts';
import type { ProbeRequest, ProbeResult } from './connection-explanation.ts';
import type { LiveExercise, LiveSnapshot } from './live-analysis.ts';
import { createLiveEngine, type LiveEngine } from './live-engine.ts';
import type { LiveMatrix } from './live-matrix.ts';
import type { ReachGraph } from '../graph/reach-graph.ts';
import { recordMeasure, TIMING } from '../../lib/timing.ts';

export const LIVE_VIEW_DELAY_MS = 200;

export class LiveView {
  matrix: LiveMatrix | null = $state.raw(null);
  graph: ReachGraph | null = $state.raw(null);
  /** The text has errors: the views show the last text that had none. */
  stale = $state(false);
  /** The analysis itself failed (a bug, not the learner's text): said in the views. */
  failure: string | null = $state(null);

  readonly #engine: LiveEngine;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sent = 0;
  #applied = 0;
  #textInFlight = false;
  #queuedText: string | undefined;
  #disposed = false;

  constructor(exercise: LiveExercise, engine: LiveEngine = createLiveEngine(exercise)) {
    this.#engine = engine;
  }

  /** Where the analysis runs: in the worker, or on the main thread where none could start. */
  get where(): LiveEngine['where'] {
    return this.#engine.where;
  }

  /** Recomputes from the editor text after a short pause. */
  schedule(text: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.fromText(text), LIVE_VIEW_DELAY_MS);
  }

  /** Recomputes from the editor text now (or as soon as the analysis in flight is done). */
  async fromText(text: string): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#textInFlight) {
      this.#queuedText = text;
      return;
    }
    this.#textInFlight = true;
    try {
      await this.#run(() => this.#engine.analyseText(text));
    } finally {
      this.#textInFlight = false;
    }
    const queued = this.#queuedText;
    this.#queuedText = undefined;
    if (queued !== undefined && !this.#disposed) await this.fromText(queued);
  }

  /**
   * Predict exercises: "yours" is the learner's predictions; "expected" is known only once graded
   * (the grade carries the engine's verdict for each check).
   */
  async fromPredictions(predictions: Predictions, grade: GradeResult | null): Promise<void> {
    const truth: [string, Expectation][] = [];
    for (const result of grade?.checks ?? []) {
      if (result.expected === 'allow' || result.expected === 'deny') truth.push([result.id, result.expected]);
    }
    const answers = Object.entries(predictions).filter(
      (entry): entry is [string, Expectation] => entry[1] === 'allow' || entry[1] === 'deny',
    );
    await this.#run(() => this.#engine.analysePredictions({ predictions: answers, truth }));
  }

  async #run(analyse: () => Promise<LiveSnapshot>): Promise<void> {
    const sequence = ++this.#sent;
    const started = typeof performance === 'undefined' ? 0 : performance.now();
    try {
      const snapshot = await analyse();
      if (this.#disposed || sequence < this.#applied) return;
      this.#applied = sequence;
      this.failure = null;
      this.stale = snapshot.stale;
      if (snapshot.matrix !== undefined) this.matrix = snapshot.matrix;
      if (snapshot.graph !== undefined) this.graph = snapshot.graph;
      recordMeasure(TIMING.liveViews, started, { analysis: this.where });
    } catch (error) {
      if (this.#disposed) return;
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  /** Explains one connection against the policies the views show. */
  explain(request: ProbeRequest): Promise<ProbeResult> {
    return this.#engine.explain(request);
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#engine.dispose();
  }
}
