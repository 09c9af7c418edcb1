/**
 * `npm run serve`: the lab in the default browser instead of Electron. Opens the learner's progress
 * database, starts the local HTTP host on 127.0.0.1 and prints one line with its address (tests and
 * scripts read it). Ctrl+C stops the server and closes the database cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttpHost } from './http-host.ts';
import type { HttpHost } from './http-host.ts';
import { createLabBackend, examMinuteMsFromEnvironment } from './lab-api/index.ts';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 4173;

const HELP = `Usage: npm run serve -- [options]

Serves NetPol Lab on http://127.0.0.1:PORT/ for use in a web browser.

Options:
  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks any free port)
  --data DIR        folder for progress.sqlite (default: your per-user data folder)
  --exercises DIR   exercise library (default: the repository's exercises/ folder)
  --static DIR      built renderer (default: dist/renderer)
  --open            open the lab in the default browser
  --help            show this help
`;

class UsageError extends Error {}

/** The per-user data folder the way each platform expects it. */
function defaultDataFolder(): string {
  const home = homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'NetPol Lab');
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'NetPol Lab');
  }
  const xdg = process.env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share');
  return path.join(base, 'netpol-lab');
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be 0–65535, got "${text}"`);
  return port;
}

function readAppVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Opens `url` in the default browser; a machine without one just keeps the printed address. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener available; the address is printed already.
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      exercises: { type: 'string' },
      static: { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = parsePort(values.port);
  const dataFolder = values.data === undefined ? defaultDataFolder() : path.resolve(values.data);
  const exercisesRoot = path.resolve(values.exercises ?? path.join(REPOSITORY, 'exercises'));
  const staticRoot = path.resolve(values.static ?? path.join(REPOSITORY, 'dist', 'renderer'));
  if (!existsSync(path.join(staticRoot, 'index.html'))) {
    process.stderr.write(`No index.html in ${staticRoot}: run \`npm run build:renderer\` first.\n`);
    return 2;
  }

  // Listen before anything opens and before the address is printed: a signal that arrives while no
  // listener exists kills the process outright, skipping the database close.
  const stopRequested = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const backend = await createLabBackend({
    exercisesRoot,
    databaseFile: path.join(dataFolder, 'progress.sqlite'),
    host: 'browser',
    // Test-only: end-to-end tests shorten an exam minute with NETPOL_LAB_EXAM_MINUTE_MS.
    examMinuteMs: examMinuteMsFromEnvironment(process.env),
    appVersion: readAppVersion(),
  });
  const startup = await backend.api.getStartupInfo();
  if (startup.databaseRecovered !== null) {
    const { movedTo, reason } = startup.databaseRecovered;
    process.stderr.write(
      `The progress database was moved aside to ${movedTo} (${reason}); starting fresh.\n`,
    );
  }
  if (startup.databaseWarning !== null) process.stderr.write(`${startup.databaseWarning}\n`);
  let host: HttpHost;
  try {
    host = await startHttpHost({ backend, staticRoot, port });
  } catch (error) {
    backend.close();
    throw error;
  }
  process.stdout.write(`NetPol Lab is running at ${host.url}\n`);
  if (values.open) openInBrowser(host.url);

  await stopRequested;
  try {
    await host.close();
  } catch (error) {
    process.stderr.write(`Stopping the server failed: ${String(error)}\n`);
  } finally {
    backend.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`netpol-lab serve: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) process.stderr.write('Try --help.\n');
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write('Another program uses that port: pass --port N, or --port 0 for any free port.\n');
    }
    process.exitCode = usage ? 2 : 1;
  },
);
