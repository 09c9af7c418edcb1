/**
 * The terminal's line editor, as a pure state machine: the text being typed, the cursor, the
 * history (Up/Down), reverse search (Ctrl+R) and the keys readline users expect. It reads the raw
 * input a terminal emulator hands over (xterm's `onData`: characters and escape sequences) and
 * says what the shell around it should do; drawing is left to the caller.
 */

/** A reverse-i-search in progress. */
export interface HistorySearch {
  readonly query: string;
  /** Index in the history of the entry shown, or undefined when nothing matches. */
  readonly match: number | undefined;
  /** What the line held when the search started, for Ctrl+G. */
  readonly before: string;
}

export interface LineState {
  /** The text typed so far; it may hold newlines (a pasted heredoc, a continued line). */
  readonly text: string;
  /** Offset of the cursor in `text`. */
  readonly cursor: number;
  /** Earlier command lines, oldest first. */
  readonly history: readonly string[];
  /** The history entry shown; `history.length` when the learner is on a new line. */
  readonly historyIndex: number;
  /** The new line, kept while the learner browses the history. */
  readonly pending: string;
  readonly search?: HistorySearch;
}

/**
 * What the shell does after a key: nothing but redraw, run the line, drop it (Ctrl+C), clear the
 * screen (Ctrl+L), complete the word at the cursor (Tab), or end the session (Ctrl+D on an empty line).
 */
export type LineAction = 'edit' | 'submit' | 'interrupt' | 'clear-screen' | 'complete' | 'end';

export interface KeyResult {
  readonly state: LineState;
  readonly action: LineAction;
}

/** How many history entries are kept. */
export const HISTORY_LIMIT = 500;

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** A fresh line with the given history. */
export function emptyLine(history: readonly string[] = []): LineState {
  return { text: '', cursor: 0, history, historyIndex: history.length, pending: '' };
}

/** The history after running `line`: blank lines and repeats of the last entry are not kept. */
export function remember(history: readonly string[], line: string): readonly string[] {
  if (line.trim() === '' || history.at(-1) === line) return history;
  return [...history, line].slice(-HISTORY_LIMIT);
}

function edit(state: LineState, text: string, cursor: number): KeyResult {
  return { state: { ...state, text, cursor: Math.max(0, Math.min(cursor, text.length)) }, action: 'edit' };
}

function insert(state: LineState, value: string): KeyResult {
  const text = state.text.slice(0, state.cursor) + value + state.text.slice(state.cursor);
  return edit(state, text, state.cursor + value.length);
}

function showHistory(state: LineState, index: number): KeyResult {
  if (index < 0 || index > state.history.length || index === state.historyIndex)
    return edit(state, state.text, state.cursor);
  const pending = state.historyIndex === state.history.length ? state.text : state.pending;
  const text = index === state.history.length ? pending : (state.history[index] as string);
  return { state: { ...state, text, cursor: text.length, historyIndex: index, pending }, action: 'edit' };
}

function wordStart(text: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && /\s/.test(text[index - 1] as string)) index--;
  while (index > 0 && !/\s/.test(text[index - 1] as string)) index--;
  return index;
}

function wordEnd(text: string, cursor: number): number {
  let index = cursor;
  while (index < text.length && /\s/.test(text[index] as string)) index++;
  while (index < text.length && !/\s/.test(text[index] as string)) index++;
  return index;
}

/** The newest history entry at or before `from` containing `query`. */
function findBack(history: readonly string[], query: string, from: number): number | undefined {
  for (let index = Math.min(from, history.length - 1); index >= 0; index--) {
    if ((history[index] as string).includes(query)) return index;
  }
  return undefined;
}

function searching(state: LineState, search: HistorySearch): KeyResult {
  const text = search.match === undefined ? state.text : (state.history[search.match] as string);
  return { state: { ...state, search, text, cursor: text.length }, action: 'edit' };
}

