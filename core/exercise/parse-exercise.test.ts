import { describe, expect, it } from 'vitest';
import { parseExercise } from './parse-exercise.ts';
import { parseTrack } from './parse-track.ts';
import { sha256Hex } from './content-hash.ts';
import { NAMESPACE_NAME_LABEL } from '../netpol/types.ts';

const EXERCISE = `id: db-from-api
title: Only the API may open the database
track: foundations
difficulty: beginner
minutes: 10
tags: [ingress]
kind: write
examWeight: 4
task: Let only the API in.
cluster:
  namespaces:
    - name: prod
      labels: { env: prod }
  pods:
    - name: db
      namespace: prod
      labels: { role: db }
      ports:
        - { name: mysql, port: 3306 }
    - name: api
      namespace: prod
      labels: { role: api }
      ip: 10.1.0.5
    - name: tool
      labels: { role: tool }
  externals:
    - { name: backup, ip: 192.168.99.10 }
  policies: |
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: deny-all
      namespace: other
    spec:
      podSelector: {}
checks:
  - id: api-to-db
    type: reach
    from: prod/api
    to: prod/db
    port: 3306
    expect: allow
  - id: db-to-backup
    type: reach
    from: prod/db
    to: backup
    port: 22
    expect: allow
    informational: true
    weight: 2
  - id: shape
    type: policy
    namespace: prod
    name: db-policy
    policyTypes: [Ingress]
    selects: [prod/db]
  - id: one
    type: policy-count
    count: 1
hints:
  - Think about the receiving side.
`;

function parse(exerciseYaml: string, starter = '', solution = '') {
  return parseExercise({ exerciseYaml, starter, solution, source: 'exercise.yaml' });
}

function errors(exerciseYaml: string): string[] {
  return parse(exerciseYaml)
    .diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => diagnostic.message);
}

