import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/index.ts';
import type { Exercise } from '../exercise/index.ts';
import { parseManifests } from '../netpol/read/manifests.ts';
import type { NetworkPolicy } from '../netpol/types.ts';
import { SMALL_FILES } from '../authoring/test-exercise.ts';
import { gradePolicies } from './grade.ts';
import { mutantsOf } from './mutants.ts';
import { mutationGate } from './mutation-gate.ts';
import type { MutantGrader } from './mutation-gate.ts';

function exerciseOf(files = SMALL_FILES, extra = ''): Exercise {
  const parsed = parseExercise({ ...files, exerciseYaml: files.exerciseYaml + extra });
  if (parsed.exercise === undefined) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.exercise;
}

function policies(text: string): readonly NetworkPolicy[] {
  const parsed = parseManifests([{ text, source: 'test.yaml' }]);
  expect(parsed.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
  return parsed.policies;
}

const RICH = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: rich, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: db }
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { team: shop }
          podSelector:
            matchLabels: { app: api }
        - ipBlock: { cidr: 10.0.0.0/16, except: [10.0.1.0/24] }
      ports:
        - { protocol: TCP, port: 5432 }
        - { protocol: TCP, port: 7000, endPort: 7010 }
  egress:
    - to:
        - podSelector: {}
`;

describe('mutantsOf', () => {
  const exercise = exerciseOf();
  const mutants = mutantsOf(exercise.cluster, policies(RICH));
  const descriptions = mutants.map((mutant) => mutant.description);

  it('makes the realistic single mistakes', () => {
    for (const expected of [
      'shop/rich: drop the policy',
      'shop/rich: policyTypes: drop Egress',
      'shop/rich: policyTypes: drop Ingress',
      'shop/rich: ingress[0].from[0]: namespaceSelector and podSelector as two peers (OR instead of AND)',
      'shop/rich: ingress[0].from[1].ipBlock: widen cidr to 10.0.0.0/15',
      'shop/rich: ingress[0].from[1].ipBlock: narrow cidr to 10.0.0.0/17',
      'shop/rich: ingress[0].from[1].ipBlock: drop except 10.0.1.0/24',
      'shop/rich: ingress[0].ports[0]: UDP instead of TCP',
      'shop/rich: ingress[0].ports[0]: port 5433 instead of 5432',
      'shop/rich: ingress[0].ports[1]: drop endPort',
      'shop/rich: ingress[0].ports[1]: endPort 7009',
      'shop/rich: ingress[0]: split into two rules, peers and ports paired',
      'shop/rich: egress[0]: drop the rule',
      'shop/rich: podSelector: narrow to nothing',
    ]) {
      expect(descriptions).toContain(expected);
    }
  });

  it('changes one thing at a time and keeps every mutant a valid policy', () => {
    const split = mutants.find((mutant) => mutant.description.includes('OR instead of AND'));
    const peers = split?.policies[0]?.ingress[0]?.peers ?? [];
    expect(peers).toHaveLength(3);
    expect(peers[0]).toEqual({ namespaceSelector: { matchLabels: { team: 'shop' }, matchExpressions: [] } });
    // Narrowing a CIDR keeps only the excepts that still fit inside it.
    const narrowed = mutants.find((mutant) => mutant.description.endsWith('narrow cidr to 10.0.128.0/17'));
    expect(narrowed?.policies[0]?.ingress[0]?.peers?.[1]?.ipBlock).toEqual({
      cidr: '10.0.128.0/17',
      except: [],
    });
    const dropped = mutants.find((mutant) => mutant.description.endsWith('policyTypes: drop Ingress'));
    expect(dropped?.policies[0]?.policyTypes).toEqual(['Egress']);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe('mutationGate', () => {
  it('grades every mutant of a small exercise and catches each one that changes behaviour', () => {
    const report = mutationGate(exerciseOf());
    expect(report.applicable).toBe(true);
    expect(report.made).toBeGreaterThan(5);
    expect(report.changing).toBeGreaterThan(0);
    expect(report.caught).toBe(report.changing);
    expect(report.uncaught).toEqual([]);
  });

  it('finds the holes a grader that only runs the named checks leaves', () => {
    // The sampled grader of old: a pass when every named check passes.
    const checksOnly: MutantGrader = (exercise, learner) => {
      const result = gradePolicies(exercise, learner, { lint: false });
      return { ...result, passed: result.checks.every((check) => check.passed || check.informational) };
    };
    const report = mutationGate(exerciseOf(), checksOnly);
    const holes = report.uncaught.map((mutant) => mutant.description);
    // Opening every port from api to db passes both checks (api→db 5432, web→db 5432).
    expect(holes).toContain('shop/db-from-api: ingress[0].ports[0]: every TCP port (port left out)');
    expect(report.caught).toBeLessThan(report.changing);
  });

  it('does not count a mutant whose change lies inside a free region', () => {
    const free = `free:
  - from: shop/api
    to: shop/db
    ports: ['1-5431', '5433-65535']
    protocols: [TCP]
`;
    const strict = mutationGate(exerciseOf());
    const loose = mutationGate(exerciseOf(SMALL_FILES, free));
    const everyPort = 'shop/db-from-api: ingress[0].ports[0]: every TCP port (port left out)';
    expect(strict.made).toBe(loose.made);
    expect(loose.changing).toBeLessThan(strict.changing);
    const checksOnly: MutantGrader = (exercise, learner) => gradePolicies(exercise, learner, { lint: false });
    expect(
      mutationGate(exerciseOf(SMALL_FILES, free), checksOnly).uncaught.map((m) => m.description),
    ).not.toContain(everyPort);
  });

  it('leaves predict exercises alone', () => {
    const predict = exerciseOf({
      ...SMALL_FILES,
      exerciseYaml: SMALL_FILES.exerciseYaml.replace('kind: write', 'kind: predict'),
      solution: '',
    });
    expect(mutationGate(predict)).toMatchObject({ applicable: false, made: 0 });
  });
});
