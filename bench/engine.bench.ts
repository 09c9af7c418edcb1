/**
 * Engine benchmark: `npx tsx bench/engine.bench.ts`. Seeded generated clusters of 100, 1,000 and
 * 5,000 pods (workloads of 5 replicas) with pods/10 policies and 3 port/protocols, plus a worst case
 * of 5,000 pods that all differ. Measures the matrix (median of a few runs),
 * the plain reference evaluator pair by pair (100 and 1,000 pods), the speedup, and the latency of a
 * single evaluation on a 10-pod cluster, the terminal, and the grader (bench/grading.ts). Prints a table, then one JSON object as the LAST line.
 */
import { compileModel } from '../core/netpol/compile.ts';
import { evaluateConnection } from '../core/netpol/evaluate.ts';
import { computeMatrix } from '../core/netpol/matrix.ts';
import { referenceAllowed } from '../core/netpol/reference-evaluator.ts';
import { EVERYTHING } from '../core/netpol/selector.ts';
import type { Connection, Endpoint } from '../core/netpol/types.ts';
import { generateLab } from '../test/support/random-cluster.ts';
import type { GeneratedLab } from '../test/support/random-cluster.ts';
import { gradingFigures } from './grading.ts';
import { terminalCommandP50 } from './terminal-command.ts';
import { median } from './median.ts';

const SEED = 42;

/** Compile + matrix, as a user of the engine pays it; returns the median in ms and the allowed count. */
function timeMatrix(lab: GeneratedLab, runs: number): { ms: number; allowed: number } {
  const times: number[] = [];
  let allowed = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const matrix = computeMatrix(compileModel(lab.cluster, lab.policies), lab.ports);
    times.push(performance.now() - start);
    allowed = matrix.cells.reduce((sum, cells) => sum + cells.reduce((count, cell) => count + cell, 0), 0);
  }
  return { ms: median(times), allowed };
}

/** Every pair on every port through the reference evaluator; returns ms and the allowed count. */
function timeReference(lab: GeneratedLab): { ms: number; allowed: number } {
  const endpoints: Endpoint[] = compileModel(lab.cluster, lab.policies).endpoints.slice();
  const start = performance.now();
  let allowed = 0;
  for (const { port, protocol } of lab.ports) {
    for (const from of endpoints) {
      for (const to of endpoints) {
        if (referenceAllowed(lab.cluster, lab.policies, { from, to, port, protocol })) allowed++;
      }
    }
  }
  return { ms: performance.now() - start, allowed };
}

/**
 * p50 of single evaluations on a 10-pod cluster, in microseconds. The cluster gets 6 policies that
 * select every pod of their namespace, so connections meet isolating policies and build full provenance.
 * Timer resolution is coarse, so each sample is the mean of a batch of 50 evaluations.
 */
