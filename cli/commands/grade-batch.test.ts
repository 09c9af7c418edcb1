import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../captured-run.ts';
import type { CapturedRun } from '../captured-run.ts';
import { temporaryFolder } from '../../backend/packs/pack-fixtures.ts';
import { command, csvCell } from './grade-batch.ts';
import { DEFAULT_EXERCISE_ROOT } from './exercise-root.ts';

let work: string;

function run(...argv: string[]): Promise<CapturedRun> {
  return runCaptured(work, (io) => command.run(argv, io));
}

const exerciseFolder = path.join(DEFAULT_EXERCISE_ROOT, '01-foundations/02-db-ingress-from-api');

beforeEach(async () => {
  work = await temporaryFolder('netpol-grade-batch-');
  const submissions = path.join(work, 'submissions');
  await mkdir(submissions);
  await writeFile(
    path.join(submissions, 'alice.yaml'),
    await readFile(path.join(exerciseFolder, 'solution.yaml')),
  );
  await writeFile(
    path.join(submissions, 'bob.yml'),
    await readFile(path.join(exerciseFolder, 'starter.yaml')),
  );
  await writeFile(path.join(submissions, '=HYPERLINK("x").yaml'), 'kind: [unclosed\n');
  await writeFile(path.join(submissions, 'notes.txt'), 'not a submission');
  await mkdir(path.join(submissions, 'folder.yaml'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('netpol-lab grade-batch', () => {
  it('grades every YAML file and prints safe CSV', async () => {
    const { code, stdout, stderr } = await run('db-ingress-from-api', 'submissions', '-o', 'csv');
    expect(code).toBe(0);
    expect(stderr).toBe('graded 3 submissions for db-ingress-from-api: 1 passed, 2 not passed\n');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('file,passed,score,failed_checks,errors');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)\.yaml",false,0,,"?YAML syntax error/);
    expect(lines[2]).toBe('alice.yaml,true,100,,');
    expect(lines[3]).toMatch(/^bob\.yml,false,\d+,[a-z0-9-]+( [a-z0-9-]+)*,$/);
    expect(lines[4]).toBe('');
  });

  it('prints JSON rows and a readable table', async () => {
    const json = await run('db-ingress-from-api', 'submissions', '-o', 'json');
    const report = JSON.parse(json.stdout) as {
      exercise: { id: string };
      results: Record<string, unknown>[];
    };
    expect(report.exercise.id).toBe('db-ingress-from-api');
    expect(report.results.map((row) => [row['file'], row['passed'], row['score']])).toEqual([
      ['=HYPERLINK("x").yaml', false, 0],
      ['alice.yaml', true, 100],
      ['bob.yml', false, expect.any(Number)],
    ]);
    expect((report.results[0] as { errors: string[] }).errors[0]).toMatch(
      /^YAML syntax error: .*\(line \d+, column \d+\)$/,
    );
    const table = await run(exerciseFolder, 'submissions');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^FILE\s+PASSED\s+SCORE\s+FAILED CHECKS\s+ERRORS$/);
    expect(table.stdout).toMatch(/alice\.yaml\s+yes\s+100/);
  });

  it('grades predict answers given as check-id: allow|deny mappings', async () => {
    const answers = path.join(work, 'answers');
    await mkdir(answers);
    const right = [
      'frontend-web-to-api: allow',
      'frontend-admin-to-api: deny',
      'tools-web-to-api: deny',
      'frontend-admin-to-cache: deny',
      'tools-web-to-cache: deny',
      'api-to-cache: allow',
    ];
    await writeFile(path.join(answers, 'a.yaml'), `${right.join('\n')}\n`);
    await writeFile(path.join(answers, 'b.yaml'), 'frontend-web-to-api: maybe\n');
    const { code, stdout } = await run('predict-and-or-peers', 'answers', '-o', 'json');
    expect(code).toBe(0);
    const rows = (JSON.parse(stdout) as { results: { file: string; passed: boolean; errors: string[] }[] })
      .results;
    expect(rows[1]).toMatchObject({
      file: 'b.yaml',
      passed: false,
      errors: ['frontend-web-to-api: "maybe" is not allow or deny'],
    });
    expect(typeof rows[0]?.passed).toBe('boolean');
  });

  it('exits 2 on bad input', async () => {
    expect((await run('no-such-exercise', 'submissions')).code).toBe(2);
    expect((await run('db-ingress-from-api', 'missing')).stderr).toMatch(/cannot read the folder missing/);
    await mkdir(path.join(work, 'empty'));
    expect((await run('db-ingress-from-api', 'empty')).stderr).toMatch(/holds no \*\.yaml or \*\.yml files/);
    expect((await run('db-ingress-from-api', 'submissions', '-o', 'xml')).code).toBe(2);
    expect((await run('db-ingress-from-api')).code).toBe(2);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=a,"b"', `"'=a,""b"""`],
  ])('%j becomes %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
