import { describe, expect, it } from 'vitest';
import { cluster, lintFor, policy, rule, selector } from './test-fixtures.ts';

const ID = 'lint.and-or-lookalike';
const world = cluster([]);

describe(ID, () => {
  it('warns about a namespaceSelector-only item next to a podSelector-only item', () => {
    const findings = lintFor(ID, world, [
      policy({
        ingress: [
          rule([
            { namespaceSelector: selector({ team: 'shop' }), position: { line: 8, column: 9 } },
            { podSelector: selector({ app: 'web' }), position: { line: 10, column: 9 } },
          ]),
        ],
      }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      path: 'spec.ingress[0].from',
      position: { line: 8, column: 9 },
    });
    expect(findings[0]?.message).toContain(
      'from[0] (namespaceSelector team=shop) and from[1] (podSelector app=web)',
    );
    expect(findings[0]?.message).toContain('(AND)');
  });

  it('names `to` for egress rules', () => {
    const findings = lintFor(ID, world, [
      policy({
        policyTypes: ['Egress'],
        egress: [rule([{ podSelector: selector({ app: 'web' }) }, { namespaceSelector: selector() }])],
      }),
    ]);
    expect(findings.map((finding) => finding.path)).toEqual(['spec.egress[0].to']);
  });

  it('stays quiet for one item with both selectors (AND)', () => {
    const peer = { namespaceSelector: selector({ team: 'shop' }), podSelector: selector({ app: 'web' }) };
    expect(lintFor(ID, world, [policy({ ingress: [rule([peer])] })])).toEqual([]);
  });

  it('stays quiet for two podSelector-only items', () => {
    const peers = [{ podSelector: selector({ app: 'web' }) }, { podSelector: selector({ app: 'api' }) }];
    expect(lintFor(ID, world, [policy({ ingress: [rule(peers)] })])).toEqual([]);
  });
});
