import { describe, expect, it } from 'vitest';
import { cluster, lintFor, pod, policy, rule } from './test-fixtures.ts';

const ID = 'lint.ipblock-matches-pods';
const world = cluster([
  pod('prod', 'web', {}, { ips: ['10.244.1.5'] }),
  pod('prod', 'db', {}, { ips: ['10.244.2.7', 'fd00::7'] }),
]);

function withBlock(cidr: string, except: string[] = []) {
  return policy({ ingress: [rule([{ ipBlock: { cidr, except }, position: { line: 7, column: 9 } }])] });
}

describe(ID, () => {
  it('notes an ipBlock that contains pod IPs', () => {
    const findings = lintFor(ID, world, [withBlock('10.244.0.0/16')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'info',
      path: 'spec.ingress[0].from[0].ipBlock',
      position: { line: 7, column: 9 },
    });
    expect(findings[0]?.message).toContain('2 pods (prod/web, prod/db)');
  });

  it('matches IPv6 pod addresses too', () => {
    expect(lintFor(ID, world, [withBlock('fd00::/64')])[0]?.message).toContain('1 pod (prod/db)');
  });

  it('stays quiet when the CIDR holds no pod IP, or the except list removes them', () => {
    expect(lintFor(ID, world, [withBlock('192.0.2.0/24')])).toEqual([]);
    expect(lintFor(ID, world, [withBlock('10.0.0.0/8', ['10.244.0.0/16'])])).toEqual([]);
  });

  it('leaves /0 blocks ("anywhere") alone', () => {
    expect(lintFor(ID, world, [withBlock('0.0.0.0/0')])).toEqual([]);
  });
});
