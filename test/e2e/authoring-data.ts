/** The exercise the authoring and pack specs write: two pods, and the api pod must refuse all ingress. */
export const AUTHORED = {
  id: 'e2e-isolate-api',
  title: 'Nobody may reach the api pod',
  task: 'Isolate **api**: no pod may open a connection to it. `api` must still reach `db` on 5432.',
  pods: [
    { name: 'api', labels: 'app=api', ports: 'http:8080/TCP' },
    { name: 'db', labels: 'app=db', ports: 'pg:5432/TCP' },
  ],
  solution: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-no-ingress
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
    - Ingress
`,
  /** What the solution changes: db may no longer reach api. */
  changedCheck: 'db-to-api-8080',
  staysOpenCheck: 'api-to-db-5432',
} as const;
