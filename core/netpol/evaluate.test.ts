import { describe, it, expect } from 'vitest';
import { compileModel } from './compile.ts';
import { evaluateConnection } from './evaluate.ts';
import type {
  Cluster,
  ContainerPort,
  Endpoint,
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyRule,
  Pod,
  Protocol,
  RuleOutcome,
  Verdict,
} from './types.ts';

const ALL: LabelSelector = { matchLabels: {}, matchExpressions: [] };
const labels = (matchLabels: Record<string, string>): LabelSelector => ({
  matchLabels,
  matchExpressions: [],
});

function pod(
  key: string,
  podLabels: Record<string, string>,
  ips: string[],
  ports: ContainerPort[] = [],
): Pod {
  const [namespace, name] = key.split('/') as [string, string];
  return { namespace, name, labels: podLabels, ips, ports };
}

function policy(
  key: string,
  podSelector: LabelSelector,
  parts: { types?: ('Ingress' | 'Egress')[]; ingress?: NetworkPolicyRule[]; egress?: NetworkPolicyRule[] },
): NetworkPolicy {
  const [namespace, name] = key.split('/') as [string, string];
  return {
    namespace,
    name,
    podSelector,
    policyTypes: parts.types ?? ['Ingress'],
    policyTypesExplicit: parts.types !== undefined,
    ingress: parts.ingress ?? [],
    egress: parts.egress ?? [],
  };
}

const web = pod('prod/web', { role: 'web' }, ['10.0.1.10'], [{ name: 'http', port: 80, protocol: 'TCP' }]);
const api = pod(
  'prod/api',
  { role: 'api', tier: 'back' },
  ['10.0.1.20', 'fd00::20'],
  [
    { name: 'http', port: 8080, protocol: 'TCP' },
    { name: 'dns', port: 53, protocol: 'UDP' },
  ],
);
const db = pod('prod/db', { role: 'db' }, ['10.0.2.30'], [{ name: 'sql', port: 5432, protocol: 'TCP' }]);
const devWeb = pod('dev/web', { role: 'web' }, ['10.1.0.10']);
const noIp = pod('dev/pending', { role: 'web' }, []);

