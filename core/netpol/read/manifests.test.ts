import { describe, it, expect } from 'vitest';
import { parseManifests } from './manifests.ts';
import { replicaName } from './read-workloads.ts';

const namespaceYaml = `apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    env: prod
`;

const podYaml = `apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: prod
  labels: {role: db}
spec:
  containers:
    - name: postgres
      ports:
        - containerPort: 5432
          name: pg
        - containerPort: 53
          protocol: UDP
status:
  podIP: 10.0.1.30
  podIPs:
    - ip: 10.0.1.30
    - ip: 2001:DB8:0:0::30
`;

describe('parseManifests: kinds', () => {
  it('reads a Namespace with the automatic name label', () => {
    const result = parseManifests(namespaceYaml);
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster.namespaces).toContainEqual({
      name: 'prod',
      labels: { env: 'prod', 'kubernetes.io/metadata.name': 'prod' },
    });
    expect(result.cluster.namespaces).toContainEqual({
      name: 'default',
      labels: { 'kubernetes.io/metadata.name': 'default' },
      implicit: true,
    });
  });

  it('reads a Pod with labels, IPv4 and IPv6 addresses, and container ports', () => {
    const result = parseManifests([{ text: podYaml, source: 'pods.yaml' }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster.pods).toEqual([
      {
        namespace: 'prod',
        name: 'db',
        labels: { role: 'db' },
        ips: ['10.0.1.30', '2001:db8::30'],
        ports: [
          { name: 'pg', port: 5432, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
        ],
        position: { line: 1, column: 1 },
        source: 'pods.yaml',
      },
    ]);
    // prod is referenced but not declared, so it exists implicitly.
    expect(result.cluster.namespaces.find((namespace) => namespace.name === 'prod')?.implicit).toBe(true);
  });

  it('skips kinds that play no part in policy with an info diagnostic', () => {
    const result = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ id: 'manifest.unknown-kind', severity: 'info' });
    expect(result.cluster.pods).toEqual([]);
  });

  it('reads multi-document text with empty documents and positions per document', () => {
    const text = `---\n${namespaceYaml}---\n---\n${podYaml}`;
    const result = parseManifests(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster.pods[0]?.position).toEqual({ line: 10, column: 1 });
  });

  it('reads kind: List as kubectl get -o yaml prints it', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: a, labels: {app: a}}
  - apiVersion: v1
    kind: Pod
    metadata: {name: b}
`;
    const result = parseManifests(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster.pods.map((pod) => pod.name)).toEqual(['a', 'b']);
    expect(result.cluster.pods[1]?.position).toEqual({ line: 7, column: 5 });
  });
});

describe('parseManifests: typed lists', () => {
  it('gives items of a <Kind>List the kind and apiVersion they leave out', () => {
    const text = `apiVersion: apps/v1
kind: DeploymentList
items:
  - metadata: {name: web, namespace: shop}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: PodList
items:
  - metadata: {name: a}
  - kind: Pod
    metadata: {name: b}
`;
    const result = parseManifests(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster.pods.map((pod) => `${pod.namespace}/${pod.name.replace(/-.*/, '')}`)).toEqual([
      'shop/web',
      'shop/web',
      'default/a',
      'default/b',
    ]);
  });

  it('reads a NetworkPolicyList whose items carry only metadata and spec', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicyList
items:
  - metadata: {name: deny-all, namespace: shop}
    spec: {podSelector: {}}
`;
    const result = parseManifests(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.policies.map((policy) => policy.name)).toEqual(['deny-all']);
  });

  it("refuses an item whose own kind disagrees with the list, at the item's kind", () => {
    const text = `apiVersion: v1
kind: PodList
items:
  - kind: Namespace
    metadata: {name: shop}
  - metadata: {name: a}
`;
    const result = parseManifests(text);
    expect(result.diagnostics).toMatchObject([
      { id: 'manifest.list-kind-mismatch', severity: 'error', position: { line: 4, column: 11 } },
    ]);
    expect(result.diagnostics[0]?.message).toContain('holds only Pod objects');
    expect(result.cluster.pods.map((pod) => pod.name)).toEqual(['a']);
    expect(result.cluster.namespaces.map((namespace) => namespace.name)).toEqual(['default']);
  });

  it('still asks every item of a plain List to name its kind', () => {
    const result = parseManifests('apiVersion: v1\nkind: List\nitems:\n  - metadata: {name: a}\n');
    expect(result.diagnostics.map((diagnostic) => diagnostic.id)).toEqual(['manifest.required']);
  });

  it('marks the pods whose IP the reader assigned, and only those', () => {
    const text = `apiVersion: v1
kind: PodList
items:
  - metadata: {name: given}
    status: {podIP: 10.9.0.1}
  - metadata: {name: chosen}
`;
    const pods = parseManifests(text).cluster.pods;
    expect(pods.map((pod) => [pod.name, pod.ipAssigned === true])).toEqual([
      ['given', false],
      ['chosen', true],
    ]);
  });
});

