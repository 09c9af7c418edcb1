/**
 * Fills the authoring form's cluster from pasted Kubernetes manifests (Namespace and Pod objects, and
 * workloads the engine expands into pods), using the engine's own manifest reader.
 */
import { NAMESPACE_NAME_LABEL, parseManifests } from '../netpol/index.ts';
import type { Diagnostic } from '../netpol/index.ts';
import { formatLabelText, formatPortText } from './exercise-form.ts';
import type { NamespaceRow, PodRow } from './exercise-form.ts';

export interface ManifestCluster {
  readonly namespaces: NamespaceRow[];
  readonly pods: PodRow[];
  /** Problems reading the text (with line:column), and what was ignored. */
  readonly diagnostics: readonly Diagnostic[];
  /** NetworkPolicies found in the text, left out of the cluster (they belong in the solution or starter). */
  readonly policyCount: number;
}

/** Reads namespaces and pods from manifest text; never throws. */
export function clusterFromManifests(text: string): ManifestCluster {
  const parsed = parseManifests([{ text, source: 'manifests.yaml' }]);
  const namespaces = parsed.cluster.namespaces
    .filter((namespace) => namespace.implicit !== true)
    .map((namespace) => {
      const { [NAMESPACE_NAME_LABEL]: _own, ...labels } = namespace.labels;
      return { name: namespace.name, labels: formatLabelText(labels) };
    });
  const pods = parsed.cluster.pods.map((pod) => ({
    namespace: pod.namespace,
    name: pod.name,
    labels: formatLabelText(pod.labels),
    ip: pod.ips[0] ?? '',
    ports: formatPortText(
      pod.ports.map((port) => ({
        ...(port.name === undefined ? {} : { name: port.name }),
        port: port.port,
        protocol: port.protocol,
      })),
    ),
  }));
  return { namespaces, pods, diagnostics: parsed.diagnostics, policyCount: parsed.policies.length };
}
