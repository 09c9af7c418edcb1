// `npm run dev`: the desktop app with live rebuilds.
//   - the renderer is rebuilt by `vite build --watch`; the running window reloads itself when
//     dist/renderer changes (main watches it when NETPOL_LAB_DEV_RELOAD=1);
//   - main and preload are rebuilt by esbuild in watch mode; each successful rebuild restarts Electron.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { assertUsable, buildOptions, repositoryRoot } from './build.mjs';

const require = createRequire(import.meta.url);

/** The Electron executable, or a message saying why there is none. */
function electronBinary() {
  let binary;
  try {
    // The `electron` package exports the path of the binary it downloaded at install time.
    binary = require('electron');
  } catch {
    binary = undefined;
  }
  if (typeof binary === 'string' && existsSync(binary)) return { binary };
  return {
    problem:
      'The Electron binary is not installed (node_modules/electron has no downloaded executable; ' +
      'it was probably installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).\n' +
      'Run "npm install" on a machine with network access, or use "npm run serve" to open the lab in a browser.',
  };
}

const electron = electronBinary();
if (electron.problem !== undefined) {
  console.error(`npm run dev: ${electron.problem}`);
  process.exit(1);
}

const rendererIndex = path.join(repositoryRoot, 'dist', 'renderer', 'index.html');
const children = new Set();
/** esbuild watch contexts, once created. */
let contexts = [];
let electronProcess;
let stopping = false;

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill();
  Promise.all(contexts.map((context) => context.dispose())).finally(() => process.exit(code));
}

function launchElectron() {
  const previous = electronProcess;
  electronProcess = undefined;
  if (previous !== undefined) {
    previous.removeAllListeners('exit');
    previous.kill();
  }
  console.log('[dev] starting Electron');
  const child = track(
    spawn(electron.binary, ['.'], {
      cwd: repositoryRoot,
      stdio: 'inherit',
      env: { ...process.env, NETPOL_LAB_DEV_RELOAD: '1' },
    }),
  );
  // Quitting the app ends the session; a restart for a rebuild removes this listener first.
  child.once('exit', (code) => {
    console.log(`[dev] Electron exited (${code ?? 'signal'})`);
    stopAll(0);
  });
  electronProcess = child;
}

async function waitForFile(file) {
  if (existsSync(file)) return;
  console.log(`[dev] waiting for the first renderer build (${path.relative(repositoryRoot, file)})`);
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 250));
}

const vite = track(
  spawn(
    process.execPath,
    [
      path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
      '--watch',
      '--config',
      'renderer/vite.config.ts',
    ],
    {
      cwd: repositoryRoot,
      stdio: 'inherit',
    },
  ),
);
vite.once('exit', (code) => {
  if (!stopping) {
    console.error(`[dev] vite stopped (${code}); stopping.`);
    stopAll(1);
  }
});

// Electron starts once both bundles have built; after that, each successful rebuild restarts it, one
// restart per burst (an edit to a file both bundles import rebuilds both).
const builtOnce = new Set();
let launchTimer;
function scheduleLaunch() {
  if (builtOnce.size < buildOptions.length) return;
  clearTimeout(launchTimer);
  launchTimer = setTimeout(() => {
    waitForFile(rendererIndex).then(() => {
      if (!stopping) launchElectron();
    });
  }, 300);
}

function restartOnRebuild(bundle) {
  return {
    name: 'restart-electron',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) {
          console.error(`[dev] ${bundle} has errors; keeping the running app.`);
          return;
        }
        try {
          assertUsable(result);
        } catch (error) {
          console.error(`[dev] ${error.message}`);
          return;
        }
        builtOnce.add(bundle);
        scheduleLaunch();
      });
    },
  };
}

contexts = await Promise.all(
  buildOptions.map((options) =>
    esbuild.context({
      ...options,
      plugins: [...(options.plugins ?? []), restartOnRebuild(Object.keys(options.entryPoints).join())],
    }),
  ),
);
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
// `watch` builds once straight away, then again on every change.
await Promise.all(contexts.map((context) => context.watch()));
