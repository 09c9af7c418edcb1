import { describe, expect, it } from 'vitest';
import { cluster, lintFor, policy, port, rule } from './test-fixtures.ts';

const ID = 'lint.rules-ignored';

describe(ID, () => {
  it('warns about egress rules that policyTypes switches off', () => {
    const egress = [{ ...rule(undefined, [port('TCP', 443)]), position: { line: 11, column: 5 } }];
    const findings = lintFor(ID, cluster([]), [policy({ policyTypes: ['Ingress'], egress })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      path: 'spec.egress',
      position: { line: 11, column: 5 },
    });
  });

  it('stays quiet when the direction is listed, or policyTypes was defaulted', () => {
    const egress = [rule(undefined, [port('TCP', 443)])];
    expect(lintFor(ID, cluster([]), [policy({ policyTypes: ['Ingress', 'Egress'], egress })])).toEqual([]);
    expect(
      lintFor(ID, cluster([]), [
        policy({ policyTypesExplicit: false, policyTypes: ['Ingress', 'Egress'], egress }),
      ]),
    ).toEqual([]);
  });
});