const cluster: Cluster = {
  namespaces: [
    { name: 'prod', labels: { 'kubernetes.io/metadata.name': 'prod', team: 'shop' } },
    { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev', team: 'lab' } },
  ],
  pods: [web, api, db, devWeb, noIp],
  externals: [{ name: 'backup', ip: '192.168.99.10' }],
};

const backup: Endpoint = { kind: 'ip', ip: '192.168.99.10', name: 'backup' };
const at = (target: Pod): Endpoint => ({ kind: 'pod', pod: target });

function verdictOf(
  policies: NetworkPolicy[],
  from: Pod | Endpoint,
  to: Pod | Endpoint,
  port = 80,
  protocol: Protocol = 'TCP',
): Verdict {
  const endpoint = (value: Pod | Endpoint): Endpoint => ('kind' in value ? value : at(value));
  return evaluateConnection(compileModel(cluster, policies), {
    from: endpoint(from),
    to: endpoint(to),
    port,
    protocol,
  });
}

/** The first rule outcome of the first isolating policy on the ingress side. */
function ingressRule(verdict: Verdict, policyIndex = 0, ruleIndex = 0): RuleOutcome | undefined {
  return verdict.ingress.policies[policyIndex]?.rules[ruleIndex];
}

describe('evaluateConnection: isolation', () => {
  it('allows everything when no policy selects either pod', () => {
    const verdict = verdictOf([], web, db);
    expect(verdict).toMatchObject({ allowed: true, selfConnection: false });
    expect(verdict.egress).toMatchObject({
      direction: 'Egress',
      allowed: true,
      reason: 'not-isolated',
      policies: [],
    });
    expect(verdict.ingress).toMatchObject({ direction: 'Ingress', allowed: true, reason: 'not-isolated' });
  });

  it('denies with a policy that has no rules, listing it with no rule outcomes', () => {
    const verdict = verdictOf([policy('prod/deny', ALL, {})], web, db);
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingress).toMatchObject({ allowed: false, reason: 'no-rule-matched' });
    expect(verdict.ingress.policies).toEqual([{ policy: { namespace: 'prod', name: 'deny' }, rules: [] }]);
    expect(verdict.egress.reason).toBe('not-isolated');
  });

  it('only isolates pods in the policy namespace', () => {
    const verdict = verdictOf([policy('prod/deny', ALL, {})], web, devWeb);
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.reason).toBe('not-isolated');
  });

  it('ignores rules of a direction outside policyTypes', () => {
    const egressOnly = policy('prod/egress-only', ALL, { types: ['Egress'], ingress: [{}] });
    const verdict = verdictOf([egressOnly], web, db);
    expect(verdict.ingress.reason).toBe('not-isolated');
    expect(verdict.egress).toMatchObject({ allowed: false, reason: 'no-rule-matched' });
    expect(verdict.egress.policies[0]?.rules).toEqual([]);
  });

  it('unions the rules of every selecting policy and names the first allowing one in sorted order', () => {
    const policies = [
      policy('prod/z-allow-web', labels({ role: 'db' }), {
        ingress: [{ peers: [{ podSelector: labels({ role: 'web' }) }] }],
      }),
      policy('prod/a-deny', ALL, {}),
      policy('prod/m-allow-api', labels({ role: 'db' }), {
        ingress: [{ peers: [{ podSelector: labels({ role: 'api' }) }] }],
      }),
    ];
    const verdict = verdictOf(policies, web, db);
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.policies.map((outcome) => outcome.policy.name)).toEqual([
      'a-deny',
      'm-allow-api',
      'z-allow-web',
    ]);
    expect(verdict.ingress.allowedBy).toEqual({
      policy: { namespace: 'prod', name: 'z-allow-web' },
      ruleIndex: 0,
      peerIndex: 0,
    });
    expect(verdict.ingress.reason).toBe('allowed');
  });

  it('requires both the source egress and the destination ingress', () => {
    const denyEgress = policy('prod/deny-egress', labels({ role: 'web' }), { types: ['Egress'] });
    const verdict = verdictOf([denyEgress], web, db);
    expect(verdict.allowed).toBe(false);
    expect(verdict.egress.allowed).toBe(false);
    expect(verdict.ingress.allowed).toBe(true);
  });

  it('always allows a pod talking to itself and says so', () => {
    const deny = policy('prod/deny', ALL, { types: ['Ingress', 'Egress'] });
    const verdict = verdictOf([deny], web, web);
    expect(verdict).toMatchObject({ allowed: true, selfConnection: true });
    // The sides still tell what policies would have said.
    expect(verdict.egress.allowed).toBe(false);
  });

  it('gives IP endpoints no policies of their own', () => {
    const deny = policy('prod/deny', ALL, { types: ['Ingress', 'Egress'], egress: [{}] });
    const verdict = verdictOf([deny], backup, web);
    expect(verdict.egress).toMatchObject({ allowed: true, reason: 'not-a-pod' });
    expect(verdict.ingress.allowed).toBe(false);
    const outbound = verdictOf([deny], web, backup);
    expect(outbound).toMatchObject({ allowed: true });
    expect(outbound.ingress.reason).toBe('not-a-pod');
    expect(outbound.egress.allowedBy).toEqual({ policy: { namespace: 'prod', name: 'deny' }, ruleIndex: 0 });
  });

  it('evaluates a pod object the model has never seen', () => {
    const stranger = pod('prod/stranger', { role: 'db' }, ['10.0.9.9']);
    const model = compileModel(cluster, [policy('prod/deny-db', labels({ role: 'db' }), {})]);
    const verdict = evaluateConnection(model, { from: at(web), to: at(stranger), port: 80, protocol: 'TCP' });
    expect(verdict.allowed).toBe(false);
  });
});

