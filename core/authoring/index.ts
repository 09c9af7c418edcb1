/** The front door of exercise authoring: proposing checks, judging them, and the form ↔ YAML builder. */
export { proposeChecks, MAX_PROPOSALS, MAX_STAYS_OPEN } from './propose-checks.ts';
export type { CheckProposal, ProposalInput } from './propose-checks.ts';
export { checksThatNeverFail } from './never-failing-checks.ts';
export {
  MY_EXERCISES_TRACK,
  emptyExerciseForm,
  readLabelText,
  formatLabelText,
  readPortText,
  formatPortText,
  formProblems,
} from './exercise-form.ts';
export type {
  ExerciseForm,
  NamespaceRow,
  PodRow,
  ExternalRow,
  ReachCheckRow,
  PortEntry,
} from './exercise-form.ts';
export { buildExerciseYaml, readExerciseForm, SCHEMA_LINE } from './build-exercise-yaml.ts';
export { clusterFromManifests } from './cluster-from-manifests.ts';
export type { ManifestCluster } from './cluster-from-manifests.ts';
export { parseForProposal } from './parse-for-proposal.ts';
