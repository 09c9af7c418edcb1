import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/parse-exercise.ts';
import type { Exercise } from '../exercise/types.ts';
import { gradePrediction, gradeSubmission } from './grade.ts';
import type { GradeResult } from './types.ts';

const EXERCISE = `id: db-from-api
title: Only the API may open the database
track: foundations
difficulty: beginner
minutes: 10
kind: write
examWeight: 4
task: Only prod/api may open prod/db, on 3306/TCP; the exporter may scrape 9104.
cluster:
  namespaces:
    - name: prod
      labels: { env: prod }
    - name: dev
      labels: { env: dev }
  pods:
    - name: db
      namespace: prod
      labels: { role: db }
      ports:
        - { name: mysql, port: 3306 }
        - { name: metrics, port: 9104 }
    - name: api
      namespace: prod
      labels: { role: api }
    - name: exporter
      namespace: prod
      labels: { role: exporter }
    - name: web
      namespace: prod
      labels: { role: web }
    - name: api
      namespace: dev
      labels: { role: api }
  policies: |
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: deny-ingress
      namespace: dev
    spec:
      podSelector: {}
      policyTypes: [Ingress]
checks:
  - id: api-to-db
    type: reach
    from: prod/api
    to: prod/db
    port: 3306
    expect: allow
    weight: 2
  - id: exporter-scrapes-db
    type: reach
    from: prod/exporter
    to: prod/db
    port: 9104
    expect: allow
  - id: web-to-db-denied
    type: reach
    from: prod/web
    to: prod/db
    port: 3306
    expect: deny
  - id: dev-api-to-db-denied
    type: reach
    from: dev/api
    to: prod/db
    port: 3306
    expect: deny
  - id: api-to-db-other-port-denied
    type: reach
    from: prod/api
    to: prod/db
    port: 9104
    expect: deny
  - id: dev-stays-closed
    type: reach
    from: prod/api
    to: dev/api
    port: 8080
    expect: deny
  - id: db-egress-open
    type: reach
    from: prod/db
    to: prod/web
    port: 80
    expect: allow
    informational: true
  - id: db-policy-shape
    type: policy
    namespace: prod
    name: db-policy
    policyTypes: [Ingress]
    selects: [prod/db]
`;

const SOLUTION = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: prod
spec:
  podSelector:
    matchLabels: { role: db }
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels: { role: api }
      ports:
        - port: 3306
    - from:
        - podSelector:
            matchLabels: { role: exporter }
      ports:
        - port: 9104
`;

/** The solution without its exporter rule; only correct together with a second policy. */
const API_ONLY = SOLUTION.slice(
  0,
  SOLUTION.indexOf('    - from:\n        - podSelector:\n            matchLabels: { role: exporter }'),
);

function exercise(text = EXERCISE): Exercise {
  const parsed = parseExercise({ exerciseYaml: text, starter: '', solution: SOLUTION });
  if (parsed.exercise === undefined)
    throw new Error(parsed.diagnostics.map((item) => item.message).join('\n'));
  return parsed.exercise;
}

function failing(result: GradeResult): string[] {
  return result.checks.filter((check) => !check.passed && !check.informational).map((check) => check.id);
}

function check(result: GradeResult, id: string) {
  const found = result.checks.find((item) => item.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
}

describe('gradeSubmission: correct answers pass however they are written', () => {
  const alternatives: Record<string, string> = {
    'the reference solution': SOLUTION,
    'matchExpressions instead of matchLabels': SOLUTION.replace(
      'matchLabels: { role: db }',
      'matchExpressions: [{ key: role, operator: In, values: [db] }]',
    ).replace(
      'matchLabels: { role: api }',
      'matchExpressions: [{ key: role, operator: In, values: [api, nobody] }]',
    ),
    'named ports instead of numbers': SOLUTION.replace('port: 3306', 'port: mysql').replace(
      'port: 9104',
      'port: metrics',
    ),
    'rules in the other order': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  namespace: prod
  name: db-policy
spec:
  ingress:
    - ports: [{ port: 9104, protocol: TCP }]
      from: [{ podSelector: { matchLabels: { role: exporter } } }]
    - ports: [{ port: 3306, protocol: TCP }]
      from: [{ podSelector: { matchLabels: { role: api } } }]
  policyTypes: [Ingress]
  podSelector: { matchLabels: { role: db } }
`,
    'an extra namespaceSelector that keeps the meaning': SOLUTION.replace(
      '        - podSelector:\n            matchLabels: { role: api }',
      '        - podSelector:\n            matchLabels: { role: api }\n          namespaceSelector:\n            matchLabels: { kubernetes.io/metadata.name: prod }',
    ),
    'policyTypes left to its default': SOLUTION.replace('  policyTypes: [Ingress]\n', ''),
    'a second policy for the exporter': `${API_ONLY}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: exporter-to-db, namespace: prod }
spec:
  podSelector: { matchLabels: { role: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { role: exporter } } }], ports: [{ port: metrics }] }]
`,
  };
  for (const [name, answer] of Object.entries(alternatives)) {
    it(name, () => {
      const result = gradeSubmission(exercise(), answer);
      expect(result.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
      expect(failing(result)).toEqual([]);
      expect(result.passed).toBe(true);
      expect(result.score).toBe(100);
    });
  }
});

