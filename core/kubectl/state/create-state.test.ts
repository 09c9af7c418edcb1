import { describe, expect, it } from 'vitest';
import { parseExercise } from '../../exercise/parse-exercise.ts';
import { isClusterState } from './check-state.ts';
import { stateFromExercise } from './create-state.ts';
import { START, TEST_CLUSTER, kubectl, testState } from '../test-fixtures.ts';

describe('createClusterState', () => {
  const state = testState();

  it('adds the system namespaces and the kubernetes and kube-dns Services', () => {
    expect(state.namespaces.map((namespace) => namespace.metadata.name)).toEqual([
      'default',
      'dev',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'prod',
    ]);
    const names = state.services.map(
      (service) => `${service.metadata.namespace ?? ''}/${service.metadata.name}`,
    );
    expect(names).toEqual(['default/kubernetes', 'kube-system/kube-dns', 'prod/api', 'prod/db']);
    expect(state.services.find((service) => service.metadata.name === 'kube-dns')).toMatchObject({
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
    });
    expect(state.pods.every((pod) => pod.metadata.createdAt === START && pod.ips.length > 0)).toBe(true);
  });

  it('is plain data: JSON round-trips it, and the copy works the same', () => {
    const copy: unknown = JSON.parse(JSON.stringify(state));
    expect(copy).toEqual(state);
    expect(isClusterState(copy)).toBe(true);
    if (!isClusterState(copy)) return;
    expect(kubectl(copy, 'get pods -A').stdout).toBe(kubectl(state, 'get pods -A').stdout);
    expect(isClusterState({ ...state, version: 2 })).toBe(false);
    expect(isClusterState({ ...state, pods: [{}] })).toBe(false);
    expect(isClusterState(null)).toBe(false);
  });

  it('is deterministic and never changes the state it is given', () => {
    expect(testState()).toEqual(state);
    const before = JSON.stringify(state);
    kubectl(state, 'label pod web -n prod x=y');
    expect(JSON.stringify(state)).toBe(before);
    expect(
      testState({ ...TEST_CLUSTER, services: [] }).services.map((service) => service.metadata.name),
    ).toEqual(['kubernetes', 'kube-dns']);
    const unaddressed = testState({
      ...TEST_CLUSTER,
      services: [
        {
          namespace: 'prod',
          name: 'web',
          labels: {},
          selector: { app: 'web' },
          ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }],
          clusterIP: '',
        },
      ],
    });
    expect(unaddressed.services.find((service) => service.metadata.name === 'web')?.clusterIP).toMatch(
      /^10\.96\.\d+\.\d+$/,
    );
  });

  it('starts from an exercise with its pre-existing policies', () => {
    const exercise = parseExercise({
      exerciseYaml: `id: t\ntitle: T\ntrack: t\ndifficulty: beginner\nminutes: 1\nkind: write\nexamWeight: 0\ntask: T\ncluster:\n  pods: [{ name: a, labels: { app: a } }]\n  policies: |\n    apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n    metadata: { name: lock }\n    spec: { podSelector: {} }\nchecks:\n  - { id: c, type: reach, from: default/a, to: default/a, port: 80, expect: allow }\n`,
      starter: '',
      solution: '',
    }).exercise;
    if (exercise === undefined) throw new Error('exercise did not parse');
    const fromExercise = stateFromExercise(exercise, { now: START });
    expect(kubectl(fromExercise, 'get netpol').stdout).toBe(
      'NAME   POD-SELECTOR   AGE\nlock   <none>         5m3s\n',
    );
    expect(fromExercise.baseline.policies['default/lock']).toBe(
      '{"podSelector":{},"policyTypes":["Ingress"]}',
    );
  });
});
