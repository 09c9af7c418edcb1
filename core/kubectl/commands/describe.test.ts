import { describe, expect, it } from 'vitest';
import { kubectl, testState } from '../test-fixtures.ts';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-in
  namespace: prod
  labels: { team: data, app: db }
  annotations: { note: only the api }
spec:
  podSelector:
    matchLabels: { app: db }
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: { matchLabels: { app: api } }
        - namespaceSelector: { matchLabels: { env: dev } }
          podSelector: { matchLabels: { app: tool } }
      ports:
        - { port: 3306 }
    - from:
        - ipBlock: { cidr: 192.168.0.0/16, except: [192.168.1.0/24, 192.168.2.0/24] }
      ports:
        - { port: 30000, endPort: 30100, protocol: UDP }
        - { port: mysql }
    - {}
`;

describe('kubectl describe networkpolicy', () => {
  const state = kubectl(testState(), 'apply -f p.yaml', { 'p.yaml': POLICY }).state;

  it("matches kubectl's describe layout line for line", () => {
    const result = kubectl(state, 'describe netpol db-in -n prod');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`Name:         db-in
Namespace:    prod
Created on:   2026-05-01 10:05:03 +0000 UTC
Labels:       app=db
              team=data
Annotations:  note: only the api
Spec:
  PodSelector:     app=db
  Allowing ingress traffic:
    To Port: 3306/TCP
    From:
      PodSelector: app=api
    From:
      NamespaceSelector: env=dev
      PodSelector: app=tool
    ----------
    To Port Range: 30000-30100/UDP
    To Port: mysql/TCP
    From:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.1.0/24, 192.168.2.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    From: <any> (traffic not restricted by source)
  Not affecting egress traffic
  Policy Types: Ingress
`);
  });

  it('describes isolation without rules, and egress destinations', () => {
    const deny =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: lock, namespace: dev }\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n    - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }]\n';
    const text = kubectl(
      kubectl(testState(), 'apply -f d.yaml', { 'd.yaml': deny }).state,
      'describe networkpolicies/lock -n dev',
    ).stdout;
    expect(text).toContain(
      '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)\n  Allowing ingress traffic:\n    <none> (Selected pods are isolated for ingress connectivity)\n  Allowing egress traffic:\n    To Port: <any> (traffic allowed to all ports)\n    To:\n      IPBlock:\n        CIDR: 10.0.0.0/8\n        Except: \n  Policy Types: Ingress, Egress\n',
    );
  });

  it('describes by name prefix and separates pages by a blank line', () => {
    const two = kubectl(state, 'apply -f p.yaml', {
      'p.yaml': POLICY.replace('name: db-in', 'name: db-in-2'),
    }).state;
    const pages = kubectl(two, 'describe netpol db -n prod').stdout.split('\n\n\n');
    expect(pages).toHaveLength(2);
    expect(kubectl(two, 'describe netpol nope -n prod')).toMatchObject({
      stderr: 'Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found\n',
      exitCode: 1,
    });
  });
});

describe('kubectl describe pod, namespace, service', () => {
  const state = testState();

  it('describes a pod with its IP, container ports and conditions', () => {
    const text = kubectl(state, 'describe pod web -n prod').stdout;
    expect(text).toContain(
      'Name:             web\nNamespace:        prod\nPriority:         0\nService Account:  default\nNode:             node01/172.30.2.2\nStart Time:       Fri, 01 May 2026 10:00:00 +0000\nLabels:           app=web\n                  tier=frontend\nAnnotations:      <none>\nStatus:           Running\nIP:               10.1.0.10\nIPs:\n  IP:  10.1.0.10\nContainers:\n  web:\n',
    );
    expect(text).toContain('    Image:          nginx:1.27\n');
    expect(text).toContain('    Port:           8080/TCP (http)\n    Host Port:      0/TCP (http)\n');
    expect(text).toContain(
      'Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n',
    );
    expect(text.endsWith('Events:                       <none>\n')).toBe(true);
  });

  it('describes a namespace as kubectl does', () => {
    expect(kubectl(state, 'describe ns prod').stdout).toBe(
      'Name:         prod\nLabels:       env=prod\n              kubernetes.io/metadata.name=prod\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    );
  });

  it('describes a Service with its endpoints on the resolved target port', () => {
    const text = kubectl(state, 'describe svc db -n prod').stdout;
    expect(text).toContain('Selector:                 app=db\nType:                     ClusterIP\n');
    expect(text).toContain(
      'Port:                     sql  3306/TCP\nTargetPort:               mysql/TCP\nEndpoints:                10.1.0.12:3306\n',
    );
  });

  it('says when nothing is there to describe', () => {
    expect(kubectl(state, 'describe netpol -n prod')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in prod namespace.\n',
    });
    expect(kubectl(state, 'describe').stderr).toContain('error: Required resource not specified.');
  });
});
