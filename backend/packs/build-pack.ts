/**
 * Builds a pack from a library folder (the layout of `exercises/`). Only a library that passes every
 * rule `validate-exercises` enforces is packed, and the written pack is verified before it is returned,
 * so a pack that leaves this function imports cleanly anywhere.
 */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../core/netpol/index.ts';
import { PACK_FILE_NAMES, writePack } from '../../core/pack/index.ts';
import type { PackExercise, PackFileName } from '../../core/pack/index.ts';
import { loadExerciseLibrary, validateLibrary } from '../exercise-library.ts';
import { verifyPack } from './verify-pack.ts';

/** What the instructor says about the pack. */
export interface PackDetails {
  readonly name: string;
  readonly author: string;
  readonly version: string;
  readonly description?: string;
  /** The tool writing the pack; defaults to `netpol-lab`. */
  readonly createdWith?: string;
}

export interface PackBuild {
  readonly ok: boolean;
  /** The pack's YAML, when `ok`. */
  readonly text?: string;
  readonly exerciseCount: number;
  readonly trackCount: number;
  /** Why the library could not be packed (library problems or the pack's own). */
  readonly problems: readonly Diagnostic[];
  /** True when the folder itself could not be read. */
  readonly unreadable: boolean;
}

function failure(problems: Diagnostic[], unreadable = false): PackBuild {
  return { ok: false, exerciseCount: 0, trackCount: 0, problems, unreadable };
}

/**
 * Problems with the files a pack would take from `directory`: each must be a regular file, never a
 * symlink (a `starter.yaml` linked to `~/.kube/config` would otherwise be packed verbatim), a
 * device or a FIFO. The app's export checks its sources with this before it copies them.
 */
export async function packFileProblems(directory: string, names: readonly string[]): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const entries = [
    { file: directory, folder: true },
    ...names.map((name) => ({ file: path.join(directory, name), folder: false })),
  ];
  for (const { file, folder } of entries) {
    let info;
    try {
      info = await lstat(file);
    } catch {
      continue; // A missing file is the library validation's to report.
    }
    const what = info.isSymbolicLink()
      ? 'a symbolic link'
      : folder
        ? info.isDirectory()
          ? ''
          : 'not a folder'
        : info.isFile()
          ? ''
          : 'not a regular file';
    if (what === '') continue;
    problems.push({
      id: 'pack.not-regular-file',
      severity: 'error',
      message: `${file} is ${what}; a pack holds only regular files written in place, so it is not packed`,
      source: file,
    });
  }
  return problems;
}

/** Warnings for files that hold kinds a pack should never carry (`Secret`, a kubeconfig's `Config`). */
function sensitiveKindWarnings(folder: string, files: Readonly<Record<string, string>>): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const [name, text] of Object.entries(files)) {
    const kind = /^kind:\s*["']?(Secret|Config)["']?\s*$/m.exec(text)?.[1];
    if (kind === undefined) continue;
    warnings.push({
      id: 'pack.sensitive-kind',
      severity: 'warning',
      message: `${folder}/${name} holds a ${kind} object; check it carries no credentials before sharing the pack`,
      source: `${folder}/${name}`,
    });
  }
  return warnings;
}

/** Reads, validates and packs the library under `directory`. */
export async function buildPack(directory: string, details: PackDetails): Promise<PackBuild> {
  const library = await loadExerciseLibrary(directory);
  const unreadable = library.diagnostics.filter((diagnostic) => diagnostic.id === 'library.unreadable');
  if (unreadable.length > 0) return failure(unreadable, true);
  const validation = validateLibrary(library);
  if (!validation.ok) {
    const errors = [...validation.problems, ...validation.exercises.flatMap((exercise) => exercise.problems)];
    return failure(errors.filter((problem) => problem.severity === 'error'));
  }
  if (library.folders.length === 0) {
    return failure([
      { id: 'pack.empty', severity: 'error', message: 'the folder holds no exercises', source: library.root },
    ]);
  }
  const fileProblems: Diagnostic[] = [];
  for (const folder of library.folders) {
    fileProblems.push(...(await packFileProblems(folder.directory, PACK_FILE_NAMES)));
  }
  for (const track of new Set(library.folders.map((folder) => folder.trackFolder))) {
    fileProblems.push(...(await packFileProblems(path.join(library.root, track), ['track.yaml'])));
  }
  if (fileProblems.length > 0) return failure(fileProblems);
  const exercises: PackExercise[] = [];
  const warnings: Diagnostic[] = [];
  for (const folder of library.folders) {
    const files: Partial<Record<PackFileName, string>> = {};
    for (const name of PACK_FILE_NAMES)
      files[name] = await readFile(path.join(folder.directory, name), 'utf8');
    exercises.push({ folder: folder.folder, files: files as Record<PackFileName, string> });
    warnings.push(...sensitiveKindWarnings(folder.folder, files as Record<PackFileName, string>));
  }
  const used = new Set(library.folders.map((folder) => folder.trackFolder));
  const tracks = library.tracks
    .filter((track) => used.has(track.folder))
    .map(({ folder, id, title, description, order }) => ({ folder, id, title, description, order }));
  const text = writePack({
    manifest: {
      name: details.name,
      author: details.author,
      version: details.version,
      ...(details.description === undefined ? {} : { description: details.description }),
      createdWith: details.createdWith ?? 'netpol-lab',
    },
    tracks,
    exercises,
  });
  const verification = verifyPack(text, 'pack.yaml');
  if (!verification.ok)
    return failure(verification.problems.filter((problem) => problem.severity === 'error'));
  return {
    ok: true,
    text,
    exerciseCount: exercises.length,
    trackCount: tracks.length,
    problems: warnings,
    unreadable: false,
  };
}
