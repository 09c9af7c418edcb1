/**
 * Everything that can be said about a pack without running anything on the host: the YAML reads
 * within limits, the shape is right, folders are safe, ids and folders are unique, every exercise
 * parses, sits in a track of the pack, and carries no script-like markup and no remote image. Proving exercises with the
 * grader and the JSON Schema's second opinion are added by `backend/packs`.
 */
import { parseExercise } from '../exercise/index.ts';
import type { Exercise } from '../exercise/index.ts';
import type { Diagnostic, SourcePosition } from '../netpol/types.ts';
import { formatPosition } from '../netpol/read/yaml-source.ts';
import { forbiddenMarkup } from './markup.ts';
import { readPackData } from './read-pack-data.ts';
import { remoteImages } from './remote-images.ts';
import { packProblem, readPackText } from './read-pack-text.ts';
import type { PackText } from './read-pack-text.ts';
import type { Pack, PackExercise, PackFileName } from './types.ts';

/** An exercise of the pack that parsed cleanly. */
export interface CheckedExercise {
  /** Its index in the pack's `exercises`. */
  readonly index: number;
  readonly entry: PackExercise;
  readonly exercise: Exercise;
  /** How messages name it: its folder, or `exercises[N]` when the folder was refused. */
  readonly label: string;
}

export interface PackCheck {
  /** Present when no problem was found. */
  readonly pack?: Pack;
  /** The parsed text, for locating further problems; absent when the YAML was unusable. */
  readonly text?: PackText;
  readonly exercises: readonly CheckedExercise[];
  /** Errors and warnings, in pack order. */
  readonly problems: readonly Diagnostic[];
  /** The shape matched the format everywhere (so a schema check has something to add only on drift). */
  readonly shapeComplete: boolean;
}

/**
 * Moves diagnostics about an embedded file into the pack: positions become pack line:column when the
 * text is a literal block, and messages name the exercise folder and file.
 */
export function relocateIntoPack(
  diagnostics: readonly Diagnostic[],
  text: PackText,
  index: number,
  label: string,
  file: PackFileName,
  source: string,
): Diagnostic[] {
  const path = ['exercises', index, 'files', file];
  const block = text.blockStart(path);
  const fallback = text.locate(path);
  return diagnostics.map((diagnostic) => {
    const inner = diagnostic.position;
    const position: SourcePosition =
      block !== undefined && inner !== undefined
        ? { line: block.line + inner.line, column: block.indent + inner.column }
        : fallback;
    const old = formatPosition(inner);
    const body =
      inner !== undefined && diagnostic.message.endsWith(old)
        ? diagnostic.message.slice(0, -old.length)
        : diagnostic.message;
    const message = `${label}/${file}: ${body}${formatPosition(position)}`;
    return { ...diagnostic, message, position, source };
  });
}

function markupProblems(
  texts: readonly (readonly [string, string | undefined])[],
  where: SourcePosition,
  source: string,
  prefix: string,
): Diagnostic[] {
  return texts.flatMap(([field, value]) => [
    ...forbiddenMarkup(value ?? '').map(({ what, snippet }) =>
      packProblem(
        'unsafe-markup',
        `${prefix}${field} contains ${what} (${JSON.stringify(snippet)}); packs may not carry raw HTML scripts, frames or script links`,
        where,
        source,
      ),
    ),
    ...remoteImages(value ?? '').map((snippet) =>
      packProblem(
        'remote-image',
        `${prefix}${field} loads an image from outside the lab (${JSON.stringify(snippet)}); embed it as a data: URL or leave it out`,
        where,
        source,
      ),
    ),
  ]);
}

function exerciseTexts(exercise: Exercise): [string, string][] {
  return [
    ['title', exercise.title],
    ...(exercise.examTitle === undefined ? [] : [['examTitle', exercise.examTitle] as [string, string]]),
    ['task', exercise.task],
    ...exercise.hints.map((hint, index): [string, string] => [`hints[${index}]`, hint]),
    ...exercise.checks.flatMap((check, index): [string, string][] =>
      check.explain === undefined ? [] : [[`checks[${index}].explain`, check.explain]],
    ),
  ];
}

