/**
 * The built desktop shell, run without Electron's binary: `dist-electron/main.cjs` is bundled with the
 * real build options into a scratch folder, then loaded with a stand-in `electron` module that records
 * what the main process asks of it. The real backend answers behind it, on a throwaway database.
 * What this cannot show (a real window painting, the preload in a real renderer) is the job of the
 * `_electron` smoke test, which runs where the binary exists.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_API_METHODS, ipcChannel } from '../core/lab-api/index.ts';
// @ts-expect-error: a plain ES module without types; only its options array is read.
import { buildOptions, repositoryRoot } from './build.mjs';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** Everything the stand-in saw. */
interface Recorded {
  windows: FakeWindow[];
  handlers: Map<string, Handler>;
  sandboxEnabled: boolean;
  lockRequested: boolean;
  menuSet: boolean;
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: () => boolean;
  headers?: (
    details: { responseHeaders?: Record<string, string | string[]> },
    callback: (r: unknown) => void,
  ) => void;
  opened: string[];
  errors: string[];
  /** Schemes granted privileges, and whether that happened before `ready` as Electron requires. */
  privileged: { scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  isReady: boolean;
}

class FakeContents extends EventEmitter {
  static next = 1;
  readonly id = FakeContents.next++;
  readonly sent: unknown[][] = [];
  openHandler?: (details: { url: string }) => { action: string };
  mainFrame = {
    processId: 7,
    frameToken: `frame-${this.id}`,
    url: '',
    parent: null,
    isDestroyed: () => false,
  };
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  loaded?: string;
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
    recorded.windows.push(this);
    // A window's web contents is announced to the app, as Electron does.
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(file: string): Promise<void> {
    this.loaded = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  setBackgroundColor(): void {}
}

const recorded: Recorded = {
  windows: [],
  handlers: new Map(),
  sandboxEnabled: false,
  lockRequested: false,
  menuSet: false,
  opened: [],
  errors: [],
  privileged: [],
  protocolHandlers: new Map(),
  isReady: false,
};

const scratch = path.join(repositoryRoot, 'node_modules', '.cache', `built-main-test-${process.pid}`);
const appPath = path.join(scratch, 'app');
const userData = path.join(scratch, 'user-data');
const rendererRoot = path.join(appPath, 'dist', 'renderer');
let readyResolve: () => void = () => {};
const ready = new Promise<void>((resolve) => (readyResolve = resolve));

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  name: 'NetPol Lab',
  paths: new Map<string, string>(),
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  },
  getPath(name: string): string {
    return this.paths.get(name) ?? path.join(scratch, name);
  },
  getAppPath: (): string => appPath,
  getVersion: (): string => '0.0.0-test',
  enableSandbox(): void {
    recorded.sandboxEnabled = true;
  },
  requestSingleInstanceLock(): boolean {
    recorded.lockRequested = true;
    return true;
  },
  whenReady(): Promise<void> {
    return Promise.resolve().then(() => {
      recorded.isReady = true;
      readyResolve();
    });
  },
  setAboutPanelOptions(): void {},
  quit(): void {},
  exit(code: number): void {
    recorded.errors.push(`exit ${code}`);
  },
});