describe('evaluateConnection: peers', () => {
  const only = (rule: NetworkPolicyRule): NetworkPolicy[] => [
    policy('prod/rule', labels({ role: 'db' }), { ingress: [rule] }),
  ];

  it('treats absent and empty peers and ports as every peer, including IPs', () => {
    for (const rule of [{}, { peers: [] }, { ports: [] }, { peers: [], ports: [] }]) {
      expect(verdictOf(only(rule), backup, db, 9999, 'SCTP').allowed).toBe(true);
      expect(verdictOf(only(rule), devWeb, db).ingress.allowedBy).toEqual({
        policy: { namespace: 'prod', name: 'rule' },
        ruleIndex: 0,
      });
    }
  });

  it('a podSelector alone only selects pods in the policy namespace', () => {
    const rules = only({ peers: [{ podSelector: labels({ role: 'web' }) }] });
    expect(verdictOf(rules, web, db).allowed).toBe(true);
    const verdict = verdictOf(rules, devWeb, db);
    expect(verdict.allowed).toBe(false);
    expect(ingressRule(verdict)).toEqual({
      ruleIndex: 0,
      matched: false,
      failed: 'peer',
      peers: [
        {
          peerIndex: 0,
          code: 'other-namespace',
          message: 'pod is in namespace dev, a podSelector alone only selects pods in prod',
        },
      ],
    });
  });

  it('explains a podSelector label mismatch', () => {
    const verdict = verdictOf(only({ peers: [{ podSelector: labels({ role: 'api' }) }] }), web, db);
    expect(ingressRule(verdict)).toMatchObject({
      failed: 'peer',
      peers: [{ code: 'pod-selector', message: 'podSelector needs role=api, but role is "web"' }],
    });
  });

  it('a namespaceSelector alone selects every pod of matching namespaces, never IPs', () => {
    const rules = only({ peers: [{ namespaceSelector: labels({ team: 'lab' }) }] });
    expect(verdictOf(rules, devWeb, db).allowed).toBe(true);
    expect(ingressRule(verdictOf(rules, web, db))).toMatchObject({
      peers: [
        {
          code: 'namespace-selector',
          message: 'namespace prod does not match namespaceSelector: needs team=lab, but team is "shop"',
        },
      ],
    });
    expect(ingressRule(verdictOf(rules, backup, db))).toMatchObject({ peers: [{ code: 'not-a-pod' }] });
  });

  it('ANDs selectors in one peer and ORs separate peers', () => {
    const and = only({
      peers: [{ namespaceSelector: labels({ team: 'lab' }), podSelector: labels({ role: 'api' }) }],
    });
    const or = only({
      peers: [{ namespaceSelector: labels({ team: 'lab' }) }, { podSelector: labels({ role: 'api' }) }],
    });
    expect(verdictOf(and, devWeb, db).allowed).toBe(false);
    expect(ingressRule(verdictOf(and, devWeb, db))).toMatchObject({ peers: [{ code: 'pod-selector' }] });
    expect(verdictOf(and, api, db).allowed).toBe(false);
    expect(verdictOf(or, devWeb, db).ingress.allowedBy?.peerIndex).toBe(0);
    expect(verdictOf(or, api, db).ingress.allowedBy?.peerIndex).toBe(1);
    const both = ingressRule(verdictOf(or, web, db));
    expect(both).toMatchObject({ failed: 'peer' });
    expect(
      both !== undefined && !both.matched && both.failed === 'peer'
        ? both.peers.map((miss) => miss.peerIndex)
        : [],
    ).toEqual([0, 1]);
  });

  it('NotIn selects pods without the key; In does not', () => {
    const notIn = {
      matchLabels: {},
      matchExpressions: [{ key: 'tier', operator: 'NotIn' as const, values: ['back'] }],
    };
    const inSet = {
      matchLabels: {},
      matchExpressions: [{ key: 'tier', operator: 'In' as const, values: ['front'] }],
    };
    expect(verdictOf(only({ peers: [{ podSelector: notIn }] }), web, db).allowed).toBe(true);
    expect(verdictOf(only({ peers: [{ podSelector: notIn }] }), api, db).allowed).toBe(false);
    expect(ingressRule(verdictOf(only({ peers: [{ podSelector: inSet }] }), web, db))).toMatchObject({
      peers: [{ message: 'podSelector needs tier in (front), but has no tier label' }],
    });
  });

  it('an empty podSelector and empty namespaceSelector together select every pod but no IP', () => {
    const rules = only({ peers: [{ podSelector: ALL, namespaceSelector: ALL }] });
    expect(verdictOf(rules, devWeb, db).allowed).toBe(true);
    expect(verdictOf(rules, backup, db).allowed).toBe(false);
  });

  it('matches ipBlock against externals and every pod IP, minus except', () => {
    const rules = only({ peers: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] } }] });
    expect(verdictOf(rules, devWeb, db).allowed).toBe(false);
    expect(ingressRule(verdictOf(rules, devWeb, db))).toMatchObject({
      peers: [{ code: 'ip-outside-cidr', message: '10.1.0.10 is outside 10.0.0.0/16' }],
    });
    expect(ingressRule(verdictOf(rules, web, db))).toMatchObject({
      peers: [{ code: 'ip-in-except', message: '10.0.1.10 is inside except 10.0.1.0/24' }],
    });
    const wide = only({ peers: [{ ipBlock: { cidr: '192.168.0.0/16', except: [] } }] });
    expect(verdictOf(wide, backup, db).allowed).toBe(true);
    expect(ingressRule(verdictOf(wide, noIp, db))).toMatchObject({ peers: [{ code: 'pod-has-no-ip' }] });
  });

  it('matches IPv6 blocks, any of a dual-stack pod IPs, and never mixes families', () => {
    const v6 = only({ peers: [{ ipBlock: { cidr: 'fd00::/64', except: [] } }] });
    expect(verdictOf(v6, api, db).allowed).toBe(true);
    expect(verdictOf(v6, web, db).allowed).toBe(false);
    const everyV4 = only({ peers: [{ ipBlock: { cidr: '0.0.0.0/0', except: [] } }] });
    const v6Source: Endpoint = { kind: 'ip', ip: '2001:db8::1' };
    expect(verdictOf(everyV4, v6Source, db).allowed).toBe(false);
    const v6Except = only({ peers: [{ ipBlock: { cidr: 'fd00::/64', except: ['fd00::20/128'] } }] });
    const outcome = ingressRule(verdictOf(v6Except, api, db));
    // Both of the dual-stack pod's IPs miss, so both are explained.
    expect(outcome).toMatchObject({
      peers: [{ message: '10.0.1.20 is outside fd00::/64; fd00::20 is inside except fd00::20/128' }],
    });
  });
});

