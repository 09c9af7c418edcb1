/**
 * Builds the CodeMirror 6 editor for policy YAML and the small handle the screen drives it through.
 * Whole-text replacements (reset, load an attempt, copy the solution) are ordinary transactions, so
 * Ctrl+Z brings the previous text back.
 */
import { EditorSelection, EditorState, Prec } from '@codemirror/state';
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
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language';
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

export interface PolicyEditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly cluster: Cluster;
  readonly analyse: (text: string) => SubmissionAnalysis;
  /** Called after every change of the text. */
  readonly onChange: (text: string) => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  readonly onSubmit: () => void;
}

/** What the screen may do with the editor. */
export interface PolicyEditorHandle {
  getText(): string;
  /** Replaces the whole text in one undoable step. */
  replaceText(text: string): void;
  /** Puts the cursor at a 1-based line:column, scrolls there and focuses the editor. */
  moveCursorTo(position: SourcePosition): void;
  focus(): void;
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
  const state = EditorState.create({
    doc: options.text,
    extensions: [
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
      indentUnit.of('  '),
      EditorState.tabSize.of(2),
      bracketMatching(),
      closeBrackets(),
      autocompletion({ activateOnTyping: true }),
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
      ]),
      // Tab is left to the browser so keyboard users can move on to Check; Ctrl+] and Ctrl+[ indent.
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
    destroy: () => view.destroy(),
  };
}
