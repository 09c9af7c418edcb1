import { describe, expect, it } from 'vitest';
import { kubectl, session, testState } from '../test-fixtures.ts';

const state = testState();

describe('kubectl label', () => {
  it('sets, refuses to overwrite without --overwrite, overwrites, and removes', () => {
    const set = kubectl(state, 'label pod web -n prod role=edge');
    expect(set).toMatchObject({ stdout: 'pod/web labeled\n', exitCode: 0 });
    expect(set.state.pods.find((pod) => pod.metadata.name === 'web')?.metadata.labels).toEqual({
      app: 'web',
      tier: 'frontend',
      role: 'edge',
    });
    expect(kubectl(set.state, 'label pod web -n prod role=core')).toMatchObject({
      stderr: "error: 'role' already has a value (edge), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(
      kubectl(set.state, 'label pod web -n prod role=core --overwrite').state.pods.find(
        (pod) => pod.metadata.name === 'web',
      )?.metadata.labels.role,
    ).toBe('core');
    const removed = kubectl(set.state, 'label pods/web -n prod role-');
    expect(removed.stdout).toBe('pod/web labeled\n');
    expect(removed.state.pods.find((pod) => pod.metadata.name === 'web')?.metadata.labels).toEqual({
      app: 'web',
      tier: 'frontend',
    });
    expect(kubectl(state, 'label pod web -n prod app=web').stdout).toBe('pod/web not labeled\n');
    expect(kubectl(state, 'label pod web -n prod gone-')).toMatchObject({
      stdout: 'pod/web not labeled\n',
      stderr: 'label "gone" not found.\n',
    });
  });

  it('labels namespaces, keeping the name label, and changes what namespaceSelectors see', () => {
    const result = session(state, [
      'label ns dev team=payments',
      'label ns dev kubernetes.io/metadata.name-',
    ]);
    expect(
      result.state.namespaces.find((namespace) => namespace.metadata.name === 'dev')?.metadata.labels,
    ).toEqual({
      env: 'dev',
      team: 'payments',
      'kubernetes.io/metadata.name': 'dev',
    });
  });

  it('labels several objects by selector or --all, and checks keys and values', () => {
    expect(kubectl(state, 'label pods -n prod -l app!=web reviewed=yes').stdout).toBe(
      'pod/api labeled\npod/db labeled\n',
    );
    expect(kubectl(state, 'label pods --all -n prod x=1').stdout.split('\n')).toHaveLength(4);
    expect(kubectl(state, 'label pod web -n prod bad=no spaces').stderr).toContain(
      'Error from server (NotFound): pods "spaces" not found',
    );
    expect(kubectl(state, ['label', 'pod', 'web', '-n', 'prod', 'bad=-x-']).stderr).toContain(
      'error: invalid label value: "bad=-x-"',
    );
    expect(kubectl(state, 'label pod nope -n prod a=b').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(kubectl(state, 'label pod web -n prod').stderr).toContain('at least one label update is required');
  });
});

describe('kubectl annotate', () => {
  it('annotates and removes annotations', () => {
    const result = kubectl(state, ['annotate', 'ns', 'prod', 'owner=team a']);
    expect(result.stdout).toBe('namespace/prod annotated\n');
    expect(
      result.state.namespaces.find((namespace) => namespace.metadata.name === 'prod')?.metadata.annotations,
    ).toEqual({ owner: 'team a' });
    expect(
      kubectl(result.state, 'annotate ns prod owner-').state.namespaces.find(
        (namespace) => namespace.metadata.name === 'prod',
      )?.metadata.annotations,
    ).toEqual({});
  });
});
