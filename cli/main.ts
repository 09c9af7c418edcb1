import process from 'node:process';
import type { CliCommand, CliIo } from './command.ts';
import { UsageError } from './command.ts';
import { commands } from './commands/index.ts';

/** `netpol-lab` entry point: dispatches to a subcommand and turns every failure into a message and an exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : findCommand(topic);
    io.stdout(command ? command.help : overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('netpol-lab 0.1.0\n');
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(`netpol-lab: unknown command "${name}". Run \`netpol-lab --help\` to see the commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(
        `netpol-lab ${command.name}: ${(error as Error).message}\nRun \`netpol-lab ${command.name} --help\` for usage.\n`,
      );
      return 2;
    }
    io.stderr(
      `netpol-lab ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 3;
  }
}

function findCommand(name: string): CliCommand | undefined {
  return commands.find((command) => command.name === name);
}

function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  );
}

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'netpol-lab: practise Kubernetes NetworkPolicy offline.',
    '',
    'Usage: netpol-lab <command> [options]   (from the repository: npm run --silent cli -- <command>)',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `netpol-lab <command> --help` for the options of one command.',
    '',
  ].join('\n');
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
    columns: process.stdout.columns ?? 80,
    cwd: process.cwd(),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && /(?:cli[\\/]main\.ts|netpol-lab(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  const code = await main(process.argv.slice(2), processIo());
  process.exitCode = code;
}
