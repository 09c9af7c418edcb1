/**
 * Renames an exercise inside its own `exercise.yaml` by replacing only the `id` value, so comments,
 * layout and every other byte stay as the author wrote them.
 */
import { isMap, isScalar, parseDocument } from 'yaml';

/** The text with its top-level `id` set to `newId`; `undefined` when the id cannot be found. */
export function renameExerciseId(exerciseYaml: string, newId: string): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(newId)) return undefined;
  const document = parseDocument(exerciseYaml, { uniqueKeys: true });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const node = document.contents.get('id', true);
  if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
  const [start, end] = node.range;
  return `${exerciseYaml.slice(0, start)}${newId}${exerciseYaml.slice(end)}`;
}

/** The first suffix `-2`, `-3`, … for which `isFree` holds; `undefined` after `limit` tries. */
export function nextFreeSuffix(isFree: (suffix: string) => boolean, limit = 1000): string | undefined {
  for (let counter = 2; counter <= limit; counter++) {
    const suffix = `-${counter}`;
    if (isFree(suffix)) return suffix;
  }
  return undefined;
}
