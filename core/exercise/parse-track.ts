/** Reads `track.yaml` into a {@link Track}, with the same rules as `exercises/track.schema.json`. */
import type { Diagnostic } from '../netpol/types.ts';
import { FieldReader, KEBAB_CASE } from './field-reader.ts';
import { readSingleMap } from './parse-exercise.ts';
import type { Track } from './types.ts';

const TRACK_KEYS = ['id', 'title', 'description', 'order'];

/** Parses a track file; `track` is absent when there were errors. */
export function parseTrack(
  text: string,
  source = 'track.yaml',
): { track?: Track; diagnostics: Diagnostic[] } {
  const reader = new FieldReader(source, 'track');
  const map = readSingleMap(reader, typeof text === 'string' ? text : '');
  if (map === undefined) return { diagnostics: reader.diagnostics };
  reader.checkKeys(map, '', TRACK_KEYS);
  const id = reader.text(map, 'id', '', true, {
    pattern: KEBAB_CASE,
    patternHint: 'kebab-case: lowercase words joined by "-"',
    maxLength: 100,
  });
  const title = reader.text(map, 'title', '', true, { maxLength: 200 });
  const description = reader.text(map, 'description', '', true);
  const order = reader.integer(map, 'order', '', true, { minimum: 0, maximum: 1000 });
  if (
    reader.errorCount > 0 ||
    id === undefined ||
    title === undefined ||
    description === undefined ||
    order === undefined
  ) {
    return { diagnostics: reader.diagnostics };
  }
  return { track: { id, title, description, order }, diagnostics: reader.diagnostics };
}
