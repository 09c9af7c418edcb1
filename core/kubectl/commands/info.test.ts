import { describe, expect, it } from 'vitest';
import { kubectl, testState } from '../test-fixtures.ts';

const state = testState();

describe('version, config, api-resources, explain, help', () => {
  it('prints versions and the context', () => {
    expect(kubectl(state, 'version').stdout).toBe(
      'Client Version: v1.31.4\nKustomize Version: v5.4.2\nServer Version: v1.31.4\n',
    );
    expect(kubectl(state, 'version --client').stdout).not.toContain('Server');
    expect(kubectl(state, 'config current-context').stdout).toBe('kubernetes-admin@kubernetes\n');
  });

  it('changes the default namespace with set-context --current --namespace', () => {
    const moved = kubectl(state, 'config set-context --current --namespace=prod');
    expect(moved.stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(moved.state.currentNamespace).toBe('prod');
    expect(kubectl(moved.state, 'get pods -o name').stdout).toBe('pod/api\npod/db\npod/web\n');
    expect(kubectl(moved.state, ['config', 'view', '--minify', '-o', 'jsonpath={..namespace}']).stdout).toBe(
      'prod',
    );
    expect(kubectl(moved.state, 'config get-contexts').stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   prod\n',
    );
  });

  it('lists api-resources', () => {
    const text = kubectl(state, 'api-resources').stdout;
    expect(text.split('\n')[0]).toBe(
      'NAME              SHORTNAMES   APIVERSION             NAMESPACED   KIND',
    );
    expect(text).toContain(
      'networkpolicies   netpol       networking.k8s.io/v1   true         NetworkPolicy\n',
    );
    expect(kubectl(state, 'api-resources --namespaced=false -o name').stdout).toBe('namespaces\nnodes\n');
  });

  it('explains NetworkPolicy fields in kubectl layout', () => {
    const text = kubectl(state, 'explain networkpolicy.spec.ingress.ports.port').stdout;
    expect(text).toMatch(
      /^GROUP: {6}networking\.k8s\.io\nKIND: {7}NetworkPolicy\nVERSION: {4}v1\n\nFIELD: port <IntOrString>\n\nDESCRIPTION:\n {4}A port number/,
    );
    expect(kubectl(state, 'explain netpol.spec').stdout).toContain(
      'FIELDS:\n  egress\t<[]NetworkPolicyEgressRule>\n',
    );
    expect(kubectl(state, 'explain netpol --recursive').stdout).toContain(
      '    ingress\t<[]NetworkPolicyIngressRule>\n      from\t<[]NetworkPolicyPeer>\n        ipBlock\t<IPBlock>\n          cidr\t<string> -required-\n',
    );
    expect(kubectl(state, 'explain netpol.spec.podselectr').stderr).toBe(
      'error: field "podselectr" does not exist\n',
    );
  });

  it('prints help for kubectl and for each command, and suggests close commands', () => {
    expect(kubectl(state, '').stdout).toContain(
      'Basic Commands (Intermediate):\n  explain         Get documentation for a resource\n  get             Display one or many resources\n',
    );
    const help = kubectl(state, 'get --help').stdout;
    expect(help).toContain('Examples:\n  # List all pods in ps output format\n');
    expect(help).toContain(
      '    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces.',
    );
    expect(kubectl(state, 'create namespace -h').stdout).toContain('Usage:\n  kubectl create namespace NAME');
    expect(kubectl(state, 'gte pods')).toMatchObject({
      stderr: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n',
      exitCode: 1,
    });
    expect(kubectl(state, 'get pods --bogus').stderr).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    );
    expect(kubectl(state, '-n prod get pods -o name').stdout).toBe('pod/api\npod/db\npod/web\n');
  });
});
