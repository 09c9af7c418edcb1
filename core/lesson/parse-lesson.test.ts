import { describe, expect, it } from 'vitest';
import { evaluateDiagram } from './diagram.ts';
import { parseLesson } from './parse-lesson.ts';

const LESSON = `id: both-ends
title: Both ends must allow
summary: Two checks for every connection.
order: 4
minutes: 5
sections:
  - title: Try it
    text: Switch the policy on.
    diagram:
      cluster:
        pods:
          - { name: api, labels: { app: api }, ip: 10.0.0.20 }
          - { name: db, labels: { app: db }, ip: 10.0.0.30 }
      policies:
        - label: api may open nothing
          on: false
          yaml: |
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: lockdown }
            spec:
              podSelector: { matchLabels: { app: api } }
              policyTypes: [Egress]
      connections:
        - { from: default/api, to: default/db, port: 3306, note: api opens it }
check:
  question: Does api reach db?
  options:
    - { text: 'No', correct: true, explain: Its egress refuses it. }
    - { text: 'Yes', correct: false, explain: Both ends must allow. }
links:
  - { title: Network Policies, url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' }
`;

describe('parseLesson', () => {
  it('reads sections, diagrams, the question and links', () => {
    const { lesson, diagnostics } = parseLesson(LESSON);
    expect(diagnostics).toEqual([]);
    expect(lesson).toMatchObject({ id: 'both-ends', order: 4, minutes: 5 });
    expect(lesson?.sections[0]?.diagram?.policies[0]?.policies.map((policy) => policy.name)).toEqual([
      'lockdown',
    ]);
    expect(lesson?.check.options.map((option) => option.correct)).toEqual([true, false]);
    expect(lesson?.links[0]?.url).toMatch(/^https:/);
  });

  it('reports problems with field paths and positions, and reads no lesson', () => {
    const broken = LESSON.replace('correct: false', 'correct: true')
      .replace('from: default/api', 'from: default/nobody')
      .replace("url: 'https://", "url: 'http://")
      .replace('policyTypes: [Egress]', 'policyTypes: [Sideways]');
    const { lesson, diagnostics } = parseLesson(broken, 'lessons/x.yaml');
    expect(lesson).toBeUndefined();
    const paths = diagnostics.map((diagnostic) => diagnostic.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'check.options',
        'sections[0].diagram.connections[0].from',
        'links[0].url',
        'sections[0].diagram.policies[0].yaml',
      ]),
    );
    for (const diagnostic of diagnostics) expect(diagnostic.position?.line).toBeGreaterThan(0);
  });

  it('refuses unknown fields and an empty file without throwing', () => {
    expect(parseLesson(`${LESSON}colour: blue\n`).diagnostics.map((diagnostic) => diagnostic.path)).toContain(
      'colour',
    );
    expect(parseLesson('').lesson).toBeUndefined();
    expect(parseLesson('[1, 2').lesson).toBeUndefined();
  });
});

describe('evaluateDiagram', () => {
  const diagram = parseLesson(LESSON).lesson?.sections[0]?.diagram;

  it('decides each connection with the policies switched on, with the reason', () => {
    if (diagram === undefined) throw new Error('no diagram');
    const [open] = evaluateDiagram(diagram, []);
    expect(open).toMatchObject({ allowed: true, note: 'api opens it' });
    const [locked] = evaluateDiagram(diagram, [true]);
    expect(locked?.allowed).toBe(false);
    expect(locked?.why).toContain('egress: isolated by default/lockdown');
    expect(locked?.explanation[0]).toMatch(/^DENIED: default\/api -> default\/db on 3306\/TCP/);
  });
});
