import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaptured } from '../captured-run.ts';
import type { CapturedRun } from '../captured-run.ts';
import { command as grade } from './grade.ts';
import { command as validateExercises } from './validate-exercises.ts';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch: string;

function run(command: typeof grade, ...argv: string[]): Promise<CapturedRun> {
  return runCaptured(repository, (io) => command.run(argv, io));
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'netpol-grade-'));
  await writeFile(path.join(scratch, 'empty.yaml'), '');
  await writeFile(
    path.join(scratch, 'predict.yaml'),
    [
      'frontend-web-to-api: allow',
      'frontend-admin-to-api: deny',
      'tools-web-to-api: deny',
      'frontend-admin-to-cache: allow',
      'tools-web-to-cache: deny',
      'api-to-cache: deny',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(scratch, 'bad-predict.yaml'), 'frontend-web-to-api: maybe\n');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('netpol-lab grade', () => {
  it('passes the reference solution, with exit 0 and a JSON report', async () => {
    const { code, stdout } = await run(
      grade,
      'db-ingress-from-api',
      'exercises/01-foundations/02-db-ingress-from-api/solution.yaml',
      '-o',
      'json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      exercise: { id: string };
      passed: boolean;
      score: number;
      checks: { id: string; passed: boolean; expected: string; actual: string }[];
      diagnostics: unknown[];
      lint: unknown[];
    };
    expect(report.exercise.id).toBe('db-ingress-from-api');
    expect(report.passed).toBe(true);
    expect(report.score).toBe(100);
    expect(report.checks[0]).toMatchObject({
      id: 'api-to-db',
      passed: true,
      expected: 'allow',
      actual: 'allow',
    });
    expect(report.diagnostics).toEqual([]);
    expect(Array.isArray(report.lint)).toBe(true);
  });

  it('fails an empty answer with exit 1 and a readable report', async () => {
    const { code, stdout } = await run(
      grade,
      'exercises/01-foundations/02-db-ingress-from-api',
      path.join(scratch, 'empty.yaml'),
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      'FAIL  web-to-db-denied: prod/web -> prod/db on 3306/TCP: expected deny, got allow',
    );
    // Doing nothing scores nothing, whatever it happens to leave open.
    expect(stdout).toMatch(/NOT PASSED: 5\/8 graded checks pass; \d+ other regions? differs?, score 0\/100/);
  });

  it('grades predictions from a mapping of check ids to answers', async () => {
    const passed = await run(grade, 'predict-and-or-peers', path.join(scratch, 'predict.yaml'));
    expect(passed.code).toBe(0);
    const bad = await run(grade, 'predict-and-or-peers', path.join(scratch, 'bad-predict.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"maybe" is not allow or deny');
  });

  it('exits 2 for an unknown exercise, a missing answer file or bad usage', async () => {
    expect((await run(grade, 'no-such-exercise', path.join(scratch, 'empty.yaml'))).code).toBe(2);
    const missing = await run(grade, 'db-ingress-from-api', path.join(scratch, 'missing.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await run(grade, 'db-ingress-from-api')).code).toBe(2);
    expect((await run(grade, 'db-ingress-from-api', 'x.yaml', '-o', 'xml')).code).toBe(2);
  });
});

describe('netpol-lab validate-exercises', () => {
  /** One track of the repository catalogue and its lessons, so the gate's output stays quick to read. */
  async function smallLibrary(): Promise<string> {
    const root = path.join(scratch, 'one-track');
    const source = path.join(repository, 'exercises');
    await cp(path.join(source, '01-foundations'), path.join(root, '01-foundations'), { recursive: true });
    await cp(path.join(source, 'lessons'), path.join(root, 'lessons'), { recursive: true });
    return root;
  }

  it('proves a catalogue, with the mutation gate per exercise and in total', async () => {
    const { code, stdout } = await run(validateExercises, await smallLibrary());
    expect(stdout).toMatch(/4 exercises in 1 track: 4 ok, 0 failing/);
    const perExercise = [...stdout.matchAll(/mutants: (\d+) made, (\d+) change behaviour, (\d+) caught/g)];
    expect(perExercise).toHaveLength(4);
    for (const [, made, changing, caught] of perExercise) {
      expect(Number(made)).toBeGreaterThan(0);
      expect(Number(changing)).toBeLessThanOrEqual(Number(made));
      expect(caught).toBe(changing);
    }
    expect(stdout).toMatch(
      /Mutation gate over 4 exercises: \d+ mutants made, \d+ change behaviour, \d+ caught \(/,
    );
    expect(stdout).not.toMatch(/UNCAUGHT/);
    expect(stdout).toMatch(/\n7 lessons: all read cleanly\n/);
    expect(code).toBe(0);
  });

  it('fails on a broken lesson with its position', async () => {
    const root = path.join(scratch, 'lessons-only');
    mkdirSync(path.join(root, 'lessons'), { recursive: true });
    writeFileSync(path.join(root, 'lessons', 'bad.yaml'), 'id: Bad Id\ntitle: x\n');
    const { code, stdout } = await run(validateExercises, root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/lessons\/bad\.yaml:1:5: error: .*id/);
    expect(stdout).toMatch(/0 lessons: \d+ problems/);
  });

  it('exits 2 when the folder cannot be read', async () => {
    const { code } = await run(validateExercises, path.join(scratch, 'nowhere'));
    expect(code).toBe(2);
  });
});
