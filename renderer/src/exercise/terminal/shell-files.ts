/**
 * Files between the shell and kubectl: the simulated kubectl reads files synchronously, the
 * shell's file system answers asynchronously, so the files a command line names with `-f` are read
 * before kubectl runs. Also path resolution and the shell's byte strings.
 */
import type { IFileSystem } from 'just-bash';

/** `path` made absolute against `cwd`, with `.` and `..` resolved. */
export function resolvePath(cwd: string, path: string): string {
  const home = path === '~' || path.startsWith('~/') ? `/root${path.slice(1)}` : path;
  const joined = home.startsWith('/') ? home : `${cwd}/${home}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The shell hands stdin over as bytes, one char each; kubectl wants the text. */
export function decodeLatin1(bytes: string): string {
  if (!/[\x80-\xff]/.test(bytes)) return bytes;
  return new TextDecoder().decode(Uint8Array.from(bytes, (char) => char.charCodeAt(0)));
}

/** The paths a kubectl command line names with `-f`, `--filename` (and their `=` forms). */
export function fileArguments(args: readonly string[]): string[] {
  const paths: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if ((arg === '-f' || arg === '--filename') && index + 1 < args.length) {
      paths.push(args[index + 1] as string);
      index++;
    } else if (arg.startsWith('--filename=')) paths.push(arg.slice('--filename='.length));
    else if (arg.startsWith('-f=')) paths.push(arg.slice(3));
    else if (arg.startsWith('-f') && arg.length > 2 && !arg.startsWith('--')) paths.push(arg.slice(2));
  }
  return paths.filter((path) => path !== '-');
}

export interface PreloadedFiles {
  /** Absolute path → text. */
  readonly files: Map<string, string>;
  /** Absolute path of a directory → the names inside it. */
  readonly directories: Map<string, readonly string[]>;
}

async function readInto(fs: IFileSystem, path: string, into: PreloadedFiles, depth: number): Promise<void> {
  try {
    const stat = await fs.stat(path);
    if (stat.isFile) into.files.set(path, await fs.readFile(path));
    else if (stat.isDirectory && depth > 0) {
      const names = await fs.readdir(path);
      into.directories.set(path, names);
      for (const name of names) await readInto(fs, `${path === '/' ? '' : path}/${name}`, into, depth - 1);
    }
  } catch {
    // Missing: kubectl reports it in its own words.
  }
}

/** Reads every file (and the files of every directory) named with `-f`. */
export async function preloadFiles(
  args: readonly string[],
  fs: IFileSystem,
  cwd: string,
): Promise<PreloadedFiles> {
  const into: PreloadedFiles = { files: new Map(), directories: new Map() };
  for (const path of fileArguments(args)) await readInto(fs, resolvePath(cwd, path), into, 1);
  return into;
}
