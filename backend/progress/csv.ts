/**
 * CSV writing by RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled,
 * records end in CRLF. Spreadsheet tools and Python's csv module both read this back exactly.
 */

/** One field, quoted only when it has to be. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: header row first, each record on its own CRLF-terminated line. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
