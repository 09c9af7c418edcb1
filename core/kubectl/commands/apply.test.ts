import { describe, expect, it } from 'vitest';
import { runKubectl as runKubectlWith } from '../run-kubectl.ts';
import { ALLOW_DNS_PROD, DENY_ALL_PROD, kubectl, session, testState } from '../test-fixtures.ts';

const state = testState();

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured, recording last-applied', () => {
    const created = kubectl(state, 'apply -f deny.yaml', { 'deny.yaml': DENY_ALL_PROD });
    expect(created).toMatchObject({
      stdout: 'networkpolicy.networking.k8s.io/deny-all created\n',
      stderr: '',
      exitCode: 0,
    });
    const policy = created.state.networkPolicies.find((object) => object.metadata.name === 'deny-all');
    expect(policy?.policy.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy?.sourceYaml).toBe(DENY_ALL_PROD);
    expect(
      JSON.parse(policy?.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'] ?? '{}'),
    ).toMatchObject({
      metadata: { name: 'deny-all', namespace: 'prod' },
    });
    expect(kubectl(created.state, 'apply -f deny.yaml', { 'deny.yaml': DENY_ALL_PROD }).stdout).toBe(
      'networkpolicy.networking.k8s.io/deny-all unchanged\n',
    );
    const changed = kubectl(created.state, 'apply -f deny.yaml', {
      'deny.yaml': DENY_ALL_PROD.replace('[Ingress, Egress]', '[Ingress]'),
    });
    expect(changed.stdout).toBe('networkpolicy.networking.k8s.io/deny-all configured\n');
    expect(changed.state.networkPolicies[0]?.metadata.generation).toBe(2);
    expect(state.networkPolicies).toEqual([]);
  });

  it('reads several documents, a List and stdin, in order', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata: { name: qa, labels: { env: qa } }\n`;
    const result = kubectl(state, 'apply -f -', {}, `${list}---\n${ALLOW_DNS_PROD}`);
    expect(result.stdout).toBe('namespace/qa created\nnetworkpolicy.networking.k8s.io/allow-dns created\n');
    expect(
      result.state.namespaces.find((namespace) => namespace.metadata.name === 'qa')?.metadata.labels,
    ).toEqual({
      env: 'qa',
      'kubernetes.io/metadata.name': 'qa',
    });
  });

  it('puts objects without a namespace into -n, and refuses a contradicting -n', () => {
    const text = DENY_ALL_PROD.replace('  namespace: prod\n', '');
    expect(
      kubectl(state, 'apply -f p.yaml -n dev', { 'p.yaml': text }).state.networkPolicies[0]?.metadata
        .namespace,
    ).toBe('dev');
    expect(kubectl(state, 'apply -f p.yaml -n dev', { 'p.yaml': DENY_ALL_PROD }).stderr).toBe(
      'error: the namespace from the provided object "prod" does not match the namespace "dev". You must pass \'--namespace=prod\' to perform this operation.\n',
    );
  });

  it('answers unknown fields with a strict decoding error and the line', () => {
    const text =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: prod\nspec:\n  podselector: {}\n';
    expect(kubectl(state, 'apply -f p.yaml', { 'p.yaml': text })).toMatchObject({
      stderr:
        'Error from server (BadRequest): error when creating "p.yaml": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.podselector" (line 7, column 3)\n',
      exitCode: 1,
    });
  });

  it('lists every invalid field as the API server does', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: bad, namespace: prod }
spec:
  podSelector: {}
  ingress:
    - from: [{ ipBlock: { cidr: 10.0.0.0/33 } }]
      ports: [{ port: 70000 }]
`;
    const result = kubectl(state, 'apply -f bad.yaml', { 'bad.yaml': text });
    expect(result.stderr).toMatch(
      /^The NetworkPolicy "bad" is invalid: \n\* spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr: Invalid value: "10\.0\.0\.0\/33": not a valid CIDR \(line 7, column \d+\)\n\* spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 70000: must be between 1 and 65535 \(line 8, column \d+\)\n$/,
    );
    expect(result.state).toBe(state);
  });

  it('says what kubectl says about missing namespaces, kinds, files and YAML', () => {
    expect(
      kubectl(state, 'apply -f p.yaml', { 'p.yaml': DENY_ALL_PROD.replace('prod', 'nowhere') }).stderr,
    ).toBe('Error from server (NotFound): error when creating "p.yaml": namespaces "nowhere" not found\n');
    expect(
      kubectl(state, 'apply -f p.yaml', { 'p.yaml': 'apiVersion: v1\nkind: Widget\nmetadata: { name: w }\n' })
        .stderr,
    ).toBe(
      'error: resource mapping not found for name: "w" namespace: "" from "p.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n',
    );
    expect(
      kubectl(state, 'apply -f p.yaml', {
        'p.yaml': DENY_ALL_PROD.replace('networking.k8s.io/v1', 'extensions/v1beta1'),
      }).stderr,
    ).toContain(
      'no matches for kind "NetworkPolicy" in version "extensions/v1beta1" (NetworkPolicy is served as networking.k8s.io/v1)',
    );
    expect(kubectl(state, 'apply -f missing.yaml').stderr).toBe(
      'error: the path "missing.yaml" does not exist\n',
    );
    expect(kubectl(state, 'apply -f p.yaml', { 'p.yaml': 'kind: [' }).stderr).toMatch(
      /^error: error parsing p\.yaml: error converting YAML to JSON: yaml: line 1: /,
    );
    expect(kubectl(state, 'apply -f p.yaml', { 'p.yaml': 'metadata: { name: x }\n' }).stderr).toContain(
      'error validating data: kind not set',
    );
    expect(
      kubectl(state, 'apply -f p.yaml', {
        'p.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n labels: x\n',
      }).stderr,
    ).toBe(
      'error: error parsing p.yaml: error converting YAML to JSON: yaml: line 5: All mapping items must start at the same column (column 2)\n',
    );
    expect(kubectl(state, 'apply -f p.yaml', { 'p.yaml': '# nothing\n' }).stderr).toBe(
      'error: no objects passed to apply\n',
    );
    expect(kubectl(state, 'apply').stderr).toContain('error: must specify one of -f and -k');
  });

  it('warns when applying over an object created without apply, and keeps labels others set', () => {
    const result = session(
      state,
      ['create -f p.yaml', 'label netpol deny-all -n prod owner=me', 'apply -f p.yaml'],
      { 'p.yaml': DENY_ALL_PROD },
    );
    expect(result.stderr).toContain(
      'Warning: resource networkpolicies/deny-all is missing the kubectl.kubernetes.io/last-applied-configuration annotation',
    );
    expect(result.state.networkPolicies[0]?.metadata.labels).toEqual({ owner: 'me' });
  });

  it('applies a directory, --dry-run without changing anything, and -o name', () => {
    const files = { 'dir/a.yaml': DENY_ALL_PROD, 'dir/b.yml': ALLOW_DNS_PROD, 'dir/readme.txt': 'no' };
    const io = {
      now: 0,
      readFile: (path: string) => (files as Record<string, string>)[path],
      listDirectory: (path: string) =>
        path === 'dir' ? Object.keys(files).map((name) => name.slice(4)) : undefined,
    };
    const applied = runKubectlWith(state, ['apply', '-f', 'dir'], io);
    expect(applied.stdout).toBe(
      'networkpolicy.networking.k8s.io/deny-all created\nnetworkpolicy.networking.k8s.io/allow-dns created\n',
    );
    const dry = kubectl(state, 'apply -f p.yaml --dry-run=client', { 'p.yaml': DENY_ALL_PROD });
    expect(dry.stdout).toBe('networkpolicy.networking.k8s.io/deny-all created (dry run)\n');
    expect(dry.state.networkPolicies).toEqual([]);
    expect(kubectl(state, 'apply -f p.yaml -o name', { 'p.yaml': DENY_ALL_PROD }).stdout).toBe(
      'networkpolicy.networking.k8s.io/deny-all\n',
    );
  });

  it('creates Deployments with their pods, checks the selector, and updates them', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: cache, namespace: dev }
