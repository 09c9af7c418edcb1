/**
 * A terminal session kept in the exercise's one draft slot, beside the editor's text: the cluster
 * state, the shell's files, variables and aliases, its directory, the command history and the
 * tail of the screen. A draft that is not such an envelope is plain editor text, as before, so
 * drafts saved by earlier versions open unchanged; a damaged envelope is refused as a whole.
 */
import { isClusterState } from '../kubectl/index.ts';
import type { ClusterState } from '../kubectl/index.ts';

/** What the terminal needs to continue where the learner left off. */
export interface TerminalSession {
  readonly state: ClusterState;
  /** Absolute path → text of every file the learner has. */
  readonly files: Readonly<Record<string, string>>;
  /** Exported variables and aliases, as the shell reports its environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly history: readonly string[];
  /** The last lines of the screen, so the restored terminal does not open blank. */
  readonly transcript: string;
}

/** The exercise draft: the editor's text and, once the terminal was used, its session. */
export interface WorkspaceDraft {
  readonly editor: string;
  readonly terminal?: TerminalSession;
}

/** The first line of a draft that holds a terminal session. */
export const SESSION_MARKER = '# netpol-lab terminal session v1';

/** How much of the screen is kept (characters). */
export const TRANSCRIPT_LIMIT = 20_000;

function isTextRecord(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

function isSession(value: unknown): value is TerminalSession {
  if (value === null || typeof value !== 'object') return false;
  const session = value as Record<string, unknown>;
  return (
    isClusterState(session.state) &&
    isTextRecord(session.files) &&
    isTextRecord(session.env) &&
    typeof session.cwd === 'string' &&
    session.cwd.startsWith('/') &&
    Array.isArray(session.history) &&
    session.history.every((line) => typeof line === 'string') &&
    typeof session.transcript === 'string'
  );
}

/** The draft text for a workspace: plain editor text until the terminal holds a session. */
export function encodeWorkspaceDraft(draft: WorkspaceDraft): string {
  if (draft.terminal === undefined) return draft.editor;
  const terminal = { ...draft.terminal, transcript: draft.terminal.transcript.slice(-TRANSCRIPT_LIMIT) };
  return `${SESSION_MARKER}\n${JSON.stringify({ editor: draft.editor, terminal })}`;
}

/**
 * Reads a draft back. Text without the marker is the editor's; an envelope that does not parse
 * or has the wrong shape gives `damaged: true` and no session (the editor text is kept when it can
 * be read), so the terminal starts over on the exercise's cluster instead of failing.
 */
export function decodeWorkspaceDraft(text: string): WorkspaceDraft & { readonly damaged: boolean } {
  if (!text.startsWith(`${SESSION_MARKER}\n`)) return { editor: text, damaged: false };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(SESSION_MARKER.length + 1));
  } catch {
    return { editor: '', damaged: true };
  }
  const body = (value ?? {}) as { editor?: unknown; terminal?: unknown };
  const editor = typeof body.editor === 'string' ? body.editor : '';
  if (!isSession(body.terminal)) return { editor, damaged: true };
  return { editor, terminal: body.terminal, damaged: false };
}
