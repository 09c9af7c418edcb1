import { describe, expect, it } from 'vitest';
import { cluster, lintFor, policy } from './test-fixtures.ts';

const ID = 'lint.duplicate-name';

describe(ID, () => {
  it('warns on the second policy with the same namespace/name, pointing at the first', () => {
    const first = policy({ name: 'allow-web' });
    const second = policy({ name: 'allow-web', position: { line: 20, column: 1 } });
    const findings = lintFor(ID, cluster([]), [first, second]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      path: 'metadata.name',
      position: { line: 20, column: 1 },
    });
    expect(findings[0]?.message).toContain('in policy.yaml (line 1, column 1)');
  });

  it('stays quiet for the same name in different namespaces', () => {
    const findings = lintFor(ID, cluster([]), [
      policy({ name: 'a' }),
      policy({ name: 'a', namespace: 'dev' }),
    ]);
    expect(findings).toEqual([]);
  });
});