describe('parseManifests: workloads', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: prod}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: nginx
          ports: [{containerPort: 80, name: http}]
`;

  it('expands a Deployment into one pod per replica with stable generated names', () => {
    const first = parseManifests(deployment);
    const second = parseManifests(deployment);
    expect(first.diagnostics).toEqual([]);
    expect(first.cluster.pods).toHaveLength(3);
    expect(first.cluster.pods.map((pod) => pod.name)).toEqual(second.cluster.pods.map((pod) => pod.name));
    for (const pod of first.cluster.pods) {
      expect(pod.name).toMatch(/^web-[a-z0-9]{10}-[a-z0-9]{5}$/);
      expect(pod.labels).toEqual({ app: 'web' });
      expect(pod.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
      expect(pod.owner).toBe('Deployment prod/web');
    }
    expect(new Set(first.cluster.pods.map((pod) => pod.name)).size).toBe(3);
  });

  it('names StatefulSet pods name-0..n-1 and defaults replicas to 1', () => {
    const result = parseManifests(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec: {replicas: 2, template: {metadata: {labels: {app: db}}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: cache}
spec: {template: {metadata: {labels: {app: cache}}}}
`);
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster.pods.map((pod) => pod.name)).toEqual([
      'db-0',
      'db-1',
      replicaName('ReplicaSet', 'default', 'cache', 0),
    ]);
  });

  it('models a DaemonSet as one pod and says so; a Job uses parallelism', () => {
    const result = parseManifests(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec: {template: {metadata: {labels: {app: agent}}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: backup}
spec: {parallelism: 2, template: {metadata: {labels: {job: backup}}}}
`);
    expect(result.diagnostics.map((diagnostic) => diagnostic.id)).toEqual(['manifest.daemonset-one-pod']);
    expect(result.cluster.pods.filter((pod) => pod.owner === 'DaemonSet kube-system/agent')).toHaveLength(1);
    expect(result.cluster.pods.filter((pod) => pod.owner === 'Job default/backup')).toHaveLength(2);
  });
});

describe('parseManifests: IPs, namespaces and duplicates', () => {
  it('assigns distinct, stable 10.244.x.y addresses to pods without one, avoiding given IPs', () => {
    const pods = Array.from(
      { length: 40 },
      (_, index) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${index}}\n`,
    ).join('---\n');
    const result = parseManifests(pods);
    const ips = result.cluster.pods.map((pod) => pod.ips[0]);
    expect(new Set(ips).size).toBe(40);
    for (const ip of ips) expect(ip).toMatch(/^10\.244\.\d+\.\d+$/);
    const again = parseManifests(pods);
    expect(again.cluster.pods.map((pod) => pod.ips[0])).toEqual(ips);
    const taken = ips[0] as string;
    const withTaken = parseManifests(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: fixed}\nstatus: {podIP: ${taken}}\n---\n${pods}`,
    );
    const owners = withTaken.cluster.pods.filter((pod) => pod.ips.includes(taken));
    expect(owners.map((pod) => pod.name)).toEqual(['fixed']);
  });

  it('creates namespaces that policies refer to, and always default', () => {
    const result = parseManifests(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}}
`);
    expect(result.cluster.namespaces.map((namespace) => [namespace.name, namespace.implicit])).toEqual([
      ['default', true],
      ['shop', true],
    ]);
  });

  it('reports a duplicate object and keeps the first one', () => {
    const result = parseManifests(`${podYaml}---\n${podYaml.replace('role: db', 'role: other')}`);
    expect(result.cluster.pods).toHaveLength(1);
    expect(result.cluster.pods[0]?.labels).toEqual({ role: 'db' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      id: 'manifest.duplicate',
      severity: 'error',
      object: 'Pod prod/db',
      position: { line: 21, column: 1 },
    });
  });

  it('names the earlier file when a duplicate comes from another one', () => {
    const pod = 'kind: Pod\napiVersion: v1\nmetadata: {name: a}\n';
    const result = parseManifests([
      { text: pod, source: 'one.yaml' },
      { text: `# again\n${pod}`, source: 'two.yaml' },
    ]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.source).toBe('two.yaml');
    expect(result.diagnostics[0]?.message).toContain('already defined in one.yaml at line 1, column 1');
  });

  it('keeps sources apart when several texts are given', () => {
    const result = parseManifests([
      { text: 'kind: Pod\napiVersion: v1\nmetadata: {name: a}\n', source: 'one.yaml' },
      { text: 'kind: [\n', source: 'two.yaml' },
    ]);
    expect(result.cluster.pods[0]?.source).toBe('one.yaml');
    expect(result.diagnostics.every((diagnostic) => diagnostic.source === 'two.yaml')).toBe(true);
    expect(result.diagnostics[0]?.id).toBe('yaml.syntax');
  });
});
