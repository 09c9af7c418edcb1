/**
 * Builds the CodeMirror 6 editor for policy YAML and the small handle the screen drives it through.
 * Whole-text replacements (reset, load an attempt, copy the solution) are ordinary transactions, so
 * Ctrl+Z brings the previous text back.
 */
import { Compartment, EditorSelection, EditorState, Prec } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  simplifySelection,
  temporarilySetTabFocusMode,
} from '@codemirror/commands';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentService,
  indentUnit,
} from '@codemirror/language';
import { vim } from '@replit/codemirror-vim';
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import type { Cluster, SourcePosition } from '../../../../core/netpol/index.ts';
import type { SubmissionAnalysis } from '../submission-analysis.ts';
import { editorTheme } from './editor-theme.ts';
import { policyLinter } from './policy-linter.ts';
import { policyCompletionSource } from './completion-source.ts';
import { positionToOffset } from './diagnostic-positions.ts';
import { indentAfter } from './yaml-indent.ts';

/** How keys behave in the editor: ordinary keys, or vim's modes and commands. */
export type EditorKeys = 'standard' | 'vim';

/** The learner's editor preferences, applied without rebuilding the editor. */
export interface EditorPreferences {
  readonly keys: EditorKeys;
  /** Columns per indentation level: 2 or 4. */
  readonly tabSize: number;
}

export const DEFAULT_EDITOR_PREFERENCES: EditorPreferences = { keys: 'standard', tabSize: 2 };

/** New lines start where block YAML nests them, read from the nearest non-blank line above. */
const yamlIndentation = indentService.of((context, position) => {
  const doc = context.state.doc;
  // For a new line (Enter), the text before the break is the line above; for an existing line
  // (re-indenting), the lines above it in the document are.
  const after = context.lineAt(position, 1);
  if (after.from === position && position > doc.lineAt(position).from) {
    const before = context.lineAt(position, -1).text;
    if (before.trim() !== '') return indentAfter(before, context.unit);
  }
  for (let number = doc.lineAt(position).number - 1; number >= 1; number--) {
    const above = doc.line(number).text;
    if (above.trim() !== '') return indentAfter(above, context.unit);
  }
  return 0;
});

function keysExtension(keys: EditorKeys): Extension {
  // vim() must come before the other keymaps so its modes see keys first.
  return keys === 'vim' ? Prec.highest(vim()) : [];
}

function sizeExtension(tabSize: number): Extension {
  return [indentUnit.of(' '.repeat(tabSize)), EditorState.tabSize.of(tabSize)];
}

export interface PolicyEditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly cluster: Cluster;
  readonly analyse: (text: string) => SubmissionAnalysis;
  /** Called after every change of the text. */
  readonly onChange: (text: string) => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  readonly onSubmit: () => void;
  readonly preferences?: EditorPreferences;
}

/** What the screen may do with the editor. */
export interface PolicyEditorHandle {
  getText(): string;
  /** Replaces the whole text in one undoable step. */
  replaceText(text: string): void;
  /** Puts the cursor at a 1-based line:column, scrolls there and focuses the editor. */
  moveCursorTo(position: SourcePosition): void;
  focus(): void;
  /** Switches keys (standard or vim) and the tab size in place, keeping text, history and cursor. */
  configure(preferences: EditorPreferences): void;
  destroy(): void;
}

/** Creates the editor inside `parent`. */
export function createPolicyEditor(options: PolicyEditorOptions): PolicyEditorHandle {
  const submitKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          options.onSubmit();
          return true;
        },
      },
    ]),
  );
  const keys = new Compartment();
  const size = new Compartment();
  const preferences = options.preferences ?? DEFAULT_EDITOR_PREFERENCES;
  // Escape then Tab leaves the editor (Tab indents otherwise), the accessible pattern CodeMirror
  // documents; Escape first closes the completion list, which has its own binding.
  const leaveKeys = keymap.of([
    {
      key: 'Escape',
      run: (view) => {
        temporarilySetTabFocusMode(view);
        simplifySelection(view);
        return true;
      },
    },
  ]);
  const state = EditorState.create({
    doc: options.text,
    extensions: [
      keys.of(keysExtension(preferences.keys)),
      submitKeys,
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      size.of(sizeExtension(preferences.tabSize)),
      Prec.high(yamlIndentation),
      bracketMatching(),
      closeBrackets(),
      // No option is selected when the list opens: Enter makes a new line until the learner moves
      // into the list with the arrow keys.
      autocompletion({ activateOnTyping: true, selectOnOpen: false }),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      yaml(),
      yamlLanguage.data.of({ autocomplete: policyCompletionSource(options.cluster) }),
      policyLinter(options.analyse),
      lintGutter(),
      editorTheme,
      // tabindex: axe only counts focusable descendants as making the scroller keyboard-reachable.
      EditorView.contentAttributes.of({ 'aria-label': 'Policy YAML', tabindex: '0' }),
      keymap.of([
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...lintKeymap,
        indentWithTab,
      ]),
      Prec.low(leaveKeys),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
  const view = new EditorView({ state, parent: options.parent });
  return {
    getText: () => view.state.doc.toString(),
    replaceText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: EditorSelection.cursor(0),
        userEvent: 'input.replace',
        scrollIntoView: true,
      });
    },
    moveCursorTo(position) {
      const offset = positionToOffset(view.state.doc, position);
      view.dispatch({ selection: EditorSelection.cursor(offset), scrollIntoView: true });
      view.focus();
    },
    focus: () => view.focus(),
    configure(next) {
      view.dispatch({
        effects: [keys.reconfigure(keysExtension(next.keys)), size.reconfigure(sizeExtension(next.tabSize))],
      });
    },
    destroy: () => view.destroy(),
  };
}
