import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMALL_FILES, SMALL_SOLUTION } from '../../core/authoring/test-exercise.ts';
import type { LabApi } from '../../core/lab-api/index.ts';
import { createLabBackend } from './index.ts';
import type { LabBackend } from './index.ts';

const EXERCISES = resolve(import.meta.dirname, '../../exercises');
const ID = 'shop-db-from-api';
const META = { name: 'Shop pack', author: 'Ada', version: '1.0.0' };

let folder: string;
let backends: LabBackend[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-lab-library-'));
  backends = [];
});

afterEach(() => {
  for (const backend of backends) backend.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(name = 'data'): Promise<LabApi> {
  const backend = await createLabBackend({
    exercisesRoot: EXERCISES,
    databaseFile: join(folder, name, 'progress.sqlite'),
    host: 'browser',
    appVersion: '9.9.9',
  });
  backends.push(backend);
  return backend.api;
}

async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    return (error as { error: { code: string; message: string } }).error;
  }
  throw new Error('expected the call to fail');
}

describe('authoring', () => {
  it('validates: the solution passes, the starter fails, and bundled ids are refused', async () => {
    const api = await open();
    const validation = await api.validateAuthoredExercise(SMALL_FILES);
    expect(validation).toMatchObject({
      valid: true,
      solutionPasses: true,
      starterFails: true,
      checksThatNeverFail: ['api-to-db-5432'],
    });
    // A check that holds with no policies at all is only a note (it earns no points); the exercise stays valid.
    expect(validation.problems).toEqual([expect.objectContaining({ severity: 'info' })]);
    // The mutation gate ran on the solution and every mutant that changes behaviour is caught.
    expect(validation.mutants?.made).toBeGreaterThan(5);
    expect(validation.mutants?.changing).toBeGreaterThan(0);
    expect(validation.mutants?.caught).toBe(validation.mutants?.changing);
    expect(validation.mutants?.uncaught).toEqual([]);
    const bundled = await api.validateAuthoredExercise({
      ...SMALL_FILES,
      exerciseYaml: SMALL_FILES.exerciseYaml.replace(`id: ${ID}`, 'id: internal-egress-payroll-mysql'),
    });
    expect(bundled.valid).toBe(false);
    expect(bundled.problems.map((problem) => problem.message).join('\n')).toMatch(/bundled exercise/);
    const lazy = await api.validateAuthoredExercise({ ...SMALL_FILES, starter: SMALL_SOLUTION });
    expect(lazy).toMatchObject({ valid: false, starterFails: false, solutionPasses: true });
    const broken = await api.validateAuthoredExercise({ ...SMALL_FILES, exerciseYaml: 'id: [' });
    expect(broken.valid).toBe(false);
    expect(broken.problems[0]?.message).toMatch(/^exercise\.yaml \d+:\d+: /);
  });

  it('proposes checks even before the exercise has any', async () => {
    const api = await open();
    const proposed = await api.proposeChecks({
      ...SMALL_FILES,
      exerciseYaml: SMALL_FILES.exerciseYaml.replace(/checks:[\s\S]*$/, 'checks: []\n'),
    });
    expect(proposed.filter((check) => check.reason === 'changed').map((check) => check.id)).toEqual([
      'web-to-db-5432',
    ]);
    const bad = await failure(
      api.proposeChecks({ ...SMALL_FILES, solution: 'kind: NetworkPolicy\nspec: [' }),
    );
    expect(bad.code).toBe('invalid-argument');
  });

  it('saves into My exercises, lists it in the catalogue, grades it, and deletes it', async () => {
    const api = await open();
    const summary = await api.saveAuthoredExercise(SMALL_FILES);
    expect(summary).toMatchObject({ id: ID, title: 'Only the API reaches the database', valid: true });
    expect(readdirSync(join(folder, 'data', 'exercises', '90-my-exercises'))).toEqual([
      '00-shop-db-from-api',
      'track.yaml',
    ]);
    expect(await api.listAuthoredExercises()).toEqual([summary]);
    expect(await api.getAuthoredExercise(ID)).toEqual(SMALL_FILES);

    const catalog = await api.getCatalog();
    expect(catalog.tracks.at(-1)).toMatchObject({
      id: 'my-exercises',
      title: 'My exercises',
      exerciseIds: [ID],
    });
    const graded = await api.submitAttempt({ exerciseId: ID, answer: SMALL_SOLUTION, durationMs: 1000 });
    expect(graded.grade.passed).toBe(true);

    // Saving again replaces the folder in place.
    const retitled = {
      ...SMALL_FILES,
      exerciseYaml: SMALL_FILES.exerciseYaml.replace('title: Only', 'title: Just'),
    };
    await api.saveAuthoredExercise(retitled);
    expect(await api.getAuthoredExercise(ID)).toEqual(retitled);
    expect((await api.listAuthoredExercises()).length).toBe(1);

    expect(await api.deleteAuthoredExercise(ID)).toBe(true);
    expect(await api.deleteAuthoredExercise(ID)).toBe(false);
    expect((await api.getCatalog()).exercises.some((exercise) => exercise.id === ID)).toBe(false);
    expect((await failure(api.getAuthoredExercise(ID))).code).toBe('not-found');
  });

  it('refuses to save an invalid exercise and writes nothing', async () => {
    const api = await open();
    const refused = await failure(api.saveAuthoredExercise({ ...SMALL_FILES, starter: SMALL_SOLUTION }));
    expect(refused).toMatchObject({ code: 'invalid-argument' });
    expect(refused.message).toMatch(/not saved.*starter\.yaml already passes/);
    expect(existsSync(join(folder, 'data', 'exercises'))).toBe(false);
  });
});