describe('evaluateConnection: ports', () => {
  const to = (target: Pod, rule: NetworkPolicyRule): NetworkPolicy[] => [
    policy('prod/ports', labels({ role: target.labels.role as string }), { ingress: [rule] }),
  ];

  it('checks protocol first, then number', () => {
    const rules = to(db, { ports: [{ protocol: 'TCP', port: 5432 }] });
    expect(verdictOf(rules, web, db, 5432).allowed).toBe(true);
    expect(ingressRule(verdictOf(rules, web, db, 5432, 'UDP'))).toMatchObject({
      failed: 'port',
      ports: [{ portIndex: 0, code: 'protocol', message: 'protocol is UDP, entry allows TCP' }],
    });
    expect(ingressRule(verdictOf(rules, web, db, 3306))).toMatchObject({
      ports: [{ code: 'port-number', message: 'port 3306 is not 5432' }],
    });
  });

  it('reports the peer before the port when both miss', () => {
    const rules = to(db, { peers: [{ podSelector: labels({ role: 'api' }) }], ports: [{ protocol: 'UDP' }] });
    expect(ingressRule(verdictOf(rules, web, db))).toMatchObject({ failed: 'peer' });
  });

  it('treats endPort as an inclusive range', () => {
    const rules = to(db, { ports: [{ protocol: 'TCP', port: 8000, endPort: 8080 }] });
    expect(verdictOf(rules, web, db, 8000).allowed).toBe(true);
    expect(verdictOf(rules, web, db, 8080).allowed).toBe(true);
    expect(ingressRule(verdictOf(rules, web, db, 9000))).toMatchObject({
      ports: [{ code: 'port-range', message: 'port 9000 is outside 8000-8080' }],
    });
  });

  it('an entry without a port matches every port of its protocol (UDP, SCTP)', () => {
    const rules = to(db, { ports: [{ protocol: 'SCTP' }, { protocol: 'UDP', port: 53 }] });
    expect(verdictOf(rules, web, db, 9, 'SCTP').ingress.allowedBy?.portIndex).toBe(0);
    expect(verdictOf(rules, web, db, 53, 'UDP').ingress.allowedBy?.portIndex).toBe(1);
    expect(verdictOf(rules, web, db, 53, 'TCP').allowed).toBe(false);
  });

  it('resolves a named port against each destination pod', () => {
    const rules = [policy('prod/http', ALL, { ingress: [{ ports: [{ protocol: 'TCP', port: 'http' }] }] })];
    expect(verdictOf(rules, db, web, 80).allowed).toBe(true);
    expect(verdictOf(rules, db, api, 8080).allowed).toBe(true);
    expect(ingressRule(verdictOf(rules, db, web, 8080))).toMatchObject({
      ports: [{ code: 'named-port-other-number', message: 'named port "http" on prod/web is 80, not 8080' }],
    });
    expect(ingressRule(verdictOf(rules, web, db, 80))).toMatchObject({
      ports: [
        {
          code: 'named-port-not-on-destination',
          message: 'destination prod/db has no TCP port named "http"',
        },
      ],
    });
  });

  it('needs the named port protocol to match too', () => {
    const rules = [policy('prod/dns', ALL, { ingress: [{ ports: [{ protocol: 'TCP', port: 'dns' }] }] })];
    expect(verdictOf(rules, web, api, 53, 'TCP').allowed).toBe(false);
    expect(ingressRule(verdictOf(rules, web, api, 53, 'TCP'))).toMatchObject({
      ports: [{ message: 'destination prod/api has no TCP port named "dns"' }],
    });
  });

  it('resolves named ports in egress rules against the destination, never an IP', () => {
    const rules = [
      policy('prod/out', labels({ role: 'web' }), {
        types: ['Egress'],
        egress: [{ ports: [{ protocol: 'UDP', port: 'dns' }] }],
      }),
    ];
    expect(verdictOf(rules, web, api, 53, 'UDP').allowed).toBe(true);
    expect(verdictOf(rules, web, db, 53, 'UDP').allowed).toBe(false);
    const toIp = verdictOf(rules, web, backup, 53, 'UDP');
    expect(toIp.allowed).toBe(false);
    expect(toIp.egress.policies[0]?.rules[0]).toMatchObject({ ports: [{ code: 'named-port-not-a-pod' }] });
  });
});