describe('gradeSubmission: wrong answers fail for the right reason', () => {
  it('two peers (OR) instead of one peer with both selectors lets a whole namespace in', () => {
    const answer = SOLUTION.replace(
      '        - podSelector:\n            matchLabels: { role: api }',
      '        - podSelector:\n            matchLabels: { role: api }\n        - namespaceSelector:\n            matchLabels: { env: prod }',
    );
    const result = gradeSubmission(exercise(), answer);
    expect(failing(result)).toEqual(['web-to-db-denied']);
    const web = check(result, 'web-to-db-denied');
    expect(web).toMatchObject({
      code: 'reach.unexpected-allow',
      expected: 'deny',
      actual: 'allow',
      status: 'failed',
    });
    expect(web.verdict?.ingress.allowedBy?.policy).toEqual({ namespace: 'prod', name: 'db-policy' });
    expect(web.explanation[0]).toMatch(/^ALLOWED/);
    expect(result.passed).toBe(false);
  });

  it('half of the answer is not enough', () => {
    expect(API_ONLY).not.toContain('exporter');
    expect(failing(gradeSubmission(exercise(), API_ONLY))).toEqual(['exporter-scrapes-db']);
  });

  it('a missing ports list opens every port', () => {
    const answer = SOLUTION.replace('      ports:\n        - port: 3306\n', '');
    const result = gradeSubmission(exercise(), answer);
    expect(failing(result)).toEqual(['api-to-db-other-port-denied']);
  });

  it('a policy in the wrong namespace isolates nothing and is reported missing', () => {
    const result = gradeSubmission(exercise(), SOLUTION.replace('  namespace: prod\n', ''));
    expect(failing(result)).toEqual([
      'web-to-db-denied',
      'dev-api-to-db-denied',
      'api-to-db-other-port-denied',
      'db-policy-shape',
    ]);
    const shape = check(result, 'db-policy-shape');
    expect(shape.code).toBe('policy.missing');
    expect(shape.actual).toBe('not found; the submission has: default/db-policy');
    expect(shape.explanation.join(' ')).toContain('set metadata.namespace');
    expect(result.lint.map((finding) => finding.id)).toContain('lint.namespace-defaulted');
  });

  it('an allowed connection that comes out denied says which side blocked it', () => {
    const result = gradeSubmission(exercise(), SOLUTION.replace('role: exporter', 'role: exporta'));
    expect(failing(result)).toEqual(['exporter-scrapes-db']);
    const scrape = check(result, 'exporter-scrapes-db');
    expect(scrape.code).toBe('reach.unexpected-deny');
    expect(scrape.verdict?.ingress.reason).toBe('no-rule-matched');
    expect(scrape.connection).toBe('prod/exporter -> prod/db on 9104/TCP');
  });

  it('policy checks compare effective policyTypes and the selected pods', () => {
    const both = gradeSubmission(
      exercise(),
      SOLUTION.replace('policyTypes: [Ingress]', 'policyTypes: [Ingress, Egress]'),
    );
    expect(check(both, 'db-policy-shape')).toMatchObject({ code: 'policy.types-differ', passed: false });
    expect(check(both, 'db-egress-open').passed).toBe(false);
    const wide = gradeSubmission(
      exercise(),
      SOLUTION.replace(
        'matchLabels: { role: db }',
        'matchExpressions: [{ key: role, operator: In, values: [db, web] }]',
      ),
    );
    const shape = check(wide, 'db-policy-shape');
    expect(shape.code).toBe('policy.selects-differ');
    expect(shape.actual).toContain('selects prod/db, prod/web');
    expect(shape.explanation).toEqual(['Its podSelector also selects prod/web.']);
  });

  it('informational checks are shown but never graded', () => {
    const answer = SOLUTION.replace('policyTypes: [Ingress]', 'policyTypes: [Ingress, Egress]');
    // The task leaves the database's own egress open, so it is a free region.
    const withoutShape = EXERCISE.replace(
      / {2}- id: db-policy-shape[\s\S]*$/,
      "free:\n  - from: prod/db\n    to: '*'\n    explain: the task says nothing about the database's own connections\n",
    );
    const result = gradeSubmission(exercise(withoutShape), answer);
    expect(check(result, 'db-egress-open')).toMatchObject({ passed: false, informational: true });
    expect(result.passed).toBe(true);
    expect(result.score).toBe(100);
  });

  it('scores only what the starter does not already do, and what the answer breaks', () => {
    // The empty starter already allows api-to-db (weight 2) and exporter-scrapes-db, and keeps dev
    // closed: those earn nothing. Four checks and "every other connection" are left to do (5 points);
    // dropping the API rule does them all but breaks api-to-db, which then counts too: 5 of 7.
    const answer = SOLUTION.replace('role: api }', 'role: nobody }');
    const result = gradeSubmission(exercise(), answer);
    expect(failing(result)).toEqual(['api-to-db']);
    expect(result.checks.find((item) => item.id === 'exporter-scrapes-db')?.counts).toBe(false);
    expect(result.score).toBe(Math.round((100 * 5) / 7));
    expect(result.passed).toBe(false);
  });

  it('doing nothing scores nothing, and a deny-everything answer does not pass', () => {
    const empty = gradeSubmission(exercise(), '');
    expect(empty.score).toBe(0);
    expect(empty.passed).toBe(false);
    const denyAll = gradeSubmission(
      exercise(),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-policy, namespace: prod}\nspec:\n  podSelector: {matchLabels: {role: db}}\n  policyTypes: [Ingress]\n',
    );
    expect(denyAll.passed).toBe(false);
    expect(failing(denyAll).sort()).toEqual(['api-to-db', 'exporter-scrapes-db']);
    expect(denyAll.score).toBeLessThan(100);
  });

  it('a difference no check names fails, reported as a line of the diff with its explanation', () => {
    // Opening the exporter rule to every port differs only on connections no check names.
    const answer = SOLUTION.replace(/ {6}ports:\n {8}- port: 9104\n/, '');
    const result = gradeSubmission(exercise(), answer);
    expect(failing(result)).toEqual([]);
    expect(result.passed).toBe(false);
    expect(result.differences.map((line) => line.text)).toEqual([
      'from prod/exporter to prod/db, TCP 1–9103, 9105–65535; UDP and SCTP all ports: the task denies, yours allows',
    ]);
    expect(result.differences[0]?.explanation[0]).toMatch(/^ALLOWED: prod\/exporter/);
  });

  it('pre-existing policies stay in force, and a same-named answer replaces one', () => {
    expect(check(gradeSubmission(exercise(), ''), 'dev-stays-closed').passed).toBe(true);
    const replacing = `${SOLUTION}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-ingress, namespace: dev }
spec:
  podSelector: {}
  ingress: [{}]
`;
    const result = gradeSubmission(exercise(), replacing);
    expect(result.diagnostics.map((item) => item.id)).toContain('grade.replaces-cluster-policy');
    expect(failing(result)).toEqual(['dev-stays-closed']);
  });

  it('the empty starter fails', () => {
    const result = gradeSubmission(exercise(), '');
    expect(result.passed).toBe(false);
    expect(failing(result)).toEqual([
      'web-to-db-denied',
      'dev-api-to-db-denied',
      'api-to-db-other-port-denied',
      'db-policy-shape',
    ]);
    expect(check(result, 'db-policy-shape').actual).toBe('not found; the submission has: (none)');
  });
});

