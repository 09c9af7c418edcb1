/**
 * The front door of the simulated kubectl: a cluster state made from an exercise, `runKubectl`
 * over it (pure: text in, text and a new state out), `finishEdit` for `kubectl edit`, the grading
 * export of a session, and Tab-completion data for the shell.
 *
 * ```ts
 * let state = stateFromExercise(exercise, { now: Date.now() });
 * const io = { now: Date.now(), stdin, readFile: (path) => shellFiles.get(path) };
 * const result = runKubectl(state, ['apply', '-f', 'policy.yaml'], io);
 * // print result.stdout / result.stderr (after result.delayMs, if any), then:
 * state = result.state;
 * for (const effect of result.effects ?? []) {
 *   if (effect.kind === 'edit') {
 *     const saved = await openEditor(effect.fileName, effect.text);
 *     const finished = finishEdit(state, effect.session, saved, io); // may carry another edit effect
 *   }
 * }
 * const { exercise: graded, submission } = gradingInputs(exercise, state);
 * gradeSubmission(graded, submission); // core/grading, exactly as for an editor answer
 * ```
 */
export type {
  ClusterState,
  Container,
  EditEffect,
  EditSession,
  KubectlEffect,
  KubectlIo,
  KubectlResult,
  NamespaceObject,
  NetworkPolicyObject,
  ObjectMeta,
  PodObject,
  ProbeEffect,
  ProbeOutcome,
  ServiceObject,
  WorkloadKind,
  WorkloadObject,
  Baseline,
} from './types.ts';
export { runKubectl } from './run-kubectl.ts';
export { finishEdit } from './commands/edit.ts';
export { createClusterState, stateFromExercise } from './state/create-state.ts';
export type { StartingCluster, CreateStateOptions } from './state/create-state.ts';
export { isClusterState } from './state/check-state.ts';
export { clusterOf } from './state/cluster-view.ts';
export {
  terminalSubmission,
  gradingInputs,
  policyManifest,
  terminalChanges,
  exerciseWithChanges,
  describeTerminalChanges,
} from './state/submission.ts';
export type { TerminalSubmission, TerminalChanges, LabelChange } from './state/submission.ts';
export { completeKubectl, objectNames, COMMAND_NAMES, RESOURCE_NAMES } from './completion.ts';
export { POD_COMMANDS } from './tools/run-in-pod.ts';
export { parseLabelSelector } from './text/parse-selector.ts';
export type { SelectorParse } from './text/parse-selector.ts';
export { DEFAULT_TIMEOUT_MS } from './tools/probe.ts';
