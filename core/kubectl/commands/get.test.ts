import { describe, expect, it } from 'vitest';
import { ALLOW_DNS_PROD, DENY_ALL_PROD, kubectl, session, testState } from '../test-fixtures.ts';

const state = testState();

describe('kubectl get: tables', () => {
  it('lists pods of the namespace in kubectl columns', () => {
    const result = kubectl(state, 'get pods -n prod');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\n' +
        'api    1/1     Running   0          5m3s\n' +
        'db     1/1     Running   0          5m3s\n' +
        'web    1/1     Running   0          5m3s\n',
    );
  });

  it('adds NAMESPACE with -A, the wide columns and LABELS', () => {
    const result = kubectl(state, 'get po -A -o wide --show-labels -l app=web');
    expect(result.stdout).toBe(
      'NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE    IP          NODE     NOMINATED NODE   READINESS GATES   LABELS\n' +
        'prod        web    1/1     Running   0          5m3s   10.1.0.10   node01   <none>           <none>            app=web,tier=frontend\n',
    );
  });

  it('shows namespaces, services and label columns', () => {
    expect(kubectl(state, 'get ns').stdout).toBe(
      'NAME              STATUS   AGE\n' +
        'default           Active   5m3s\n' +
        'dev               Active   5m3s\n' +
        'kube-node-lease   Active   5m3s\n' +
        'kube-public       Active   5m3s\n' +
        'kube-system       Active   5m3s\n' +
        'prod              Active   5m3s\n',
    );
    expect(kubectl(state, 'get svc -n prod -o wide').stdout).toBe(
      'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE    SELECTOR\n' +
        'api    ClusterIP   10.96.1.11   <none>        80/TCP     5m3s   app=api\n' +
        'db     ClusterIP   10.96.1.12   <none>        3306/TCP   5m3s   app=db\n',
    );
    expect(kubectl(state, 'get pods -n prod -L tier --no-headers').stdout).toBe(
      'api   1/1   Running   0     5m3s   \n' +
        'db    1/1   Running   0     5m3s   \n' +
        'web   1/1   Running   0     5m3s   frontend\n',
    );
  });

  it('prints POD-SELECTOR as kubectl formats selectors', () => {
    const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-in, namespace: prod }
spec:
  podSelector:
    matchLabels: { tier: frontend, app: web }
    matchExpressions: [{ key: env, operator: NotIn, values: [test, dev] }]
`;
    const result = session(state, ['apply -f p.yaml', 'apply -f q.yaml', 'get netpol -n prod'], {
      'p.yaml': policy,
      'q.yaml': DENY_ALL_PROD,
    });
    expect(result.stdout).toBe(
      'NAME       POD-SELECTOR                                 AGE\n' +
        'deny-all   <none>                                       0s\n' +
        'web-in     app=web,env notin (dev,test),tier=frontend   0s\n',
    );
  });

  it('prints sections with kind/name for several types and for all', () => {
    const result = kubectl(state, 'get all -n prod');
    expect(result.stdout).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\n' +
        'pod/api   1/1     Running   0          5m3s\n' +
        'pod/db    1/1     Running   0          5m3s\n' +
        'pod/web   1/1     Running   0          5m3s\n' +
        '\n' +
        'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE\n' +
        'service/api   ClusterIP   10.96.1.11   <none>        80/TCP     5m3s\n' +
        'service/db    ClusterIP   10.96.1.12   <none>        3306/TCP   5m3s\n',
    );
  });
});

describe('kubectl get: nothing found and errors', () => {
  it("says No resources found in kubectl's words on stderr", () => {
    expect(kubectl(state, 'get netpol -n prod')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in prod namespace.\n',
      exitCode: 0,
    });
    expect(kubectl(state, 'get netpol -A')).toMatchObject({ stderr: 'No resources found\n' });
    expect(kubectl(state, 'get pods -l app=nothing')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
    });
  });

  it('reports names that do not exist and types the server does not have', () => {
    expect(kubectl(state, 'get netpol x -n prod')).toMatchObject({
      stderr: 'Error from server (NotFound): networkpolicies.networking.k8s.io "x" not found\n',
      exitCode: 1,
    });
    expect(kubectl(state, 'get pods web nope -n prod')).toMatchObject({
      stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m3s\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(kubectl(state, 'get widgets')).toMatchObject({
      stderr: 'error: the server doesn\'t have a resource type "widgets"\n',
      exitCode: 1,
    });
    expect(kubectl(state, 'get pods -o toml').stderr).toContain(
      'unable to match a printer suitable for the output format "toml"',
    );
    expect(kubectl(state, 'get').stderr).toContain('error: Required resource not specified.');
  });
});

describe('kubectl get: machine formats', () => {
  const applied = kubectl(state, 'apply -f dns.yaml', { 'dns.yaml': ALLOW_DNS_PROD }).state;

  it('prints -o name with the group', () => {
    expect(kubectl(applied, 'get netpol,svc -n prod -o name').stdout).toBe(
      'networkpolicy.networking.k8s.io/allow-dns\nservice/api\nservice/db\n',
    );
  });

  it('prints one named object as itself in YAML, keys sorted, lists at the parent indent', () => {
    const yaml = kubectl(applied, 'get netpol allow-dns -n prod -o yaml').stdout;
    expect(yaml).toMatch(
      /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\nmetadata:\n {2}annotations:\n {4}kubectl\.kubernetes\.io\/last-applied-configuration: \|\n {6}\{"apiVersion":"networking\.k8s\.io\/v1","kind":"NetworkPolicy","metadata":\{"name":"allow-dns","namespace":"prod"\},"spec":/,
    );
    expect(yaml).toContain(
      '  creationTimestamp: "2026-05-01T10:05:03Z"\n  generation: 1\n  name: allow-dns\n  namespace: prod\n  resourceVersion: "',
    );
    expect(yaml).toContain(
      'spec:\n  egress:\n  - ports:\n    - port: 53\n      protocol: UDP\n    - port: 53\n      protocol: TCP\n    to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n  podSelector: {}\n  policyTypes:\n  - Egress\n',
    );
  });

  it('wraps a list in a List and prints JSON with four spaces', () => {
    const json = kubectl(applied, 'get ns prod -o json').stdout;
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Namespace",\n    "metadata": {\n')).toBe(
      true,
    );
    const list = JSON.parse(kubectl(applied, 'get pods -n prod -o json').stdout) as {
      kind: string;
      items: unknown[];
    };
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(3);
  });

  it('answers -o jsonpath and custom-columns', () => {
    expect(
      kubectl(applied, ['get', 'pods', '-n', 'prod', '-o', "jsonpath='{.items[*].status.podIP}'"]).stdout,
    ).toBe('10.1.0.11 10.1.0.12 10.1.0.10');
    expect(
      kubectl(applied, ['get', 'pod', 'web', '-n', 'prod', '-o', 'jsonpath={.metadata.labels.tier}']).stdout,
    ).toBe('frontend');
    expect(
      kubectl(applied, [
        'get',
        'ns',
        '-o',
        'custom-columns=NAME:.metadata.name,ENV:.metadata.labels.env',
        '-l',
        'env',
      ]).stdout,
    ).toBe('NAME   ENV\ndev    dev\nprod   prod\n');
  });

  it('sorts with --sort-by and filters with --field-selector', () => {
    expect(
      kubectl(state, ['get', 'pods', '-n', 'prod', '-o', 'name', '--sort-by=.status.podIP']).stdout,
    ).toBe('pod/web\npod/api\npod/db\n');
    expect(
      kubectl(state, ['get', 'pods', '-A', '-o', 'name', '--field-selector=metadata.namespace=dev']).stdout,
    ).toBe('pod/tool\n');
  });
});
