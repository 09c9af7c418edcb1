/** Reading the exam start screen's fields into a {@link StartExamInput}. */
import type { StartExamInput } from '../../../core/lab-api/index.ts';

/** The seed field: empty means "let the host pick"; otherwise a whole number, or an error message. */
export function parseSeed(text: string): { readonly seed?: number } | { readonly error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (!/^-?\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    return { error: 'The seed is a whole number, or empty for a random exam.' };
  }
  return { seed: Number(trimmed) };
}

/** What the custom exam form holds. */
export interface CustomExamFields {
  readonly tracks: readonly string[];
  readonly taskCount: number;
  readonly minutes: number;
  readonly passMark: number;
}

/** The start input for a custom exam, or the first problem with the fields. */
export function customStartInput(
  fields: CustomExamFields,
  seedText: string,
): { readonly input: StartExamInput } | { readonly error: string } {
  if (fields.tracks.length === 0) return { error: 'Choose at least one track.' };
  const whole = (value: number, minimum: number, maximum: number): boolean =>
    Number.isInteger(value) && value >= minimum && value <= maximum;
  if (!whole(fields.taskCount, 1, 20))
    return { error: 'The number of tasks is a whole number from 1 to 20.' };
  if (!whole(fields.minutes, 5, 180)) return { error: 'The minutes are a whole number from 5 to 180.' };
  if (!whole(fields.passMark, 1, 100)) return { error: 'The pass mark is a whole percent from 1 to 100.' };
  const seed = parseSeed(seedText);
  if ('error' in seed) return seed;
  const { tracks, taskCount, minutes, passMark } = fields;
  return { input: { custom: { tracks: [...tracks], taskCount, minutes, passMark }, ...seed } };
}