/** Reads and checks a pack's text. Never throws on bad input. */
export function checkPack(packText: string, source = 'pack.yaml'): PackCheck {
  const read = readPackText(packText, source);
  if (read.pack === undefined) return { exercises: [], problems: read.problems, shapeComplete: false };
  const text = read.pack;
  const shape = readPackData(text, source);
  const problems: Diagnostic[] = [...shape.problems];
  const at = (path: readonly (string | number)[]) => text.locate(path);

  if (shape.manifest !== undefined) {
    problems.push(
      ...markupProblems([['description', shape.manifest.description]], at(['manifest']), source, 'manifest.'),
    );
  }
  const trackByFolder = new Map<string, string>();
  const trackIds = new Set<string>();
  for (const { index, track } of shape.tracks) {
    if (trackByFolder.has(track.folder))
      problems.push(
        packProblem(
          'duplicate-folder',
          `track folder "${track.folder}" appears twice`,
          at(['tracks', index, 'folder']),
          source,
        ),
      );
    if (trackIds.has(track.id))
      problems.push(
        packProblem(
          'duplicate-id',
          `track id "${track.id}" appears twice`,
          at(['tracks', index, 'id']),
          source,
        ),
      );
    trackByFolder.set(track.folder, track.id);
    trackIds.add(track.id);
    const fields: [string, string][] = [
      ['title', track.title],
      ['description', track.description],
    ];
    problems.push(...markupProblems(fields, at(['tracks', index]), source, `tracks[${index}].`));
  }

  const folders = new Set<string>();
  const idFolders = new Map<string, string>();
  const exercises: CheckedExercise[] = [];
  for (const { index, exercise: entry, folderOk } of shape.exercises) {
    const label = folderOk ? entry.folder : `exercises[${index}]`;
    const folderAt = at(['exercises', index, 'folder']);
    let trackId: string | undefined;
    let trackFolder = '';
    if (folderOk) {
      if (folders.has(entry.folder))
        problems.push(
          packProblem(
            'duplicate-folder',
            `exercise folder "${entry.folder}" appears twice`,
            folderAt,
            source,
          ),
        );
      folders.add(entry.folder);
      trackFolder = entry.folder.split('/')[0] as string;
      trackId = trackByFolder.get(trackFolder);
      // When a track failed to read, its exercises would only repeat that problem.
      if (trackId === undefined && shape.allTracksRead) {
        problems.push(
          packProblem(
            'unknown-track-folder',
            `folder "${entry.folder}" is in track folder "${trackFolder}", which no track of the pack has`,
            folderAt,
            source,
          ),
        );
      }
    }
    const parsed = parseExercise({
      exerciseYaml: entry.files['exercise.yaml'],
      starter: entry.files['starter.yaml'],
      solution: entry.files['solution.yaml'],
      source: `${label}/exercise.yaml`,
    });
    problems.push(...relocateIntoPack(parsed.diagnostics, text, index, label, 'exercise.yaml', source));
    const exercise = parsed.exercise;
    if (exercise === undefined) continue;
    const exerciseAt = at(['exercises', index, 'files', 'exercise.yaml']);
    if (trackId !== undefined && exercise.track !== trackId) {
      problems.push(
        packProblem(
          'track-folder',
          `${label}: track "${exercise.track}" does not match its folder's track "${trackId}" (${trackFolder})`,
          exerciseAt,
          source,
        ),
      );
    }
    const earlier = idFolders.get(exercise.id);
    if (earlier !== undefined) {
      problems.push(
        packProblem(
          'duplicate-id',
          `${label}: exercise id "${exercise.id}" is also used by ${earlier}`,
          exerciseAt,
          source,
        ),
      );
    } else idFolders.set(exercise.id, label);
    problems.push(...markupProblems(exerciseTexts(exercise), exerciseAt, source, `${label}: `));
    exercises.push({ index, entry, exercise, label });
  }

  const failed = problems.some((problem) => problem.severity === 'error');
  const pack: Pack | undefined =
    failed || !shape.complete || shape.manifest === undefined
      ? undefined
      : {
          manifest: shape.manifest,
          tracks: shape.tracks.map(({ track }) => track),
          exercises: shape.exercises.map(({ exercise }) => exercise),
        };
  return {
    ...(pack === undefined ? {} : { pack }),
    text,
    exercises,
    problems,
    shapeComplete: shape.complete,
  };
}
