import { describe, expect, it } from 'vitest';
import { parseExercise } from '../../exercise/parse-exercise.ts';
import { gradeSubmission } from '../../grading/grade.ts';
import { kubectl, session } from '../test-fixtures.ts';
import { stateFromExercise } from './create-state.ts';
import { gradingInputs, terminalSubmission } from './submission.ts';

const EXERCISE = `id: terminal-demo
title: Only api reaches db
track: t
difficulty: beginner
minutes: 5
kind: write
examWeight: 0
task: Let only pods labelled role=api reach db on 3306.
cluster:
  namespaces: [{ name: prod }]
  pods:
    - { name: db, namespace: prod, labels: { app: db }, ports: [{ port: 3306 }] }
    - { name: api, namespace: prod, labels: { app: api } }
    - { name: other, namespace: prod, labels: { app: other } }
  policies: |
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: { name: allow-all, namespace: prod }
    spec:
      podSelector: {}
      ingress: [{}]
checks:
  - { id: api-in, type: reach, from: prod/api, to: prod/db, port: 3306, expect: allow }
  - { id: other-out, type: reach, from: prod/other, to: prod/db, port: 3306, expect: deny }
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-in, namespace: prod }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from: [{ podSelector: { matchLabels: { role: api } } }]
`;

const exercise = parseExercise({ exerciseYaml: EXERCISE, starter: '', solution: POLICY }).exercise;
if (exercise === undefined) throw new Error('exercise did not parse');
const start = stateFromExercise(exercise, { now: 0 });

describe('terminalSubmission', () => {
  it('holds only what the learner applied, plus deletions and label changes', () => {
    const result = session(
      start,
      ['apply -f p.yaml', 'label pod api -n prod role=api', 'delete netpol allow-all -n prod'],
      { 'p.yaml': POLICY },
    );
    const submission = terminalSubmission(result.state);
    expect(submission.submission).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db-in\n  namespace: prod\nspec:\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          role: api\n  podSelector:\n    matchLabels:\n      app: db\n  policyTypes:\n  - Ingress\n',
    );
    expect(submission.submittedPolicies.map((policy) => policy.name)).toEqual(['db-in']);
    expect(submission.deletedPolicies).toEqual([{ namespace: 'prod', name: 'allow-all' }]);
    expect(submission.labelChanges).toEqual([
      {
        kind: 'Pod',
        namespace: 'prod',
        name: 'api',
        before: { app: 'api' },
        after: { app: 'api', role: 'api' },
      },
    ]);
    expect(terminalSubmission(start)).toMatchObject({
      submission: '',
      labelChanges: [],
      deletedPolicies: [],
    });
  });
});

describe('gradingInputs', () => {
  function grade(lines: readonly string[]) {
    const { state } = session(start, lines, { 'p.yaml': POLICY });
    const inputs = gradingInputs(exercise as NonNullable<typeof exercise>, state);
    return gradeSubmission(inputs.exercise, inputs.submission);
  }

  it('grades the terminal state exactly like an editor answer', () => {
    expect(grade(['get pods -n prod']).passed).toBe(false);
    // allow-all still lets everyone in, whatever the new policy says.
    expect(grade(['apply -f p.yaml']).checks.map((check) => check.passed)).toEqual([true, false]);
    // Without allow-all the new policy decides, and api lacks role=api until it is labelled.
    expect(
      grade(['apply -f p.yaml', 'delete netpol allow-all -n prod']).checks.map((check) => check.passed),
    ).toEqual([false, true]);
    expect(
      grade(['apply -f p.yaml', 'label pod api -n prod role=api', 'delete netpol allow-all -n prod']),
    ).toMatchObject({ passed: true, score: 100 });
  });

  it('ignores pods the learner started, so graded pods stay the exercise ones', () => {
    const { state } = session(start, ['run probe --image=busybox -n prod --labels=role=api'], {});
    const inputs = gradingInputs(exercise as NonNullable<typeof exercise>, state);
    expect(inputs.exercise.cluster.pods.map((pod) => pod.name)).toEqual(['db', 'api', 'other']);
    expect(kubectl(state, 'get pods -n prod -o name').stdout).toContain('pod/probe');
  });
});

describe('a fix exercise in the terminal', () => {
  const BROKEN = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-in, namespace: prod }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: other } } }]
`;
  const FIXED = BROKEN.replace('app: other', 'app: api');
  const fix = parseExercise({
    exerciseYaml: EXERCISE.replace('kind: write', 'kind: fix').replace(
      / {2}policies: \|[\s\S]*?(?=checks:)/,
      '',
    ),
    starter: BROKEN,
    solution: FIXED,
  }).exercise;
  if (fix === undefined) throw new Error('fix exercise did not parse');
  const begin = stateFromExercise(fix, { now: 0 });
  const graded = (lines: readonly string[]) => {
    const state = lines.length === 0 ? begin : session(begin, lines, { 'fixed.yaml': FIXED }).state;
    const inputs = gradingInputs(fix, state);
    return { inputs, result: gradeSubmission(inputs.exercise, inputs.submission) };
  };

  it('starts with the broken policy live, and it is graded as the answer until it is fixed', () => {
    expect(kubectl(begin, 'get netpol -n prod -o name').stdout).toBe(
      'networkpolicy.networking.k8s.io/db-in\n',
    );
    const untouched = graded([]);
    expect(untouched.inputs.details.submittedPolicies.map((policy) => policy.name)).toEqual(['db-in']);
    expect(untouched.result.passed).toBe(false);
    expect(graded(['apply -f fixed.yaml']).result).toMatchObject({ passed: true, score: 100 });
  });

  it('counts a deleted starter policy as left out of the answer, not as a cluster change', () => {
    const deleted = graded(['delete netpol db-in -n prod']);
    expect(deleted.inputs.submission).toBe('');
    expect(deleted.inputs.details.deletedPolicies).toEqual([]);
    expect(deleted.result.passed).toBe(false);
  });
});
