import { describe, it, expect } from 'vitest';
import { compileModel } from './compile.ts';
import { evaluateConnection } from './evaluate.ts';
import { describeEndpoint, explainVerdict, summarizeVerdict } from './explain.ts';
import type { Cluster, Connection, Endpoint, NetworkPolicy, Pod } from './types.ts';

const web: Pod = { namespace: 'prod', name: 'web', labels: { role: 'web' }, ips: ['10.0.0.1'], ports: [] };
const db: Pod = {
  namespace: 'prod',
  name: 'db',
  labels: { role: 'db' },
  ips: ['10.0.0.2'],
  ports: [{ name: 'sql', port: 5432, protocol: 'TCP' }],
};
const cluster: Cluster = {
  namespaces: [{ name: 'prod', labels: { 'kubernetes.io/metadata.name': 'prod' } }],
  pods: [web, db],
  externals: [{ name: 'backup', ip: '192.168.99.10' }],
};
const backup: Endpoint = { kind: 'ip', ip: '192.168.99.10', name: 'backup' };
const allowSql: NetworkPolicy = {
  namespace: 'prod',
  name: 'allow-sql',
  podSelector: { matchLabels: { role: 'db' }, matchExpressions: [] },
  policyTypes: ['Ingress'],
  policyTypesExplicit: false,
  ingress: [
    {
      peers: [{ podSelector: { matchLabels: { role: 'api' }, matchExpressions: [] } }],
      ports: [{ protocol: 'TCP', port: 'sql' }],
    },
    {
      peers: [{ podSelector: { matchLabels: { role: 'web' }, matchExpressions: [] } }],
      ports: [{ protocol: 'TCP', port: 'sql' }],
    },
  ],
  egress: [],
};
const denyEgress: NetworkPolicy = {
  namespace: 'prod',
  name: 'deny-egress',
  podSelector: { matchLabels: {}, matchExpressions: [] },
  policyTypes: ['Egress'],
  policyTypesExplicit: true,
  ingress: [],
  egress: [],
};

function explain(policies: NetworkPolicy[], connection: Connection): string[] {
  return explainVerdict(evaluateConnection(compileModel(cluster, policies), connection), connection);
}

describe('describeEndpoint', () => {
  it('names pods by namespace/name and addresses by IP and name', () => {
    expect(describeEndpoint({ kind: 'pod', pod: db })).toBe('prod/db');
    expect(describeEndpoint(backup)).toBe('192.168.99.10 (backup)');
    expect(describeEndpoint({ kind: 'ip', ip: '2001:db8::1' })).toBe('2001:db8::1');
  });
});

describe('explainVerdict', () => {
  it('shows an address the lab assigned on the route line, and says it was assigned', () => {
    const chosen: Pod = { ...web, ipAssigned: true, ips: ['10.244.3.4'] };
    const lines = explain([], {
      from: { kind: 'pod', pod: chosen },
      to: { kind: 'pod', pod: db },
      port: 80,
      protocol: 'TCP',
    });
    expect(lines[0]).toBe(
      'ALLOWED: prod/web (10.244.3.4, an IP the lab assigned: the manifest gives none) -> prod/db on 80/TCP',
    );
  });

  it('says when nothing isolates either side', () => {
    expect(
      explain([], {
        from: { kind: 'pod', pod: web },
        to: { kind: 'pod', pod: db },
        port: 80,
        protocol: 'TCP',
      }),
    ).toEqual([
      'ALLOWED: prod/web -> prod/db on 80/TCP',
      'Egress from prod/web: allowed, not isolated for egress: no policy selects it',
      'Ingress to prod/db: allowed, not isolated for ingress: no policy selects it',
    ]);
  });

  it('names the allowing policy and rule', () => {
    const lines = explain([allowSql], {
      from: { kind: 'pod', pod: web },
      to: { kind: 'pod', pod: db },
      port: 5432,
      protocol: 'TCP',
    });
    expect(lines[0]).toBe('ALLOWED: prod/web -> prod/db on 5432/TCP');
    expect(lines).toContain(
      'Ingress to prod/db: allowed by prod/allow-sql ingress rule 1 (from[0], ports[0])',
    );
    expect(lines).toContain('  isolated for ingress by prod/allow-sql');
  });

  it('gives every rule its reason when denied', () => {
    const lines = explain([allowSql], {
      from: { kind: 'pod', pod: web },
      to: { kind: 'pod', pod: db },
      port: 80,
      protocol: 'TCP',
    });
    expect(lines).toEqual([
      'DENIED: prod/web -> prod/db on 80/TCP',
      'Blocked by the destination ingress; both sides must allow.',
      'Egress from prod/web: allowed, not isolated for egress: no policy selects it',
      'Ingress to prod/db: denied, isolated for ingress by prod/allow-sql and no rule allows this connection:',
      '  - prod/allow-sql ingress rule 0: no peer matches (from[0]: podSelector needs role=api, but role is "web")',
      '  - prod/allow-sql ingress rule 1: the peer matches, but no port entry does (ports[0]: named port "sql" on prod/db is 5432, not 80)',
    ]);
  });

  it('explains a policy without rules, an address side and both sides denying', () => {
    const toBackup = explain([denyEgress], {
      from: { kind: 'pod', pod: web },
      to: backup,
      port: 443,
      protocol: 'TCP',
    });
    expect(toBackup).toEqual([
      'DENIED: prod/web -> 192.168.99.10 (backup) on 443/TCP',
      'Blocked by the source egress; both sides must allow.',
      'Egress from prod/web: denied, isolated for egress by prod/deny-egress and no rule allows this connection:',
      '  - prod/deny-egress has no egress rules, so it allows nothing',
      'Ingress to 192.168.99.10 (backup): allowed, it is not a pod, so no policy applies there',
    ]);
    const both = explain([denyEgress, allowSql], {
      from: { kind: 'pod', pod: web },
      to: { kind: 'pod', pod: db },
      port: 80,
      protocol: 'TCP',
    });
    expect(both[1]).toBe('Both sides deny it: the source egress and the destination ingress.');
  });

  it('says a pod talking to itself is always allowed', () => {
    const lines = explain([denyEgress], {
      from: { kind: 'pod', pod: web },
      to: { kind: 'pod', pod: web },
      port: 80,
      protocol: 'TCP',
    });
    expect(lines[0]).toBe('ALLOWED: prod/web -> prod/web on 80/TCP');
    expect(lines[1]).toBe(
      'A pod talking to itself is always allowed: NetworkPolicies do not decide this traffic.',
    );
  });
});

describe('summarizeVerdict', () => {
  const connection = (from: Pod, to: Pod, port: number): Connection => ({
    from: { kind: 'pod', pod: from },
    to: { kind: 'pod', pod: to },
    port,
    protocol: 'TCP',
  });
  const verdict = (policies: NetworkPolicy[], probe: Connection) =>
    evaluateConnection(compileModel(cluster, policies), probe);

  it('names the allowing rule of each side, or the side that refuses and who isolates it', () => {
    expect(summarizeVerdict(verdict([allowSql], connection(web, db, 5432)))).toBe(
      'egress: no policy isolates it; ingress: allowed by prod/allow-sql rule 1',
    );
    expect(summarizeVerdict(verdict([allowSql, denyEgress], connection(web, db, 80)))).toBe(
      'egress: isolated by prod/deny-egress, no rule matches; ingress: isolated by prod/allow-sql, no rule matches',
    );
    expect(summarizeVerdict(verdict([allowSql], connection(db, db, 80)))).toContain('itself');
  });
});