const electron = {
  app,
  BrowserWindow: FakeWindow,
  ipcMain: {
    handle(channel: string, handler: Handler): void {
      if (recorded.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      recorded.handlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      recorded.handlers.delete(channel);
    },
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived(listener: Recorded['headers']): void {
          recorded.headers = listener;
        },
      },
      setPermissionRequestHandler(handler: Recorded['permissionRequest']): void {
        recorded.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: Recorded['permissionCheck']): void {
        recorded.permissionCheck = handler;
      },
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
      for (const scheme of schemes) recorded.privileged.push({ ...scheme, beforeReady: !recorded.isReady });
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      if (!recorded.isReady) throw new Error('protocol.handle before ready');
      recorded.protocolHandlers.set(scheme, handler);
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu(): void {
      recorded.menuSet = true;
    },
  },
  nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
  shell: {
    openExternal(url: string): Promise<void> {
      recorded.opened.push(url);
      return Promise.resolve();
    },
  },
  dialog: {
    showErrorBox(title: string, message: string): void {
      recorded.errors.push(`${title}: ${message}`);
    },
  },
};

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}; errors: ${recorded.errors.join('; ')}`);
}

function trustedEvent(window: FakeWindow): unknown {
  const frame = window.webContents.mainFrame;
  return { sender: { id: window.webContents.id }, senderFrame: { ...frame } };
}

const moduleLoader = Module as unknown as {
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
};
const originalLoad = moduleLoader._load;

beforeAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    path.join(appPath, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>NetPol Lab</title>',
  );
  symlinkSync(path.join(repositoryRoot, 'exercises'), path.join(appPath, 'exercises'), 'dir');
  // What the app scheme must serve, and what it must not: a file beside the renderer folder, a
  // symlink inside it that leads there, a folder, a file of a type the build never has.
  mkdirSync(path.join(rendererRoot, 'assets', 'folder'), { recursive: true });
  writeFileSync(path.join(rendererRoot, 'assets', 'index-abc.js'), 'console.log("lab");');
  writeFileSync(path.join(rendererRoot, 'assets', 'notes.exe'), 'MZ');
  writeFileSync(path.join(appPath, 'dist', 'secret.txt'), 'outside the renderer');
  symlinkSync(path.join(appPath, 'dist', 'secret.txt'), path.join(rendererRoot, 'assets', 'linked.txt'));
  symlinkSync(path.join(appPath, 'dist'), path.join(rendererRoot, 'up'), 'dir');
  const [mainOptions] = buildOptions as [Record<string, unknown>];
  await build({ ...mainOptions, outdir: path.join(scratch, 'dist-electron'), sourcemap: false });
  process.env['NETPOL_LAB_USER_DATA'] = userData;
  moduleLoader._load = function load(request, parent, isMain) {
    if (request === 'electron') return electron;
    return originalLoad.call(this, request, parent, isMain);
  };
  const requireBuilt = Module.createRequire(path.join(scratch, 'dist-electron', 'main.cjs'));
  requireBuilt(path.join(scratch, 'dist-electron', 'main.cjs'));
  await ready;
  await until(() => recorded.windows.length > 0, 'the lab window');
}, 60_000);

afterAll(() => {
  moduleLoader._load = originalLoad;
  app.emit('will-quit');
  delete process.env['NETPOL_LAB_USER_DATA'];
  rmSync(scratch, { recursive: true, force: true });
});

describe('the built main.cjs, run with a stand-in electron', () => {
  it('asks for one instance, sandboxes every renderer and uses the profile it is given', () => {
    expect(recorded.lockRequested).toBe(true);
    expect(recorded.sandboxEnabled).toBe(true);
    expect(app.getPath('userData')).toBe(userData);
    expect(recorded.errors).toEqual([]);
    expect(recorded.menuSet).toBe(true);
  });

  it('opens one window with every security preference locked down', () => {
    expect(recorded.windows).toHaveLength(1);
    const preferences = recorded.windows[0]?.options.webPreferences ?? {};
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(preferences['preload'])).toMatch(/dist-electron[\\/]preload\.cjs$/);
    expect(recorded.windows[0]?.loaded).toBe('app://lab/index.html');
  });

  it('denies every permission and adds a content security policy to every response', () => {
    let granted: boolean | undefined;
    recorded.permissionRequest?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck?.()).toBe(false);
    let headers: Record<string, string | string[]> = {};
    recorded.headers?.({ responseHeaders: {} }, (response) => {
      headers = (response as { responseHeaders: Record<string, string | string[]> }).responseHeaders;
    });
    const policy = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-security-policy');
    const text = [policy?.[1] ?? []].flat().join(' ');
    expect(text).toContain("default-src 'self'");
    expect(text).toContain("script-src 'self'");
    expect(text).toContain("object-src 'none'");
    expect(text).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('grants the app scheme its privileges before ready, without bypassing the policy', () => {
    expect(recorded.privileged).toHaveLength(1);
    expect(recorded.privileged[0]).toMatchObject({
      scheme: 'app',
      beforeReady: true,
      privileges: { standard: true, secure: true },
    });
    expect(recorded.privileged[0]?.privileges['bypassCSP']).not.toBe(true);
    expect([...recorded.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('serves the renderer files from the app scheme with their type and the policy', async () => {
    const handler = recorded.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('no app scheme handler');
    const page = await handler(new Request('app://lab/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>NetPol Lab</title>');
    const script = await handler(new Request('app://lab/assets/index-abc.js#x'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await handler(new Request('app://lab/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
  });

  it('answers 404 for traversal, absolute paths, symlinks out, folders and anything else', async () => {
    const handler = recorded.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('no app scheme handler');
    const refused = [
      'app://lab/../secret.txt',
      'app://lab/assets/../../secret.txt',
      'app://lab/%2e%2e/secret.txt',
      'app://lab/..%2fsecret.txt',
      'app://lab/..%5csecret.txt',
      'app://lab/assets%2f..%2f..%2fsecret.txt',
      'app://lab/%252e%252e/secret.txt',
      `app://lab/${encodeURIComponent(path.join(appPath, 'dist', 'secret.txt'))}`,
      `app://lab//${path.join(appPath, 'dist', 'secret.txt').replace(/^\//, '')}`,
      'app://lab/C:%5cWindows%5cwin.ini',
      'app://lab/index.html%00.png',
      'app://lab/assets/linked.txt',
      'app://lab/up/secret.txt',
      'app://lab/assets/folder',
      'app://lab/assets/',
      'app://lab/',
      'app://lab/assets/notes.exe',
      'app://lab/missing.js',
      'app://other/index.html',
      'app://lab:1/index.html',
    ];
    for (const url of refused) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
      expect(response.headers.get('content-security-policy'), url).toContain("default-src 'self'");
    }
    const posted = await handler(new Request('app://lab/index.html', { method: 'POST', body: 'x' }));
    expect(posted.status).toBe(404);
  });

  it('keeps the window on the lab page: navigation, new windows and webviews are refused', () => {
    const contents = recorded.windows[0]?.webContents as FakeContents;
    let prevented = 0;
    const event = (url: string): unknown => ({ url, preventDefault: () => prevented++ });
    contents.emit('will-navigate', event('https://example.com/'));
    contents.emit('will-frame-navigate', event('file:///etc/passwd'));
    contents.emit('will-navigate', event(pathToFileURL(path.join(rendererRoot, 'index.html')).href));
    contents.emit('will-redirect', event('http://127.0.0.1:1/'));
    contents.emit('will-attach-webview', event('about:blank'));
    expect(prevented).toBe(5);
    // The https link goes to the system browser, nothing else does.
    expect(recorded.opened).toEqual(['https://example.com/']);
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://example.com/']);
    prevented = 0;
    contents.emit('will-navigate', event(contents.mainFrame.url));
    contents.emit('will-navigate', event('app://lab/index.html#/progress'));
    expect(prevented).toBe(0);
  });

  it('registers a handler for every LabApi method and no other channel', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(
      LAB_API_METHODS.map((method) => ipcChannel(method)).sort(),
    );
  });

  it('answers the lab window through the real backend and refuses bad arguments and other frames', async () => {
    const window = recorded.windows[0] as FakeWindow;
    const catalog = (await recorded.handlers.get(ipcChannel('getCatalog'))?.(trustedEvent(window))) as {
      ok: boolean;
      value?: { tracks?: unknown[] };
    };
    expect(catalog.ok).toBe(true);
    const exercise = (await recorded.handlers.get(ipcChannel('getExercise'))?.(
      trustedEvent(window),
      'internal-egress-payroll-mysql',
    )) as { ok: boolean };
    expect(exercise.ok).toBe(true);
    const bad = (await recorded.handlers.get(ipcChannel('getExercise'))?.(trustedEvent(window), {
      id: 1,
    })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const subFrame = {
      sender: { id: window.webContents.id },
      senderFrame: { ...window.webContents.mainFrame, frameToken: 'an-iframe', parent: {} },
    };
    const refused = (await recorded.handlers.get(ipcChannel('getCatalog'))?.(subFrame)) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/Request refused/);
    expect(existsSync(path.join(userData, 'progress.sqlite'))).toBe(true);
  });

  it('removes every handler and closes the backend when the app quits', () => {
    app.emit('will-quit');
    expect(recorded.handlers.size).toBe(0);
  });
});
