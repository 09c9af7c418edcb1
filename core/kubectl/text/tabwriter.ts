/**
 * Go's `text/tabwriter` elastic tabstops, which is how kubectl aligns every table and every
 * `describe`: cells end at a tab, a column's width is its widest cell plus padding over a block of
 * consecutive lines that all have that cell, and a line without the cell ends the block. The text
 * after a line's last tab is never padded.
 */

/** Settings as Go's `tabwriter.NewWriter(out, minwidth, tabwidth, padding, ' ', 0)` takes them. */
export interface TabwriterSettings {
  readonly minWidth: number;
  readonly padding: number;
}

/** `kubectl get` tables (cli-runtime's printers: minwidth 6, padding 3). */
export const TABLE_SETTINGS: TabwriterSettings = { minWidth: 6, padding: 3 };
/** `kubectl describe` (minwidth 0, padding 2). */
export const DESCRIBE_SETTINGS: TabwriterSettings = { minWidth: 0, padding: 2 };

/** Width as the terminal shows it: one per code point, as Go counts runes. */
function textWidth(text: string): number {
  return [...text].length;
}

/**
 * Aligns tab-separated text. Every line is split at tabs into cells; the last cell of a line is
 * written as is. Equivalent to writing `text` into Go's tabwriter and flushing once.
 */
export function alignTabs(text: string, settings: TabwriterSettings): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  const widths: number[][] = lines.map(() => []);

  // Column by column, find each block of consecutive lines that have a terminated cell there.
  const format = (column: number, first: number, last: number): void => {
    let line = first;
    while (line < last) {
      if (column >= (lines[line] as string[]).length - 1) {
        line++;
        continue;
      }
      const start = line;
      let width = settings.minWidth;
      while (line < last && column < (lines[line] as string[]).length - 1) {
        width = Math.max(width, textWidth((lines[line] as string[])[column] as string) + settings.padding);
        line++;
      }
      for (let index = start; index < line; index++) (widths[index] as number[])[column] = width;
      format(column + 1, start, line);
    }
  };
  format(0, 0, lines.length);

  const output = lines.map((cells, index) =>
    cells
      .map((cell, column) => {
        const width = (widths[index] as number[])[column];
        return width === undefined ? cell : cell + ' '.repeat(Math.max(0, width - textWidth(cell)));
      })
      .join(''),
  );
  return output.join('\n') + (endsWithNewline ? '\n' : '');
}

/** A `kubectl get` table: rows of cells, aligned with the table settings, one line each. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return alignTabs(rows.map((row) => row.join('\t')).join('\n') + '\n', TABLE_SETTINGS);
}
