import { describe, expect, it } from 'vitest';
import { cluster, lintFor, pod, policy, port, rule, selector } from './test-fixtures.ts';

const ID = 'lint.named-port-undefined';
const web = pod('prod', 'web', { app: 'web' }, { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] });
const db = pod('prod', 'db', { app: 'db' }, { ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] });
const world = cluster([web, db]);

describe(ID, () => {
  it('warns when the selected pods do not define an ingress named port', () => {
    const entry = { ...port('TCP', 'http'), position: { line: 12, column: 15 } };
    const findings = lintFor(ID, world, [
      policy({ podSelector: selector({ app: 'db' }), ingress: [rule(undefined, [entry])] }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      path: 'spec.ingress[0].ports[0].port',
      position: { line: 12, column: 15 },
    });
    expect(findings[0]?.message).toContain('no container port named "http" (TCP)');
  });

  it('stays quiet when a selected pod defines it', () => {
    const findings = lintFor(ID, world, [
      policy({ podSelector: selector({ app: 'web' }), ingress: [rule(undefined, [port('TCP', 'http')])] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('points at a protocol mismatch', () => {
    const findings = lintFor(ID, world, [
      policy({ podSelector: selector({ app: 'web' }), ingress: [rule(undefined, [port('UDP', 'http')])] }),
    ]);
    expect(findings[0]?.message).toContain('defined on prod/web but not as UDP');
  });

  it('resolves egress named ports on the destination pods the peers match', () => {
    const toDb = (name: string) =>
      policy({
        policyTypes: ['Egress'],
        podSelector: selector({ app: 'web' }),
        egress: [rule([{ podSelector: selector({ app: 'db' }) }], [port('TCP', name)])],
      });
    expect(lintFor(ID, world, [toDb('http')])).toHaveLength(1);
    expect(lintFor(ID, world, [toDb('pg')])).toEqual([]);
  });

  it('warns that a named port never matches an ipBlock-only destination', () => {
    const external = policy({
      policyTypes: ['Egress'],
      egress: [rule([{ ipBlock: { cidr: '192.0.2.0/24', except: [] } }], [port('TCP', 'pg')])],
    });
    const findings = lintFor(ID, world, [external]);
    expect(findings[0]?.message).toContain('only matches pods');
  });
});
