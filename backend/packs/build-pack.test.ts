import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExerciseLibrary } from '../exercise-library.ts';
import { buildPack } from './build-pack.ts';
import { importPack } from './import-pack.ts';
import { SAMPLE_FOLDERS, copySampleLibrary, snapshotTree, temporaryFolder } from './pack-fixtures.ts';
import { verifyPack } from './verify-pack.ts';

const details = { name: 'Sample pack', author: 'Test Instructor', version: '1.2.0' };
let work: string;

beforeEach(async () => {
  work = await temporaryFolder();
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('buildPack', () => {
  it('round-trips a library: build, verify, import into an empty folder, same exercises byte for byte', async () => {
    const source = await copySampleLibrary(work);
    const built = await buildPack(source, { ...details, description: 'Four **sample** exercises.' });
    expect(built.problems).toEqual([]);
    expect(built.ok).toBe(true);
    expect(built.exerciseCount).toBe(SAMPLE_FOLDERS.length);
    expect(built.trackCount).toBe(3);
    const text = built.text as string;
    expect(text).toMatch(/^# NetPol Lab exercise pack/);
    expect(text).toContain('kind: NetPolLabPack');
    expect(text).toContain('      exercise.yaml: |');

    const verified = verifyPack(text);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.pack?.manifest).toEqual({
      ...details,
      description: 'Four **sample** exercises.',
      createdWith: 'netpol-lab',
    });

    const target = path.join(work, 'imported');
    const imported = await importPack(text, target, { onClash: 'refuse' });
    expect(imported.problems).toEqual([]);
    expect(imported.ok).toBe(true);
    expect(imported.imported.map((exercise) => exercise.folder)).toEqual([...SAMPLE_FOLDERS]);

    const before = await loadExerciseLibrary(source);
    const after = await loadExerciseLibrary(target);
    const fingerprint = (library: typeof before) =>
      library.exercises.map((exercise) => [exercise.id, exercise.contentHash]);
    expect(fingerprint(after)).toEqual(fingerprint(before));
    expect(
      after.tracks.map(({ id, title, description, order, folder }) => [
        id,
        title,
        description,
        order,
        folder,
      ]),
    ).toEqual(
      before.tracks.map(({ id, title, description, order, folder }) => [
        id,
        title,
        description,
        order,
        folder,
      ]),
    );
    for (const folder of SAMPLE_FOLDERS) {
      for (const name of ['exercise.yaml', 'starter.yaml', 'solution.yaml']) {
        expect(await readFile(path.join(target, folder, name), 'utf8')).toBe(
          await readFile(path.join(source, folder, name), 'utf8'),
        );
      }
    }
    expect(Object.keys(await snapshotTree(work)).filter((name) => name.includes('-import-'))).toEqual([]);
  });

  it('packs the whole bundled library and the pack verifies', async () => {
    const built = await buildPack(path.resolve(import.meta.dirname, '../../exercises'), details);
    expect(built.ok).toBe(true);
    expect(built.exerciseCount).toBeGreaterThanOrEqual(40);
    expect(verifyPack(built.text as string).ok).toBe(true);
  });

  it('refuses a library that does not validate, listing why', async () => {
    const source = await copySampleLibrary(work);
    await writeFile(path.join(source, SAMPLE_FOLDERS[0], 'solution.yaml'), '');
    const built = await buildPack(source, details);
    expect(built.ok).toBe(false);
    expect(built.text).toBeUndefined();
    expect(built.problems.map((problem) => problem.id)).toContain('proof.solution-fails');
  });

  it('refuses a bad manifest with the pack problem', async () => {
    const source = await copySampleLibrary(work);
    const built = await buildPack(source, { ...details, version: 'one' });
    expect(built.ok).toBe(false);
    expect(built.problems.map((problem) => problem.message).join('\n')).toMatch(
      /manifest\.version: "one" is not a semantic version/,
    );
  });

  it('reports an unreadable folder', async () => {
    const built = await buildPack(path.join(work, 'missing'), details);
    expect(built.ok).toBe(false);
    expect(built.unreadable).toBe(true);
  });
});
