import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProgressStore } from '../../backend/progress/index.ts';
import { crashAttempt } from './crash-payload.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = join(here, '..', '..');
const writer = join(here, 'attempt-writer.ts');
/** How long one writer may take to produce its acknowledgements before the test gives up. */
const ROUND_DEADLINE_MS = 20_000;

interface Acknowledgement {
  readonly sequence: number;
  readonly id: number;
}

/**
 * Starts the writer, waits for `wanted` acknowledgements, then SIGKILLs it while it is busy writing
 * the next attempt. Resolves with every acknowledgement it printed, complete lines only.
 */
function runWriterUntilKilled(
  file: string,
  firstSequence: number,
  wanted: number,
): Promise<Acknowledgement[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, String(firstSequence)], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledgements: Acknowledgement[] = [];
    let pending = '';
    let errors = '';
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `writer produced ${acknowledgements.length} of ${wanted} acknowledgements in time: ${errors}`,
        ),
      );
    }, ROUND_DEADLINE_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [sequence, id] = line.split(' ').map(Number);
        acknowledgements.push({ sequence: sequence ?? Number.NaN, id: id ?? Number.NaN });
      }
      if (acknowledgements.length >= wanted) child.kill('SIGKILL');
    });
    child.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    // 'close', not 'exit': it waits for stdout to drain, so no printed acknowledgement is missed.
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      if (signal === 'SIGKILL') resolve(acknowledgements);
      else reject(new Error(`writer exited by itself (code ${code}): ${errors}`));
    });
  });
}

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-crash-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('progress store under SIGKILL', () => {
  it('keeps every acknowledged attempt and an intact database across repeated kills', async () => {
    const file = join(folder, 'progress.db');
    const acknowledged: Acknowledgement[] = [];
    // Different counts per round so the kill does not always land at the same point of a cycle.
    for (const [round, wanted] of [25, 40, 33].entries()) {
      const acknowledgedNow = await runWriterUntilKilled(file, round * 100_000, wanted);
      expect(acknowledgedNow.length).toBeGreaterThanOrEqual(wanted);
      acknowledged.push(...acknowledgedNow);

      // A plain connection first, so the check sees the file exactly as the kill left it
      // (opening replays the WAL, which is what any reader would do).
      const raw = new Database(file);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        raw.close();
      }

      const { store, recovered } = openProgressStore(file);
      try {
        expect(recovered).toBeUndefined();
        const stored = store.listProgress().reduce((sum, exercise) => sum + exercise.attemptCount, 0);
        // At most one attempt per kill may have committed without its acknowledgement reaching us.
        expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
        expect(stored).toBeLessThanOrEqual(acknowledged.length + round + 1);
        for (const { sequence, id } of acknowledged) {
          expect(store.getAttempt(id), `acknowledged attempt ${id}`).toMatchObject(crashAttempt(sequence));
        }
      } finally {
        store.close();
      }
    }
  }, 90_000);
});
