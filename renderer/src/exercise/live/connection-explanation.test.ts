import { describe, expect, it } from 'vitest';
import { LiveAnalysis } from './live-analysis.ts';
import { explanationBlocks, type ConnectionExplanation, type ProbeResult } from './connection-explanation.ts';
import { DB_POLICY, predictExercise, writeExercise } from '../test-fixtures.ts';

function explained(result: ProbeResult): ConnectionExplanation {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.explanation;
}

describe('explaining one connection', () => {
  it('lays the engine explanation out by side, with the rule that decides', () => {
    const analysis = new LiveAnalysis(writeExercise());
    analysis.fromText(DB_POLICY);
    const denied = explained(
      analysis.explain({ from: 'prod/batch', to: 'prod/db', port: '5432', protocol: 'TCP' }),
    );
    expect(denied).toMatchObject({ allowed: false, fromKey: 'prod/batch', toKey: 'prod/db', port: 5432 });
    expect(denied.headline).toMatch(/^DENIED: prod\/batch .*-> prod\/db .*on 5432\/TCP$/);
    expect(denied.summary).toEqual(['Blocked by the destination ingress; both sides must allow.']);
    expect(denied.egress).toMatchObject({ direction: 'Egress', allowed: true, reason: 'not-isolated' });
    expect(denied.ingress).toMatchObject({ direction: 'Ingress', allowed: false, reason: 'no-rule-matched' });
    expect(denied.ingress.statement).toMatch(
      /^Ingress to prod\/db: denied, isolated for ingress by prod\/db/,
    );
    expect(denied.ingress.details).toEqual([
      'prod/db ingress rule 0: no peer matches (from[0]: podSelector needs app=web, but app is "batch")',
    ]);
    expect(denied.checks).toEqual([{ id: 'batch-to-db', expect: 'deny', informational: false }]);
    // Every line is the engine's own.
    expect([denied.headline, ...denied.summary, denied.egress.statement, denied.ingress.statement]).toEqual(
      denied.lines.filter((line) => !line.startsWith(' ')),
    );

    const allowed = explained(
      analysis.explain({ from: 'prod/web', to: 'prod/db', port: '5432', protocol: 'tcp' }),
    );
    expect(allowed.allowed).toBe(true);
    expect(allowed.summary).toEqual([]);
    expect(allowed.ingress.statement).toBe(
      'Ingress to prod/db: allowed by prod/db ingress rule 0 (from[0], ports[0])',
    );
  });

  it('explains against the last text without errors', () => {
    const analysis = new LiveAnalysis(writeExercise());
    analysis.fromText(DB_POLICY);
    expect(analysis.fromText('kind: [').stale).toBe(true);
    const result = explained(
      analysis.explain({ from: 'prod/batch', to: 'prod/db', port: '5432', protocol: 'TCP' }),
    );
    expect(result.allowed).toBe(false);
    analysis.fromText('');
    const open = explained(
      analysis.explain({ from: 'prod/batch', to: 'prod/db', port: '5432', protocol: 'TCP' }),
    );
    expect(open.allowed).toBe(true);
  });

  it('names each field that is wrong', () => {
    const analysis = new LiveAnalysis(writeExercise());
    const result = analysis.explain({ from: 'prod/nope', to: '', port: '70000', protocol: 'ICMP' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual(['from', 'to', 'port', 'protocol']);
    expect(result.problems[0]?.message).toContain('no pod "prod/nope"');
    const spaced = analysis.explain({ from: 'prod/web', to: 'prod/db', port: ' 80 ', protocol: 'UDP' });
    expect(spaced.ok).toBe(true);
  });

  it('says how an IP was read and what the learner predicted', () => {
    const analysis = new LiveAnalysis(predictExercise());
    analysis.fromPredictions({ predictions: [['web-to-db', 'allow']], truth: [] });
    const web = predictExercise().cluster.pods.find((pod) => pod.name === 'web');
    const result = explained(
      analysis.explain({ from: web?.ips[0] ?? '', to: 'db', port: '3306', protocol: 'TCP' }),
    );
    expect(result.notes).toEqual([`${web?.ips[0]} is the IP of pod default/web`]);
    expect(result.checks).toEqual([
      { id: 'web-to-db', expect: 'deny', informational: false, prediction: 'allow' },
    ]);
    expect(result.allowed).toBe(false);
  });
});

describe('explanationBlocks', () => {
  it('hangs indented lines under the line before them', () => {
    expect(explanationBlocks(['A', '  - b', '  c', 'D'])).toEqual([
      { head: 'A', children: ['b', 'c'] },
      { head: 'D', children: [] },
    ]);
  });
});
