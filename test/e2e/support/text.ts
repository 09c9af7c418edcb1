/** Small text helpers for accessible-name matching. */

/** `text` with every regular-expression character escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches names that start with exactly `text`. */
export function exactStart(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}

/** Collapses runs of whitespace, as a screen reader would read the text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