describe('packs', () => {
  let packText: string;

  beforeAll(async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'netpol-lab-pack-'));
    const backend = await createLabBackend({
      exercisesRoot: EXERCISES,
      databaseFile: join(scratch, 'progress.sqlite'),
      host: 'browser',
      appVersion: '9.9.9',
    });
    await backend.api.saveAuthoredExercise(SMALL_FILES);
    const file = await backend.api.exportPack([ID, 'internal-egress-payroll-mysql'], META);
    expect(file).toMatchObject({
      fileName: 'shop-pack-1.0.0.netpol-pack.yaml',
      mimeType: 'application/yaml',
    });
    packText = file.content;
    backend.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  afterAll(() => undefined);

  it('previews a pack: details, exercises and the ids that clash', async () => {
    const api = await open();
    const preview = await api.previewPack(packText);
    expect(preview).toMatchObject({ ok: true, problems: [], ...META });
    expect(preview.exercises.map((exercise) => exercise.id).sort()).toEqual([
      'internal-egress-payroll-mysql',
      ID,
    ]);
    expect(preview.clashingIds).toEqual(['internal-egress-payroll-mysql']);
  });

  it('refuses clashes on request and writes nothing; renames them otherwise', async () => {
    const api = await open();
    const refused = await failure(api.importPack(packText, 'refuse'));
    expect(refused.message).toMatch(/Nothing was imported.*already exists/);
    expect(await api.listAuthoredExercises()).toEqual([]);
    const { importedIds } = await api.importPack(packText, 'rename');
    expect([...importedIds].sort()).toEqual(['internal-egress-payroll-mysql-2', ID]);
    const catalog = await api.getCatalog();
    expect(catalog.exercises.map((exercise) => exercise.id)).toContain(ID);
    expect(catalog.tracks.map((track) => track.id)).toContain('my-exercises');
    expect((await api.getAuthoredExercise(ID)).solution).toBe(SMALL_SOLUTION);
  });

  it('refuses a hostile pack with its problems listed, and imports nothing', async () => {
    const api = await open();
    const hostile = packText.replace(/folder: 90-my-exercises\/00-shop-db-from-api/, 'folder: ../x');
    const preview = await api.previewPack(hostile);
    expect(preview.ok).toBe(false);
    expect(preview.problems.join('\n')).toMatch(/\.\./);
    expect((await failure(api.importPack(hostile, 'rename'))).code).toBe('invalid-argument');
    expect(existsSync(join(folder, 'data', 'exercises'))).toBe(false);
    const garbage = await api.previewPack('not: [a pack');
    expect(garbage).toMatchObject({ ok: false, name: null, exercises: [] });
    expect(garbage.problems.length).toBeGreaterThan(0);
  });
});
