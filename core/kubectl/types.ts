/**
 * The simulated cluster's state and kubectl's inputs and outputs. Everything here is plain,
 * serializable data (JSON round-trips it), so a terminal session can be saved and restored.
 */
import type {
  ContainerPort,
  ExternalEndpoint,
  Labels,
  NetworkPolicy,
  Protocol,
  ServicePort,
  Verdict,
} from '../netpol/types.ts';
import type { JsonObject } from './text/object-output.ts';

/** What every stored object has, as the API server keeps it. Times are milliseconds since the epoch. */
export interface ObjectMeta {
  readonly name: string;
  /** Absent for cluster-scoped objects (Namespaces). */
  readonly namespace?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly uid: string;
  readonly resourceVersion: number;
  /** Bumped when the spec changes (policies, workloads). */
  readonly generation: number;
  readonly createdAt: number;
}

export interface NamespaceObject {
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly ContainerPort[];
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job';

export interface PodObject {
  readonly kind: 'Pod';
  readonly metadata: ObjectMeta;
  readonly containers: readonly Container[];
  /** Canonical IP texts; every pod has at least one. */
  readonly ips: readonly string[];
  readonly nodeName: string;
  /** The controller that made this pod (a Deployment's pods are owned by its ReplicaSet). */
  readonly owner?: { readonly kind: WorkloadKind; readonly name: string };
}

export interface WorkloadObject {
  readonly kind: WorkloadKind;
  readonly metadata: ObjectMeta;
  readonly replicas: number;
  /** `spec.selector.matchLabels`. */
  readonly selector: Labels;
  readonly template: { readonly labels: Labels; readonly containers: readonly Container[] };
}

export interface ServiceObject {
  readonly kind: 'Service';
  readonly metadata: ObjectMeta;
  readonly type: string;
  /** Absent: the Service selects nothing. */
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  /** An IP, or `None` for a headless Service. */
  readonly clusterIP: string;
}

export interface NetworkPolicyObject {
  readonly kind: 'NetworkPolicy';
  readonly metadata: ObjectMeta;
  /** The engine's model of the policy, as validated when it was applied. */
  readonly policy: NetworkPolicy;
  /** `spec` as the API server stores it (defaults filled in, empty lists left out). */
  readonly spec: JsonObject;
  /** The YAML document it was last applied or created from. */
  readonly sourceYaml: string;
}

/** What the cluster looked like when the session started, so changes can be graded. */
export interface Baseline {
  /** `Namespace/<name>` or `Pod/<namespace>/<name>` → labels at the start. */
  readonly labels: Readonly<Record<string, Labels>>;
  /** `<namespace>/<name>` → the stored spec (JSON text) of each policy at the start. */
  readonly policies: Readonly<Record<string, string>>;
}

/** The whole simulated cluster. Never mutated: every command returns a new state. */
export interface ClusterState {
  readonly version: 1;
  readonly namespaces: readonly NamespaceObject[];
  readonly pods: readonly PodObject[];
  readonly workloads: readonly WorkloadObject[];
  readonly services: readonly ServiceObject[];
  readonly networkPolicies: readonly NetworkPolicyObject[];
  /** Addresses outside the cluster from the exercise; their names resolve in DNS. */
  readonly externals: readonly ExternalEndpoint[];
  /** The last resourceVersion handed out. */
  readonly resourceVersion: number;
  /** The kubeconfig context's namespace (`kubectl config set-context --current --namespace`). */
  readonly currentNamespace: string;
  readonly baseline: Baseline;
}

/** What a command may read from the shell around it. */
export interface KubectlIo {
  /** The text piped in, for `apply -f -`. */
  readonly stdin?: string;
  /** A file of the shell's file system (absolute or relative to the shell's directory), or `undefined`. */
  readFile(path: string): string | undefined;
  /** Names of the files directly inside a directory, or `undefined` when it is not one (for `-f DIR`). */
  listDirectory?(path: string): readonly string[] | undefined;
  /** The current time in milliseconds since the epoch, for AGE columns and timestamps. */
  readonly now: number;
}

/** How a probe from `kubectl exec … -- curl|wget|nc|ping|nslookup` ended. */
export type ProbeOutcome =
  'connected' | 'refused' | 'timed-out' | 'dns-failed' | 'dns-timed-out' | 'no-such-host' | 'usage';

/** The structured story of one probe: what was resolved, what the engine decided, why. */
export interface ProbeEffect {
  readonly kind: 'probe';
  readonly tool: 'curl' | 'wget' | 'nc' | 'ping' | 'nslookup';
  readonly from: { readonly namespace: string; readonly pod: string };
  readonly outcome: ProbeOutcome;
  /** True when the connection (or the lookup, for nslookup) went through. */
  readonly allowed: boolean;
  /** The name lookup, when the target was a name. */
  readonly dns?: {
    readonly name: string;
    /** False when the cluster has no kube-dns pod, so lookups are not subject to policies. */
    readonly decided: boolean;
    readonly allowed: boolean;
    readonly server?: { readonly namespace: string; readonly pod: string; readonly ip: string };
    readonly answer?: string;
    readonly verdict?: Verdict;
  };
  readonly target?: {
    readonly ip: string;
    readonly port: number;
    readonly protocol: Protocol | 'ICMP';
    readonly service?: { readonly namespace: string; readonly name: string; readonly port: number };
    /** The pod that answered (after Service resolution), or undefined for an address outside pods. */
    readonly pod?: { readonly namespace: string; readonly name: string };
    readonly targetPort?: number;
  };
  /** The engine's verdict on the connection, when one was evaluated. */
  readonly verdict?: Verdict;
  /** The engine's explanation, one line each. */
  readonly explanation: readonly string[];
}

/** Where to resume after the learner edits an object in `kubectl edit`. Serializable. */
export interface EditSession {
  readonly kind: 'NetworkPolicy' | 'Pod' | 'Namespace' | 'Service' | WorkloadKind;
  readonly namespace?: string;
  readonly name: string;
  /** The text the editor opened with (comments included), to tell "unchanged" apart. */
  readonly original: string;
  /** The `-o` output wanted after a successful edit (`name`), if any. */
  readonly output?: string;
  /** True when the editor was reopened because the last save was invalid. */
  readonly reopened?: boolean;
}

/** `kubectl edit` asks the UI to open an editor on `text`, then call `finishEdit` with the result. */
export interface EditEffect {
  readonly kind: 'edit';
  /** A temporary file name like kubectl's (`/tmp/kubectl-edit-1234.yaml`), for the editor's title. */
  readonly fileName: string;
  readonly text: string;
  readonly session: EditSession;
}

export type KubectlEffect = ProbeEffect | EditEffect;

/** The result of one kubectl command. */
export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The cluster after the command (the same object when nothing changed). */
  readonly state: ClusterState;
  /**
   * Wait this long before showing stdout/stderr (a probe timing out, a lookup failing). An
   * interrupt (Ctrl+C) during the wait should drop the output and end with exit code 130.
   */
  readonly delayMs?: number;
  readonly effects?: readonly KubectlEffect[];
}
