import path from 'node:path';
import type { CliIo } from './command.ts';
import { UsageError } from './command.ts';
import { formatDiagnostic } from './format.ts';
import { readRegularFile, UnreadableFile } from './read-regular-file.ts';
import { parseManifests } from '../core/netpol/index.ts';
import type { ParseResult } from '../core/netpol/index.ts';

/** Largest manifest file read; the parser applies its own, tighter limits on what it parses. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a text file with a friendly message when it is missing, not a regular file, or too large. */
export async function readTextFile(io: CliIo, file: string): Promise<string> {
  const full = path.resolve(io.cwd, file);
  try {
    return await readRegularFile(full, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFile) {
      throw new UsageError(
        `cannot read ${file}: ${error.message}; manifest files are regular files up to 16 MB`,
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder; give a YAML file`);
    throw new UsageError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

/**
 * Reads every `-f` file and parses them together. Prints diagnostics to stderr. Returns undefined when any
 * is an error: the caller exits 2, as `kubectl apply` would refuse the input.
 */
export async function loadManifests(
  io: CliIo,
  files: readonly string[],
  options: { quietInfo?: boolean } = {},
): Promise<ParseResult | undefined> {
  if (files.length === 0) throw new UsageError('give at least one manifest file with -f FILE');
  const inputs = [];
  for (const file of files) inputs.push({ text: await readTextFile(io, file), source: file });
  const result = parseManifests(inputs);
  const shown = result.diagnostics.filter(
    (diagnostic) => !(options.quietInfo && diagnostic.severity === 'info'),
  );
  for (const diagnostic of shown) io.stderr(`${formatDiagnostic(io, diagnostic)}\n`);
  if (result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    const count = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    io.stderr(
      `${count} error${count === 1 ? '' : 's'} in the input; fix ${count === 1 ? 'it' : 'them'} and run again.\n`,
    );
    return undefined;
  }
  return result;
}
