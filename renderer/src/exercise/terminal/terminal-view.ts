/**
 * The terminal on screen: xterm.js (sized by the fit addon) driven by the pure line editor of
 * core/terminal and running each line in the lab's shell. Draws the prompt and the line being
 * typed (continuation lines get bash's `> `), Tab completion, Ctrl+R's search prompt, Ctrl+C (which
 * also interrupts a waiting probe), Ctrl+L, and copy and paste (Ctrl+Shift+C/V, bracketed paste).
 */
import { Terminal } from '@xterm/xterm';
import type { ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import {
  CONTINUATION_PROMPT,
  TRANSCRIPT_LIMIT,
  drawLine,
  commonPrefix,
  inColumns,
  emptyLine,
  pressKey,
  replaceWord,
  shellWord,
} from '../../../../core/terminal/index.ts';
import type { LineState, TerminalSession } from '../../../../core/terminal/index.ts';
import type { ClusterState } from '../../../../core/kubectl/index.ts';
import type { LabShell } from './lab-shell.ts';

/** What the exercise screen may do with its terminal. */
export interface TerminalHandle {
  /** The cluster as the terminal has it now. */
  readonly state: () => ClusterState;
  /** The whole session, for the draft. */
  snapshot(): Promise<TerminalSession>;
  /** Back to the exercise's starting cluster. */
  resetCluster(): void;
  focus(): void;
}

export interface TerminalViewOptions {
  readonly parent: HTMLElement;
  readonly shell: LabShell;
  readonly theme: ITheme;
  readonly fontSize: number;
  /** The screen as it was when the session was saved. */
  readonly transcript?: string;
  /** After every command line (the session changed: save it). */
  readonly onCommand?: () => void;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';

export class TerminalView {
  readonly terminal: Terminal;
  readonly #fit = new FitAddon();
  readonly #shell: LabShell;
  readonly #options: TerminalViewOptions;
  #line: LineState;
  #busy = false;
  #abort: AbortController | null = null;
  /** Rows between the start of the prompt and the cursor, as last drawn. */
  #cursorRow = 0;
  #transcript: string;
  #resize: ResizeObserver | null = null;
  /** The last Tab listed nothing new: a second Tab lists the candidates. */
  #lastTab = '';

  constructor(options: TerminalViewOptions) {
    this.#options = options;
    this.#shell = options.shell;
    this.#line = emptyLine(options.shell.history);
    this.#transcript = options.transcript ?? '';
    this.terminal = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: getComputedStyle(options.parent).getPropertyValue('--font-mono').trim() || 'monospace',
      fontSize: options.fontSize,
      scrollback: 5000,
      theme: options.theme,
    });
    this.terminal.loadAddon(this.#fit);
    this.terminal.open(options.parent);
    this.terminal.textarea?.setAttribute('aria-label', 'Terminal input');
    this.terminal.attachCustomKeyEventHandler((event) => this.#key(event));
    this.terminal.onData((data) => void this.#input(data));
    this.fit();
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(() => this.fit());
      this.#resize.observe(options.parent);
    }
    this.terminal.write(BRACKETED_PASTE_ON);
    if (this.#transcript !== '') this.terminal.write(this.#transcript);
    else
      this.#print('Welcome to the lab terminal. kubectl (alias k), vim and nano are here; Tab completes.\n');
    this.#draw();
  }

  /** The screen's tail, for the saved session. */
  get transcript(): string {
    return this.#transcript;
  }

  get busy(): boolean {
    return this.#busy;
  }

  fit(): void {
    try {
      this.#fit.fit();
    } catch {
      // Not laid out yet (hidden panel): the next resize fits it.
    }
  }

  focus(): void {
    this.terminal.focus();
  }

  setTheme(theme: ITheme): void {
    this.terminal.options.theme = theme;
  }

  setFontSize(size: number): void {
    this.terminal.options.fontSize = size;
    this.fit();
  }

  /** Types a whole line and runs it, as if the learner had (used by "Reset cluster"). */
  async runLine(text: string): Promise<void> {
    if (this.#busy) return;
    this.#line = { ...this.#line, text, cursor: text.length };
    this.#draw();
    await this.#submit();
  }

  /** Prints a note above a fresh prompt. */
  note(text: string): void {
    if (this.#busy) return;
    this.terminal.write('\r\n');
    this.#print(`${text}\n`);
    this.#line = emptyLine(this.#shell.history);
    this.#cursorRow = 0;
    this.#draw();
  }

  dispose(): void {
    this.#abort?.abort();
    this.#resize?.disconnect();
    this.terminal.dispose();
  }

  #key(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    if (event.ctrlKey && event.shiftKey && key === 'c') {
      const selection = this.terminal.getSelection();
      if (selection !== '') void navigator.clipboard?.writeText(selection).catch(() => undefined);
      event.preventDefault();
      return false;
    }
    // Ctrl+V and Ctrl+Shift+V: let the browser paste (xterm turns it into a bracketed paste).
    if (event.ctrlKey && key === 'v') return false;
    // Ctrl+Enter belongs to the screen (Check).
    if (event.ctrlKey && key === 'enter') return false;
    return true;
  }

  #prompt(): string {
    const search = this.#line.search;
    if (search !== undefined) {
      return `(${search.match === undefined && search.query !== '' ? 'failed ' : ''}reverse-i-search)\`${search.query}': `;
    }
    return `\x1b[1;32mcontrolplane\x1b[0m:\x1b[1;34m${this.#shell.promptPath()}\x1b[0m$ `;
  }

  #promptPlain(): string {
    return `controlplane:${this.#shell.promptPath()}$ `;
  }

  /** Redraws the prompt and the line, leaving the cursor where the line editor has it. */
  #draw(): void {
    const { sequence, cursorRow } = drawLine({
      prompt: this.#prompt(),
      text: this.#line.text,
      cursor: this.#line.cursor,
      cols: this.terminal.cols,
      previousCursorRow: this.#cursorRow,
    });
    this.#cursorRow = cursorRow;
    this.terminal.write(sequence);
  }

  /** Writes output below the line and keeps it for the transcript. */
  #print(text: string): void {
    if (text === '') return;
    this.terminal.write(text);
    this.#transcript = (this.#transcript + text.replace(/\r?\n/g, '\r\n')).slice(-TRANSCRIPT_LIMIT);
  }

  /** Moves below the line being edited. */
  #leaveLine(): void {
    const saved = this.#line;
    this.#line = { ...saved, cursor: saved.text.length };
    this.#draw();
    this.#line = saved;
    this.terminal.write('\r\n');
    this.#cursorRow = 0;
  }

  async #input(data: string): Promise<void> {
    if (this.#busy) {
      if (data === '\x03') this.#abort?.abort();
      return;
    }
    const { state, action } = pressKey(this.#line, data);
    this.#line = state;
    if (action !== 'complete') this.#lastTab = '';
    switch (action) {
      case 'submit':
        await this.#submit();
        return;
      case 'interrupt':
        this.#leaveLineWith('^C');
        return;
      case 'clear-screen':
        this.terminal.clear();
        this.terminal.write('\x1b[H\x1b[2J');
        this.#cursorRow = 0;
        this.#draw();
        return;
      case 'complete':
        await this.#complete();
        return;
      case 'end':
        return;
      default:
        this.#draw();
    }
  }

  #leaveLineWith(mark: string): void {
    const saved = this.#line;
    this.#line = { ...saved, cursor: saved.text.length };
    this.#draw();
    this.terminal.write(`${mark}\r\n`);
    this.#transcript += `${this.#promptPlain()}${saved.text.replace(/\n/g, `\r\n${CONTINUATION_PROMPT}`)}${mark}\r\n`;
    this.#line = emptyLine(this.#shell.history);
    this.#cursorRow = 0;
    this.#draw();
  }

  async #submit(): Promise<void> {
    const text = this.#line.text;
    if (this.#shell.needsMore(text)) {
      this.#line = { ...this.#line, text: `${text}\n`, cursor: text.length + 1 };
      this.#draw();
      return;
    }
    this.#leaveLine();
    this.#transcript += `${this.#promptPlain()}${text.replace(/\n/g, `\r\n${CONTINUATION_PROMPT}`)}\r\n`;
    this.#busy = true;
    this.#abort = new AbortController();
    try {
      const result = await this.#shell.run(text, this.#abort.signal);
      if (result.exitCode === 130 && this.#abort.signal.aborted) this.#print('^C\n');
      this.#print(result.stdout);
      this.#print(result.stderr);
      const last = (result.stdout + result.stderr).at(-1);
      // bash starts its prompt on a fresh line only because programs end theirs with a newline.
      if (last !== undefined && last !== '\n') this.#print('\n');
    } finally {
      this.#busy = false;
      this.#abort = null;
    }
    this.#line = emptyLine(this.#shell.history);
    this.#cursorRow = 0;
    this.#draw();
    this.#options.onCommand?.();
  }

  async #complete(): Promise<void> {
    const before = this.#line.text.slice(0, this.#line.cursor);
    const completion = await this.#shell.complete(before);
    const values = completion.items.map((item) => item.value);
    if (values.length === 0) return;
    if (values.length === 1) {
      const item = completion.items[0] as { value: string; final: boolean };
      this.#line = replaceWord(this.#line, completion.from, shellWord(item.value) + (item.final ? ' ' : ''));
      this.#draw();
      return;
    }
    const prefix = commonPrefix(values);
    if (prefix.length > completion.word.length) {
      this.#line = replaceWord(this.#line, completion.from, shellWord(prefix));
      this.#draw();
      return;
    }
    if (this.#lastTab !== before) {
      this.#lastTab = before;
      return;
    }
    this.#leaveLine();
    const listing = inColumns(values, this.terminal.cols);
    this.terminal.write(listing);
    this.#draw();
  }
}
