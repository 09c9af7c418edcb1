import { describe, expect, it } from 'vitest';
import { ALLOW_DNS_PROD, DENY_ALL_PROD, kubectl, session, testState } from '../test-fixtures.ts';

const files = { 'deny.yaml': DENY_ALL_PROD, 'dns.yaml': ALLOW_DNS_PROD };
const state = session(testState(), ['apply -f deny.yaml', 'apply -f dns.yaml'], files).state;

describe('kubectl delete', () => {
  it('deletes by name, by file and with --all', () => {
    const one = kubectl(state, 'delete netpol deny-all -n prod');
    expect(one).toMatchObject({
      stdout: 'networkpolicy.networking.k8s.io "deny-all" deleted\n',
      exitCode: 0,
    });
    expect(one.state.networkPolicies.map((object) => object.metadata.name)).toEqual(['allow-dns']);
    expect(
      kubectl(state, 'delete -f dns.yaml', files).state.networkPolicies.map((object) => object.metadata.name),
    ).toEqual(['deny-all']);
    expect(kubectl(state, 'delete netpol --all -n prod').state.networkPolicies).toEqual([]);
    expect(kubectl(state, 'delete netpol deny-all -n prod --dry-run=client')).toMatchObject({
      stdout: 'networkpolicy.networking.k8s.io "deny-all" deleted (dry run)\n',
      state,
    });
  });

  it('reports what is not there and refuses what kubectl refuses', () => {
    expect(kubectl(state, 'delete netpol nope -n prod')).toMatchObject({
      stderr: 'Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found\n',
      exitCode: 1,
    });
    expect(kubectl(state, 'delete netpol nope -n prod --ignore-not-found')).toMatchObject({ exitCode: 0 });
    expect(kubectl(state, 'delete netpol -n prod').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(kubectl(state, 'delete ns default').stderr).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n',
    );
  });

  it('takes everything of a namespace along, and a Deployment its pods', () => {
    const gone = kubectl(state, 'delete ns prod').state;
    expect(gone.pods.some((pod) => pod.metadata.namespace === 'prod')).toBe(false);
    expect(gone.networkPolicies).toEqual([]);
    expect(gone.services.some((service) => service.metadata.namespace === 'prod')).toBe(false);
    const deployed = kubectl(state, 'create deployment cache --image=redis --replicas=2 -n dev').state;
    const pod = deployed.pods.find((candidate) => candidate.owner !== undefined);
    const restarted = kubectl(deployed, `delete pod ${pod?.metadata.name ?? ''} -n dev`).state;
    expect(restarted.pods.filter((candidate) => candidate.owner !== undefined)).toHaveLength(2);
    expect(
      kubectl(deployed, 'delete deploy cache -n dev').state.pods.filter(
        (candidate) => candidate.owner !== undefined,
      ),
    ).toEqual([]);
  });
});
