import { describe, it, expect } from 'vitest';
import { parseManifests } from './manifests.ts';
import { checkLabelKey, checkPortName, describeObject } from './object-names.ts';

function policyOf(spec: string, metadata = '{name: p, namespace: prod}') {
  const result = parseManifests(
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: ${metadata}\nspec:\n${spec}`,
  );
  return result;
}

describe('validateNetworkPolicy: normalisation', () => {
  it('normalises selectors, rules and ports with positions', () => {
    const result = policyOf(`  podSelector:
    matchLabels: {role: db}
  ingress:
    - from:
        - podSelector: {matchExpressions: [{key: role, operator: In, values: [api]}]}
          namespaceSelector: {}
      ports:
        - port: 5432
        - port: pg
          protocol: UDP
        - port: 8000
          endPort: 8080
`);
    expect(result.diagnostics).toEqual([]);
    const policy = result.policies[0];
    expect(policy).toMatchObject({
      namespace: 'prod',
      name: 'p',
      podSelector: { matchLabels: { role: 'db' }, matchExpressions: [] },
      policyTypes: ['Ingress'],
      policyTypesExplicit: false,
      egress: [],
      position: { line: 1, column: 1 },
      source: 'input',
    });
    expect(policy?.namespaceDefaulted).toBeUndefined();
    const rule = policy?.ingress[0];
    expect(rule?.position).toEqual({ line: 8, column: 7 });
    expect(rule?.peers).toEqual([
      {
        podSelector: {
          matchLabels: {},
          matchExpressions: [{ key: 'role', operator: 'In', values: ['api'] }],
        },
        namespaceSelector: { matchLabels: {}, matchExpressions: [] },
        position: { line: 9, column: 11 },
      },
    ]);
    expect(rule?.ports).toEqual([
      { protocol: 'TCP', port: 5432, position: { line: 12, column: 11 } },
      { protocol: 'UDP', port: 'pg', position: { line: 13, column: 11 } },
      { protocol: 'TCP', port: 8000, endPort: 8080, position: { line: 15, column: 11 } },
    ]);
  });

  it('keeps absent peers/ports undefined and empty ones []', () => {
    const result = policyOf(`  podSelector: {}
  ingress:
    - {}
    - from: []
      ports: []
`);
    const [absent, empty] = result.policies[0]?.ingress ?? [];
    expect(absent?.peers).toBeUndefined();
    expect(absent?.ports).toBeUndefined();
    expect(empty?.peers).toEqual([]);
    expect(empty?.ports).toEqual([]);
  });

  it('defaults policyTypes: Egress only when spec.egress has a rule', () => {
    expect(policyOf('  podSelector: {}\n  egress: []\n').policies[0]?.policyTypes).toEqual(['Ingress']);
    expect(policyOf('  podSelector: {}\n  egress: [{}]\n').policies[0]?.policyTypes).toEqual([
      'Ingress',
      'Egress',
    ]);
    const written = policyOf('  podSelector: {}\n  policyTypes: [Egress]\n').policies[0];
    expect(written?.policyTypes).toEqual(['Egress']);
    expect(written?.policyTypesExplicit).toBe(true);
    expect(policyOf('  podSelector: {}\n  policyTypes: []\n').policies[0]?.policyTypesExplicit).toBe(false);
  });

  it('puts a policy without a namespace in default and says it was defaulted', () => {
    const policy = policyOf('  podSelector: {}\n', '{name: p}').policies[0];
    expect(policy?.namespace).toBe('default');
    expect(policy?.namespaceDefaulted).toBe(true);
  });

  it('accepts IPv6 ipBlocks with narrower excepts', () => {
    const result = policyOf(`  podSelector: {}
  egress:
    - to: [{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]
`);
    expect(result.diagnostics).toEqual([]);
    expect(result.policies[0]?.egress[0]?.peers?.[0]?.ipBlock).toEqual({
      cidr: '2001:db8::/32',
      except: ['2001:db8:1::/48'],
    });
  });
});

describe('name syntax helpers', () => {
  it('checks label keys and port names', () => {
    expect(checkLabelKey('app.kubernetes.io/name')).toEqual([]);
    expect(checkLabelKey('-bad')).not.toEqual([]);
    expect(checkPortName('http-alt')).toEqual([]);
    expect(checkPortName('a--b')).toContain("a port name must not contain '--'");
    expect(checkPortName('1234')).toContain('a port name needs at least one letter');
  });

  it('describes objects the way diagnostics name them', () => {
    expect(describeObject('NetworkPolicy', 'prod', 'db')).toBe('NetworkPolicy prod/db');
    expect(describeObject('Namespace', undefined, 'prod')).toBe('Namespace prod');
  });
});

describe('validateNetworkPolicy: one short diagnostic per value', () => {
  const big = 'a'.repeat(100_000);
  const portPolicy = (port: string) =>
    policyOf(`  podSelector: {}\n  ingress: [{ports: [{port: ${port}}]}]\n`);
  const cidrPolicy = (cidr: string) =>
    policyOf(`  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: ${JSON.stringify(cidr)}}}]}]\n`);

  it('cuts a 100 KB label value short and says how long it was', () => {
    const result = policyOf(`  podSelector: {matchLabels: {app: ${big}}}\n`);
    expect(result.diagnostics).toHaveLength(1);
    const message = result.diagnostics[0]?.message ?? '';
    expect(message.length).toBeLessThan(300);
    expect(message).toContain('"aaaa');
    expect(message).toContain('…" (100000 characters)');
    expect(message).toContain('must be at most 63 characters');
  });

  it('cuts long keys in field paths and hints, long names in the object, long unsupported values', () => {
    const unknown = policyOf(`  podSelector: {${big}: x}\n`).diagnostics;
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.message.length).toBeLessThan(400);
    expect(unknown[0]?.path?.length).toBeLessThan(120);
    const named = policyOf('  podSelector: {}\n', `{name: ${'n'.repeat(5000)}, namespace: prod}`).diagnostics;
    expect(named).toHaveLength(1);
    expect(named[0]?.object).toContain('(5000 characters)');
    expect(named[0]?.message.length).toBeLessThan(500);
    const types = policyOf(`  podSelector: {}\n  policyTypes: [${big}]\n`).diagnostics;
    expect(types[0]?.message.length).toBeLessThan(300);
  });

  it.each([
    ['" 80"', 'write 80 without quotes or spaces'],
    ['"80 "', 'write 80 without quotes or spaces'],
    ['"80"', 'write 80 without quotes'],
    ['"HTTP"', 'may contain only lowercase letters'],
    ['"-80"', "must not start or end with '-'"],
  ])('rejects the port %s with exactly one error', (port, hint) => {
    const result = portPolicy(port);
    expect(result.policies).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', path: 'spec.ingress[0].ports[0].port' });
    expect(result.diagnostics[0]?.message).toContain('must be a port number (1-65535) or a port name');
    expect(result.diagnostics[0]?.message).toContain(hint);
  });

  it('takes "0x50" as the port name the API server accepts, with one warning that it is not 80', () => {
    const result = portPolicy('"0x50"');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', id: 'policy.port-name-like-number' });
    expect(result.diagnostics[0]?.message).toContain('not the number 80');
    expect(result.policies[0]?.ingress[0]?.ports?.[0]?.port).toBe('0x50');
    // Unquoted, YAML reads 0x50 as the number 80, as kubectl does.
    expect(portPolicy('0x50').diagnostics).toEqual([]);
    expect(portPolicy('0x50').policies[0]?.ingress[0]?.ports?.[0]?.port).toBe(80);
  });

  it.each([' 10.0.0.0/8', '10.0.0.0/8 ', '\t10.0.0.0/8', '10.0.0.0 /8', '10.0.0.0/ 8', ' 2001:db8::/32'])(
    'rejects the CIDR %j with exactly one error',
    (cidr) => {
      const result = cidrPolicy(cidr);
      expect(result.policies).toEqual([]);
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]?.message).toContain('not a valid CIDR');
    },
  );

  it('joins every problem of one value into one diagnostic', () => {
    const value = policyOf(`  podSelector: {matchLabels: {app: "-${'x'.repeat(70)}"}}\n`).diagnostics;
    expect(value).toHaveLength(1);
    expect(value[0]?.message).toContain('must be at most 63 characters; must be empty or letters');
    const key = policyOf('  podSelector: {matchLabels: {"-a/b-": x}}\n').diagnostics;
    expect(key).toHaveLength(1);
    expect(key[0]?.message).toContain('the prefix must be');
    expect(key[0]?.message).toContain('; the name part must be');
    const name = policyOf(
      '  podSelector: {}\n',
      `{name: "-${'y'.repeat(300)}", namespace: prod}`,
    ).diagnostics;
    expect(name).toHaveLength(1);
    const endPort = policyOf(
      '  podSelector: {}\n  ingress: [{ports: [{port: 80, endPort: 0}]}]\n',
    ).diagnostics;
    expect(endPort).toHaveLength(1);
    expect(endPort[0]?.message).toContain('must be between 1 and 65535');
  });

  it('says a misspelt field once, not again as the missing field it stands for', () => {
    const peer = policyOf('  podSelector: {}\n  ingress:\n    - from:\n        - podselector: {}\n');
    expect(peer.diagnostics.map((diagnostic) => diagnostic.id)).toEqual(['manifest.unknown-field']);
    const cidr = policyOf(
      '  podSelector: {}\n  egress:\n    - to:\n        - ipBlock:\n            cider: 10.0.0.0/8\n',
    );
    expect(cidr.diagnostics.map((diagnostic) => diagnostic.id)).toEqual(['manifest.unknown-field']);
    const operator = policyOf('  podSelector: {matchExpressions: [{key: a, operater: In}]}\n');
    expect(operator.diagnostics.map((diagnostic) => diagnostic.id)).toEqual(['manifest.unknown-field']);
  });

  it('gives each message its line and column once, and no two diagnostics one position and path', () => {
    const result = policyOf(`  podSelector: {matchLabels: {"-a/b-": "-${'z'.repeat(70)}"}}
  ingress:
    - ports: [{port: " 80"}, {port: 80, endPort: 0}, {port: "80 "}]
      from: [{ipBlock: {cidr: " 10.0.0.0/8", except: ["10.0.0.1", " 10.1.0.0/16"]}}, {podselector: {}}]
`);
    const spots = result.diagnostics.map(
      (diagnostic) => `${diagnostic.path} ${diagnostic.position?.line}:${diagnostic.position?.column}`,
    );
    expect(new Set(spots).size).toBe(spots.length);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message.match(/\(line \d+, column \d+\)/g)).toHaveLength(1);
    }
  });
});

describe('other kinds: one diagnostic per value', () => {
  it('checks a Service name by its one rule and a spaced targetPort once', () => {
    const result = parseManifests(
      'apiVersion: v1\nkind: Service\nmetadata: {name: Web}\nspec: {ports: [{port: 80, targetPort: " 80"}]}\n',
    );
    expect(result.diagnostics).toHaveLength(2);
    expect(result.diagnostics[0]?.path).toBe('metadata.name');
    expect(result.diagnostics[1]?.message).toContain('write 80 without quotes or spaces');
  });

  it('cuts a long Pod label value short', () => {
    const result = parseManifests(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: ${'v'.repeat(100_000)}}}\nspec: {containers: [{name: c}]}\n`,
    );
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.message.length).toBeLessThan(300);
    expect(result.diagnostics[0]?.message).toContain('(100000 characters)');
  });
});
