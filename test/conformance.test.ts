/**
 * The engine conformance suite: every case under conformance/cases/ is a cluster, some policies and the
 * full truth table a correct engine must produce, written by hand from the semantics note. Each case is
 * checked twice — through the matrix and through one evaluation per cell — so the two paths can never
 * drift apart. See conformance/README.md for the case format.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseManifests } from '../core/netpol/read/manifests.ts';
import { canonicalIp } from '../core/netpol/ip.ts';
import { compileModel } from '../core/netpol/compile.ts';
import { computeMatrix } from '../core/netpol/matrix.ts';
import { evaluateConnection } from '../core/netpol/evaluate.ts';
import type { Endpoint, SideVerdict, Verdict } from '../core/netpol/types.ts';
import { portText, readCase } from './conformance/case-format.ts';
import type { ConformanceCase, Probe, SideExpectation, TruthTable } from './conformance/case-format.ts';
import {
  checkTableLabels,
  endpointLabel,
  endpointNames,
  findEndpoint,
  sortedPods,
} from './conformance/endpoint-labels.ts';

const CASES_FOLDER = fileURLToPath(new URL('./conformance/cases/', import.meta.url));

/** Renders what the engine said in the table format, marking each disagreement with `!`. */
function diffTable(table: TruthTable, actual: (row: number, column: number) => boolean): string {
  const width = Math.max(9, ...table.labels.map((label) => label.length)) + 2;
  const cellWidth = Math.max(3, ...table.labels.map((label) => label.length + 1));
  const header = 'from \\ to'.padEnd(width) + table.labels.map((label) => label.padEnd(cellWidth)).join('');
  const rows = table.labels.map((rowLabel, row) => {
    const cells = table.labels.map((_, column) => {
      const engine = actual(row, column);
      const symbol = engine ? '.' : 'X';
      return (engine === table.allowed[row]?.[column] ? symbol : `${symbol}!`).padEnd(cellWidth);
    });
    return rowLabel.padEnd(width) + cells.join('');
  });
  return [header, ...rows].join('\n');
}

function disagreements(table: TruthTable, actual: (row: number, column: number) => boolean): string[] {
  const found: string[] = [];
  table.labels.forEach((from, row) => {
    table.labels.forEach((to, column) => {
      const wanted = table.allowed[row]?.[column] === true;
      if (actual(row, column) !== wanted) {
        found.push(
          `${from} -> ${to}: expected ${wanted ? 'allowed' : 'denied'}, engine says ${wanted ? 'denied' : 'allowed'}`,
        );
      }
    });
  });
  return found;
}

function sideProblems(side: SideVerdict, wanted: SideExpectation, where: string): string[] {
  const problems: string[] = [];
  if (wanted.allowed !== undefined && side.allowed !== wanted.allowed) {
    problems.push(`${where}.allowed: expected ${wanted.allowed}, got ${side.allowed}`);
  }
  if (wanted.reason !== undefined && side.reason !== wanted.reason) {
    problems.push(`${where}.reason: expected ${wanted.reason}, got ${side.reason}`);
  }
  if (wanted.allowedBy !== undefined) {
    const by = side.allowedBy;
    const got =
      by === undefined ? 'nothing' : `${by.policy.namespace}/${by.policy.name} rule ${by.ruleIndex}`;
    const want = wanted.allowedBy;
    if (
      by === undefined ||
      `${by.policy.namespace}/${by.policy.name}` !== want.policy ||
      by.ruleIndex !== want.rule ||
      (want.peer !== undefined && by.peerIndex !== want.peer) ||
      (want.port !== undefined && by.portIndex !== want.port)
    ) {
      problems.push(
        `${where}.allowedBy: expected ${want.policy} rule ${want.rule}` +
          `${want.peer === undefined ? '' : ` peer ${want.peer}`}${want.port === undefined ? '' : ` port ${want.port}`}, got ${got}` +
          (by === undefined ? '' : ` (peer ${String(by.peerIndex)}, port ${String(by.portIndex)})`),
      );
    }
  }
  if (wanted.policies !== undefined) {
    const got = side.policies.map((outcome) => `${outcome.policy.namespace}/${outcome.policy.name}`).sort();
    const want = [...wanted.policies].sort();
    if (got.join(',') !== want.join(',')) {
      problems.push(`${where}.policies: expected [${want.join(', ')}], got [${got.join(', ')}]`);
    }
  }
  return problems;
}

function probeProblems(probe: Probe, verdict: Verdict): string[] {
  const where = `probe ${probe.from} -> ${probe.to} ${portText(probe.port)}`;
  const problems: string[] = [];
  if (verdict.allowed !== probe.allowed)
    problems.push(`${where}: expected allowed=${probe.allowed}, got ${verdict.allowed}`);
  if (probe.self !== undefined && verdict.selfConnection !== probe.self) {
    problems.push(`${where}: expected selfConnection=${probe.self}, got ${verdict.selfConnection}`);
  }
  if (probe.egress !== undefined)
    problems.push(...sideProblems(verdict.egress, probe.egress, `${where} egress`));
  if (probe.ingress !== undefined)
    problems.push(...sideProblems(verdict.ingress, probe.ingress, `${where} ingress`));
  return problems;
}

