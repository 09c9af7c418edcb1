/**
 * One writer at a time for the user's exercise library. Calls in this process queue behind each
 * other; a lock folder beside the library keeps a second host on the same data folder (the desktop
 * app and browser mode, say) out while a write is under way. Every finished write leaves a new change
 * stamp, so another host can tell that its view of the library is out of date.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LibraryLockOptions {
  /** How long to wait for another process's write before giving up; 5 s by default. */
  readonly waitMs?: number;
  /** A lock folder older than this was left by a process that died; 30 s by default. */
  readonly staleMs?: number;
}

/** Thrown when another process keeps the library locked for longer than `waitMs`. */
export class LibraryBusyError extends Error {
  constructor() {
    super('Another window of the lab is changing your exercise library; try again in a moment.');
    this.name = 'LibraryBusyError';
  }
}

export interface LibraryLock {
  /** Runs `work` as the only writer of the library, then records a new change stamp. */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** The current change stamp: '' until the first write; differs after every write by anyone. */
  stamp(): Promise<string>;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock for the library at `userRoot`; its lock folder and stamp sit beside it, not inside it. */
export function createLibraryLock(userRoot: string, options: LibraryLockOptions = {}): LibraryLock {
  const waitMs = options.waitMs ?? 5_000;
  const staleMs = options.staleMs ?? 30_000;
  const root = path.resolve(userRoot);
  const lockFolder = `${root}.lock`;
  const stampFile = `${root}.stamp`;
  let queue: Promise<unknown> = Promise.resolve();

  const acquire = async (): Promise<void> => {
    await mkdir(path.dirname(root), { recursive: true });
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        await mkdir(lockFolder);
        return;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const age = await stat(lockFolder).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await rm(lockFolder, { recursive: true, force: true });
      else if (Date.now() >= deadline) throw new LibraryBusyError();
      else await pause(25);
    }
  };

  const underLock = async <T>(work: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      const result = await work();
      await writeFile(stampFile, randomUUID());
      return result;
    } finally {
      await rm(lockFolder, { recursive: true, force: true });
    }
  };

  return {
    write(work) {
      // `queue` never rejects (see below), so each write starts once the one before it has ended.
      const run = queue.then(() => underLock(work));
      queue = run.catch(() => undefined);
      return run;
    },
    stamp: () => readFile(stampFile, 'utf8').catch(() => ''),
  };
}
