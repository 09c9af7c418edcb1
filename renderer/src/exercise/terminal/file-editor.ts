/**
 * The editor `vim`, `vi`, `nano` and `kubectl edit` open: CodeMirror on one file of the shell,
 * with vim's modes and its `:w`, `:q`, `:wq`, `:x`, `:q!` (`@replit/codemirror-vim`), or nano's
 * ordinary keys with Ctrl+O to write and Ctrl+X to exit (asking first when there are unsaved
 * changes, as nano does).
 */
import { EditorSelection, EditorState, Prec } from '@codemirror/state';
import type { StateCommand } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentUnit } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { Vim, vim } from '@replit/codemirror-vim';
import { editorTheme } from '../editor/editor-theme.ts';
import type { EditorMode } from './lab-shell.ts';

export interface FileEditorOptions {
  readonly parent: HTMLElement;
  readonly path: string;
  readonly text: string;
  readonly mode: EditorMode;
  /** Columns per indentation level. */
  readonly tabSize: number;
  /** The learner wrote the file (`:w`, Ctrl+O). */
  readonly onSave: (text: string) => void;
  /** The learner left the editor. */
  readonly onExit: () => void;
  /** A line for the status bar (`"p.yaml" 12L written`, vim's E37, nano's question). */
  readonly onMessage: (message: string) => void;
  /** Whether the text differs from what was last written. */
  readonly onModified: (modified: boolean) => void;
}

export interface FileEditorHandle {
  focus(): void;
  destroy(): void;
}

interface ExCommands {
  write(): void;
  quit(force: boolean): void;
}

/** The ex commands are global to the vim engine; each view finds its own editor here. */
const editors = new WeakMap<EditorView, ExCommands>();

function commandsOf(cm: { cm6?: EditorView }): ExCommands | undefined {
  return cm.cm6 === undefined ? undefined : editors.get(cm.cm6);
}

/** Enter as vim's `autoindent` does it: the new line starts with the current line's indentation. */
const newlineKeepingIndent: StateCommand = ({ state, dispatch }) => {
  dispatch(
    state.update(
      state.changeByRange((range) => {
        const indent = /^[ \t]*/.exec(state.doc.lineAt(range.from).text)?.[0] ?? '';
        const insert = `\n${indent}`;
        return {
          changes: { from: range.from, to: range.to, insert },
          range: EditorSelection.cursor(range.from + insert.length),
        };
      }),
      { scrollIntoView: true, userEvent: 'input' },
    ),
  );
  return true;
};

let exDefined = false;

function defineExCommands(): void {
  if (exDefined) return;
  exDefined = true;
  const force = (params: { argString?: string }): boolean => (params.argString ?? '').trim().startsWith('!');
  Vim.defineEx('write', 'w', (cm: { cm6?: EditorView }) => commandsOf(cm)?.write());
  Vim.defineEx('quit', 'q', (cm: { cm6?: EditorView }, params: { argString?: string }) =>
    commandsOf(cm)?.quit(force(params)),
  );
  const writeQuit = (cm: { cm6?: EditorView }): void => {
    const commands = commandsOf(cm);
    commands?.write();
    commands?.quit(true);
  };
  Vim.defineEx('wq', 'wq', writeQuit);
  Vim.defineEx('xit', 'x', writeQuit);
}

function written(path: string, text: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return `"${name}" ${lines}L, ${new TextEncoder().encode(text).length}B written`;
}

/** Creates the editor inside `parent`, focused, with the cursor on the first line. */
export function createFileEditor(options: FileEditorOptions): FileEditorHandle {
  let savedText = options.text;
  let asking = false;
  const modified = (view: EditorView): boolean => view.state.doc.toString() !== savedText;
  const save = (view: EditorView): void => {
    savedText = view.state.doc.toString();
    options.onSave(savedText);
    options.onModified(false);
    options.onMessage(written(options.path, savedText));
  };
  const nanoKeys = keymap.of([
    { key: 'Ctrl-o', run: (view) => (save(view), true) },
    { key: 'Ctrl-s', run: (view) => (save(view), true) },
    {
      key: 'Ctrl-x',
      run: (view) => {
        if (!modified(view)) options.onExit();
        else {
          asking = true;
          options.onMessage('Save modified buffer?  Y Yes   N No   ^C Cancel');
        }
        return true;
      },
    },
  ]);
  // nano's question after Ctrl+X takes the next key, whatever the editor would do with it.
  const question = EditorView.domEventHandlers({
    keydown(event, view) {
      if (!asking) return false;
      event.preventDefault();
      const key = event.key.toLowerCase();
      if (key === 'y') {
        asking = false;
        save(view);
        options.onExit();
      } else if (key === 'n') {
        asking = false;
        options.onExit();
      } else if ((event.ctrlKey && key === 'c') || key === 'escape') {
        asking = false;
        options.onMessage('Cancelled');
      }
      return true;
    },
  });
  if (options.mode === 'vim') defineExCommands();
  const state = EditorState.create({
    doc: options.text,
    extensions: [
      options.mode === 'vim'
        ? Prec.highest(vim({ status: true }))
        : [Prec.highest(question), Prec.high(nanoKeys)],
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      history(),
      drawSelection(),
      indentUnit.of(' '.repeat(options.tabSize)),
      EditorState.tabSize.of(options.tabSize),
      yaml(),
      editorTheme,
      EditorView.contentAttributes.of({ 'aria-label': `File ${options.path}` }),
      Prec.high(keymap.of([{ key: 'Enter', run: newlineKeepingIndent }])),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onModified(modified(update.view));
      }),
    ],
  });
  const view = new EditorView({ state, parent: options.parent });
  editors.set(view, {
    write: () => save(view),
    quit: (forced) => {
      if (!forced && modified(view)) {
        options.onMessage('E37: No write since last change (add ! to override)');
        return;
      }
      options.onExit();
    },
  });
  view.focus();
  return {
    focus: () => view.focus(),
    destroy: () => {
      editors.delete(view);
      view.destroy();
    },
  };
}
