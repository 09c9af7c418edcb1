import { describe, expect, it } from 'vitest';
import { ALLOW_DNS_PROD, DENY_ALL_PROD, kubectl, testState } from '../test-fixtures.ts';

const state = testState();

describe('kubectl create', () => {
  it('prints a namespace for --dry-run=client -o yaml as kubectl generates it', () => {
    const result = kubectl(state, 'create namespace qa --dry-run=client -o yaml');
    expect(result.stdout).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: qa\nspec: {}\nstatus: {}\n',
    );
    expect(result.state).toBe(state);
    expect(kubectl(state, 'create ns qa')).toMatchObject({ stdout: 'namespace/qa created\n' });
    expect(kubectl(state, 'create ns prod').stderr).toBe(
      'Error from server (AlreadyExists): namespaces "prod" already exists\n',
    );
  });

  it('prints a deployment for --dry-run=client -o yaml, and creates it with its pods', () => {
    expect(
      kubectl(
        state,
        'create deployment web --image=nginx:1.27 --replicas=2 --port=80 --dry-run=client -o yaml',
      ).stdout,
    ).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`);
    const created = kubectl(state, 'create deploy web --image=nginx -n dev');
    expect(created.stdout).toBe('deployment.apps/web created\n');
    expect(
      created.state.pods.filter(
        (pod) => pod.metadata.namespace === 'dev' && pod.metadata.labels.app === 'web',
      ),
    ).toHaveLength(1);
    expect(kubectl(state, 'create deployment web').stderr).toBe('error: required flag(s) "image" not set\n');
  });

  it('creates a ClusterIP Service selecting app=NAME', () => {
    const result = kubectl(state, 'create service clusterip web -n prod --tcp=80:8080');
    expect(result.stdout).toBe('service/web created\n');
    const service = result.state.services.find((candidate) => candidate.metadata.name === 'web');
    expect(service).toMatchObject({
      selector: { app: 'web' },
      ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }],
    });
    expect(kubectl(result.state, 'exec api -n prod -- curl -s web').stdout).toBe(
      'Hello from web (pod prod/web, 10.1.0.10) on port 8080\n',
    );
  });

  it('creates from files and refuses what already exists', () => {
    const created = kubectl(state, 'create -f p.yaml', { 'p.yaml': DENY_ALL_PROD });
    expect(created.stdout).toBe('networkpolicy.networking.k8s.io/deny-all created\n');
    expect(created.state.networkPolicies[0]?.metadata.annotations).toEqual({});
    expect(kubectl(created.state, 'create -f p.yaml', { 'p.yaml': DENY_ALL_PROD }).stderr).toBe(
      'Error from server (AlreadyExists): error when creating "p.yaml": networkpolicies.networking.k8s.io "deny-all" already exists\n',
    );
    expect(
      kubectl(state, 'create -f p.yaml --save-config', { 'p.yaml': ALLOW_DNS_PROD }).state.networkPolicies[0]
        ?.metadata.annotations,
    ).toHaveProperty(['kubectl.kubernetes.io/last-applied-configuration']);
  });
});

describe('kubectl run', () => {
  it('prints a pod for --dry-run=client -o yaml as kubectl generates it', () => {
    expect(kubectl(state, 'run web --image=nginx --port=80 --dry-run=client -o yaml').stdout)
      .toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - image: nginx
    name: web
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    expect(
      kubectl(state, [
        'run',
        'x',
        '--image=busybox',
        '--labels=app=x,tier=t',
        '--restart=Never',
        '--dry-run=client',
        '-o',
        'yaml',
        '--',
        'sleep',
        '3600',
      ]).stdout,
    ).toContain(
      '  labels:\n    app: x\n    tier: t\n  name: x\nspec:\n  containers:\n  - args:\n    - sleep\n    - "3600"\n    image: busybox\n',
    );
  });

  it('creates a pod labelled run=NAME', () => {
    const result = kubectl(state, 'run probe --image=busybox -n dev');
    expect(result.stdout).toBe('pod/probe created\n');
    expect(result.state.pods.find((pod) => pod.metadata.name === 'probe')?.metadata.labels).toEqual({
      run: 'probe',
    });
  });

  it('probes from a throwaway pod with --rm -it and deletes it afterwards', () => {
    const result = kubectl(
      state,
      'run tmp --image=busybox -n prod --rm -it --restart=Never -- wget -qO- -T 2 http://api',
    );
    expect(result).toMatchObject({
      stdout: 'Hello from api (pod prod/api, 10.1.0.11) on port 8080\npod "tmp" deleted\n',
      exitCode: 0,
    });
    expect(result.state.pods.some((pod) => pod.metadata.name === 'tmp')).toBe(false);
    const denied = kubectl(
      kubectl(state, 'apply -f p.yaml', { 'p.yaml': DENY_ALL_PROD }).state,
      'run tmp --image=busybox -n prod --rm -it -- wget -qO- -T 2 http://10.1.0.11:8080',
    );
    expect(denied).toMatchObject({
      exitCode: 1,
      delayMs: 2000,
      stderr: 'wget: download timed out\npod prod/tmp terminated (Error)\n',
    });
    expect(kubectl(state, 'run tmp --image=busybox --rm -- wget x').stderr).toBe(
      'error: --rm should only be used for attached containers\n',
    );
  });
});
