/** A small authored exercise shared by the authoring tests: two pods, one ingress policy to write. */
import type { AuthoredExerciseFiles } from '../lab-api/contract.ts';

export const SMALL_SOLUTION = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-api
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: api
      ports:
        - port: 5432
`;

export const SMALL_EXERCISE_YAML = `# yaml-language-server: $schema=../../exercise.schema.json
id: shop-db-from-api
title: Only the API reaches the database
track: my-exercises
difficulty: beginner
minutes: 5
tags: [ingress]
kind: write
examWeight: 0
task: |
  Let only **api** reach **db** on 5432.
cluster:
  namespaces:
    - name: shop
      labels: { team: shop }
  pods:
    - name: api
      namespace: shop
      labels: { app: api }
      ports:
        - { name: http, port: 8080 }
    - name: db
      namespace: shop
      labels: { app: db }
      ports:
        - { name: pg, port: 5432 }
    - name: web
      namespace: shop
      labels: { app: web }
      ports:
        - { port: 80 }
checks:
  - id: api-to-db-5432
    type: reach
    from: shop/api
    to: shop/db
    port: 5432
    expect: allow
  - id: web-to-db-5432
    type: reach
    from: shop/web
    to: shop/db
    port: 5432
    expect: deny
`;

export const SMALL_FILES: AuthoredExerciseFiles = {
  exerciseYaml: SMALL_EXERCISE_YAML,
  starter: '',
  solution: SMALL_SOLUTION,
};
