/**
 * The terminal of a running exam, one session per task: what the host grades is the answer text
 * (the policies the learner applied, from core/kubectl's grading export), saved like a typed
 * answer; the session itself (cluster, files, history, screen) is kept in this browser's storage
 * so returning to a task, or reloading, continues where the learner left off.
 */
import { terminalSubmission } from '../../../core/kubectl/index.ts';
import { decodeWorkspaceDraft, encodeWorkspaceDraft } from '../../../core/terminal/index.ts';
import type { TerminalSession } from '../../../core/terminal/index.ts';

const PREFIX = 'netpol-lab:exam-terminal:';

function keyOf(examId: string, taskId: string): string {
  return `${PREFIX}${examId}:${taskId}`;
}

/** The saved session of one exam task, or undefined (none, unreadable, or storage unavailable). */
export function readExamSession(
  storage: Storage | undefined,
  examId: string,
  taskId: string,
): TerminalSession | undefined {
  try {
    const text = storage?.getItem(keyOf(examId, taskId));
    return text ? decodeWorkspaceDraft(text).terminal : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the session of one exam task; a full or disabled storage only costs the restore. */
export function writeExamSession(
  storage: Storage | undefined,
  examId: string,
  taskId: string,
  session: TerminalSession,
): void {
  try {
    storage?.setItem(keyOf(examId, taskId), encodeWorkspaceDraft({ editor: '', terminal: session }));
  } catch {
    // The graded answer went to the host; only the screen and files would be lost.
  }
}

/** The answer an exam task's terminal session amounts to: the policies applied, as YAML. */
export function examAnswer(session: TerminalSession): string {
  return terminalSubmission(session.state).submission;
}
