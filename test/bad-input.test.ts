import { describe, it, expect } from 'vitest';
import { parseManifests } from '../core/netpol/read/manifests.ts';
import type { Diagnostic, SourcePosition } from '../core/netpol/types.ts';

/** The 1-based position of the first occurrence of `token` in `text`. */
function positionOf(text: string, token: string, last = false): SourcePosition {
  const offset = last ? text.lastIndexOf(token) : text.indexOf(token);
  if (offset === -1) throw new Error(`token ${token} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

function policyText(spec: string, metadata = '  name: p\n  namespace: prod\n'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n${metadata}spec:\n${spec}`;
}

function parsedErrors(text: string): readonly Diagnostic[] {
  const result = parseManifests([{ text, source: 'policy.yaml' }]);
  expect(result.policies).toEqual([]);
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

interface RuleCase {
  readonly rule: string;
  readonly text: string;
  readonly id: string;
  readonly path: string;
  /** Where the diagnostic must point: the first occurrence of this text. */
  readonly at: string;
  /** Point at the last occurrence of `at` instead of the first. */
  readonly atLast?: boolean;
}

const peerRule = (peer: string): string => `  podSelector: {}\n  egress:\n    - to:\n        - ${peer}\n`;
const portRule = (port: string): string => `  podSelector: {}\n  ingress:\n    - ports:\n        - ${port}\n`;
const selectorRule = (selector: string): string => `  podSelector: ${selector}\n`;
const PEER = 'spec.egress[0].to[0]';
const PORT = 'spec.ingress[0].ports[0]';

const cases: readonly RuleCase[] = [
  {
    rule: 'apiVersion must be networking.k8s.io/v1',
    text: policyText('  podSelector: {}\n').replace('networking.k8s.io/v1', 'extensions/v1beta1'),
    id: 'manifest.api-version',
    path: 'apiVersion',
    at: 'extensions/v1beta1',
  },
  {
    rule: 'metadata.name is required',
    text: policyText('  podSelector: {}\n', '  namespace: prod\n'),
    id: 'policy.required',
    path: 'metadata.name',
    at: 'namespace: prod',
  },
  {
    rule: 'metadata.name is a DNS-1123 subdomain',
    text: policyText('  podSelector: {}\n', '  name: Allow_DB\n'),
    id: 'policy.invalid-value',
    path: 'metadata.name',
    at: 'Allow_DB',
  },
  {
    rule: 'metadata.namespace is a DNS-1123 label',
    text: policyText('  podSelector: {}\n', '  name: p\n  namespace: Prod.Zone\n'),
    id: 'policy.invalid-value',
    path: 'metadata.namespace',
    at: 'Prod.Zone',
  },
  {
    rule: 'unknown field (wrong case)',
    text: policyText('  podselector: {}\n'),
    id: 'manifest.unknown-field',
    path: 'spec.podselector',
    at: 'podselector',
  },
  {
    rule: 'to under ingress',
    text: policyText('  podSelector: {}\n  ingress:\n    - to: []\n'),
    id: 'manifest.unknown-field',
    path: 'spec.ingress[0].to',
    at: 'to: []',
  },
  {
    rule: 'from under egress',
    text: policyText('  podSelector: {}\n  egress:\n    - from: []\n'),
    id: 'manifest.unknown-field',
    path: 'spec.egress[0].from',
    at: 'from: []',
  },
  {
    rule: 'wrong type',
    text: policyText('  podSelector: {}\n  ingress: {from: []}\n'),
    id: 'policy.invalid-type',
    path: 'spec.ingress',
    at: '{from',
  },
  {
    rule: 'policyTypes values',
    text: policyText('  podSelector: {}\n  policyTypes: [Ingress, Outgress]\n'),
    id: 'policy.unsupported-value',
    path: 'spec.policyTypes[1]',
    at: 'Outgress',
  },
  {
    rule: 'at most two policyTypes',
    text: policyText('  podSelector: {}\n  policyTypes: [Ingress, Egress, Ingress]\n'),
    id: 'policy.invalid-value',
    path: 'spec.policyTypes',
    at: '[Ingress',
  },
  {
    rule: 'invalid IPv4 CIDR',
    text: policyText(peerRule('ipBlock: {cidr: 10.0.0.0/33}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.cidr`,
    at: '10.0.0.0/33',
  },
  {
    rule: 'CIDR with spaces around it (Go net.ParseCIDR refuses them)',
    text: policyText(peerRule('ipBlock: {cidr: " 10.0.0.0/8"}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.cidr`,
    at: '" 10.0.0.0/8"',
  },
  {
    rule: 'except CIDR with a trailing space',
    text: policyText(peerRule('ipBlock: {cidr: 10.0.0.0/8, except: ["10.1.0.0/16 "]}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.except[0]`,
    at: '"10.1.0.0/16 "',
  },
  {
    rule: 'invalid IPv6 CIDR',
    text: policyText(peerRule('ipBlock: {cidr: "2001:db8::/129"}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.cidr`,
    at: '"2001:db8::/129"',
  },
  {
    rule: 'cidr is required in ipBlock',
    text: policyText(peerRule('ipBlock: {except: [10.0.0.0/24]}')),
    id: 'policy.required',
    path: `${PEER}.ipBlock.cidr`,
    at: '{except',
  },
  {
    rule: 'except must lie within cidr',
    text: policyText(peerRule('ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.except[0]`,
    at: '10.1.0.0/24',
  },
  {
    rule: 'except must be strictly narrower',
    text: policyText(peerRule('ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/16]}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.except[0]`,
    at: '10.0.0.0/16]',
  },
  {
    rule: 'except must be a valid CIDR',
    text: policyText(peerRule('ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.300/24]}')),
    id: 'policy.invalid-value',
    path: `${PEER}.ipBlock.except[0]`,
    at: '10.0.0.300/24',
  },
  {
    rule: 'empty peer {} is invalid',
    text: policyText(peerRule('{}')),
    id: 'policy.required',
    path: PEER,
    at: '{}',
    atLast: true,
  },
  {
    rule: 'ipBlock combined with a selector',
    text: policyText(peerRule('{ipBlock: {cidr: 10.0.0.0/8}, namespaceSelector: {}}')),
    id: 'policy.forbidden',
    path: PEER,
    at: '{ipBlock',
  },
  {
    rule: 'port below 1',
    text: policyText(portRule('port: 0')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: '0\n',
  },
  {
    rule: 'port above 65535',
    text: policyText(portRule('port: 65536')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: '65536',
  },
  {
    rule: 'port of the wrong type',
    text: policyText(portRule('port: [80]')),
    id: 'policy.invalid-type',
    path: `${PORT}.port`,
    at: '[80]',
  },
  {
    rule: 'named port at most 15 characters',
    text: policyText(portRule('port: a-very-long-port-name')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: 'a-very-long',
  },
  {
    rule: 'named port lowercase letters, digits and -',
    text: policyText(portRule('port: HTTP')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: 'HTTP',
  },
  {
    rule: 'named port needs a letter',
    text: policyText(portRule('port: "8080"')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: '"8080"',
  },
  {
    rule: 'named port may not start or end with -',
    text: policyText(portRule('port: web-')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: 'web-',
  },
  {
    rule: 'named port may not contain --',
    text: policyText(portRule('port: web--x')),
    id: 'policy.invalid-value',
    path: `${PORT}.port`,
    at: 'web--x',
  },
  {
    rule: 'endPort needs a port',
    text: policyText(portRule('endPort: 90')),
    id: 'policy.invalid-value',
    path: `${PORT}.endPort`,
    at: '90',
  },
  {
    rule: 'endPort needs a numeric port',
    text: policyText(portRule('{port: http, endPort: 90}')),
    id: 'policy.invalid-value',
    path: `${PORT}.endPort`,
    at: '90}',
  },
  {
    rule: 'endPort at least port',
    text: policyText(portRule('{port: 9000, endPort: 8000}')),
    id: 'policy.invalid-value',
    path: `${PORT}.endPort`,
    at: '8000}',
  },
  {
    rule: 'endPort within range',
    text: policyText(portRule('{port: 9000, endPort: 70000}')),
    id: 'policy.invalid-value',
    path: `${PORT}.endPort`,
    at: '70000',
  },
  {
    rule: 'protocol TCP/UDP/SCTP',
    text: policyText(portRule('{protocol: HTTP, port: 80}')),
    id: 'policy.unsupported-value',
    path: `${PORT}.protocol`,
    at: 'HTTP',
  },
  {
    rule: 'selector operator',
    text: policyText(selectorRule('{matchExpressions: [{key: app, operator: Equals, values: [web]}]}')),
    id: 'policy.unsupported-value',
    path: 'spec.podSelector.matchExpressions[0].operator',
    at: 'Equals',
  },
  {
    rule: 'In needs values',
    text: policyText(selectorRule('{matchExpressions: [{key: app, operator: In}]}')),
    id: 'policy.required',
    path: 'spec.podSelector.matchExpressions[0].values',
    at: '{key',
  },
  {
    rule: 'NotIn needs non-empty values',
    text: policyText(selectorRule('{matchExpressions: [{key: app, operator: NotIn, values: []}]}')),
    id: 'policy.required',
    path: 'spec.podSelector.matchExpressions[0].values',
    at: '[]}',
  },
  {
    rule: 'Exists takes no values',
    text: policyText(selectorRule('{matchExpressions: [{key: app, operator: Exists, values: [web]}]}')),
    id: 'policy.forbidden',
    path: 'spec.podSelector.matchExpressions[0].values',
    at: '[web]',
  },
  {
    rule: 'requirement key is required',
    text: policyText(selectorRule('{matchExpressions: [{operator: Exists}]}')),
    id: 'policy.required',
    path: 'spec.podSelector.matchExpressions[0].key',
    at: '{operator',
  },
  {
    rule: 'requirement key syntax',
    text: policyText(selectorRule('{matchExpressions: [{key: "-app", operator: Exists}]}')),
    id: 'policy.invalid-value',
    path: 'spec.podSelector.matchExpressions[0].key',
    at: '"-app"',
  },
  {
    rule: 'requirement value syntax',
    text: policyText(selectorRule('{matchExpressions: [{key: app, operator: In, values: ["we b"]}]}')),
    id: 'policy.invalid-value',
    path: 'spec.podSelector.matchExpressions[0].values[0]',
    at: '"we b"',
  },
  {
    rule: 'label key syntax',
    text: policyText(selectorRule('{matchLabels: {"bad key": web}}')),
    id: 'policy.invalid-value',
    path: 'spec.podSelector.matchLabels',
    at: '"bad key"',
  },
  {
    rule: 'label value syntax',
    text: policyText(selectorRule('{matchLabels: {app: "-web"}}')),
    id: 'policy.invalid-value',
    path: 'spec.podSelector.matchLabels["app"]',
    at: '"-web"',
  },
  {
    rule: 'label value must be a string',
    text: policyText(selectorRule('{matchLabels: {version: 2}}')),
    id: 'policy.invalid-type',
    path: 'spec.podSelector.matchLabels["version"]',
    at: '2}',
  },
];

describe('NetworkPolicy validation: every rule', () => {
  it.each(cases)('$rule', ({ text, id, path, at, atLast }) => {
    const errors = parsedErrors(text);
    const found = errors.find((diagnostic) => diagnostic.id === id && diagnostic.path === path);
    expect(found, JSON.stringify(errors, null, 1)).toBeDefined();
    const position = positionOf(text, at, atLast);
    expect(found?.position).toEqual(position);
    expect(found?.source).toBe('policy.yaml');
    expect(found?.message).toContain(`${path}: `);
    expect(found?.message).toContain(`(line ${position.line}, column ${position.column})`);
  });

  it('reports every problem of a policy, not just the first', () => {
    const text = policyText(
      '  podselector: {}\n  ingress:\n    - from: [{}]\n      ports: [{port: 0}, {protocol: ICMP}]\n',
    );
    const ids = parsedErrors(text).map((diagnostic) => diagnostic.path);
    expect(ids).toEqual([
      'spec.podselector',
      'spec.ingress[0].from[0]',
      `${PORT}.port`,
      'spec.ingress[0].ports[1].protocol',
    ]);
  });

  it('writes messages in the API server style with the object name and hints', () => {
    const errors = parsedErrors(policyText(peerRule('{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}')));
    expect(errors[0]?.message).toBe(
      'NetworkPolicy prod/p: spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer (use separate list items) (line 10, column 11)',
    );
    const hint = parsedErrors(policyText('  podSelector: {}\n  ingress:\n    - to: []\n'))[0];
    expect(hint?.message).toContain('ingress rules use "from"');
  });
});

describe('bad manifests', () => {
  it('says to use spaces where a tab indents, even inside a flow list kubectl would accept', () => {
    for (const text of [
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress,\n\tEgress]\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
    ]) {
      const errors = parseManifests(text).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ id: 'yaml.tab-indent' });
      expect(errors[0]?.message).toContain('replace the tab with spaces');
      expect(errors[0]?.position?.column).toBe(1);
    }
  });

  it('gives hints for labels written straight under a selector and fields at the wrong level', () => {
    const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\npodSelector: {}\nspec:\n  podSelector: {app: web}\n`;
    const errors = parsedErrors(text);
    expect(errors.map((diagnostic) => [diagnostic.path, diagnostic.position])).toEqual([
      ['podSelector', { line: 4, column: 1 }],
      ['spec.podSelector.app', { line: 6, column: 17 }],
    ]);
    expect(errors[0]?.message).toContain('belongs under "spec"');
    expect(errors[1]?.message).toContain('labels go under "matchLabels"');
  });

  it('leaves out a pod whose labels are invalid, with the label path', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {version: 2}\n';
    const result = parseManifests(text);
    expect(result.cluster.pods).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({
      id: 'manifest.invalid-type',
      object: 'Pod default/web',
      path: 'metadata.labels["version"]',
      position: { line: 5, column: 21 },
    });
  });

  it('reports malformed YAML with a position and reads the other documents', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n---\nkind: Pod\nmetadata: {name: [broken\n';
    const result = parseManifests([{ text, source: 'pods.yaml' }]);
    expect(result.cluster.pods.map((pod) => pod.name)).toEqual(['ok']);
    const syntax = result.diagnostics.find((diagnostic) => diagnostic.id === 'yaml.syntax');
    expect(syntax?.severity).toBe('error');
    expect(syntax?.source).toBe('pods.yaml');
    expect(syntax?.position?.line).toBeGreaterThanOrEqual(6);
  });

  it('reports a misspelt kind as an error with a hint, an unknown kind as info', () => {
    const result = parseManifests(
      'apiVersion: v1\nkind: networkpolicy\nmetadata: {name: p}\n---\nkind: ConfigMap\n',
    );
    expect(result.diagnostics.map((diagnostic) => [diagnostic.id, diagnostic.severity])).toEqual([
      ['manifest.unknown-kind', 'error'],
      ['manifest.unknown-kind', 'info'],
    ]);
    expect(result.diagnostics[0]?.message).toContain('did you mean "NetworkPolicy"?');
    expect(result.diagnostics[1]?.position).toEqual({ line: 5, column: 1 });
  });

  it('reports documents that are not objects, and objects without a kind', () => {
    const result = parseManifests('- a\n- b\n---\nmetadata: {name: x}\n');
    expect(result.diagnostics.map((diagnostic) => [diagnostic.id, diagnostic.position])).toEqual([
      ['manifest.not-an-object', { line: 1, column: 1 }],
      ['manifest.required', { line: 4, column: 1 }],
    ]);
  });

  it('reports a wrong apiVersion on a workload and leaves it out', () => {
    const result = parseManifests(
      'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {}}\n',
    );
    expect(result.cluster.pods).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({
      id: 'manifest.api-version',
      path: 'apiVersion',
      position: { line: 1, column: 13 },
    });
  });

  it('refuses an alias bomb ("billion laughs") without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = parseManifests(`${levels.join('\n')}\n`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      id: 'yaml.alias-limit',
      severity: 'error',
      source: 'input',
    });
    expect(result.diagnostics[0]?.position?.line).toBeGreaterThan(0);
  });

  it('refuses a 10 MB document unread', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const result = parseManifests(text);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      id: 'yaml.too-large',
      severity: 'error',
      position: { line: 1, column: 1 },
    });
    expect(result.diagnostics[0]?.message).toContain('10.0 MB');
  });

  it('stops after 1000 documents', () => {
    const text = 'kind: ConfigMap\n---\n'.repeat(1100);
    const result = parseManifests(text);
    const tooMany = result.diagnostics.filter((diagnostic) => diagnostic.id === 'yaml.too-many-documents');
    expect(tooMany).toHaveLength(1);
    // Document 1001 starts at the `---` on line 2000.
    expect(tooMany[0]?.position).toEqual({ line: 2000, column: 1 });
  });

  it('refuses absurdly deep nesting before parsing, and self-referencing aliases', () => {
    expect(parseManifests('['.repeat(100_000)).diagnostics[0]?.id).toBe('yaml.too-deep');
    expect(parseManifests('- '.repeat(100_000)).diagnostics[0]?.id).toBe('yaml.too-deep');
    expect(parseManifests('a: &x [*x]\n').diagnostics[0]?.id).toBe('yaml.too-deep');
  });

  it('never throws on odd inputs', () => {
    for (const text of [
      '',
      '---',
      '~',
      '42',
      '"just a string"',
      ': :',
      '{',
      '!!map []',
      'kind: {a: 1}',
      '? [a]\n: b\n',
    ]) {
      expect(() => parseManifests(text)).not.toThrow();
    }
    expect(() => parseManifests([{ text: undefined as unknown as string }])).not.toThrow();
  });
});