function probeP50(): number {
  const lab = generateLab(SEED, 10, 6);
  const policies = lab.policies.map((policy) => ({ ...policy, podSelector: EVERYTHING }));
  const model = compileModel(lab.cluster, policies);
  const endpoints = model.endpoints;
  const connections: Connection[] = [];
  for (const from of endpoints) {
    for (const to of endpoints) connections.push({ from, to, port: 80, protocol: 'TCP' });
  }
  for (let warmup = 0; warmup < 20_000; warmup++) {
    evaluateConnection(model, connections[warmup % connections.length] as Connection);
  }
  const samples: number[] = [];
  const batch = 50;
  let sink = 0;
  for (let round = 0; round < 2_000; round++) {
    const start = performance.now();
    for (let index = 0; index < batch; index++) {
      const verdict = evaluateConnection(
        model,
        connections[(round * batch + index) % connections.length] as Connection,
      );
      // Use every result, so the engine cannot skip work whose answer nobody reads.
      sink += verdict.egress.policies.length + (verdict.allowed ? 1 : 0);
    }
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  if (sink < 0) throw new Error('unreachable');
  return median(samples);
}

async function main(): Promise<void> {
  const rows: string[][] = [['pods', 'policies', 'endpoints', 'matrix ms', 'reference ms', 'speedup']];
  const result: Record<string, number> = {};
  for (const pods of [100, 1_000, 5_000]) {
    const lab = generateLab(SEED, pods);
    const runs = pods >= 5_000 ? 5 : 7;
    timeMatrix(lab, 1); // warm up the JIT
    const matrix = timeMatrix(lab, runs);
    result[`matrix_${pods}_ms`] = Number(matrix.ms.toFixed(2));
    let referenceText = '-';
    let speedupText = '-';
    if (pods <= 1_000) {
      const reference = timeReference(lab);
      if (reference.allowed !== matrix.allowed) {
        throw new Error(
          `${pods} pods: the matrix allows ${matrix.allowed} cells, the reference ${reference.allowed}`,
        );
      }
      const speedup = reference.ms / matrix.ms;
      result[`reference_${pods}_ms`] = Number(reference.ms.toFixed(1));
      result[`speedup_vs_simple_${pods}`] = Number(speedup.toFixed(1));
      referenceText = reference.ms.toFixed(1);
      speedupText = `${speedup.toFixed(1)}x`;
    }
    const endpoints = lab.cluster.pods.length + lab.cluster.externals.length;
    rows.push([
      String(pods),
      String(lab.policies.length),
      String(endpoints),
      matrix.ms.toFixed(2),
      referenceText,
      speedupText,
    ]);
  }
  // The worst case for equivalence classes: every pod its own workload, so almost no two alike.
  const distinct = generateLab(SEED, 5_000, 500, 1);
  timeMatrix(distinct, 1);
  const distinctMatrix = timeMatrix(distinct, 3);
  result.matrix_5000_distinct_ms = Number(distinctMatrix.ms.toFixed(2));
  rows.push(['5000*', String(distinct.policies.length), '5003', distinctMatrix.ms.toFixed(2), '-', '-']);
  const probe = probeP50();
  result.probe_p50_us = Number(probe.toFixed(2));
  const terminal = terminalCommandP50();
  result.terminal_command_p50_ms = Number(terminal.toFixed(2));
  const grading = await gradingFigures();
  result.grade_p50_ms = Number(grading.gradeP50Ms.toFixed(2));
  result.diff_1000_ms = Number(grading.diff1000Ms.toFixed(1));
  result.diff_1000_edit_ms = Number(grading.diff1000EditMs.toFixed(1));
  result.gate_curriculum_ms = Math.round(grading.gateMs);
  if (grading.gateUncaught > 0) {
    throw new Error(`the mutation gate let ${grading.gateUncaught} mutants through`);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  for (const row of rows)
    console.log(row.map((cell, column) => cell.padStart(widths[column] as number)).join('  '));
  console.log('* every pod with its own labels (no replicas): the worst case for equivalence classes');
  console.log(`single evaluateConnection on a 10-pod cluster: p50 ${probe.toFixed(2)} µs`);
  console.log(`kubectl apply of an exercise policy then exec curl: p50 ${terminal.toFixed(2)} ms`);
  console.log(
    `grading one answer, full equivalence: p50 ${grading.gradeP50Ms.toFixed(2)} ms over ${grading.gradedAnswers} answers`,
  );
  console.log(
    `diff of 100 unrelated policies against 100 on 1,000 pods: ${grading.diff1000Ms.toFixed(1)} ms (${grading.diff1000Cells} regions compared, ${grading.diff1000Differing} differ)`,
  );
  console.log(
    `diff of the same 100 policies with every tenth replaced: ${grading.diff1000EditMs.toFixed(1)} ms (${grading.diff1000EditDiffering} regions differ)`,
  );
  console.log(
    `mutation gate over ${grading.gateExercises} exercises: ${(grading.gateMs / 1000).toFixed(1)} s, ${grading.gateMutants} mutants, ${grading.gateUncaught} uncaught`,
  );
  console.log(
    'targets: matrix_5000_ms < 2000, speedup_vs_simple_1000 >= 20, probe_p50_us < 100, terminal_command_p50_ms < 20, grade_p50_ms < 10, diff_1000_ms < 500, gate_curriculum_ms < 60000',
  );
  console.log(JSON.stringify(result));
}

await main();
