import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SERVE = resolve(import.meta.dirname, 'serve.ts');
// Resolved from here, not from the child's working folder, which is a temp dir without node_modules.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const LINE = /^NetPol Lab is running at (http:\/\/127\.0\.0\.1:\d+\/)$/;

let folder: string;
let site: string;
let children: ChildProcess[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-serve-'));
  site = join(folder, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>served</title>');
  children = [];
});

afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

function serve(args: readonly string[], environment: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, SERVE, ...args], {
    cwd: folder,
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function address(run: Run): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const match = LINE.exec(run.stdout().trim());
    if (match?.[1] !== undefined) return match[1];
    if (run.child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no address line; stdout: ${run.stdout()} stderr: ${run.stderr()}`);
}

describe('serve', () => {
  it('prints one line with its address, serves the lab and stops cleanly on SIGTERM', async () => {
    const run = serve(['--port', '0', '--data', 'data', '--static', site]);
    const url = await address(run);
    expect(run.stdout()).toBe(`NetPol Lab is running at ${url}\n`);
    expect(await (await fetch(url)).text()).toContain('<title>served</title>');
    const response = await fetch(`${url}api/getStartupInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { host: 'browser' } });
    // --data is relative to the working folder.
    expect(existsSync(join(folder, 'data', 'progress.sqlite'))).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    // A cleanly closed WAL database leaves no -wal file behind.
    expect(existsSync(join(folder, 'data', 'progress.sqlite-wal'))).toBe(false);
  });

  it('keeps its data in XDG_DATA_HOME by default and reports a recovered database', async () => {
    const dataHome = join(folder, 'xdg');
    mkdirSync(join(dataHome, 'netpol-lab'), { recursive: true });
    writeFileSync(join(dataHome, 'netpol-lab', 'progress.sqlite'), 'garbage, not a database');
    const run = serve(['--port', '0', '--static', site], { XDG_DATA_HOME: dataHome });
    await address(run);
    expect(run.stderr()).toContain('moved aside');
    expect(existsSync(join(dataHome, 'netpol-lab', 'progress.sqlite'))).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('asks for a renderer build when index.html is missing', async () => {
    const run = serve(['--port', '0', '--data', 'data', '--static', join(folder, 'empty')]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('run `npm run build:renderer` first');
    expect(run.stdout()).toBe('');
  });

  it('refuses bad options', async () => {
    const badPort = serve(['--port', '70000', '--static', site]);
    expect(await badPort.exit).toBe(2);
    expect(badPort.stderr()).toContain('--port');
    const unknown = serve(['--verbose']);
    expect(await unknown.exit).toBe(2);
    const help = serve(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('--exercises DIR');
  });
});
