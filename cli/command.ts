/** What every `netpol-lab` subcommand implements. Commands write through `io` so tests can capture output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal: colour and terminal-width tables are allowed. */
  readonly isTty: boolean;
  /** Terminal width in columns (80 when unknown). */
  readonly columns: number;
  /** Working directory for relative paths. */
  readonly cwd: string;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `netpol-lab --help`. */
  readonly summary: string;
  /** The full `--help` text of the command. */
  readonly help: string;
  /** Returns the process exit code: 0 success, 1 a negative result (e.g. failed grade), 2 bad input or usage. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A usage mistake: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}
