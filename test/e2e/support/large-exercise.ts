/**
 * A large exercise made on the fly, so the suite can measure the exercise screen on a big cluster
 * without a huge file in the repository: namespaces of five replicated apps (web, api, db, cache,
 * worker), a default-deny ingress policy already in every namespace, and checks along each
 * namespace's chain and across namespaces. The reference solution opens exactly the checked hops.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LARGE_EXERCISE_ID = 'large-cluster-chains';
export const LARGE_EXERCISE_TITLE = 'Open the chains of a large cluster';
/** The same cluster with no policy in it yet: every connection is allowed, the most arrows to draw. */
export const OPEN_EXERCISE_ID = 'large-cluster-open';
export const OPEN_EXERCISE_TITLE = 'Close the chains of a large open cluster';

/** The apps of every namespace, each with the port it serves. */
const APPS = [
  { app: 'web', port: 8080, portName: 'http' },
  { app: 'api', port: 9090, portName: 'api' },
  { app: 'db', port: 5432, portName: 'postgres' },
  { app: 'cache', port: 6379, portName: 'redis' },
  { app: 'worker', port: 7000, portName: 'jobs' },
] as const;

export interface LargeExerciseOptions {
  /** Pods in all; rounded down to whole namespaces of `APPS.length × replicas`. */
  readonly pods: number;
  /** Replicas of each app in a namespace. */
  readonly replicas?: number;
  /** Whether every namespace already denies all ingress (default true). */
  readonly denyIngress?: boolean;
}

export interface LargeExerciseFiles {
  readonly exerciseYaml: string;
  readonly starter: string;
  readonly solution: string;
  readonly podCount: number;
  readonly namespaceCount: number;
  readonly checkCount: number;
}

function namespaceName(index: number): string {
  return `team-${String(index).padStart(2, '0')}`;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

function defaultDeny(namespace: string): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    `metadata: { name: default-deny-ingress, namespace: ${namespace} }`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Ingress]',
  ].join('\n');
}

/** Lets `from` pods of the namespace reach `to` pods on `port`. */
function allowHop(namespace: string, from: string, to: string, port: number): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    `metadata: { name: ${from}-to-${to}, namespace: ${namespace} }`,
    'spec:',
    `  podSelector: { matchLabels: { app: ${to} } }`,
    '  policyTypes: [Ingress]',
    '  ingress:',
    `    - from: [{ podSelector: { matchLabels: { app: ${from} } } }]`,
    `      ports: [{ port: ${port} }]`,
  ].join('\n');
}

interface CheckInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly expect: 'allow' | 'deny';
}

