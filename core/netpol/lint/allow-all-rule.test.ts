import { describe, expect, it } from 'vitest';
import { cluster, lintFor, policy, port, rule } from './test-fixtures.ts';

const ID = 'lint.allow-all-rule';

describe(ID, () => {
  it('notes a rule with neither peers nor ports', () => {
    const findings = lintFor(ID, cluster([]), [policy({ ingress: [rule()] })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', path: 'spec.ingress[0]' });
    expect(findings[0]?.message).toContain('ingress: []');
  });

  it('stays quiet for a rule with ports, and for rules of a direction not in policyTypes', () => {
    expect(lintFor(ID, cluster([]), [policy({ ingress: [rule(undefined, [port('TCP', 80)])] })])).toEqual([]);
    expect(lintFor(ID, cluster([]), [policy({ egress: [rule()] })])).toEqual([]);
  });
});
