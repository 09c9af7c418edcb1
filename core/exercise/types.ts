/**
 * The exercise format as the rest of the lab sees it: what `exercise.yaml` and `track.yaml` turn into
 * once read and checked. Plain serializable data only; `exercises/README.md` is the authoring guide.
 */
import type { Cluster, Direction, NetworkPolicy, Protocol, SourcePosition } from '../netpol/types.ts';
import type { Region } from '../netpol/space.ts';

export type ExerciseKind = 'write' | 'fix' | 'predict';
export const EXERCISE_KINDS: readonly ExerciseKind[] = ['write', 'fix', 'predict'];

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';
export const DIFFICULTIES: readonly Difficulty[] = ['beginner', 'intermediate', 'advanced'];

/** What a `reach` check expects, and what a learner answers in a `predict` exercise. */
export type Expectation = 'allow' | 'deny';

/** Fields every check has. */
interface CheckBase {
  /** Unique within the exercise; feedback and progress key on it. */
  readonly id: string;
  /** Shown to the learner after grading; Markdown. */
  readonly explain?: string;
  /** Shown but not graded. */
  readonly informational: boolean;
  /** Share of the score; at least 1. */
  readonly weight: number;
  /** Where the check starts in `exercise.yaml`. */
  readonly position?: SourcePosition;
}

/** A connection whose verdict must be `expect`. */
export interface ReachCheck extends CheckBase {
  readonly type: 'reach';
  /** As written: `namespace/pod`, an external's name, or an IP. */
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly expect: Expectation;
}

/** A NetworkPolicy with this name must be in the submission, optionally with this shape. */
export interface PolicyCheck extends CheckBase {
  readonly type: 'policy';
  readonly namespace: string;
  readonly name: string;
  /** When set: the effective policyTypes are exactly these. */
  readonly policyTypes?: readonly Direction[];
  /** When set: `spec.podSelector` selects exactly these pods (`namespace/pod`). */
  readonly selects?: readonly string[];
}

/** The submission holds exactly `count` NetworkPolicies. */
export interface PolicyCountCheck extends CheckBase {
  readonly type: 'policy-count';
  readonly count: number;
}

export type Check = ReachCheck | PolicyCheck | PolicyCountCheck;
export type CheckType = Check['type'];

/**
 * A region of the connection space the task leaves open: an answer may allow or deny there, and
 * grading compares the answer with the reference solution everywhere else.
 */
export interface FreeRegion extends Region {
  /** Why the task leaves it open; shown to authors and learners. */
  readonly explain?: string;
  readonly position?: SourcePosition;
  /** The ends as written, for messages. */
  readonly fromText: string;
  readonly toText: string;
}

/** The three texts an exercise folder holds. */
export interface ExerciseFiles {
  readonly exerciseYaml: string;
  readonly starter: string;
  readonly solution: string;
  /** Name for diagnostics, e.g. `exercises/01-foundations/01-internal-egress/exercise.yaml`. */
  readonly source?: string;
}

/** One exercise, read and checked. */
export interface Exercise {
  /** Stable, unique, kebab-case; progress keys on it. */
  readonly id: string;
  readonly title: string;
  /**
   * What a running exam calls the task, when the catalogue title would give the trick away
   * (`examTitle` in exercise.yaml); absent means the exam shows `title`. See {@link examTitleOf}.
   */
  readonly examTitle?: string;
  /** A track id. */
  readonly track: string;
  readonly difficulty: Difficulty;
  /** Estimated minutes. */
  readonly minutes: number;
  readonly tags: readonly string[];
  readonly kind: ExerciseKind;
  /** 0: never drawn in exams; 1–10 otherwise. */
  readonly examWeight: number;
  /** Markdown. */
  readonly task: string;
  /** The cluster with namespaces (labels complete), pods (every one with an IP) and externals. */
  readonly cluster: Cluster;
  /** Policies already in the cluster, read from `cluster.policies`; not editable by the learner. */
  readonly clusterPolicies: readonly NetworkPolicy[];
  /** The text of `cluster.policies` (empty when absent), for showing to the learner. */
  readonly clusterPoliciesText: string;
  readonly checks: readonly Check[];
  /** Regions the task leaves open (`free` in exercise.yaml); empty when the task decides everything. */
  readonly free: readonly FreeRegion[];
  /** Revealed one by one, gentle first. */
  readonly hints: readonly string[];
  /** What the editor starts with. */
  readonly starter: string;
  /** The reference solution. */
  readonly solution: string;
  /** SHA-256 (hex) of the three texts: changes whenever the exercise changes. */
  readonly contentHash: string;
  readonly source?: string;
}

/** A group of exercises, from `track.yaml`. */
export interface Track {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Position in the catalogue, ascending. */
  readonly order: number;
}

/** The title a running exam shows for an exercise: its `examTitle`, else its catalogue title. */
export function examTitleOf(exercise: Pick<Exercise, 'title' | 'examTitle'>): string {
  return exercise.examTitle ?? exercise.title;
}
