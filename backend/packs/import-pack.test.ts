import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkPack, writePack } from '../../core/pack/index.ts';
import type { Pack, PackExercise } from '../../core/pack/index.ts';
import { loadExerciseLibrary, validateLibrary } from '../exercise-library.ts';
import { buildPack } from './build-pack.ts';
import { importPack } from './import-pack.ts';
import { SAMPLE_FOLDERS, copySampleLibrary, snapshotTree, temporaryFolder } from './pack-fixtures.ts';

let packText: string;
let pack: Pack;
let work: string;
let target: string;

beforeAll(async () => {
  const scratch = await temporaryFolder();
  const built = await buildPack(await copySampleLibrary(scratch), {
    name: 'P',
    author: 'A',
    version: '0.1.0',
  });
  packText = built.text as string;
  pack = checkPack(packText).pack as Pack;
  await rm(scratch, { recursive: true, force: true });
});

beforeEach(async () => {
  work = await temporaryFolder();
  // The target already holds one of the pack's exercises, so some ids clash.
  target = await copySampleLibrary(work, ['01-foundations/01-internal-egress']);
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function edited(change: (exercise: PackExercise, index: number) => PackExercise): string {
  return writePack({ ...pack, exercises: pack.exercises.map(change) });
}

describe('importPack', () => {
  it('refuses a pack whose ids clash, listing them, and writes nothing', async () => {
    const before = await snapshotTree(work);
    const result = await importPack(packText, target, {
      onClash: 'refuse',
      existingIds: ['and-or-predict-x'],
    });
    expect(result.ok).toBe(false);
    expect(result.clashes).toEqual(['internal-egress-payroll-mysql']);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        /exercise id "internal-egress-payroll-mysql" \(01-foundations\/01-internal-egress\) already exists/,
      ),
    ]);
    expect(await snapshotTree(work)).toEqual(before);
  });

  it('counts ids passed in (the bundled library) as taken', async () => {
    const empty = path.join(work, 'empty');
    const ids = checkPack(packText).exercises.map(({ exercise }) => exercise.id);
    const result = await importPack(packText, empty, { onClash: 'refuse', existingIds: [ids[3] as string] });
    expect(result.ok).toBe(false);
    expect(result.clashes).toEqual([ids[3]]);
    expect(await readdir(work)).toEqual(['library']);
  });

  it('renames clashing ids to <id>-2 with a matching folder, and the library stays valid', async () => {
    const result = await importPack(packText, target, { onClash: 'rename' });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.imported[0]).toEqual({
      id: 'internal-egress-payroll-mysql-2',
      originalId: 'internal-egress-payroll-mysql',
      folder: '01-foundations/01-internal-egress-2',
    });
    expect(result.imported.slice(1).map((exercise) => exercise.folder)).toEqual(SAMPLE_FOLDERS.slice(1));
    const renamed = await readFile(
      path.join(target, '01-foundations/01-internal-egress-2/exercise.yaml'),
      'utf8',
    );
    const original = (pack.exercises[0] as PackExercise).files['exercise.yaml'];
    expect(renamed).toBe(
      original.replace('id: internal-egress-payroll-mysql\n', 'id: internal-egress-payroll-mysql-2\n'),
    );
    const library = await loadExerciseLibrary(target);
    expect(validateLibrary(library).ok).toBe(true);
    expect(library.exercises).toHaveLength(5);
    // The existing track was joined, not duplicated.
    expect(library.tracks.map((track) => track.folder)).toEqual([
      '01-foundations',
      '08-troubleshooting',
      '09-reading-policies',
    ]);
    expect((await readdir(work)).sort()).toEqual(['library']);
  });

  it('gives a new track a free folder when its folder name is taken by another track', async () => {
    const other = writePack({
      ...pack,
      tracks: pack.tracks.map((track) =>
        track.folder === '01-foundations' ? { ...track, id: 'basics' } : track,
      ),
      exercises: pack.exercises.map((exercise) =>
        exercise.folder.startsWith('01-foundations/')
          ? {
              ...exercise,
              files: {
                ...exercise.files,
                'exercise.yaml': exercise.files['exercise.yaml']
                  .replace('track: foundations', 'track: basics')
                  .replace(/^id: /m, 'id: other-'),
              },
            }
          : exercise,
      ),
    });
    const result = await importPack(other, target, { onClash: 'refuse' });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.imported.map((exercise) => exercise.folder)).toContain(
      '01-foundations-2/01-internal-egress',
    );
    expect(validateLibrary(await loadExerciseLibrary(target)).ok).toBe(true);
  });

  const hostile: [string, () => string][] = [
    ['bad schema', () => packText.replace('apiVersion: netpol-lab/v1', 'apiVersion: v2')],
    ['huge file', () => `${packText}#${'x'.repeat(5 * 1024 * 1024 + 1)}\n`],
    [
      'too many exercises',
      () =>
        writePack({
          ...pack,
          exercises: Array.from({ length: 201 }, (_, index) => ({
            ...(pack.exercises[1] as PackExercise),
            folder: `01-foundations/${String(10 + (index % 90))}-x-${index}`,
          })),
        }),
    ],
    [
      'script in Markdown',
      () =>
        edited((exercise, index) =>
          index === 1
            ? {
                ...exercise,
                files: {
                  ...exercise.files,
                  'exercise.yaml': exercise.files['exercise.yaml'].replace(
                    'task: |\n',
                    'task: |\n  <SCRIPT src=x>\n',
                  ),
                },
              }
            : exercise,
        ),
    ],
    [
      'duplicate ids',
      () =>
        writePack({
          ...pack,
          exercises: [
            ...pack.exercises,
            { ...(pack.exercises[1] as PackExercise), folder: '01-foundations/07-again' },
          ],
        }),
    ],
    [
      'path ../x',
      () => edited((exercise, index) => (index === 1 ? { ...exercise, folder: '../x' } : exercise)),
    ],
    [
      'path /abs',
      () => edited((exercise, index) => (index === 1 ? { ...exercise, folder: '/abs' } : exercise)),
    ],
    [
      'path a\\b',
      () => edited((exercise, index) => (index === 1 ? { ...exercise, folder: 'a\\b' } : exercise)),
    ],
    [
      'path 01-t/../../x',
      () => edited((exercise, index) => (index === 1 ? { ...exercise, folder: '01-t/../../x' } : exercise)),
    ],
    [
      'alias bomb',
      () =>
        `${packText}a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n`,
    ],
    [
      'starter that passes',
      () =>
        edited((exercise, index) =>
          index === 1
            ? { ...exercise, files: { ...exercise.files, 'starter.yaml': exercise.files['solution.yaml'] } }
            : exercise,
        ),
    ],
    [
      'solution that fails',
      () =>
        edited((exercise, index) =>
          index === 1 ? { ...exercise, files: { ...exercise.files, 'solution.yaml': '' } } : exercise,
        ),
    ],
  ];

  it.each(hostile)('refuses a hostile pack (%s) in both modes and writes nothing', async (_name, make) => {
    const text = make();
    const before = await snapshotTree(work);
    for (const onClash of ['refuse', 'rename'] as const) {
      const result = await importPack(text, target, { onClash });
      expect(result.ok).toBe(false);
      expect(result.imported).toEqual([]);
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((problem) => problem.message.length > 10)).toBe(true);
      expect(await snapshotTree(work)).toEqual(before);
      const fresh = path.join(work, 'fresh');
      expect((await importPack(text, fresh, { onClash })).ok).toBe(false);
      expect(await snapshotTree(work)).toEqual(before);
    }
  });
});
