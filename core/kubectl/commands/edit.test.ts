import { describe, expect, it } from 'vitest';
import { DENY_ALL_PROD, LATER, kubectl, testState } from '../test-fixtures.ts';
import type { EditEffect, KubectlResult } from '../types.ts';
import { finishEdit } from './edit.ts';

const state = kubectl(testState(), 'apply -f deny.yaml', { 'deny.yaml': DENY_ALL_PROD }).state;
const io = { now: LATER, readFile: () => undefined };

function editEffect(result: KubectlResult): EditEffect {
  const effect = result.effects?.find((candidate) => candidate.kind === 'edit');
  if (effect?.kind !== 'edit') throw new Error('no edit effect');
  return effect;
}

describe('kubectl edit', () => {
  it("opens the live object's YAML under kubectl's header", () => {
    const effect = editEffect(kubectl(state, 'edit netpol deny-all -n prod'));
    expect(
      effect.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n"),
    ).toBe(true);
    expect(effect.text).toContain('kind: NetworkPolicy\nmetadata:\n');
    expect(effect.fileName).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(effect.session).toMatchObject({ kind: 'NetworkPolicy', namespace: 'prod', name: 'deny-all' });
  });

  it('stores a valid change and says edited', () => {
    const effect = editEffect(kubectl(state, 'edit netpol deny-all -n prod'));
    const edited = effect.text.replace('  - Egress\n', '');
    const result = finishEdit(state, effect.session, edited, io);
    expect(result).toMatchObject({
      stdout: 'networkpolicy.networking.k8s.io/deny-all edited\n',
      exitCode: 0,
    });
    expect(result.state.networkPolicies[0]?.policy.policyTypes).toEqual(['Ingress']);
  });

  it('cancels when nothing changed or the file is emptied', () => {
    const effect = editEffect(kubectl(state, 'edit netpol deny-all -n prod'));
    expect(finishEdit(state, effect.session, effect.text, io)).toMatchObject({
      stdout: 'Edit cancelled, no changes made.\n',
      state,
    });
    expect(finishEdit(state, effect.session, '# only comments\n', io).stdout).toBe(
      'Edit cancelled, no changes made.\n',
    );
  });

  it('reopens an invalid edit with the reasons on top, and gives up when saved unchanged', () => {
    const effect = editEffect(kubectl(state, 'edit netpol deny-all -n prod'));
    const reopened = finishEdit(
      state,
      effect.session,
      effect.text.replace('podSelector: {}', 'podselector: {}'),
      io,
    );
    const again = editEffect(reopened);
    expect(again.text).toContain(
      '# networkpolicies.networking.k8s.io "deny-all" was not valid:\n# * NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.podselector"',
    );
    expect(reopened.state).toBe(state);
    expect(finishEdit(state, again.session, again.text, io)).toMatchObject({
      stderr: 'error: Edit cancelled, no valid changes were saved.\n',
      exitCode: 1,
    });
  });

  it('refuses a changed name, and edits labels of pods', () => {
    const effect = editEffect(kubectl(state, 'edit netpol deny-all -n prod'));
    expect(
      finishEdit(state, effect.session, effect.text.replace('name: deny-all', 'name: other'), io).stderr,
    ).toContain('error: At least one of apiVersion, kind and name was changed');
    const pod = editEffect(kubectl(state, 'edit pod/web -n prod'));
    const result = finishEdit(
      state,
      pod.session,
      pod.text.replace('    tier: frontend\n', '    tier: backend\n'),
      io,
    );
    expect(result.stdout).toBe('pod/web edited\n');
    expect(
      result.state.pods.find((candidate) => candidate.metadata.name === 'web')?.metadata.labels.tier,
    ).toBe('backend');
    expect(kubectl(state, 'edit netpol nope -n prod').stderr).toBe(
      'Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found\n',
    );
  });
});
