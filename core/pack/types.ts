/**
 * The exercise pack format (`kind: NetPolLabPack`): a whole library of exercises in one YAML file,
 * each exercise's three texts embedded verbatim. `exercises/README.md` ("Exercise packs") is the
 * authoring guide and `exercises/pack.schema.json` the schema; the limits below keep hostile packs cheap.
 */

export const PACK_KIND = 'NetPolLabPack';
export const PACK_API_VERSION = 'netpol-lab/v1';

/** The three files of an exercise folder, in the order a pack lists them. */
export const PACK_FILE_NAMES = ['exercise.yaml', 'starter.yaml', 'solution.yaml'] as const;
export type PackFileName = (typeof PACK_FILE_NAMES)[number];

/** Limits on an untrusted pack; anything larger is refused before it is read. */
export const PACK_LIMITS = {
  /** Bytes (UTF-8) of the whole pack file. */
  fileBytes: 5 * 1024 * 1024,
  exercises: 200,
  tracks: 50,
  /** Bytes (UTF-8) of one embedded text. */
  textBytes: 256 * 1024,
  /** Characters of an exercise folder (`NN-track/NN-slug`). */
  folderLength: 160,
  /** Characters of one folder name. */
  segmentLength: 80,
  /** Open flow brackets (`[`, `{`) at once, counted before parsing so absurd nesting is never parsed. */
  flowNesting: 1000,
} as const;

/** Who made the pack and what it is. */
export interface PackManifest {
  readonly name: string;
  readonly author: string;
  /** Semantic version, e.g. `1.2.0`. */
  readonly version: string;
  readonly description?: string;
  /** The tool that wrote the pack, e.g. `netpol-lab 0.1.0`. */
  readonly createdWith: string;
}

/** A track as `track.yaml` states it, plus the folder it is written to. */
export interface PackTrack {
  /** `NN-name`, e.g. `01-foundations`. */
  readonly folder: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly order: number;
}

/** One exercise folder: where it goes and its three texts, byte for byte. */
export interface PackExercise {
  /** `NN-track/NN-slug`; the first part is a track's folder. */
  readonly folder: string;
  readonly files: Readonly<Record<PackFileName, string>>;
}

/** A pack as data. */
export interface Pack {
  readonly manifest: PackManifest;
  readonly tracks: readonly PackTrack[];
  readonly exercises: readonly PackExercise[];
}
