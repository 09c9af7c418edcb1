import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMALL_FILES } from '../core/authoring/test-exercise.ts';
import { createLabBackend } from './lab-api/index.ts';
import type { LabBackend } from './lab-api/index.ts';
import { LibraryBusyError, createLibraryLock } from './library-lock.ts';

const EXERCISES = resolve(import.meta.dirname, '../exercises');
const ID = 'shop-db-from-api';

let folder: string;
let backends: LabBackend[];
let packText: string;

async function open(dataFolder: string): Promise<LabBackend> {
  const backend = await createLabBackend({
    exercisesRoot: EXERCISES,
    databaseFile: join(dataFolder, 'progress.sqlite'),
    host: 'browser',
    appVersion: '9.9.9',
  });
  backends.push(backend);
  return backend;
}

beforeAll(async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'netpol-lab-lock-pack-'));
  const backend = await createLabBackend({
    exercisesRoot: EXERCISES,
    databaseFile: join(scratch, 'progress.sqlite'),
    host: 'browser',
    appVersion: '9.9.9',
  });
  await backend.api.saveAuthoredExercise(SMALL_FILES);
  packText = (await backend.api.exportPack([ID], { name: 'P', author: 'A', version: '1.0.0' })).content;
  backend.close();
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-lab-lock-'));
  backends = [];
});
afterEach(() => {
  for (const backend of backends) backend.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('one writer at a time for the user library', () => {
  it('ten concurrent imports of one pack: one lands, nine are refused as clashes, one copy on disk', async () => {
    const { api } = await open(folder);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => api.importPack(packText, 'refuse')),
    );
    const landed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected'
        ? [(outcome.reason as { error: { code: string; message: string } }).error]
        : [],
    );
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const error of refused) {
      expect(error.code).toBe('invalid-argument');
      expect(error.message).toMatch(/Nothing was imported.*already exists/);
    }
    const authored = await api.listAuthoredExercises();
    expect(authored.map((exercise) => exercise.id)).toEqual([ID]);
    expect(authored[0]?.valid).toBe(true);
  });

  it('ten concurrent imports with rename through two hosts on one data folder give ten distinct ids', async () => {
    const first = await open(folder);
    const second = await open(folder);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).api.importPack(packText, 'rename'),
      ),
    );
    const ids = results.flatMap((result) => result.importedIds);
    expect(new Set(ids).size).toBe(10);
    expect((await first.api.listAuthoredExercises()).map((exercise) => exercise.id).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it('a second host sees an import in its catalog without a restart', async () => {
    const first = await open(folder);
    const second = await open(folder);
    expect((await second.api.getCatalog()).exercises.map((exercise) => exercise.id)).not.toContain(ID);
    await first.api.importPack(packText, 'refuse');
    expect((await second.api.getCatalog()).exercises.map((exercise) => exercise.id)).toContain(ID);
  });

  it('waits for a lock another process holds, then says plainly that the library is busy', async () => {
    const root = join(folder, 'exercises');
    mkdirSync(`${root}.lock`, { recursive: true });
    const lock = createLibraryLock(root, { waitMs: 150 });
    await expect(lock.write(() => Promise.resolve('never'))).rejects.toBeInstanceOf(LibraryBusyError);
    // The busy write changed nothing, and the lock it found is still the other process's.
    expect(await lock.stamp()).toBe('');
    rmSync(`${root}.lock`, { recursive: true });
    await expect(lock.write(() => Promise.resolve('done'))).resolves.toBe('done');
    expect(await lock.stamp()).not.toBe('');
  });

  it('takes over a lock left behind by a process that died', async () => {
    const root = join(folder, 'exercises');
    mkdirSync(`${root}.lock`, { recursive: true });
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${root}.lock`, old, old);
    const lock = createLibraryLock(root, { waitMs: 150, staleMs: 60_000 });
    await expect(lock.write(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('keeps writing after a failed write, and a failure leaves no new stamp', async () => {
    const lock = createLibraryLock(join(folder, 'exercises'));
    await expect(lock.write(() => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(await lock.stamp()).toBe('');
    await expect(lock.write(() => Promise.resolve('after'))).resolves.toBe('after');
  });
});
