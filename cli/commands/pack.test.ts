import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../captured-run.ts';
import type { CapturedRun } from '../captured-run.ts';
import { UsageError } from '../command.ts';
import { copySampleLibrary, SAMPLE_FOLDERS, temporaryFolder } from '../../backend/packs/pack-fixtures.ts';
import { command } from './pack.ts';

let work: string;

/** Runs the command in-process the way cli/main.ts does (usage mistakes exit 2). */
async function run(...argv: string[]): Promise<CapturedRun> {
  let usageMessage: string | undefined;
  const result = await runCaptured(work, async (io) => {
    try {
      return await command.run(argv, io);
    } catch (error) {
      const usage =
        error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      if (!usage) throw error;
      usageMessage = `${(error as Error).message}\n`;
      return 2;
    }
  });
  return usageMessage === undefined ? result : { ...result, stderr: `${result.stderr}${usageMessage}` };
}

/** A library whose ids do not exist in the bundled one (prefixed `course-`). */
async function courseLibrary(): Promise<string> {
  const root = await copySampleLibrary(work);
  for (const folder of SAMPLE_FOLDERS) {
    const file = path.join(root, folder, 'exercise.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^id: /m, 'id: course-'));
  }
  return root;
}

beforeEach(async () => {
  work = await temporaryFolder('netpol-pack-cli-');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('netpol-lab pack', () => {
  it('builds, verifies and imports a pack; a second import clashes unless --rename', async () => {
    await courseLibrary();
    const built = await run(
      'build',
      'library',
      '-o',
      'pack.yaml',
      '--name',
      'Course',
      '--author',
      'Ada',
      '--version',
      '2.0.0',
    );
    expect(built.stderr).toBe('packed 4 exercises in 3 tracks into pack.yaml\n');
    expect(built.code).toBe(0);
    expect(await readFile(path.join(work, 'pack.yaml'), 'utf8')).toContain('name: Course');

    const verified = await run('verify', 'pack.yaml');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toBe('OK: Course 2.0.0 by Ada: 4 exercises in 3 tracks\n');

    const imported = await run('import', 'pack.yaml', '--into', 'mine');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'added  01-foundations/01-internal-egress  course-internal-egress-payroll-mysql\n',
    );
    expect(imported.stderr).toBe('imported 4 exercises into mine\n');

    const again = await run('import', 'pack.yaml', '--into', 'mine');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exercise id "course-db-ingress-from-api" .* already exists/);
    expect(again.stderr).toContain('nothing was imported into mine');

    const renamed = await run('import', 'pack.yaml', '--into', 'mine', '--rename');
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain(
      'added  01-foundations/02-db-ingress-from-api-2  course-db-ingress-from-api-2 (renamed from course-db-ingress-from-api)',
    );
    expect((await readdir(path.join(work, 'mine', '01-foundations'))).sort()).toEqual([
      '01-internal-egress',
      '01-internal-egress-2',
      '02-db-ingress-from-api',
      '02-db-ingress-from-api-2',
      'track.yaml',
    ]);
  });

  it('refuses ids that exist in the bundled library', async () => {
    await copySampleLibrary(work);
    expect((await run('build', 'library', '-o', 'pack.yaml')).code).toBe(0);
    const result = await run('import', 'pack.yaml', '--into', 'mine');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/exercise id "internal-egress-payroll-mysql" .* already exists/);
    expect(await readdir(work)).not.toContain('mine');
  });

  it('verify lists every problem with line:column and exits 1', async () => {
    await courseLibrary();
    const built = await run('build', 'library');
    const broken = built.stdout
      .replace('folder: 01-foundations/01-internal-egress', 'folder: ../../etc')
      .replace('task: |\n', 'task: |\n          <script>x</script>\n')
      .replace('version: 1.0.0', 'version: latest');
    await writeFile(path.join(work, 'bad.yaml'), broken);
    const result = await run('verify', 'bad.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^bad\.yaml:\d+:\d+: error: manifest\.version: "latest" is not a semantic version/m,
    );
    expect(result.stdout).toMatch(
      /^bad\.yaml:\d+:\d+: error: exercises\[0\]\.folder: "\.\.\/\.\.\/etc" contains/m,
    );
    expect(result.stdout).toMatch(/task contains a <script> tag/);
    expect(result.stdout).toMatch(/INVALID: 3 problems; do not import this pack\n$/);
  });

  it('exits 2 for files and folders it cannot read, and for bad usage', async () => {
    expect((await run('verify', 'missing.yaml')).code).toBe(2);
    expect((await run('import', 'missing.yaml', '--into', 'x')).code).toBe(2);
    expect((await run('build', 'missing-folder', '-o', 'p.yaml')).code).toBe(2);
    expect((await run('import', 'p.yaml')).stderr).toContain('--into');
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect(await readdir(work)).toEqual([]);
  });

  it('refuses to pack a library that does not validate', async () => {
    const root = await courseLibrary();
    await writeFile(
      path.join(root, SAMPLE_FOLDERS[1], 'starter.yaml'),
      await readFile(path.join(root, SAMPLE_FOLDERS[1], 'solution.yaml')),
    );
    const result = await run('build', 'library', '-o', 'pack.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[proof.starter-passes]');
    expect(await readdir(work)).toEqual(['library']);
  });
});