describe('gradeSubmission: diagnostics come first', () => {
  it('errors mean no check runs, nothing passes and the score is 0', () => {
    const result = gradeSubmission(
      exercise(),
      SOLUTION.replace('podSelector:\n    matchLabels', 'podselector:\n    matchLabels'),
      {
        source: 'answer.yaml',
      },
    );
    expect(result.passed).toBe(false);
    expect(result.score).toBe(0);
    expect(
      result.diagnostics.some((item) => item.severity === 'error' && item.source === 'answer.yaml'),
    ).toBe(true);
    expect(result.checks.every((item) => item.status === 'not-run' && item.code === 'check.not-run')).toBe(
      true,
    );
    expect(result.checks[0]?.explanation[0]).toMatch(/^Nothing was graded: the answer has an error/);
  });

  it('YAML syntax errors and garbage never throw', () => {
    for (const answer of ['kind: [', '- 1\n- 2', 'a: *b', 42 as unknown as string]) {
      const result = gradeSubmission(exercise(), answer);
      expect(result.passed).toBe(false);
    }
  });

  it('objects other than NetworkPolicies are ignored with a warning', () => {
    const answer = `${SOLUTION}---
apiVersion: v1
kind: Pod
metadata: { name: extra, namespace: prod, labels: { role: api } }
spec: { containers: [{ name: c, image: x }] }
---
apiVersion: v1
kind: Namespace
metadata: { name: sneaky }
`;
    const result = gradeSubmission(exercise(), answer);
    expect(
      result.diagnostics.filter((item) => item.id === 'grade.ignored-object').map((item) => item.object),
    ).toEqual(['Pod prod/extra', 'Namespace sneaky']);
    expect(result.passed).toBe(true);
  });

  it('keeps stable ids and the exercise version on the result', () => {
    const result = gradeSubmission(exercise(), SOLUTION);
    expect(result.exerciseId).toBe('db-from-api');
    expect(result.contentHash).toBe(exercise().contentHash);
    expect(result.checks.map((item) => item.id)).toEqual(exercise().checks.map((item) => item.id));
  });
});

