/**
 * Checks the shape of a parsed pack (the same rules as `exercises/pack.schema.json`, in code so every
 * problem has a path and line:column) and turns it into a {@link Pack}. Entries with problems are
 * reported and left out, so one bad exercise does not hide the problems of the others.
 */
import type { Diagnostic } from '../netpol/types.ts';
import { exerciseFolderProblem, trackFolderProblem } from './folder-path.ts';
import { hasControlCharacter, packProblem, utf8ByteLength } from './read-pack-text.ts';
import type { PackText } from './read-pack-text.ts';
import { PACK_API_VERSION, PACK_FILE_NAMES, PACK_KIND, PACK_LIMITS } from './types.ts';
import type { PackExercise, PackFileName, PackManifest, PackTrack } from './types.ts';

type Path = readonly (string | number)[];

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Semantic versioning 2.0.0, without leading zeros. */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

function dotted(path: Path): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects shape problems while reading. */
class ShapeReader {
  readonly problems: Diagnostic[] = [];

  constructor(
    private readonly packText: PackText,
    private readonly source: string,
  ) {}

  problem(path: Path, message: string, id = 'invalid-value'): void {
    this.problems.push(packProblem(id, message, this.packText.locate(path), this.source, dotted(path)));
  }

  map(value: unknown, path: Path, keys: readonly string[], required: readonly string[]) {
    if (!isRecord(value)) {
      this.problem(path, 'must be a mapping', 'invalid-type');
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key))
        this.problem([...path, key], `is not a known field; known: ${keys.join(', ')}`, 'unknown-field');
    }
    let complete = true;
    for (const key of required) {
      if (!(key in value)) {
        this.problem(path, `${key} is required`, 'required');
        complete = false;
      }
    }
    return complete ? value : undefined;
  }

  text(
    value: unknown,
    path: Path,
    options: {
      maxLength?: number;
      pattern?: RegExp;
      hint?: string;
      optional?: boolean;
      multiline?: boolean;
    } = {},
  ): string | undefined {
    if (value === undefined && options.optional) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.problem(
        path,
        `must be a string, not the ${typeof value} ${String(value)} (quote it)`,
        'invalid-type',
      );
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, 'must be a non-empty string', 'invalid-type');
      return undefined;
    }
    // Control characters (terminal escapes above all) have no place in names shown on a console.
    if (hasControlCharacter(value, options.multiline)) {
      this.problem(path, `contains a control character${options.multiline ? '' : ' or line break'}`);
      return undefined;
    }
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      this.problem(path, `is ${value.length} characters long; at most ${options.maxLength} are allowed`);
      return undefined;
    }
    if (options.pattern !== undefined && !options.pattern.test(value)) {
      this.problem(path, `${JSON.stringify(value)} ${options.hint ?? 'has the wrong form'}`);
      return undefined;
    }
    return value;
  }

  list(value: unknown, path: Path, minimum: number, maximum: number): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.problem(path, 'must be a list', 'invalid-type');
      return undefined;
    }
    if (value.length < minimum)
      this.problem(path, `needs at least ${minimum} entr${minimum === 1 ? 'y' : 'ies'}`);
    if (value.length > maximum) {
      this.problem(path, `has ${value.length} entries; a pack holds at most ${maximum}`, 'too-many');
      return undefined;
    }
    return value;
  }
}

function readManifest(reader: ShapeReader, value: unknown): PackManifest | undefined {
  const path = ['manifest'];
  const keys = ['name', 'author', 'version', 'description', 'createdWith'];
  const map = reader.map(value, path, keys, ['name', 'author', 'version', 'createdWith']);
  if (map === undefined) return undefined;
  const name = reader.text(map['name'], [...path, 'name'], { maxLength: 100 });
  const author = reader.text(map['author'], [...path, 'author'], { maxLength: 200 });
  const version = reader.text(map['version'], [...path, 'version'], {
    maxLength: 64,
    pattern: SEMVER,
    hint: 'is not a semantic version such as 1.0.0',
  });
  const description = reader.text(map['description'], [...path, 'description'], {
    maxLength: 4000,
    optional: true,
    multiline: true,
  });
  const createdWith = reader.text(map['createdWith'], [...path, 'createdWith'], { maxLength: 100 });
  if (name === undefined || author === undefined || version === undefined || createdWith === undefined)
    return undefined;
  return { name, author, version, ...(description === undefined ? {} : { description }), createdWith };
}

