/**
 * The editor's look, from the app's CSS variables only, so the light and dark themes (and the font
 * size setting) apply without rebuilding the editor.
 */
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

const chrome = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: 'var(--font-size)',
    color: 'var(--color-text)',
    backgroundColor: 'var(--color-surface)',
  },
  '&.cm-focused': { outline: '2px solid var(--color-focus)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--color-text)', padding: 'var(--space-2) 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'color-mix(in srgb, var(--color-accent) 28%, transparent)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--color-accent) 7%, transparent)' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-surface-2)',
    color: 'var(--color-text-muted)',
    borderRight: '1px solid var(--color-border)',
  },
  '.cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--color-accent) 14%, transparent)',
    color: 'var(--color-text)',
  },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--color-ok) 22%, transparent)',
    outline: '1px solid var(--color-ok)',
  },
  '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': { outline: '1px solid var(--color-bad)' },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--color-warn) 25%, transparent)' },
  '.cm-searchMatch.cm-searchMatch-selected': {
    backgroundColor: 'color-mix(in srgb, var(--color-warn) 45%, transparent)',
  },
  '.cm-selectionMatch': { backgroundColor: 'color-mix(in srgb, var(--color-info) 18%, transparent)' },
  '.cm-panels': { backgroundColor: 'var(--color-surface-2)', color: 'var(--color-text)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--color-border)' },
  '.cm-panel input, .cm-panel button, .cm-panel label': { fontSize: '0.85rem' },
  '.cm-panel.cm-search input[type=text]': { minHeight: 'auto', padding: '0.1rem 0.4rem' },
  '.cm-panel.cm-search button': { minHeight: 'auto', padding: '0.1rem 0.5rem' },
  '.cm-tooltip': {
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text)',
    border: '1px solid var(--color-border-strong, var(--color-border))',
    borderRadius: 'var(--radius-small, 4px)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--color-accent)',
    color: 'var(--color-accent-text)',
  },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.8' },
  '.cm-diagnostic': { padding: '0.2rem 0.5rem', fontFamily: 'var(--font-sans)', whiteSpace: 'pre-wrap' },
  // Lint messages are sentences: keep them a readable measure wide instead of one endless line.
  '.cm-tooltip.cm-tooltip-lint': { maxWidth: 'min(36rem, 80vw)' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--color-bad)' },
  '.cm-diagnostic-warning': { borderLeft: '4px solid var(--color-warn)' },
  '.cm-diagnostic-info': { borderLeft: '4px solid var(--color-info)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--color-bad)',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--color-warn)',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-info': {
    backgroundImage: 'none',
    textDecoration: 'underline dotted var(--color-info)',
    textUnderlineOffset: '3px',
  },
  '.cm-lint-marker': { width: '0.9em', height: '0.9em' },
});

const highlighting = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--color-accent)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--color-ok)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--color-warn)' },
  { tag: [tags.keyword, tags.typeName, tags.labelName, tags.meta], color: 'var(--color-info)' },
  { tag: tags.comment, color: 'var(--color-text-muted)', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.bracket, tags.operator], color: 'var(--color-text-muted)' },
]);

/** The editor theme and syntax colours. */
export const editorTheme: Extension = [chrome, syntaxHighlighting(highlighting)];