function sameEndpoint(left: Endpoint | undefined, right: Endpoint): boolean {
  if (left === undefined || left.kind !== right.kind) return false;
  if (left.kind === 'pod' && right.kind === 'pod') {
    return left.pod.namespace === right.pod.namespace && left.pod.name === right.pod.name;
  }
  return (
    left.kind === 'ip' &&
    right.kind === 'ip' &&
    canonicalIp(left.ip) === canonicalIp(right.ip) &&
    left.name === right.name
  );
}

function runCase(testCase: ConformanceCase): void {
  const parsed = parseManifests([{ text: testCase.manifests, source: testCase.file }]);
  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(
    errors.map((diagnostic) => diagnostic.message),
    `${testCase.file}: the manifests must parse cleanly`,
  ).toEqual([]);
  const cluster = { ...parsed.cluster, externals: testCase.externals };
  const model = compileModel(cluster, parsed.policies);
  const matrix = computeMatrix(model, testCase.ports);

  // The endpoint order is part of the matrix contract: pods by namespace/name, then externals.
  const expectedEndpoints: Endpoint[] = [
    ...sortedPods(cluster.pods).map((pod): Endpoint => ({ kind: 'pod', pod })),
    ...testCase.externals.map((external): Endpoint => ({ kind: 'ip', ip: external.ip, name: external.name })),
  ];
  const order = (endpoints: readonly Endpoint[]): string =>
    endpointNames(endpoints).map(endpointLabel).join(' ');
  expect(
    matrix.endpoints.length === expectedEndpoints.length &&
      expectedEndpoints.every((endpoint, index) => sameEndpoint(matrix.endpoints[index], endpoint)),
    `matrix endpoints\n  expected: ${order(expectedEndpoints)}\n  got:      ${order(matrix.endpoints)}`,
  ).toBe(true);
  const endpoints = matrix.endpoints;
  const size = endpoints.length;

  const failures: string[] = [];
  testCase.ports.forEach((port, portIndex) => {
    const key = portText(port);
    const table = testCase.expect.get(key) as TruthTable;
    checkTableLabels(table.labels, endpoints, `${testCase.file}: expect.${key}`);
    const cells = matrix.cells[portIndex];
    if (cells === undefined || cells.length !== size * size) {
      failures.push(`${key}: the matrix has no ${size}x${size} cells for this port`);
      return;
    }
    const fromMatrix = (row: number, column: number): boolean => cells[row * size + column] === 1;
    const fromEvaluate = (row: number, column: number): boolean =>
      evaluateConnection(model, {
        from: endpoints[row] as Endpoint,
        to: endpoints[column] as Endpoint,
        port: port.port,
        protocol: port.protocol,
      }).allowed;
    for (const [path, actual] of [
      ['computeMatrix', fromMatrix],
      ['evaluateConnection', fromEvaluate],
    ] as const) {
      const found = disagreements(table, actual);
      if (found.length > 0) {
        failures.push(
          `${key} via ${path}: ${found.length} cell(s) differ (engine verdicts shown, ! = disagrees with the case)\n` +
            `${diffTable(table, actual)}\n  ${found.join('\n  ')}`,
        );
      }
    }
  });

  for (const probe of testCase.probes) {
    const where = `${testCase.file}: probe ${probe.from} -> ${probe.to}`;
    const from = findEndpoint(endpoints, probe.from, where);
    const to = findEndpoint(endpoints, probe.to, where);
    const table = testCase.expect.get(portText(probe.port)) as TruthTable;
    const row = table.labels.indexOf(probe.from);
    const column = table.labels.indexOf(probe.to);
    if (row !== -1 && column !== -1 && table.allowed[row]?.[column] !== probe.allowed) {
      throw new Error(`${where}: the probe says allowed=${probe.allowed} but the table says otherwise`);
    }
    const verdict = evaluateConnection(model, {
      from,
      to,
      port: probe.port.port,
      protocol: probe.port.protocol,
    });
    failures.push(...probeProblems(probe, verdict));
  }

  if (failures.length > 0) {
    // One readable report (tables with ! marks) instead of a deep-equality dump of the same text.
    expect.fail(`${testCase.name} (${testCase.file}): ${testCase.description}\n\n${failures.join('\n\n')}`);
  }
}

const files = readdirSync(CASES_FOLDER)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

describe('engine conformance cases', () => {
  it('has the cases on disk, with unique names', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    const names = files.map((file) => readCase(readFileSync(join(CASES_FOLDER, file), 'utf8'), file).name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  for (const file of files) {
    const text = readFileSync(join(CASES_FOLDER, file), 'utf8');
    let testCase: ConformanceCase | undefined;
    let problem: string | undefined;
    try {
      testCase = readCase(text, file);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (testCase === undefined) {
      // A malformed case is a failing test named by its file, never a silent skip.
      it(`${file} (malformed case)`, () => {
        throw new Error(problem);
      });
    } else {
      const valid = testCase;
      it(valid.name, () => runCase(valid));
    }
  }
});
