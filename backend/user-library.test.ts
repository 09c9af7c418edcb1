import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMALL_FILES } from '../core/authoring/test-exercise.ts';
import {
  USER_TRACK,
  ensureUserTrack,
  folderOfId,
  loadUserLibrary,
  newFolderName,
  readExerciseFiles,
  removeExerciseFolder,
  writeExerciseFolder,
} from './user-library.ts';

let root: string;

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'netpol-lab-user-')), 'exercises');
});

afterEach(() => {
  rmSync(join(root, '..'), { recursive: true, force: true });
});

describe('user library', () => {
  it('is empty, not broken, before anything is saved', async () => {
    const library = await loadUserLibrary(root);
    expect(library).toMatchObject({ tracks: [], exercises: [], diagnostics: [] });
  });

  it('writes the My exercises track once, then exercises atomically', async () => {
    await ensureUserTrack(root);
    await ensureUserTrack(root);
    let library = await loadUserLibrary(root);
    expect(library.tracks).toEqual([
      expect.objectContaining({ id: USER_TRACK.id, title: 'My exercises', folder: '90-my-exercises' }),
    ]);
    const folder = newFolderName(library, USER_TRACK, 'shop-db-from-api');
    expect(folder).toBe('90-my-exercises/00-shop-db-from-api');
    await writeExerciseFolder(root, folder, SMALL_FILES);
    library = await loadUserLibrary(root);
    expect(library.diagnostics).toEqual([]);
    const found = folderOfId(library, 'shop-db-from-api');
    expect(found?.folder).toBe(folder);
    expect(await readExerciseFiles(found!)).toEqual(SMALL_FILES);

    await writeExerciseFolder(root, folder, { ...SMALL_FILES, starter: '# changed\n' });
    expect(readFileSync(join(root, folder, 'starter.yaml'), 'utf8')).toBe('# changed\n');
    // No temporary folders are left behind.
    expect(readdirSync(join(root, USER_TRACK.folder))).toEqual(['00-shop-db-from-api', 'track.yaml']);
    expect(newFolderName(library, USER_TRACK, 'shop-db-from-api')).toBe(
      '90-my-exercises/01-shop-db-from-api',
    );

    await removeExerciseFolder(found!);
    expect(readdirSync(join(root, USER_TRACK.folder))).toEqual(['track.yaml']);
  });
});
