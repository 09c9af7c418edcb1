import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/index.ts';
import { SCHEMA_LINE, buildExerciseYaml, readExerciseForm } from './build-exercise-yaml.ts';
import { clusterFromManifests } from './cluster-from-manifests.ts';
import { emptyExerciseForm, formProblems, readLabelText, readPortText } from './exercise-form.ts';
import type { ExerciseForm } from './exercise-form.ts';
import { SMALL_EXERCISE_YAML, SMALL_SOLUTION } from './test-exercise.ts';

function filledForm(): ExerciseForm {
  return {
    ...emptyExerciseForm(),
    id: 'two-pods',
    title: 'Two pods',
    examTitle: 'Connect the shop pods',
    difficulty: 'intermediate',
    minutes: 7,
    tags: ['ingress', 'basics'],
    kind: 'fix',
    examWeight: 2,
    task: 'Let **api** reach **db**.',
    namespaces: [{ name: 'shop', labels: 'team=shop, tier=backend' }],
    pods: [
      { namespace: 'shop', name: 'api', labels: 'app=api', ip: '', ports: 'http:8080/TCP' },
      { namespace: 'shop', name: 'db', labels: 'app=db', ip: '10.0.0.9', ports: 'pg:5432/TCP, 53/UDP' },
      { namespace: '', name: '', labels: '', ip: '', ports: '' },
    ],
    externals: [{ name: 'backup', ip: '192.0.2.10' }],
    checks: [
      {
        id: 'api-to-db-5432',
        from: 'shop/api',
        to: 'shop/db',
        port: 5432,
        protocol: 'TCP',
        expect: 'allow',
        explain: '',
        informational: false,
        weight: 1,
      },
      {
        id: 'db-to-backup-53',
        from: 'shop/db',
        to: 'backup',
        port: 53,
        protocol: 'UDP',
        expect: 'deny',
        explain: 'Backups go elsewhere.',
        informational: true,
        weight: 3,
      },
    ],
    otherChecks: [{ id: 'one-policy', type: 'policy-count', count: 1 }],
    hints: ['Think ingress.', '  '],
  };
}

describe('buildExerciseYaml', () => {
  it('writes an exercise the format reader accepts, with the schema line first', () => {
    const text = buildExerciseYaml(filledForm());
    expect(text.split('\n')[0]).toBe(SCHEMA_LINE);
    const parsed = parseExercise({ exerciseYaml: text, starter: '', solution: SMALL_SOLUTION });
    expect(parsed.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    const exercise = parsed.exercise;
    expect(exercise).toMatchObject({ id: 'two-pods', track: 'my-exercises', kind: 'fix', examWeight: 2 });
    expect(exercise?.cluster.pods.map((pod) => `${pod.namespace}/${pod.name}`)).toEqual([
      'shop/api',
      'shop/db',
    ]);
    expect(exercise?.cluster.pods[1]?.ips).toEqual(['10.0.0.9']);
    expect(exercise?.checks.map((check) => check.id)).toEqual([
      'api-to-db-5432',
      'db-to-backup-53',
      'one-policy',
    ]);
    expect(exercise?.hints).toEqual(['Think ingress.']);
    expect(exercise?.examTitle).toBe('Connect the shop pods');
  });

  it('leaves out an empty exam title', () => {
    const text = buildExerciseYaml({ ...filledForm(), examTitle: '  ' });
    expect(text).not.toContain('examTitle');
    expect(
      parseExercise({ exerciseYaml: text, starter: '', solution: SMALL_SOLUTION }).exercise,
    ).not.toHaveProperty('examTitle');
    expect(readExerciseForm(text).examTitle).toBe('');
  });

  it('round-trips through readExerciseForm', () => {
    const form = filledForm();
    const again = readExerciseForm(buildExerciseYaml(form));
    expect(again).toEqual({
      ...form,
      task: `${form.task}\n`,
      pods: form.pods.slice(0, 2),
      hints: ['Think ingress.'],
    });
    expect(buildExerciseYaml(again)).toBe(buildExerciseYaml(form));
  });

  it('reads an existing exercise into a form', () => {
    const form = readExerciseForm(SMALL_EXERCISE_YAML);
    expect(form.id).toBe('shop-db-from-api');
    expect(form.pods[0]).toEqual({
      namespace: 'shop',
      name: 'api',
      labels: 'app=api',
      ip: '',
      ports: 'http:8080/TCP',
    });
    expect(form.namespaces).toEqual([{ name: 'shop', labels: 'team=shop' }]);
    expect(form.checks).toHaveLength(2);
  });

  it('answers the empty form for text that is not YAML', () => {
    expect(readExerciseForm('id: [')).toEqual(emptyExerciseForm());
  });
});

describe('form text fields', () => {
  it('reads labels and ports, naming what does not parse', () => {
    expect(readLabelText('a=1, b: two, ,bad')).toEqual({
      labels: { a: '1', b: 'two' },
      problems: ['"bad" is not key=value'],
    });
    expect(readPortText('http:80/tcp, 53/UDP, 9090, x:99999').ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP' },
      { port: 53, protocol: 'UDP' },
      { port: 9090, protocol: 'TCP' },
    ]);
    const form = {
      ...emptyExerciseForm(),
      pods: [{ namespace: 'a', name: 'p', labels: 'x', ip: '', ports: 'y' }],
    };
    expect(formProblems(form)).toHaveLength(2);
  });
});

describe('clusterFromManifests', () => {
  it('fills namespaces and pods from Namespace and Pod objects', () => {
    const result = clusterFromManifests(`apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: shop } }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: c
      ports: [{ name: http, containerPort: 8080 }]
`);
    expect(result.namespaces).toEqual([{ name: 'shop', labels: 'team=shop' }]);
    expect(result.pods).toHaveLength(1);
    expect(result.pods[0]).toMatchObject({
      namespace: 'shop',
      name: 'api',
      labels: 'app=api',
      ports: 'http:8080/TCP',
    });
  });
});
