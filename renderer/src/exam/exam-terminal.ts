/**
 * The terminal of a running exam, one session per task: what the host grades is the answer text
 * (the policies the learner applied, from core/kubectl's grading export); the session itself
 * (cluster, files, history, screen) is saved with the answer on the host, encoded as exercise
 * drafts encode it, so returning to a task, reloading or restarting continues where the learner
 * left off, and the review can show what was typed.
 */
import { terminalSubmission } from '../../../core/kubectl/index.ts';
import { decodeWorkspaceDraft, encodeWorkspaceDraft } from '../../../core/terminal/index.ts';
import type { TerminalSession } from '../../../core/terminal/index.ts';

/** Where versions before the host kept the sessions put them in the browser's storage. */
const LEGACY_PREFIX = 'netpol-lab:exam-terminal:';

/** The text the host keeps for a session. */
export function encodeExamTerminal(session: TerminalSession): string {
  return encodeWorkspaceDraft({ editor: '', terminal: session });
}

/** A session read back from the host; undefined when the text is not one (the terminal starts over). */
export function decodeExamTerminal(text: string): TerminalSession | undefined {
  return decodeWorkspaceDraft(text).terminal;
}

/**
 * A session an earlier version left in the browser's storage for this task, if any; with `remove`
 * the copy is deleted (once the host holds the session). Storage that fails only costs the restore.
 */
export function takeLegacyExamSession(
  storage: Storage | undefined,
  examId: string,
  taskId: string,
  remove: boolean,
): TerminalSession | undefined {
  const key = `${LEGACY_PREFIX}${examId}:${taskId}`;
  try {
    const text = storage?.getItem(key);
    if (remove) storage?.removeItem(key);
    return text ? decodeExamTerminal(text) : undefined;
  } catch {
    return undefined;
  }
}

/** How much of a task's screen the review shows (characters, the newest kept). */
export const REVIEW_TRANSCRIPT_LIMIT = 12_000;

/**
 * What the review shows of a task's terminal: the screen as plain text (commands with their
 * prompts, and their output), without colours or carriage returns, the newest
 * {@link REVIEW_TRANSCRIPT_LIMIT} characters. A session whose screen is gone shows its command
 * history. Undefined when there is no readable session.
 */
export function reviewTranscript(encoded: string | undefined): string | undefined {
  const session = encoded === undefined ? undefined : decodeExamTerminal(encoded);
  if (session === undefined) return undefined;
  const plain = session.transcript
    // eslint-disable-next-line no-control-regex -- terminal escape sequences are what is removed
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g, '')
    .replace(/\r\n?/g, '\n')
    .trimEnd();
  const text = plain === '' ? session.history.map((line) => `$ ${line}`).join('\n') : plain;
  if (text.length <= REVIEW_TRANSCRIPT_LIMIT) return text;
  return `… earlier output left out …\n${text.slice(-REVIEW_TRANSCRIPT_LIMIT)}`;
}

/** The answer an exam task's terminal session amounts to: the policies applied, as YAML. */
export function examAnswer(session: TerminalSession): string {
  return terminalSubmission(session.state).submission;
}
