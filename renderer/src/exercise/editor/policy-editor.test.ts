import { afterEach, describe, expect, it } from 'vitest';
import { insertNewlineAndIndent, indentMore, indentLess } from '@codemirror/commands';
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { getCM } from '@replit/codemirror-vim';
import { createPolicyEditor } from './policy-editor.ts';
import type { PolicyEditorHandle } from './policy-editor.ts';
import { writeExercise } from '../test-fixtures.ts';

const handles: PolicyEditorHandle[] = [];
afterEach(() => {
  for (const handle of handles.splice(0)) handle.destroy();
  document.body.innerHTML = '';
});

function mount(text: string, preferences?: { keys: 'standard' | 'vim'; tabSize: number }) {
  const parent = document.createElement('div');
  document.body.append(parent);
  const handle = createPolicyEditor({
    parent,
    text,
    cluster: writeExercise().cluster,
    analyse: () => ({ diagnostics: [], lint: [] }) as never,
    onChange: () => {},
    onSubmit: () => {},
    ...(preferences === undefined ? {} : { preferences }),
  });
  handles.push(handle);
  const view = EditorView.findFromDOM(parent);
  if (view === null) throw new Error('no editor view');
  return { handle, view };
}

function atEnd(view: EditorView): void {
  view.dispatch({ selection: EditorSelection.cursor(view.state.doc.length) });
}

describe('createPolicyEditor', () => {
  it('indents a new line after a key that opens a block, and lines up under list items', () => {
    const { view } = mount('metadata:');
    atEnd(view);
    insertNewlineAndIndent(view);
    expect(view.state.doc.toString()).toBe('metadata:\n  ');
    view.dispatch(view.state.replaceSelection('name: web'));
    insertNewlineAndIndent(view);
    expect(view.state.doc.toString()).toBe('metadata:\n  name: web\n  ');

    const list = mount('spec:\n  ingress:\n    - from:').view;
    atEnd(list);
    insertNewlineAndIndent(list);
    expect(list.state.doc.toString().split('\n').pop()).toBe('        ');
  });

  it('uses the tab size from the settings for indentation, and can switch it in place', () => {
    const { handle, view } = mount('spec:', { keys: 'standard', tabSize: 4 });
    atEnd(view);
    insertNewlineAndIndent(view);
    expect(view.state.doc.toString()).toBe('spec:\n    ');
    handle.configure({ keys: 'standard', tabSize: 2 });
    handle.replaceText('spec:');
    atEnd(view);
    insertNewlineAndIndent(view);
    expect(handle.getText()).toBe('spec:\n  ');
    indentMore(view);
    expect(handle.getText()).toBe('spec:\n    ');
    indentLess(view);
    expect(handle.getText()).toBe('spec:\n  ');
  });

  it('binds Tab to indent rather than leaving the editor', () => {
    const { view } = mount('spec:\npodSelector: {}');
    atEnd(view);
    view.contentDOM.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }),
    );
    expect(view.state.doc.toString()).toBe('spec:\n  podSelector: {}');
  });

  it('turns vim keys on and off without losing the text', () => {
    const { handle, view } = mount('kind: NetworkPolicy');
    expect(getCM(view)).toBeNull();
    handle.configure({ keys: 'vim', tabSize: 2 });
    expect(getCM(view)).not.toBeNull();
    handle.configure({ keys: 'standard', tabSize: 2 });
    expect(getCM(view)).toBeNull();
    expect(handle.getText()).toBe('kind: NetworkPolicy');
  });
});
