/**
 * The terminal's speed: one `kubectl apply` of an exercise-sized policy file followed by one
 * `kubectl exec … -- curl` through a Service (a DNS lookup, the Service's backend, the engine's
 * verdict), on the cluster of `internal-egress-payroll-mysql`. Each sample starts from the same
 * state, so every exec compiles the policies anew, as in a session.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExercise } from '../core/exercise/parse-exercise.ts';
import { runKubectl, stateFromExercise } from '../core/kubectl/index.ts';

const FOLDER = join(import.meta.dirname, '..', 'exercises', '01-foundations', '01-internal-egress');

/** p50 in milliseconds of apply + exec curl, over `runs` samples after a warm-up. */
export function terminalCommandP50(runs = 200): number {
  const read = (name: string): string => readFileSync(join(FOLDER, name), 'utf8');
  const parsed = parseExercise({
    exerciseYaml: read('exercise.yaml'),
    starter: read('starter.yaml'),
    solution: read('solution.yaml'),
  });
  const exercise = parsed.exercise;
  if (exercise === undefined) throw new Error('internal-egress-payroll-mysql did not parse');
  const withService = {
    ...exercise,
    cluster: {
      ...exercise.cluster,
      services: [
        {
          namespace: 'default',
          name: 'payroll',
          labels: {},
          selector: { name: 'payroll' },
          ports: [{ name: 'http', port: 80, protocol: 'TCP' as const, targetPort: 'http' }],
          clusterIP: '',
        },
      ],
    },
  };
  const start = stateFromExercise(withService, { now: 0 });
  const io = {
    now: 1000,
    readFile: (path: string) => (path === 'policy.yaml' ? exercise.solution : undefined),
  };
  const once = (): number => {
    const began = performance.now();
    const applied = runKubectl(start, ['apply', '-f', 'policy.yaml'], io);
    const probed = runKubectl(
      applied.state,
      ['exec', 'internal', '--', 'curl', '-s', '-m', '2', 'http://payroll'],
      io,
    );
    const elapsed = performance.now() - began;
    if (applied.exitCode !== 0 || probed.exitCode !== 0)
      throw new Error(`terminal bench failed: ${applied.stderr}${probed.stderr}`);
    return elapsed;
  };
  for (let warmup = 0; warmup < 30; warmup++) once();
  const samples = Array.from({ length: runs }, once).sort((left, right) => left - right);
  return samples[Math.floor(samples.length / 2)] as number;
}
