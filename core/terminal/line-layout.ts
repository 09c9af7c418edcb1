/**
 * Drawing the line being edited: the escape sequence that takes the terminal's cursor back to the
 * start of the prompt, clears what was drawn, writes the prompt and the text (continuation lines
 * after bash's `> `), and leaves the cursor where the line editor has it, across soft-wrapped rows.
 * Characters count one column each.
 */

/** bash's secondary prompt. */
export const CONTINUATION_PROMPT = '> ';

/** Columns `text` takes on screen: colour escapes take none. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- prompts carry colour escapes
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}

export interface LineDrawing {
  readonly prompt: string;
  readonly text: string;
  readonly cursor: number;
  /** The terminal's width. */
  readonly cols: number;
  /** Rows between the prompt's start and the cursor as last drawn (0 for a fresh line). */
  readonly previousCursorRow: number;
}

/** The sequence to write, and the cursor's row below the prompt's start once it is written. */
export function drawLine(drawing: LineDrawing): { readonly sequence: string; readonly cursorRow: number } {
  const cols = Math.max(1, drawing.cols);
  const lines = drawing.text.split('\n');
  const startOf = (index: number): number =>
    index === 0 ? visibleLength(drawing.prompt) : CONTINUATION_PROMPT.length;
  let sequence = drawing.previousCursorRow > 0 ? `\x1b[${drawing.previousCursorRow}A` : '';
  sequence += '\r\x1b[J';
  sequence += drawing.prompt + lines.join(`\r\n${CONTINUATION_PROMPT}`);
  const widths = lines.map((line, index) => startOf(index) + line.length);
  const rowsOf = (width: number): number => Math.max(1, Math.ceil(width / cols));
  let endRow = 0;
  for (let index = 0; index < widths.length - 1; index++) endRow += rowsOf(widths[index] as number);
  const lastWidth = widths.at(-1) as number;
  endRow += Math.floor(lastWidth / cols);
  let offset = drawing.cursor;
  let cursorRow = 0;
  let cursorCol = 0;
  for (let index = 0; index < lines.length; index++) {
    const length = (lines[index] as string).length;
    if (offset <= length) {
      const column = startOf(index) + offset;
      cursorRow += Math.floor(column / cols);
      cursorCol = column % cols;
      break;
    }
    offset -= length + 1;
    cursorRow += rowsOf(widths[index] as number);
  }
  // A line that ends exactly at the margin leaves the cursor waiting to wrap: make it wrap.
  if (lastWidth > 0 && lastWidth % cols === 0) sequence += ' \b';
  if (endRow > cursorRow) sequence += `\x1b[${endRow - cursorRow}A`;
  sequence += `\r${cursorCol > 0 ? `\x1b[${cursorCol}C` : ''}`;
  return { sequence, cursorRow };
}
