/**
 * How conformance tables name endpoints: `namespace/pod` for pods, the external's name for
 * addresses outside the cluster, and `namespace/workload[i]` for the i-th replica (in endpoint order)
 * of a workload, whose generated pod names a person cannot write by hand.
 */
import type { Endpoint, Pod } from '../../core/netpol/types.ts';

/** Every name a table may use for each endpoint, in endpoint order. */
export function endpointNames(endpoints: readonly Endpoint[]): string[][] {
  const replicaCounts = new Map<string, number>();
  return endpoints.map((endpoint) => {
    if (endpoint.kind === 'ip') return [endpoint.name ?? endpoint.ip];
    const names = [`${endpoint.pod.namespace}/${endpoint.pod.name}`];
    const owner = endpoint.pod.owner;
    if (owner !== undefined) {
      // The owner reads `Deployment prod/web`; the alias drops the kind.
      const workload = owner.slice(owner.indexOf(' ') + 1);
      const index = replicaCounts.get(workload) ?? 0;
      replicaCounts.set(workload, index + 1);
      names.push(`${workload}[${index}]`);
    }
    return names;
  });
}

/** The main name of each endpoint, as shown in diff tables and the expected order. */
export function endpointLabel(names: readonly string[]): string {
  return names.at(-1) as string;
}

/**
 * Checks that `labels` name exactly the endpoints, each once, in endpoint order, and throws an
 * Error that shows the expected header otherwise.
 */
export function checkTableLabels(
  labels: readonly string[],
  endpoints: readonly Endpoint[],
  where: string,
): void {
  const names = endpointNames(endpoints);
  const expected = names.map(endpointLabel);
  const ok = labels.length === names.length && labels.every((label, index) => names[index]?.includes(label));
  if (!ok) {
    const unknown = labels.filter((label) => !names.some((candidate) => candidate.includes(label)));
    const detail = unknown.length > 0 ? ` Unknown: ${unknown.join(', ')}.` : '';
    throw new Error(
      `${where}: the table must name exactly the endpoints in order (pods by namespace/name, then externals).${detail}\n` +
        `  expected: ${expected.join(' ')}\n  table:    ${labels.join(' ')}`,
    );
  }
}

/** Finds the endpoint a probe names. */
export function findEndpoint(endpoints: readonly Endpoint[], label: string, where: string): Endpoint {
  const names = endpointNames(endpoints);
  const index = names.findIndex((candidate) => candidate.includes(label));
  const endpoint = endpoints[index];
  if (endpoint === undefined) {
    throw new Error(`${where}: no endpoint "${label}"; endpoints are ${names.map(endpointLabel).join(', ')}`);
  }
  return endpoint;
}

/** Pods sorted by namespace, then name (code-unit order), the order the matrix promises. */
export function sortedPods(pods: readonly Pod[]): Pod[] {
  const compare = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);
  return [...pods].sort(
    (left, right) => compare(left.namespace, right.namespace) || compare(left.name, right.name),
  );
}
