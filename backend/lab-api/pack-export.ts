/**
 * Builds a pack from chosen exercises of two libraries (bundled and the user's): their folders and
 * track files are copied to a temporary library, which the pack builder validates and packs as a whole.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExerciseFolder, ExerciseLibrary } from '../exercise-library.ts';
import { buildPack, packFileProblems } from '../packs/index.ts';
import type { PackBuild, PackDetails } from '../packs/index.ts';
import type { Diagnostic } from '../../core/netpol/index.ts';

const FILES = ['exercise.yaml', 'starter.yaml', 'solution.yaml'] as const;

/** One exercise to pack and the library it comes from. */
export interface PackSource {
  readonly library: ExerciseLibrary;
  readonly folder: ExerciseFolder;
}

/** Packs `sources`; the temporary library is always removed. */
export async function packExercises(
  sources: readonly PackSource[],
  details: PackDetails,
): Promise<PackBuild> {
  const staging = await mkdtemp(path.join(tmpdir(), 'netpol-lab-export-'));
  try {
    // Track folders are keyed by library and folder, so two libraries' same-named folders stay apart.
    const trackFolders = new Map<string, string>();
    const usedFolders = new Set<string>();
    const refused: Diagnostic[] = [];
    for (const { library, folder } of sources) {
      refused.push(...(await packFileProblems(folder.directory, FILES)));
      refused.push(...(await packFileProblems(path.join(library.root, folder.trackFolder), ['track.yaml'])));
    }
    if (refused.length > 0) {
      return { ok: false, exerciseCount: 0, trackCount: 0, problems: refused, unreadable: false };
    }
    for (const { library, folder } of sources) {
      const key = `${library.root}\0${folder.trackFolder}`;
      let target = trackFolders.get(key);
      if (target === undefined) {
        target = folder.trackFolder;
        for (let number = 2; usedFolders.has(target); number += 1) target = `${folder.trackFolder}-${number}`;
        usedFolders.add(target);
        trackFolders.set(key, target);
        await mkdir(path.join(staging, target));
        await copyFile(
          path.join(library.root, folder.trackFolder, 'track.yaml'),
          path.join(staging, target, 'track.yaml'),
        );
      }
      const destination = path.join(staging, target, path.basename(folder.folder));
      await mkdir(destination);
      for (const name of FILES)
        await copyFile(path.join(folder.directory, name), path.join(destination, name));
    }
    return await buildPack(staging, details);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A file name for a pack: `<name>-<version>.netpol-pack.yaml`, letters, digits and dashes only. */
export function packFileName(name: string, version: string): string {
  const slug = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${slug(name) || 'pack'}-${slug(version) || '1.0.0'}.netpol-pack.yaml`;
}
