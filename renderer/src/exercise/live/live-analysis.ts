/**
 * Everything the live views compute, in one place that runs in the live worker (or, where workers
 * are not available, on the main thread): the learner's text or predictions in, the matrix and the
 * graph out, and any connection explained against the same model the views show. Text with errors
 * keeps the last good model, so the views and the explanations never flash empty mid-edit.
 */
import {
  computeMatrix,
  isAllowed,
  type CompiledModel,
  type Matrix,
  type PortProtocol,
} from '../../../../core/netpol/index.ts';
import type { Check, Expectation, ReachCheck } from '../../../../core/exercise/index.ts';
import type { ExerciseView } from '../../../../core/lab-api/index.ts';
import { reachChecks } from '../connection-text.ts';
import { explainProbe, type ProbeRequest, type ProbeResult } from './connection-explanation.ts';
import {
  checkPorts,
  computeLiveMatrix,
  endpointKey,
  resolveChecks,
  type LiveMatrix,
  type ResolvedCheck,
} from './live-matrix.ts';
import { buildReachGraph, type GraphCheck, type ReachGraph } from '../graph/reach-graph.ts';
import { clusterModel, createSubmissionAnalyser, type SubmissionAnalysis } from '../submission-analysis.ts';

/** What the live views need to know about the exercise (it crosses to the worker once). */
export type LiveExercise = Pick<ExerciseView, 'cluster' | 'clusterPolicies'> & {
  readonly checks: readonly Check[];
};

/** The views after one change. Absent views: keep showing the previous ones. */
export interface LiveSnapshot {
  /** The text has errors: the views (and explanations) are of the last text that had none. */
  readonly stale: boolean;
  readonly matrix?: LiveMatrix;
  readonly graph?: ReachGraph;
}

/** A prediction per check id, and the engine's verdict per check id once graded. */
export interface PredictionInput {
  readonly predictions: readonly (readonly [string, Expectation])[];
  readonly truth: readonly (readonly [string, Expectation])[];
}

export class LiveAnalysis {
  readonly #exercise: LiveExercise;
  readonly #checks: readonly ReachCheck[];
  readonly #resolved: readonly ResolvedCheck[];
  readonly #ports: readonly PortProtocol[];
  readonly #analyse: (text: string) => SubmissionAnalysis;
  #clusterModel: CompiledModel | undefined;
  #clusterMatrix: Matrix | undefined;
  #model: CompiledModel | undefined;
  #predictions: ReadonlyMap<string, Expectation> | undefined;
  #shown = false;

  constructor(exercise: LiveExercise) {
    this.#exercise = exercise;
    this.#checks = reachChecks(exercise.checks);
    this.#resolved = resolveChecks(exercise.cluster, this.#checks);
    this.#ports = checkPorts(this.#checks);
    this.#analyse = createSubmissionAnalyser(exercise);
  }

  #baseModel(): CompiledModel {
    this.#clusterModel ??= clusterModel(this.#exercise);
    return this.#clusterModel;
  }

  /** The learner's text: the views of its policies, or `stale` with the last good views. */
  fromText(text: string): LiveSnapshot {
    const analysis = this.#analyse(text);
    if (analysis.model === undefined) {
      if (this.#shown) return { stale: true };
      this.#model = this.#baseModel();
      return { stale: true, ...this.#engineViews(this.#model) };
    }
    this.#model = analysis.model;
    return { stale: false, ...this.#engineViews(analysis.model) };
  }

  #engineViews(model: CompiledModel): { matrix: LiveMatrix; graph: ReachGraph } {
    this.#shown = true;
    const full = computeMatrix(model, this.#ports);
    const matrix = computeLiveMatrix({
      cluster: this.#exercise.cluster,
      checks: this.#checks,
      expected: (check) => check.expect,
      yours: { kind: 'engine', model, matrix: full },
    });
    const checks = this.#graphChecks(full, (entry, from, to) =>
      isAllowed(full, entry.portIndex, from, to) ? 'allow' : 'deny',
    );
    const graph = buildReachGraph({
      mode: 'engine',
      endpoints: full.endpoints,
      classOf: full.classOf,
      ports: this.#ports,
      cells: full.cells,
      checks,
    });
    return { matrix, graph };
  }

  /** Graded checks placed on the matrix's endpoints (checks of addresses no one declared have no node). */
  #graphChecks(
    full: Matrix,
    yours: (entry: ResolvedCheck, from: number, to: number) => Expectation | undefined,
    expected: (entry: ResolvedCheck) => Expectation | undefined = (entry) => entry.check.expect,
  ): GraphCheck[] {
    const index = new Map(full.endpoints.map((endpoint, position) => [endpointKey(endpoint), position]));
    return this.#resolved.flatMap((entry): GraphCheck[] => {
      const from = index.get(entry.fromKey);
      const to = index.get(entry.toKey);
      if (entry.check.informational || from === undefined || to === undefined) return [];
      const answer = yours(entry, from, to);
      const expectation = expected(entry);
      return [
        {
          portIndex: entry.portIndex,
          from,
          to,
          ...(expectation === undefined ? {} : { expected: expectation }),
          ...(answer === undefined ? {} : { yours: answer }),
        },
      ];
    });
  }

  /** Predict exercises: "yours" is the predictions; "expected" is known once graded. */
  fromPredictions(input: PredictionInput): LiveSnapshot {
    const predictions = new Map(input.predictions);
    const truth = new Map(input.truth);
    this.#predictions = predictions;
    this.#shown = true;
    const matrix = computeLiveMatrix({
      cluster: this.#exercise.cluster,
      checks: this.#checks,
      expected: (check) => truth.get(check.id),
      yours: { kind: 'predictions', answer: (check) => predictions.get(check.id) },
    });
    this.#clusterMatrix ??= computeMatrix(this.#baseModel(), this.#ports);
    const full = this.#clusterMatrix;
    const checks = this.#graphChecks(
      full,
      (entry) => predictions.get(entry.check.id),
      (entry) => truth.get(entry.check.id),
    );
    const graph = buildReachGraph({
      mode: 'predictions',
      endpoints: full.endpoints,
      classOf: full.classOf,
      ports: this.#ports,
      checks,
    });
    return { stale: false, matrix, graph };
  }

  /** Explains one connection against the model the views show (the cluster's own in predict exercises). */
  explain(request: ProbeRequest): ProbeResult {
    const model = this.#predictions === undefined ? (this.#model ?? this.#baseModel()) : this.#baseModel();
    return explainProbe(this.#exercise.cluster, model, this.#resolved, request, this.#predictions);
  }
}
