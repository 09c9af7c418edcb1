/** Exercises for the exercise screen's tests, read by core's own exercise parser. */
import { parseExercise } from '../../../core/exercise/index.ts';
import type { Exercise } from '../../../core/exercise/index.ts';
import type { ExerciseView } from '../../../core/lab-api/index.ts';
import { emptyProgress } from '../../../core/lab-api/index.ts';

const WRITE_YAML = `id: web-to-db
title: Only web reaches the database
track: foundations
difficulty: beginner
minutes: 5
tags: [ingress]
kind: write
examWeight: 1
task: |
  Let **web** reach \`db\` on 5432/TCP, and nothing else.
cluster:
  namespaces:
    - name: prod
      labels: { team: shop }
  pods:
    - name: web
      namespace: prod
      labels: { app: web }
    - name: db
      namespace: prod
      labels: { app: db }
      ports:
        - { name: postgres, port: 5432, protocol: TCP }
    - name: batch
      namespace: prod
      labels: { app: batch }
  externals:
    - { name: backup, ip: 192.168.99.10 }
checks:
  - id: web-to-db
    type: reach
    from: prod/web
    to: prod/db
    port: 5432
    expect: allow
  - id: batch-to-db
    type: reach
    from: prod/batch
    to: prod/db
    port: 5432
    expect: deny
    explain: Select **db** and list only web as a peer.
hints:
  - Select the database pod.
  - Allow ingress from app=web only.
`;

export const DB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web
      ports:
        - port: 5432
`;

const PREDICT_YAML = `id: predict-web
title: 'Predict: web and db'
track: reading-policies
difficulty: beginner
minutes: 5
tags: [predict]
kind: predict
examWeight: 1
task: Predict each connection.
cluster:
  pods:
    - name: web
      labels: { app: web }
    - name: db
      labels: { app: db }
      ports:
        - { port: 3306 }
  policies: |
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: { name: db, namespace: default }
    spec:
      podSelector: { matchLabels: { app: db } }
      policyTypes: [Ingress]
checks:
  - id: web-to-db
    type: reach
    from: default/web
    to: default/db
    port: 3306
    expect: deny
  - id: db-to-web
    type: reach
    from: default/db
    to: default/web
    port: 80
    expect: allow
hints: []
`;

function parsed(exerciseYaml: string, starter: string, solution: string): Exercise {
  const result = parseExercise({ exerciseYaml, starter, solution });
  if (!result.exercise) throw new Error(JSON.stringify(result.diagnostics));
  return result.exercise;
}

/** Progress before any attempt. */
export const freshProgress = emptyProgress;

function view(exercise: Exercise): ExerciseView {
  const { solution: _solution, source: _source, ...rest } = exercise;
  return { ...rest, progress: freshProgress(exercise.id), draft: null, nextExerciseId: 'next-one' };
}

/** A write exercise: web → db allowed, batch → db denied. */
export function writeExercise(): ExerciseView {
  return view(parsed(WRITE_YAML, '# Write your NetworkPolicy here\n', DB_POLICY));
}

/** A predict exercise over two pods with one isolating policy. */
export function predictExercise(): ExerciseView {
  return view(parsed(PREDICT_YAML, '', 'web-to-db: deny\ndb-to-web: allow\n'));
}
