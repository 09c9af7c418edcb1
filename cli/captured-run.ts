/**
 * Runs a command in-process with its output captured instead of printed: how the CLI's tests drive
 * `main` and single commands without spawning a process.
 */
import type { CliIo } from './command.ts';

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Calls `run` with a non-TTY, 80-column io rooted at `cwd`, and returns its exit code and output. */
export async function runCaptured(cwd: string, run: (io: CliIo) => Promise<number>): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTty: false,
    columns: 80,
    cwd,
  };
  const code = await run(io);
  return { code, stdout, stderr };
}