/** The exercise's three files for a cluster of about `options.pods` pods. */
export function largeExercise(options: LargeExerciseOptions): LargeExerciseFiles {
  const replicas = options.replicas ?? 20;
  const perNamespace = APPS.length * replicas;
  const namespaceCount = Math.max(1, Math.floor(options.pods / perNamespace));
  const namespaces = Array.from({ length: namespaceCount }, (_, index) => namespaceName(index));

  const podLines: string[] = [];
  for (const namespace of namespaces) {
    for (const { app, port, portName } of APPS) {
      for (let replica = 0; replica < replicas; replica++) {
        podLines.push(
          `    - { name: ${app}-${replica}, namespace: ${namespace}, labels: { app: ${app} }, ports: [{ name: ${portName}, port: ${port} }] }`,
        );
      }
    }
  }

  const checks: CheckInput[] = [];
  namespaces.forEach((namespace, index) => {
    const other = namespaces[(index + 1) % namespaces.length] ?? namespace;
    checks.push(
      {
        id: `${namespace}-web-to-api`,
        from: `${namespace}/web-0`,
        to: `${namespace}/api-0`,
        port: 9090,
        expect: 'allow',
      },
      {
        id: `${namespace}-api-to-db`,
        from: `${namespace}/api-0`,
        to: `${namespace}/db-0`,
        port: 5432,
        expect: 'allow',
      },
      {
        id: `${namespace}-web-to-db`,
        from: `${namespace}/web-0`,
        to: `${namespace}/db-0`,
        port: 5432,
        expect: 'deny',
      },
      {
        id: `${namespace}-worker-to-cache`,
        from: `${namespace}/worker-0`,
        to: `${namespace}/cache-0`,
        port: 6379,
        expect: 'allow',
      },
    );
    if (other !== namespace) {
      checks.push({
        id: `${namespace}-web-to-${other}-api`,
        from: `${namespace}/web-0`,
        to: `${other}/api-0`,
        port: 9090,
        expect: 'deny',
      });
    }
  });
  checks.push({
    id: 'internet-to-web',
    from: 'internet',
    to: `${namespaces[0]}/web-0`,
    port: 8080,
    expect: 'deny',
  });

  const checkLines = checks.flatMap((check) => [
    `  - id: ${check.id}`,
    '    type: reach',
    `    from: ${check.from}`,
    `    to: ${check.to}`,
    `    port: ${check.port}`,
    `    expect: ${check.expect}`,
  ]);

  const deny = options.denyIngress ?? true;
  const clusterPolicies = namespaces.map(defaultDeny).join('\n---\n');
  const exerciseYaml = [
    `id: ${deny ? LARGE_EXERCISE_ID : OPEN_EXERCISE_ID}`,
    `title: ${deny ? LARGE_EXERCISE_TITLE : OPEN_EXERCISE_TITLE}`,
    'track: scale',
    'difficulty: advanced',
    'minutes: 30',
    'tags: [ingress, scale]',
    'kind: write',
    'examWeight: 0',
    'task: |',
    `  ${namespaceCount} namespaces each run web, api, db, cache and worker, ${replicas} replicas of each.`,
    deny
      ? '  Every namespace already denies all ingress. In every namespace let web reach api on 9090,'
      : '  No policy is in force yet. In every namespace let web reach api on 9090,',
    '  api reach db on 5432 and worker reach cache on 6379; nothing else.',
    'cluster:',
    '  namespaces:',
    ...namespaces.map((namespace) => `    - { name: ${namespace}, labels: { team: ${namespace} } }`),
    '  pods:',
    ...podLines,
    '  externals:',
    '    - { name: internet, ip: 203.0.113.50 }',
    '    - { name: backup, ip: 192.168.99.10 }',
    ...(deny ? ['  policies: |', indent(clusterPolicies, 4)] : []),
    'checks:',
    ...checkLines,
    'hints:',
    '  - One policy per hop and namespace, selecting the receiving app.',
    '',
  ].join('\n');

  const solution = `${namespaces
    .flatMap((namespace) => [
      ...(deny ? [] : [defaultDeny(namespace)]),
      allowHop(namespace, 'web', 'api', 9090),
      allowHop(namespace, 'api', 'db', 5432),
      allowHop(namespace, 'worker', 'cache', 6379),
    ])
    .join('\n---\n')}\n`;

  return {
    exerciseYaml,
    starter: '# Write your NetworkPolicies here\n',
    solution,
    podCount: namespaceCount * perNamespace,
    namespaceCount,
    checkCount: checks.length,
  };
}

/** Writes a library of one track (`<root>/01-scale/NN-…/`), one exercise per set of options. */
export function writeLargeLibrary(
  root: string,
  variants: readonly LargeExerciseOptions[],
): LargeExerciseFiles[] {
  const track = path.join(root, '01-scale');
  mkdirSync(track, { recursive: true });
  writeFileSync(
    path.join(track, 'track.yaml'),
    'id: scale\ntitle: Scale\ndescription: Clusters far larger than a lesson needs.\norder: 1\n',
  );
  return variants.map((options, index) => {
    const files = largeExercise(options);
    const folder = path.join(track, `${String(index + 1).padStart(2, '0')}-large`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'exercise.yaml'), files.exerciseYaml);
    writeFileSync(path.join(folder, 'starter.yaml'), files.starter);
    writeFileSync(path.join(folder, 'solution.yaml'), files.solution);
    return files;
  });
}
