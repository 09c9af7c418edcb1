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
export { parseManifests, describeObject } from './read/manifests.ts';
export type { ManifestInput } from './read/manifests.ts';
export { formatPosition, readYamlDocuments } from './read/yaml-source.ts';
export type { YamlValue } from './read/yaml-source.ts';
export {
  parseCidr,
  cidrContains,
  cidrIsStrictSubset,
  isValidIp,
  isValidCidr,
  canonicalIp,
  ipFamily,
} from './ip.ts';
export type { IpFamily, ParsedCidr } from './ip.ts';
export { compileModel } from './compile.ts';
export type { CompiledModel } from './compile.ts';
export { evaluateConnection } from './evaluate.ts';
export { explainVerdict, describeEndpoint, summarizeVerdict } from './explain.ts';
export { computeMatrix, isAllowed } from './matrix.ts';
export type { Matrix } from './matrix.ts';
export { referenceAllowed } from './reference-evaluator.ts';
export { lintPolicies, LINT_IDS, LINT_RULES } from './lint.ts';
export type { LintRule } from './lint.ts';
export { resolveEndpoint, podKey } from './endpoints.ts';
export type { EndpointResolution } from './endpoints.ts';
export {
  serviceSelectedPods,
  targetPortOn,
  resolveServiceConnection,
  serviceByClusterIp,
  assignServiceIps,
  SERVICE_NETWORK,
  HEADLESS,
} from './services.ts';
export type { ServiceResolution } from './services.ts';
export { partitionSpace, cellOf, cellConnection, spaceCells, setHoldsPod } from './space.ts';
export type {
  ConnectionSpace,
  EndpointSet,
  Region,
  IpInterval,
  PortInterval,
  SpaceEnd,
  SpaceCell,
} from './space.ts';
export { diffPolicies, decideSpace, decideDisagreements, diffLines, describePorts } from './diff.ts';
export type { DiffLine, DiffResult, DiffOptions, DiffWording, DecidedCell } from './diff.ts';
export {
  namedPortsOf,
  policySelects,
  portEntryMatches,
  rulePortsMatch,
  selectorPeerMatches,
} from './match.ts';
export type { NamedPortNumbers, SelectedPod, SelectorPeer } from './match.ts';
