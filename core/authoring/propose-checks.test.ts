import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/index.ts';
import type { Exercise } from '../exercise/index.ts';
import { checksThatNeverFail } from './never-failing-checks.ts';
import { parseForProposal } from './parse-for-proposal.ts';
import { MAX_PROPOSALS, proposeChecks } from './propose-checks.ts';
import { SMALL_EXERCISE_YAML, SMALL_FILES, SMALL_SOLUTION } from './test-exercise.ts';

function small(overrides: Partial<typeof SMALL_FILES> = {}): Exercise {
  const parsed = parseExercise({ ...SMALL_FILES, ...overrides });
  if (parsed.exercise === undefined) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.exercise;
}

describe('proposeChecks', () => {
  it('proposes every connection the solution changes, then a few that stay open', () => {
    const { checks, diagnostics } = proposeChecks(small());
    expect(diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    const changed = checks.filter((check) => check.reason === 'changed');
    expect(changed.map((check) => `${check.id} ${check.expect}`)).toEqual(['web-to-db-5432 deny']);
    expect(changed[0]).toMatchObject({ from: 'shop/web', to: 'shop/db', port: 5432, protocol: 'TCP' });
    const open = checks.filter((check) => check.reason === 'stays-open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThanOrEqual(5);
    expect(open.map((check) => check.id)).toContain('api-to-db-5432');
    expect(open.every((check) => check.expect === 'allow')).toBe(true);
  });

  it('is deterministic and gives unique kebab-case ids', () => {
    const first = proposeChecks(small()).checks;
    expect(proposeChecks(small()).checks).toEqual(first);
    const ids = first.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('adds DNS on 53/UDP and 53/TCP when a DNS pod exists', () => {
    const yaml = SMALL_EXERCISE_YAML.replace(
      '    - name: web\n',
      '    - name: coredns\n      namespace: kube-system\n      labels: { k8s-app: kube-dns }\n    - name: web\n',
    );
    const denyAllEgress = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Egress]
`;
    const { checks } = proposeChecks(small({ exerciseYaml: yaml, solution: denyAllEgress }));
    const dns = checks.filter((check) => check.to === 'kube-system/coredns' && check.reason === 'changed');
    expect(dns.map((check) => `${check.id} ${check.expect}`)).toEqual([
      'api-to-coredns-53 deny',
      'api-to-coredns-53-udp deny',
    ]);
  });

  it('caps the proposals', () => {
    const pods = Array.from(
      { length: 12 },
      (_, index) =>
        `    - name: p${index}\n      labels: { app: p${index} }\n      ports: [{ port: ${8000 + index} }]\n`,
    ).join('');
    const yaml = SMALL_EXERCISE_YAML.replace(/ {2}pods:\n[\s\S]*?checks:/, `  pods:\n${pods}checks:`).replace(
      /checks:[\s\S]*$/,
      'checks:\n  - { id: c, type: policy-count, count: 1 }\n',
    );
    const denyAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: default }
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
    const { checks } = proposeChecks(small({ exerciseYaml: yaml, solution: denyAll }));
    expect(checks).toHaveLength(MAX_PROPOSALS);
  });

  it('proposes nothing and reports errors when the solution does not read', () => {
    const result = proposeChecks(small({ solution: 'kind: NetworkPolicy\nspec: [' }));
    expect(result.checks).toEqual([]);
    expect(result.diagnostics.some((item) => item.severity === 'error')).toBe(true);
  });
});

describe('parseForProposal', () => {
  it('reads an exercise that has no checks yet', () => {
    const yaml = SMALL_EXERCISE_YAML.replace(/checks:[\s\S]*$/, 'checks: []\n');
    const { exercise } = parseForProposal({ exerciseYaml: yaml, starter: '', solution: SMALL_SOLUTION });
    expect(exercise?.cluster.pods.map((pod) => pod.name)).toEqual(['api', 'db', 'web']);
    expect(proposeChecks(exercise as Exercise).checks.length).toBeGreaterThan(0);
  });

  it('reads an exercise whose metadata is not filled in yet', () => {
    const yaml = SMALL_EXERCISE_YAML.replace(/^id: .*$/m, 'id: Not An Id').replace(
      /^title: .*$/m,
      'title: ""',
    );
    const { exercise } = parseForProposal({ exerciseYaml: yaml, starter: '', solution: SMALL_SOLUTION });
    expect(exercise?.cluster.pods).toHaveLength(3);
  });

  it('still refuses a broken cluster', () => {
    const yaml = SMALL_EXERCISE_YAML.replace('name: db\n', 'name: DB!\n');
    const { exercise, diagnostics } = parseForProposal({ ...SMALL_FILES, exerciseYaml: yaml });
    expect(exercise).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});

describe('checksThatNeverFail', () => {
  it('flags a check that passes with the starter and with no policies', () => {
    const yaml = SMALL_EXERCISE_YAML.replace(
      'checks:\n',
      'checks:\n  - { id: web-to-api-8080, type: reach, from: shop/web, to: shop/api, port: 8080, expect: allow }\n',
    );
    expect(checksThatNeverFail(small({ exerciseYaml: yaml }))).toEqual(['web-to-api-8080', 'api-to-db-5432']);
  });

  it('does not flag a check the starter fails', () => {
    const starter = SMALL_SOLUTION.replace('app: api', 'app: nobody');
    expect(checksThatNeverFail(small({ starter }))).toEqual([]);
  });
});
