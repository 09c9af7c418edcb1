// Bundles the Electron main process and the preload with esbuild:
//   electron/main.ts    → dist-electron/main.cjs     (Node, CommonJS; electron and better-sqlite3 stay external)
//   electron/preload.ts → dist-electron/preload.cjs  (one file: a sandboxed preload may only require electron)
// Run `node electron/build.mjs`; `electron/dev.mjs` imports the options to rebuild in watch mode.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outputDirectory = path.join(repositoryRoot, 'dist-electron');

/** @type {esbuild.BuildOptions} */
const shared = {
  absWorkingDir: repositoryRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** The esbuild options of both bundles. */
export const buildOptions = [
  {
    ...shared,
    entryPoints: { main: 'electron/main.ts' },
    outdir: outputDirectory,
    outExtension: { '.js': '.cjs' },
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
  },
  {
    ...shared,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: outputDirectory,
    outExtension: { '.js': '.cjs' },
    target: 'chrome120',
    external: ['electron'],
  },
];

/** Fails on warnings that mean a broken bundle rather than a style nit. */
export function assertUsable(result) {
  const fatal = result.warnings.filter((warning) => warning.id === 'empty-import-meta');
  if (fatal.length > 0) {
    throw new Error(
      `import.meta is used in a way the CommonJS bundle cannot support:\n${fatal.map((w) => w.text).join('\n')}`,
    );
  }
}

async function buildAll() {
  for (const options of buildOptions) assertUsable(await esbuild.build(options));
  console.log(`Built ${path.relative(process.cwd(), outputDirectory) || '.'}/main.cjs and preload.cjs`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
