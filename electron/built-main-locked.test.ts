/**
 * The built main.cjs when another instance already holds the single-instance lock: it quits at
 * once, before `ready`, without opening a window, a database or an IPC handler. Its own file, so
 * the module loads fresh with a stand-in whose lock is taken.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types; only its options array is read.
import { buildOptions, repositoryRoot } from './build.mjs';

const scratch = path.join(repositoryRoot, 'node_modules', '.cache', `built-main-locked-${process.pid}`);
const userData = path.join(scratch, 'user-data');
const asked: string[] = [];

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  name: 'NetPol Lab',
  setPath: (name: string) => asked.push(`setPath ${name}`),
  getPath: (name: string) => path.join(scratch, name),
  getAppPath: () => scratch,
  getVersion: () => '0.0.0-test',
  enableSandbox: () => asked.push('enableSandbox'),
  requestSingleInstanceLock: () => {
    asked.push('lock');
    return false;
  },
  whenReady: () => {
    asked.push('whenReady');
    return new Promise<void>(() => undefined);
  },
  quit: () => asked.push('quit'),
  exit: (code: number) => asked.push(`exit ${code}`),
});

const refuse = (what: string) => () => {
  throw new Error(`${what} must not be used when the lock is held elsewhere`);
};

const electron = {
  app,
  BrowserWindow: refuse('BrowserWindow'),
  ipcMain: { handle: refuse('ipcMain.handle'), removeHandler: refuse('ipcMain.removeHandler') },
  protocol: {
    registerSchemesAsPrivileged: () => asked.push('registerSchemesAsPrivileged'),
    handle: refuse('protocol.handle'),
  },
  session: { defaultSession: {} },
  Menu: { buildFromTemplate: refuse('Menu'), setApplicationMenu: refuse('Menu') },
  nativeTheme: new EventEmitter(),
  shell: { openExternal: refuse('shell.openExternal') },
  dialog: { showErrorBox: (title: string) => asked.push(`error ${title}`) },
};

const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const originalLoad = loader._load;

beforeAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const [mainOptions] = buildOptions as [Record<string, unknown>];
  await build({ ...mainOptions, outdir: path.join(scratch, 'dist-electron'), sourcemap: false });
  process.env['NETPOL_LAB_USER_DATA'] = userData;
  loader._load = function load(request, parent, isMain) {
    if (request === 'electron') return electron;
    return originalLoad.call(this, request, parent, isMain);
  };
  const main = path.join(scratch, 'dist-electron', 'main.cjs');
  Module.createRequire(main)(main);
  // Anything main.cjs started would run in the next turns; give it the chance to misbehave.
  await new Promise((resolve) => setTimeout(resolve, 100));
}, 60_000);

afterAll(() => {
  loader._load = originalLoad;
  delete process.env['NETPOL_LAB_USER_DATA'];
  rmSync(scratch, { recursive: true, force: true });
});

describe('the built main.cjs with the single-instance lock held elsewhere', () => {
  it('asks for the lock and quits, without waiting for ready', () => {
    expect(asked).toContain('lock');
    expect(asked).toContain('quit');
    expect(asked).not.toContain('whenReady');
    expect(asked.filter((entry) => entry.startsWith('error') || entry.startsWith('exit'))).toEqual([]);
  });

  it('leaves the other instance alone: no window, no handler, no database of its own', () => {
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(() => readdirSync(userData)).toThrow();
  });
});
