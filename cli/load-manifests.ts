import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './command.ts';
import { UsageError } from './command.ts';
import { formatDiagnostic } from './format.ts';
import { parseManifests } from '../core/netpol/read/manifests.ts';
import type { ParseResult } from '../core/netpol/index.ts';

/** Largest manifest file read; the parser applies its own, tighter limits on what it parses. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a text file with a friendly message when it is missing, a folder, or too large. */
export async function readTextFile(io: CliIo, file: string): Promise<string> {
  const full = path.resolve(io.cwd, file);
  let size: number;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new UsageError(`${file} is a folder; give a YAML file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  if (size > MAX_FILE_BYTES)
    throw new UsageError(
      `${file} is ${Math.round(size / 1024 / 1024)} MB; manifest files are limited to 16 MB`,
    );
  return readFile(full, 'utf8');
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