function readTrack(reader: ShapeReader, value: unknown, index: number): PackTrack | undefined {
  const path = ['tracks', index];
  const keys = ['folder', 'id', 'title', 'description', 'order'];
  const map = reader.map(value, path, keys, keys);
  if (map === undefined) return undefined;
  const folder = reader.text(map['folder'], [...path, 'folder']);
  const folderProblem = folder === undefined ? undefined : trackFolderProblem(folder);
  if (folderProblem !== undefined)
    reader.problem([...path, 'folder'], `${JSON.stringify(folder)} ${folderProblem}`, 'unsafe-folder');
  const id = reader.text(map['id'], [...path, 'id'], {
    maxLength: 100,
    pattern: KEBAB_CASE,
    hint: 'is not kebab-case',
  });
  const title = reader.text(map['title'], [...path, 'title'], { maxLength: 200 });
  const description = reader.text(map['description'], [...path, 'description'], {
    maxLength: 4000,
    multiline: true,
  });
  const order = map['order'];
  const orderOk = Number.isInteger(order) && (order as number) >= 0 && (order as number) <= 1000;
  if (!orderOk) reader.problem([...path, 'order'], 'must be an integer from 0 to 1000');
  if (folder === undefined || folderProblem !== undefined || id === undefined || title === undefined)
    return undefined;
  if (description === undefined || !orderOk) return undefined;
  return { folder, id, title, description, order: order as number };
}

function readExercise(
  reader: ShapeReader,
  value: unknown,
  index: number,
): { exercise: PackExercise; folderOk: boolean } | undefined {
  const path = ['exercises', index];
  const map = reader.map(value, path, ['folder', 'files'], ['folder', 'files']);
  if (map === undefined) return undefined;
  const folder = map['folder'];
  let folderOk = typeof folder === 'string';
  if (typeof folder !== 'string') reader.problem([...path, 'folder'], 'must be a string', 'invalid-type');
  else {
    const problem = exerciseFolderProblem(folder);
    if (problem !== undefined) {
      reader.problem(
        [...path, 'folder'],
        `${JSON.stringify(folder.slice(0, 200))} ${problem}`,
        'unsafe-folder',
      );
      folderOk = false;
    }
  }
  const filesPath = [...path, 'files'];
  const fileMap = reader.map(map['files'], filesPath, PACK_FILE_NAMES, PACK_FILE_NAMES);
  if (fileMap === undefined) return undefined;
  const texts: Partial<Record<PackFileName, string>> = {};
  for (const name of PACK_FILE_NAMES) {
    const text = fileMap[name];
    if (typeof text !== 'string') {
      reader.problem([...filesPath, name], 'must be a string (write "" for an empty file)', 'invalid-type');
    } else if (utf8ByteLength(text) > PACK_LIMITS.textBytes) {
      const limit = PACK_LIMITS.textBytes / 1024;
      reader.problem([...filesPath, name], `is larger than ${limit} KB`, 'too-large');
    } else texts[name] = text;
  }
  const complete = PACK_FILE_NAMES.every((name) => texts[name] !== undefined);
  if (!complete) return undefined;
  const files = texts as Record<PackFileName, string>;
  return { exercise: { folder: folderOk ? (folder as string) : '', files }, folderOk };
}

/** The pack's entries that read cleanly, and every shape problem. */
export interface PackShape {
  readonly manifest?: PackManifest;
  /** Tracks that read cleanly, each with its index in the pack. */
  readonly tracks: readonly { readonly index: number; readonly track: PackTrack }[];
  /** Exercises whose files read cleanly; `folderOk` is false when the folder was refused (it is then ''). */
  readonly exercises: readonly {
    readonly index: number;
    readonly exercise: PackExercise;
    readonly folderOk: boolean;
  }[];
  readonly problems: readonly Diagnostic[];
  /** Every entry of `tracks` read cleanly. */
  readonly allTracksRead: boolean;
  /** True when every entry read cleanly: `manifest` is set and nothing was left out. */
  readonly complete: boolean;
}

/** Reads the shape of a parsed pack. */
export function readPackData(text: PackText, source: string): PackShape {
  const reader = new ShapeReader(text, source);
  const root = reader.map(
    text.data,
    [],
    ['kind', 'apiVersion', 'manifest', 'tracks', 'exercises'],
    ['kind', 'apiVersion', 'manifest', 'tracks', 'exercises'],
  );
  if (root === undefined)
    return { tracks: [], exercises: [], problems: reader.problems, complete: false, allTracksRead: false };
  if (root['kind'] !== PACK_KIND)
    reader.problem(['kind'], `must be ${PACK_KIND}; this is not an exercise pack`);
  if (root['apiVersion'] !== PACK_API_VERSION)
    reader.problem(['apiVersion'], `must be ${PACK_API_VERSION}; this version of NetPol Lab reads no other`);
  const manifest = readManifest(reader, root['manifest']);
  const trackList = reader.list(root['tracks'], ['tracks'], 1, PACK_LIMITS.tracks) ?? [];
  const tracks = trackList.flatMap((value, index) => {
    const track = readTrack(reader, value, index);
    return track === undefined ? [] : [{ index, track }];
  });
  const allTracksRead = Array.isArray(root['tracks']) && tracks.length === trackList.length;
  const exerciseList = reader.list(root['exercises'], ['exercises'], 1, PACK_LIMITS.exercises) ?? [];
  const exercises = exerciseList.flatMap((value, index) => {
    const read = readExercise(reader, value, index);
    return read === undefined ? [] : [{ index, ...read }];
  });
  return {
    ...(manifest === undefined ? {} : { manifest }),
    tracks,
    exercises,
    problems: reader.problems,
    complete: reader.problems.length === 0,
    allTracksRead,
  };
}