spec:
  replicas: 2
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      containers: [{ name: redis, image: redis:7, ports: [{ containerPort: 6379, name: redis }] }]
`;
    const created = kubectl(state, 'apply -f d.yaml', { 'd.yaml': deployment });
    expect(created.stdout).toBe('deployment.apps/cache created\n');
    const pods = created.state.pods.filter((pod) => pod.metadata.labels.app === 'cache');
    expect(pods).toHaveLength(2);
    expect(pods.every((pod) => pod.ips.length === 1 && pod.owner?.kind === 'ReplicaSet')).toBe(true);
    const scaled = kubectl(created.state, 'apply -f d.yaml', {
      'd.yaml': deployment.replace('replicas: 2', 'replicas: 3'),
    });
    expect(scaled.state.pods.filter((pod) => pod.metadata.labels.app === 'cache')).toHaveLength(3);
    const mismatch = kubectl(state, 'apply -f d.yaml', {
      'd.yaml': deployment.replace('labels: { app: cache }', 'labels: { app: other }'),
    });
    expect(mismatch.stderr).toContain(
      'The Deployment "cache" is invalid: spec.template.metadata.labels: Invalid value',
    );
  });

  it('refuses to change a pod beyond its image', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: prod }\nspec:\n  containers: [{ name: web, image: nginx }]\n';
    expect(kubectl(state, 'apply -f p.yaml', { 'p.yaml': pod }).stderr).toContain(
      'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields',
    );
  });
});
