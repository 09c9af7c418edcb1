/**
 * The pure parts of the lab's terminal: the line editor (keys in, line state and an action out),
 * the word splitting Tab completion needs, when Enter continues a line instead of running it, and
 * the draft envelope that keeps a terminal session beside the editor's text.
 */
export type { HistorySearch, KeyResult, LineAction, LineState } from './line-editor.ts';
export { HISTORY_LIMIT, emptyLine, pressKey, remember, replaceWord } from './line-editor.ts';
export type { CompletionWords } from './completion-words.ts';
export { commonPrefix, completionWords, inColumns, shellWord } from './completion-words.ts';
export { needsMoreInput } from './continuation.ts';
export type { LineDrawing } from './line-layout.ts';
export { CONTINUATION_PROMPT, drawLine, visibleLength } from './line-layout.ts';
export type { TerminalSession, WorkspaceDraft } from './session-draft.ts';
export {
  SESSION_MARKER,
  TRANSCRIPT_LIMIT,
  decodeWorkspaceDraft,
  encodeWorkspaceDraft,
} from './session-draft.ts';
