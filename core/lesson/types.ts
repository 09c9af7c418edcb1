/**
 * Lessons: short readings that explain an idea before any YAML is written, each with diagrams the
 * learner can change (policies switched on and off, connections re-decided by the engine) and a
 * closing question. Plain serializable data; `lessons/README.md` is the authoring guide.
 */
import type { Cluster, NetworkPolicy, Protocol } from '../netpol/types.ts';

/** A connection a diagram draws, decided by the engine for the policies switched on. */
export interface DiagramConnection {
  /** As written: `namespace/pod`, an external's name, or an IP. */
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** Shown next to the arrow: `the browser opens it`, `reply`. */
  readonly note?: string;
}

/** A policy the learner can switch on and off in a diagram. */
export interface DiagramPolicy {
  /** What the switch says: "Isolate db for ingress". */
  readonly label: string;
  /** Whether it is on when the lesson opens. */
  readonly on: boolean;
  /** The manifest text, shown on request. */
  readonly yaml: string;
  readonly policies: readonly NetworkPolicy[];
}

/** A small cluster with switchable policies and the connections to watch. */
export interface LessonDiagram {
  readonly cluster: Cluster;
  readonly policies: readonly DiagramPolicy[];
  readonly connections: readonly DiagramConnection[];
}

/** One part of a lesson: Markdown, optionally with a diagram below it. */
export interface LessonSection {
  readonly title: string;
  /** Markdown. */
  readonly text: string;
  readonly diagram?: LessonDiagram;
}

/** One answer of the closing question. */
export interface LessonOption {
  readonly text: string;
  readonly correct: boolean;
  /** Why this answer is right or wrong; shown once chosen. */
  readonly explain: string;
}

/** The closing question: exactly one option is correct. */
export interface LessonCheck {
  /** Markdown. */
  readonly question: string;
  readonly options: readonly LessonOption[];
}

/** A pointer to further reading (the Kubernetes documentation). */
export interface LessonLink {
  readonly title: string;
  /** An https URL. */
  readonly url: string;
}

/** One lesson, read and checked. */
export interface Lesson {
  /** Stable and unique; progress keys on it. */
  readonly id: string;
  readonly title: string;
  /** One sentence for the catalog card. */
  readonly summary: string;
  /** Position in the "Start here" list, from 1. */
  readonly order: number;
  readonly minutes: number;
  readonly sections: readonly LessonSection[];
  readonly check: LessonCheck;
  readonly links: readonly LessonLink[];
  readonly source: string;
}
