/**
 * Writes a {@link Pack} as YAML. Embedded files become literal block scalars, so a pack reads like
 * the folder it came from and a diff between two versions stays legible; where a text cannot be a
 * block (carriage returns, control characters) the YAML library quotes it, still byte for byte.
 */
import { Document, isScalar, parse, visit } from 'yaml';
import type { Scalar } from 'yaml';
import { PACK_API_VERSION, PACK_FILE_NAMES, PACK_KIND } from './types.ts';
import type { Pack } from './types.ts';

const HEADER = [
  ' NetPol Lab exercise pack: exercises as data, one file.',
  ' Check it before importing: netpol-lab pack verify <this file>',
].join('\n');

/** The pack's YAML text; reading it back gives the same pack, texts byte for byte. */
export function writePack(pack: Pack): string {
  const data = {
    kind: PACK_KIND,
    apiVersion: PACK_API_VERSION,
    manifest: {
      name: pack.manifest.name,
      author: pack.manifest.author,
      version: pack.manifest.version,
      ...(pack.manifest.description === undefined ? {} : { description: pack.manifest.description }),
      createdWith: pack.manifest.createdWith,
    },
    tracks: pack.tracks.map((track) => ({
      folder: track.folder,
      id: track.id,
      title: track.title,
      description: track.description,
      order: track.order,
    })),
    exercises: pack.exercises.map((exercise) => ({
      folder: exercise.folder,
      files: Object.fromEntries(PACK_FILE_NAMES.map((name) => [name, exercise.files[name]])),
    })),
  };
  const document = new Document(data, { aliasDuplicateObjects: false });
  document.commentBefore = HEADER;
  const scalars = fileScalars(document);
  for (const scalar of scalars) if (scalar.value !== '') scalar.type = 'BLOCK_LITERAL';
  let text = render(document);
  // Some texts (only blanks, say) do not survive as a block; they are written double-quoted instead.
  const mismatched = mismatchedFiles(text, scalars);
  if (mismatched.length > 0) {
    for (const scalar of mismatched) scalar.type = 'QUOTE_DOUBLE';
    text = render(document);
    if (mismatchedFiles(text, scalars).length > 0) throw new Error('the pack does not read back as written');
  }
  return text;
}

function render(document: Document): string {
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}

/** The scalar nodes holding the embedded files, in pack order. */
function fileScalars(document: Document): Scalar<string>[] {
  const found: Scalar<string>[] = [];
  visit(document, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const isFile = typeof key === 'string' && (PACK_FILE_NAMES as readonly string[]).includes(key);
      if (isFile && isScalar(pair.value) && typeof pair.value.value === 'string') {
        found.push(pair.value as Scalar<string>);
      }
    },
  });
  return found;
}

/** The file scalars whose text reads back differently from `text`. */
function mismatchedFiles(text: string, scalars: readonly Scalar<string>[]): Scalar<string>[] {
  const data = parse(text, { maxAliasCount: 0 }) as { exercises: { files: Record<string, string> }[] };
  const read = data.exercises.flatMap((exercise) => PACK_FILE_NAMES.map((name) => exercise.files[name]));
  return scalars.filter((scalar, index) => read[index] !== scalar.value);
}
