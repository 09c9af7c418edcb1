/** Builders shared by the exam tests: catalogue entries and a small gradable exercise. */
import type { Difficulty, ExerciseKind } from '../exercise/types.ts';
import type { ExamCandidate } from './types.ts';

/** A catalogue entry with sensible defaults. */
export function candidate(id: string, overrides: Partial<ExamCandidate> = {}): ExamCandidate {
  return {
    id,
    title: `Exercise ${id}`,
    track: 'foundations',
    difficulty: 'intermediate',
    minutes: 10,
    tags: [],
    kind: 'write',
    examWeight: 5,
    ...overrides,
  };
}

const TRACKS = ['foundations', 'namespaces', 'default-policies', 'egress-and-dns', 'ip-blocks'];
const DIFFICULTY_CYCLE: readonly Difficulty[] = ['beginner', 'intermediate', 'advanced'];
const KIND_CYCLE: readonly ExerciseKind[] = ['write', 'fix', 'predict'];
const TAG_CYCLE = ['default-deny', 'dns', 'namespace-selector', 'except', 'egress', 'pod-selector', 'ports'];

/** A varied catalogue of `count` entries, deterministic, covering every track, difficulty and kind. */
export function catalogue(count: number): ExamCandidate[] {
  return Array.from({ length: count }, (_, index) =>
    candidate(`exercise-${String(index).padStart(3, '0')}`, {
      track: TRACKS[index % TRACKS.length] ?? 'foundations',
      difficulty: DIFFICULTY_CYCLE[index % 3] ?? 'beginner',
      kind: KIND_CYCLE[Math.floor(index / 3) % 3] ?? 'write',
      examWeight: index % 11,
      minutes: 5 + (index % 4) * 3,
      tags: [
        TAG_CYCLE[index % TAG_CYCLE.length] ?? 'egress',
        TAG_CYCLE[(index * 3) % TAG_CYCLE.length] ?? 'dns',
      ],
    }),
  );
}

/**
 * A tiny exercise: only prod/api may reach prod/db on 3306. The solution is {@link DB_SOLUTION}.
 * Weight and id vary so several can sit in one exam.
 */
export function dbExerciseYaml(id: string, examWeight = 4): string {
  return `id: ${id}
title: Only the API reaches the database
track: foundations
difficulty: intermediate
minutes: 10
kind: write
examWeight: ${examWeight}
task: Only prod/api may open prod/db on 3306/TCP.
cluster:
  namespaces:
    - name: prod
  pods:
    - name: db
      namespace: prod
      labels: { role: db }
    - name: api
      namespace: prod
      labels: { role: api }
    - name: web
      namespace: prod
      labels: { role: web }
checks:
  - id: api-to-db
    type: reach
    from: prod/api
    to: prod/db
    port: 3306
    expect: allow
  - id: web-to-db
    type: reach
    from: prod/web
    to: prod/db
    port: 3306
    expect: deny
hints:
  - Select the database pods.
`;
}

/** The reference answer to {@link dbExerciseYaml}: every check passes. */
export const DB_SOLUTION = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-api
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
`;

/** Lets every pod in prod reach the database: half the checks pass. */
export const DB_HALF_RIGHT = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-open
  namespace: prod
spec:
  podSelector:
    matchLabels: { role: db }
  policyTypes: [Ingress]
  ingress:
    - {}
`;