describe('parseExercise', () => {
  it('reads a valid exercise with defaults filled in', () => {
    const { exercise, diagnostics } = parse(EXERCISE);
    expect(diagnostics).toEqual([]);
    expect(exercise).toBeDefined();
    if (exercise === undefined) return;
    expect(exercise.id).toBe('db-from-api');
    expect(exercise.kind).toBe('write');
    expect(exercise.tags).toEqual(['ingress']);
    expect(exercise.hints).toEqual(['Think about the receiving side.']);
    const [reach, informational, policy, count] = exercise.checks;
    expect(reach).toMatchObject({ type: 'reach', protocol: 'TCP', informational: false, weight: 1 });
    expect(informational).toMatchObject({ informational: true, weight: 2 });
    expect(policy).toMatchObject({ type: 'policy', policyTypes: ['Ingress'], selects: ['prod/db'] });
    expect(count).toMatchObject({ type: 'policy-count', count: 1 });
  });

  it('builds the cluster: name labels, implicit namespaces, stable IPs, default protocol', () => {
    const exercise = parse(EXERCISE).exercise;
    const cluster = exercise?.cluster;
    expect(cluster?.namespaces.map((namespace) => namespace.name)).toEqual(['default', 'other', 'prod']);
    const prod = cluster?.namespaces.find((namespace) => namespace.name === 'prod');
    expect(prod?.labels).toEqual({ env: 'prod', [NAMESPACE_NAME_LABEL]: 'prod' });
    expect(cluster?.namespaces.find((namespace) => namespace.name === 'default')?.implicit).toBe(true);
    const api = cluster?.pods.find((pod) => pod.name === 'api');
    expect(api?.ips).toEqual(['10.1.0.5']);
    const db = cluster?.pods.find((pod) => pod.name === 'db');
    expect(db?.ips).toHaveLength(1);
    expect(db?.ports).toEqual([{ name: 'mysql', port: 3306, protocol: 'TCP' }]);
    expect(cluster?.pods.find((pod) => pod.name === 'tool')?.namespace).toBe('default');
    // Same text, same addresses: nothing random.
    expect(parse(EXERCISE).exercise?.cluster.pods.map((pod) => pod.ips)).toEqual(
      cluster?.pods.map((pod) => pod.ips),
    );
    expect(cluster?.externals).toEqual([{ name: 'backup', ip: '192.168.99.10' }]);
  });

  it('reads cluster.policies with the engine parser', () => {
    const exercise = parse(EXERCISE).exercise;
    expect(exercise?.clusterPolicies.map((policy) => `${policy.namespace}/${policy.name}`)).toEqual([
      'other/deny-all',
    ]);
    expect(exercise?.clusterPoliciesText).toContain('name: deny-all');
  });

  it('reports cluster.policies problems at their line in exercise.yaml', () => {
    const broken = EXERCISE.replace('      podSelector: {}', '      podSelectr: {}');
    const diagnostic = parse(broken).diagnostics.find((item) => item.severity === 'error');
    const line = broken.split('\n').findIndex((text) => text.includes('podSelectr')) + 1;
    expect(diagnostic?.position?.line).toBe(line);
    expect(diagnostic?.message).toContain(`line ${line},`);
    expect(diagnostic?.source).toBe('exercise.yaml');
  });

  it('hashes the version of the three texts', () => {
    const first = parse(EXERCISE).exercise?.contentHash;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(parse(EXERCISE.replace('\n', '\r\n')).exercise?.contentHash).toBe(first);
    expect(parse(EXERCISE, '', 'kind: Changed').exercise?.contentHash).not.toBe(first);
    expect(parse(EXERCISE.replace('minutes: 10', 'minutes: 11')).exercise?.contentHash).not.toBe(first);
  });

  it('reads examTitle when given and leaves it out otherwise', () => {
    expect(parse(EXERCISE).exercise?.examTitle).toBeUndefined();
    const titled = parse(
      EXERCISE.replace('track: foundations', 'examTitle: Guard the prod database\ntrack: foundations'),
    );
    expect(titled.diagnostics).toEqual([]);
    expect(titled.exercise?.examTitle).toBe('Guard the prod database');
    expect(titled.exercise?.title).toBe('Only the API may open the database');
  });

  it('rejects an empty, overlong or non-text examTitle with its line:column', () => {
    const withExamTitle = (value: string): string =>
      EXERCISE.replace('track: foundations', `examTitle: ${value}\ntrack: foundations`);
    expect(errors(withExamTitle('"  "'))).toEqual([
      expect.stringMatching(/^examTitle: Invalid value: must not be empty.*\(line 3, column 12\)$/),
    ]);
    expect(errors(withExamTitle('x'.repeat(201)))).toEqual([
      expect.stringMatching(/^examTitle: .*200.*\(line 3, column 12\)$/),
    ]);
    expect(errors(withExamTitle('[a, b]'))).toEqual([
      expect.stringMatching(/^examTitle: Invalid type: expected a string.*\(line 3, column 12\)$/),
    ]);
    expect(parse(withExamTitle('[a, b]')).exercise).toBeUndefined();
  });

  it('names the field and line:column of structural mistakes', () => {
    const messages = errors(
      EXERCISE.replace('minutes: 10', 'minutes: ten').replace('kind: write', 'kind: draw'),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^minutes: Invalid type: expected an integer.*\(line 5, column 10\)$/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^kind: Unsupported value: "draw".*\(line 7, column 7\)$/),
    );
  });

  it('rejects unknown fields, missing fields and bad values', () => {
    expect(errors(EXERCISE.replace('title:', 'titel:'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^titel: Unknown field/),
        expect.stringMatching(/^title: Required value/),
      ]),
    );
    expect(errors(EXERCISE.replace('port: 3306\n    expect', 'port: 70000\n    expect'))).toContainEqual(
      expect.stringMatching(/^checks\[0\]\.port: Invalid value: 70000/),
    );
    expect(errors(EXERCISE.replace('id: db-from-api', 'id: DB From API'))).toContainEqual(
      expect.stringMatching(/^id: Invalid value/),
    );
    expect(errors(EXERCISE.replace('ip: 10.1.0.5', 'ip: 10.1.0.500'))).toContainEqual(
      expect.stringMatching(/^cluster\.pods\[1\]\.ip: Invalid value/),
    );
    expect(errors(EXERCISE.replace('{ env: prod }', '{ env: 1 }'))).toContainEqual(
      expect.stringMatching(/labels\.env: Invalid type: label values are strings/),
    );
    expect(
      errors(EXERCISE.replace('    type: policy-count', '    type: policy-count\n    name: x')),
    ).toContainEqual(expect.stringMatching(/^checks\[3\]\.name: Unknown field/));
  });

  it('requires checks to name pods, externals or IPs that exist', () => {
    expect(errors(EXERCISE.replace('to: prod/db', 'to: prod/dbx'))).toContainEqual(
      expect.stringMatching(/^checks\[0\]\.to: Not found: no pod "prod\/dbx"/),
    );
    expect(errors(EXERCISE.replace('selects: [prod/db]', 'selects: [prod/nope]'))).toContainEqual(
      expect.stringMatching(/^checks\[2\]\.selects\[0\]: Not found/),
    );
    expect(errors(EXERCISE.replace('to: backup', 'to: 203.0.113.9'))).toEqual([]);
  });

  it('rejects duplicate check ids, pods and addresses', () => {
    expect(errors(EXERCISE.replace('id: db-to-backup', 'id: api-to-db'))).toContainEqual(
      expect.stringMatching(/^checks\[1\]\.id: Duplicate value/),
    );
    expect(errors(EXERCISE.replace('ip: 10.1.0.5', 'ip: 192.168.99.10'))).toContainEqual(
      expect.stringMatching(/IP address "192\.168\.99\.10" is declared twice/),
    );
    expect(
      errors(EXERCISE.replace('    - name: tool\n', '    - name: api\n      namespace: prod\n')),
    ).toContainEqual(expect.stringMatching(/pod "prod\/api" is declared twice/));
  });

  it('allows only reach checks in predict exercises', () => {
    expect(errors(EXERCISE.replace('kind: write', 'kind: predict'))).toEqual([
      expect.stringMatching(/^checks\[2\]\.type: Invalid value: "policy"/),
      expect.stringMatching(/^checks\[3\]\.type: Invalid value: "policy-count"/),
    ]);
  });

  it('never throws on hostile or odd input', () => {
    for (const text of ['', '- a\n- b', 'id: [', ': :', 'a: &a [*a]', '{}', 'cluster: 3\nchecks: x']) {
      const result = parse(text);
      expect(result.exercise).toBeUndefined();
      expect(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    }
    expect(
      parseExercise({ exerciseYaml: 42 as unknown as string, starter: '', solution: '' }).exercise,
    ).toBeUndefined();
  });
});

describe('parseTrack', () => {
  it('reads a track and rejects a broken one', () => {
    expect(parseTrack('id: foundations\ntitle: Foundations\ndescription: Basics.\norder: 1\n').track).toEqual(
      {
        id: 'foundations',
        title: 'Foundations',
        description: 'Basics.',
        order: 1,
      },
    );
    const broken = parseTrack('id: foundations\ntitle: Foundations\norder: first\nextra: 1\n');
    expect(broken.track).toBeUndefined();
    expect(broken.diagnostics.map((diagnostic) => diagnostic.id).sort()).toEqual([
      'track.invalid-type',
      'track.required',
      'track.unknown-field',
    ]);
  });
});

describe('sha256Hex', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
});
