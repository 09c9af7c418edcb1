import { describe, expect, it } from 'vitest';
import { emptyLine, pressKey, remember, replaceWord } from './line-editor.ts';
import type { LineState } from './line-editor.ts';
import { commonPrefix, completionWords, inColumns, shellWord } from './completion-words.ts';
import { needsMoreInput } from './continuation.ts';
import { drawLine, visibleLength } from './line-layout.ts';
import { SESSION_MARKER, decodeWorkspaceDraft, encodeWorkspaceDraft } from './session-draft.ts';
import { createClusterState } from '../kubectl/index.ts';

function type(state: LineState, ...keys: string[]): LineState {
  return keys.reduce((current, key) => pressKey(current, key).state, state);
}

describe('line editor', () => {
  it('inserts at the cursor and moves with arrows, Home and End', () => {
    const state = type(emptyLine(), 'k get', '\x1b[H', '\x1b[C', '\x1b[C', 'x', '\x1b[F', 's');
    expect(state).toMatchObject({ text: 'k xget' + 's', cursor: 7 });
    expect(type(state, '\x7f', '\x7f')).toMatchObject({ text: 'k xge', cursor: 5 });
    expect(type(state, '\x17')).toMatchObject({ text: 'k ', cursor: 2 });
    expect(type(state, '\x15')).toMatchObject({ text: '', cursor: 0 });
  });

  it('walks the history with Up and Down and keeps the new line', () => {
    const history = remember(remember(remember([], 'k get pods'), 'k get ns'), 'k get ns');
    expect(history).toEqual(['k get pods', 'k get ns']);
    let state = type(emptyLine(history), 'draft', '\x1b[A');
    expect(state.text).toBe('k get ns');
    state = type(state, '\x1b[A', '\x1b[A');
    expect(state.text).toBe('k get pods');
    expect(type(state, '\x1b[B', '\x1b[B').text).toBe('draft');
  });

  it('searches the history backwards with Ctrl+R', () => {
    const history = ['k apply -f a.yaml', 'k get pods', 'k apply -f b.yaml'];
    let result = pressKey(type(emptyLine(history), '\x12', 'a', 'p'), '\x12');
    expect(result.state.text).toBe('k apply -f a.yaml');
    result = pressKey(type(emptyLine(history), '\x12', 'p', 'o'), '\r');
    expect(result).toMatchObject({ action: 'submit', state: { text: 'k get pods' } });
    expect(result.state.search).toBeUndefined();
    expect(type(emptyLine(history), 'x', '\x12', 'g', '\x07')).toMatchObject({ text: 'x' });
  });

  it('reports Enter, Ctrl+C, Ctrl+L, Tab and Ctrl+D on an empty line', () => {
    const line = type(emptyLine(), 'ls');
    expect(pressKey(line, '\r').action).toBe('submit');
    expect(pressKey(line, '\x03').action).toBe('interrupt');
    expect(pressKey(line, '\x0c').action).toBe('clear-screen');
    expect(pressKey(line, '\t').action).toBe('complete');
    expect(pressKey(emptyLine(), '\x04').action).toBe('end');
  });

  it('takes a bracketed paste whole, newlines included', () => {
    const state = type(emptyLine(), '\x1b[200~cat <<EOF\r\nkind: x\r\nEOF\x1b[201~');
    expect(state.text).toBe('cat <<EOF\nkind: x\nEOF');
  });

  it('replaces the word being completed', () => {
    const state = type(emptyLine(), 'k get po');
    expect(replaceWord(state, 6, 'pods ')).toMatchObject({ text: 'k get pods ', cursor: 11 });
  });
});

describe('completion words', () => {
  it('splits the last command and knows the command position', () => {
    expect(completionWords('cat x | k get po')).toMatchObject({
      from: 14,
      word: 'po',
      words: ['k', 'get', 'po'],
    });
    expect(completionWords('ls && ku')).toMatchObject({ word: 'ku', isCommand: true });
    expect(completionWords('k apply -f ')).toMatchObject({ word: '', words: ['k', 'apply', '-f', ''] });
    expect(completionWords('cat "my fi')).toMatchObject({ from: 4, word: 'my fi' });
    expect(commonPrefix(['netpol', 'networkpolicies'])).toBe('net');
    expect(shellWord('my file')).toBe(`'my file'`);
    expect(inColumns(['pods', 'po', 'pod'], 12)).toBe('pods  po\r\npod\r\n');
  });
});

describe('needsMoreInput', () => {
  it('continues open heredocs, quotes and trailing operators', () => {
    expect(needsMoreInput('cat <<EOF', 'Cannot serialize an unterminated here-document')).toBe(true);
    expect(needsMoreInput('ls |', undefined)).toBe(true);
    expect(needsMoreInput('echo a \\', undefined)).toBe(true);
    expect(needsMoreInput('echo )', "syntax error near unexpected token `)'")).toBe(false);
    expect(needsMoreInput('ls', undefined)).toBe(false);
  });
});

describe('workspace draft', () => {
  const state = createClusterState({ cluster: { namespaces: [], pods: [], externals: [] } }, { now: 0 });
  const terminal = {
    state,
    files: { '/root/a': 'x' },
    env: { A: '1' },
    cwd: '/root',
    history: ['ls'],
    transcript: 'hi',
  };

  it('stays plain editor text until the terminal was used', () => {
    expect(encodeWorkspaceDraft({ editor: 'kind: x' })).toBe('kind: x');
    expect(decodeWorkspaceDraft('kind: x')).toEqual({ editor: 'kind: x', damaged: false });
  });

  it('round-trips a terminal session and refuses a damaged one', () => {
    const text = encodeWorkspaceDraft({ editor: 'e', terminal });
    expect(text.startsWith(`${SESSION_MARKER}\n`)).toBe(true);
    expect(decodeWorkspaceDraft(text)).toEqual({ editor: 'e', terminal, damaged: false });
    expect(decodeWorkspaceDraft(`${SESSION_MARKER}\n{"editor":"e","terminal":{"state":1}}`)).toEqual({
      editor: 'e',
      damaged: true,
    });
    expect(decodeWorkspaceDraft(`${SESSION_MARKER}\n{oops`).damaged).toBe(true);
  });
});

describe('drawLine', () => {
  it('clears from the prompt, writes continuation lines and puts the cursor back', () => {
    const drawn = drawLine({
      prompt: '\x1b[32m$\x1b[0m ',
      text: 'cat <<EOF\nkind: x',
      cursor: 4,
      cols: 80,
      previousCursorRow: 1,
    });
    expect(visibleLength('\x1b[32m$\x1b[0m ')).toBe(2);
    expect(drawn.sequence).toBe('\x1b[1A\r\x1b[J\x1b[32m$\x1b[0m cat <<EOF\r\n> kind: x\x1b[1A\r\x1b[6C');
    expect(drawn.cursorRow).toBe(0);
  });

  it('counts soft-wrapped rows', () => {
    const drawn = drawLine({
      prompt: '$ ',
      text: 'x'.repeat(18),
      cursor: 18,
      cols: 10,
      previousCursorRow: 0,
    });
    expect(drawn.cursorRow).toBe(2);
    expect(drawn.sequence.endsWith(' \b\r')).toBe(true);
  });
});
