/**
 * Bad input for the CLI: paths that are not regular files. `/dev/zero` never ends and a FIFO blocks
 * until someone writes, so both must be refused before any read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/captured-run.ts';
import { main } from '../cli/main.ts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'netpol-cli-files-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function lint(file: string) {
  return runCaptured(folder, (io) => main(['lint', '-f', file], io));
}

describe('the CLI reads only regular files', () => {
  it.runIf(existsSync('/dev/zero'))('refuses a device such as /dev/zero without reading it', async () => {
    const run = await lint('/dev/zero');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read \/dev\/zero: it is a device, not a regular file/);
  });

  it.runIf(process.platform !== 'win32')('refuses a FIFO instead of waiting for a writer', async () => {
    const fifo = path.join(folder, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = await lint(fifo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/it is a pipe \(FIFO\), not a regular file/);
  });

  it('refuses a file over 16 MB before reading it', async () => {
    const big = path.join(folder, 'big.yaml');
    await writeFile(big, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(big, 17 * 1024 * 1024);
    const run = await lint(big);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/larger than 16 MB/);
  });
});