function searchKey(state: LineState, search: HistorySearch, data: string): KeyResult {
  const leave = (next: LineState): LineState => {
    const { search: _ignored, ...rest } = next;
    return rest;
  };
  if (data === '\x12') {
    const from = (search.match ?? state.history.length) - 1;
    const match = search.query === '' ? undefined : findBack(state.history, search.query, from);
    return searching(state, { ...search, match: match ?? search.match });
  }
  if (data === '\x7f' || data === '\b') {
    const query = search.query.slice(0, -1);
    const match = query === '' ? undefined : findBack(state.history, query, state.history.length - 1);
    return searching(state, { ...search, query, match });
  }
  if (data === '\x07' || data === '\x03') {
    const restored = leave({ ...state, text: search.before, cursor: search.before.length });
    return { state: restored, action: data === '\x03' ? 'interrupt' : 'edit' };
  }
  if (data === '\r') return { state: leave(state), action: 'submit' };
  if (data.length === 1 && data >= ' ') {
    const query = search.query + data;
    const match = findBack(state.history, query, search.match ?? state.history.length - 1);
    return searching(state, { ...search, query, match });
  }
  // Any other key ends the search with the match on the line, then does its usual work.
  return pressKey(leave(state), data);
}

/** Applies one chunk of terminal input (a key, an escape sequence, or pasted text). */
export function pressKey(state: LineState, data: string): KeyResult {
  if (state.search !== undefined) return searchKey(state, state.search, data);
  const { text, cursor } = state;
  if (data.startsWith(PASTE_START)) {
    const body = data.slice(PASTE_START.length).replace(PASTE_END, '');
    return insert(state, body.replace(/\r\n?/g, '\n'));
  }
  switch (data) {
    case '\r':
      return { state, action: 'submit' };
    case '\x03':
      return { state, action: 'interrupt' };
    case '\x0c':
      return { state, action: 'clear-screen' };
    case '\t':
      return { state, action: 'complete' };
    case '\x04':
      if (text === '') return { state, action: 'end' };
      return edit(state, text.slice(0, cursor) + text.slice(cursor + 1), cursor);
    case '\x7f':
    case '\b':
      if (cursor === 0) return edit(state, text, cursor);
      return edit(state, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case '\x1b[3~':
      return edit(state, text.slice(0, cursor) + text.slice(cursor + 1), cursor);
    case '\x1b[D':
    case '\x02':
      return edit(state, text, cursor - 1);
    case '\x1b[C':
    case '\x06':
      return edit(state, text, cursor + 1);
    case '\x1b[H':
    case '\x1bOH':
    case '\x1b[1~':
    case '\x01':
      return edit(state, text, 0);
    case '\x1b[F':
    case '\x1bOF':
    case '\x1b[4~':
    case '\x05':
      return edit(state, text, text.length);
    case '\x1b[1;5D':
    case '\x1bb':
      return edit(state, text, wordStart(text, cursor));
    case '\x1b[1;5C':
    case '\x1bf':
      return edit(state, text, wordEnd(text, cursor));
    case '\x1b[A':
    case '\x10':
      return showHistory(state, state.historyIndex - 1);
    case '\x1b[B':
    case '\x0e':
      return showHistory(state, state.historyIndex + 1);
    case '\x15':
      return edit(state, text.slice(cursor), 0);
    case '\x0b':
      return edit(state, text.slice(0, cursor), cursor);
    case '\x17': {
      const start = wordStart(text, cursor);
      return edit(state, text.slice(0, start) + text.slice(cursor), start);
    }
    case '\x12':
      return searching(state, { query: '', match: undefined, before: text });
    default:
      break;
  }
  if (data.startsWith('\x1b')) return edit(state, text, cursor);
  // Typed or pasted text without bracketed paste: control characters other than newlines are dropped.
  const printable = [...data.replace(/\r\n?/g, '\n')]
    .filter((char) => char === '\n' || (char >= ' ' && char !== '\x7f'))
    .join('');
  return printable === '' ? edit(state, text, cursor) : insert(state, printable);
}

/**
 * Puts a completion in place: `from` is where the completed word starts in the text before the
 * cursor, `replacement` what replaces it (the single candidate with a space, or their common prefix).
 */
export function replaceWord(state: LineState, from: number, replacement: string): LineState {
  const text = state.text.slice(0, from) + replacement + state.text.slice(state.cursor);
  return { ...state, text, cursor: from + replacement.length };
}