const PREDICT = EXERCISE.replace('kind: write', 'kind: predict')
  .replace(/ {2}- id: db-policy-shape[\s\S]*$/, '')
  .replace('    weight: 2\n', '');

describe('gradePrediction', () => {
  it('grades answers against the engine, not the YAML', () => {
    const predict = exercise(PREDICT);
    // Only the pre-existing dev policy is in force: everything into prod is open.
    const answers = {
      'api-to-db': 'allow',
      'exporter-scrapes-db': 'allow',
      'web-to-db-denied': 'allow',
      'dev-api-to-db-denied': 'allow',
      'api-to-db-other-port-denied': 'allow',
      'dev-stays-closed': 'deny',
    } as const;
    const result = gradePrediction(predict, answers);
    expect(failing(result)).toEqual([]);
    expect(result.passed).toBe(true);
    const wrong = gradePrediction(predict, { ...answers, 'dev-stays-closed': 'allow' });
    expect(check(wrong, 'dev-stays-closed')).toMatchObject({
      code: 'predict.wrong',
      expected: 'deny',
      actual: 'allow',
    });
    expect(wrong.score).toBe(Math.round((100 * 5) / 6));
  });

  it('reports unanswered checks and unknown ids', () => {
    const result = gradePrediction(exercise(PREDICT), { 'no-such-check': 'allow' });
    expect(check(result, 'api-to-db')).toMatchObject({ code: 'predict.unanswered', actual: 'no answer' });
    expect(result.diagnostics.map((item) => item.id)).toEqual(['grade.unknown-check']);
    expect(result.passed).toBe(false);
  });
});
