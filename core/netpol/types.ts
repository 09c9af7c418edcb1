/**
 * The data model shared by every part of the engine: what manifests parse into, what the
 * evaluator reads, and the verdicts it returns. Plain serializable data only.
 */

/** A 1-based position in the learner's text. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about learner input. `id` is stable (logic keys on it); `message` is wording for people,
 * in the API server's style: `spec.ingress[0].from[1]: Invalid value: …: reason`.
 */
export interface Diagnostic {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  /** `NetworkPolicy prod/allow-db`, when the finding belongs to one object. */
  readonly object?: string;
  /** Field path inside the object, e.g. `spec.ingress[0].from[1].ipBlock.except[0]`. */
  readonly path?: string;
  readonly position?: SourcePosition;
  /** File name or editor tab the text came from. */
  readonly source?: string;
}

export type Labels = Readonly<Record<string, string>>;
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
export type Direction = 'Ingress' | 'Egress';

/** The label every namespace carries automatically. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface Namespace {
  readonly name: string;
  /** Includes `kubernetes.io/metadata.name`. */
  readonly labels: Labels;
  /** True when no Namespace object declared it and it exists only because something lives in it. */
  readonly implicit?: boolean;
}

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** Zero or more IPs (IPv4 and/or IPv6), canonical text form. */
  readonly ips: readonly string[];
  /**
   * True when the manifest gave no IP and the lab chose one from 10.244.0.0/16; a
   * verdict that rests on such an address says so, since a real cluster would pick another.
   */
  readonly ipAssigned?: boolean;
  readonly ports: readonly ContainerPort[];
  /** For replicas of workloads: `Deployment prod/web`. */
  readonly owner?: string;
  readonly position?: SourcePosition;
  readonly source?: string;
}

/** A named address outside the cluster (a backup server, the internet). */
export interface ExternalEndpoint {
  readonly name: string;
  readonly ip: string;
}

export interface Cluster {
  readonly namespaces: readonly Namespace[];
  readonly pods: readonly Pod[];
  readonly externals: readonly ExternalEndpoint[];
  /** Services (absent: none). Policies never see them; they only name pods and ports. */
  readonly services?: readonly Service[];
}

/**
 * One port of a Service: a connection to `port` on the cluster IP is a connection to `targetPort`
 * on one selected pod. A manifest without `targetPort` reads as the same number as `port`.
 */
export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** A number, or a container port name resolved against each selected pod. */
  readonly targetPort: number | string;
}

/** A Service: a stable name and virtual IP in front of the pods its selector picks. */
export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /**
   * Equality selector over pods of the Service's own namespace. Absent: the Service selects no
   * pods (its endpoints would be managed by hand, which the lab does not model).
   */
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  /** The virtual IP, canonical text; `None` for a headless Service (names resolve to pod IPs). */
  readonly clusterIP: string;
  readonly position?: SourcePosition;
  readonly source?: string;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A label selector with both parts always present (absent parts normalised to empty). */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

export interface IPBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

/** One item of `from`/`to`. At least one field is set; ipBlock never with a selector. */
export interface NetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IPBlock;
  readonly position?: SourcePosition;
}

export interface NetworkPolicyPort {
  /** Defaulted to TCP by the parser. */
  readonly protocol: Protocol;
  /** Number 1–65535, a named port, or absent (every port of the protocol). */
  readonly port?: number | string;
  readonly endPort?: number;
  readonly position?: SourcePosition;
}

/**
 * One ingress or egress rule. `peers` is `from` (ingress) or `to` (egress); `undefined` when the
 * field was absent, `[]` when it was an empty list (both match every peer). Likewise `ports`.
 */
export interface NetworkPolicyRule {
  readonly peers?: readonly NetworkPolicyPeer[];
  readonly ports?: readonly NetworkPolicyPort[];
  readonly position?: SourcePosition;
}

export interface NetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** Effective policy types after defaulting (see the semantics note). */
  readonly policyTypes: readonly Direction[];
  /** Whether `spec.policyTypes` was written (non-empty) in the manifest. */
  readonly policyTypesExplicit: boolean;
  readonly ingress: readonly NetworkPolicyRule[];
  readonly egress: readonly NetworkPolicyRule[];
  /** True when `metadata.namespace` was absent and the policy landed in `default`. */
  readonly namespaceDefaulted?: boolean;
  readonly position?: SourcePosition;
  readonly source?: string;
}

/** What reading one or more manifest texts produced. Invalid objects are left out, with diagnostics. */
export interface ParseResult {
  readonly cluster: Cluster;
  readonly policies: readonly NetworkPolicy[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface PolicyRef {
  readonly namespace: string;
  readonly name: string;
}

/** One end of a connection: a pod, or an address outside the cluster. */
export type Endpoint =
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'ip'; readonly ip: string; readonly name?: string };

export interface Connection {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly port: number;
  readonly protocol: Protocol;
}

/** Why one peer of a rule did not match. `code` is stable; `message` is for people. */
export interface PeerMiss {
  readonly peerIndex: number;
  readonly code:
    | 'pod-selector'
    | 'namespace-selector'
    | 'other-namespace'
    | 'not-a-pod'
    | 'ip-outside-cidr'
    | 'ip-in-except'
    | 'pod-has-no-ip';
  readonly message: string;
}

/** Why one port entry of a rule did not match. */
export interface PortMiss {
  readonly portIndex: number;
  readonly code:
    | 'protocol'
    | 'port-number'
    | 'port-range'
    | 'named-port-not-on-destination'
    | 'named-port-other-number'
    | 'named-port-not-a-pod';
  readonly message: string;
}

/** The outcome of one rule of one policy for one connection. */
export type RuleOutcome =
  | {
      readonly ruleIndex: number;
      readonly matched: true;
      readonly peerIndex?: number;
      readonly portIndex?: number;
    }
  | {
      readonly ruleIndex: number;
      readonly matched: false;
      readonly failed: 'peer';
      readonly peers: readonly PeerMiss[];
    }
  | {
      readonly ruleIndex: number;
      readonly matched: false;
      readonly failed: 'port';
      readonly ports: readonly PortMiss[];
    };

/** One isolating policy's part in a direction's verdict: every rule's outcome (empty: no rules). */
export interface PolicyOutcome {
  readonly policy: PolicyRef;
  readonly rules: readonly RuleOutcome[];
}

/** The verdict of one side of a connection: egress at the source, ingress at the destination. */
export interface SideVerdict {
  readonly direction: Direction;
  readonly allowed: boolean;
  /**
   * - `not-a-pod`: the endpoint is an address outside the cluster; no policies apply there.
   * - `not-isolated`: no policy selects the pod for this direction.
   * - `allowed`: a rule of an isolating policy matched (`allowedBy`).
   * - `no-rule-matched`: isolated, and no rule matched (`policies` says why for each rule).
   */
  readonly reason: 'not-a-pod' | 'not-isolated' | 'allowed' | 'no-rule-matched';
  /** The policies that isolate this pod for this direction, with every rule's outcome. */
  readonly policies: readonly PolicyOutcome[];
  /** The first matching rule, in policy order (namespace/name) then rule order. */
  readonly allowedBy?: {
    readonly policy: PolicyRef;
    readonly ruleIndex: number;
    readonly peerIndex?: number;
    readonly portIndex?: number;
  };
}

export interface Verdict {
  readonly allowed: boolean;
  /** A pod talking to itself: outside what policies decide, always allowed. */
  readonly selfConnection: boolean;
  readonly egress: SideVerdict;
  readonly ingress: SideVerdict;
}

export interface PortProtocol {
  readonly port: number;
  readonly protocol: Protocol;
}
