// `npm run security`: scans the Electron shell with Doyensec's Electronegativity and fails when any
// finding is above INFORMATIONAL. It parses the TypeScript sources in electron/ directly (the
// bundles in dist-electron/ also hold every dependency, whose code is not the shell's to fix),
// together with the built page the shell loads (dist/renderer/index.html), which carries the
// Content Security Policy written once in core/lab-api/content-security-policy.ts.
// Offline by design: the tool's two network calls (translations, Electron release list) are
// answered locally with "no connectivity", and the Electron version comes from node_modules.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Another folder may be given, e.g. to see the scan fail on a deliberately weakened copy; it is
// scanned as it stands and its files are named as if they sat in electron/.
const givenFolder = process.argv[2] === undefined ? undefined : path.resolve(process.argv[2]);
const builtPage = path.join('dist', 'renderer', 'index.html');
const require = createRequire(import.meta.url);
const toolEntry = require.resolve('@doyensec/electronegativity');

/**
 * Findings a person has reviewed and accepted, each with the reason. Some checks flag every use of
 * an API the shell needs (a preload, openExternal) for manual review; they are listed here rather
 * than hidden with inline comments, so every run still prints them. An entry that no longer matches
 * fails the run: the list must stay exact.
 */
const REVIEWED = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/window.ts',
    reason:
      'The preload (electron/preload.ts) runs sandboxed and exposes through contextBridge only the LabApi ' +
      'methods, each a fixed ipcRenderer.invoke channel; ipcRenderer itself is never exposed.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/security.ts',
    reason:
      'openExternal is reached only through openInSystemBrowser, which first requires isOpenableExternally: ' +
      'an https: URL with a host and no credentials (tested in security-policy.test.ts).',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: builtPage,
    reason:
      "The evaluator notes that script-src 'self' is weak where a site hosts JSONP, Angular templates or user " +
      'uploads. The lab serves only its own bundled files from the app folder, so self is exactly the app.',
  },
];

/**
 * Puts an offline stand-in for `got` (the tool's HTTP client) into the module cache before the tool
 * loads, so nothing it does can reach the network.
 */
function keepToolOffline() {
  const toolRequire = createRequire(toolEntry);
  const offline = () => Promise.reject(new Error('offline: network access is disabled for this scan'));
  const stub = Object.assign(offline, { head: offline, get: offline, default: offline, __esModule: true });
  for (const from of [
    './locales/i18n.js',
    './finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js',
  ]) {
    const gotPath = createRequire(toolRequire.resolve(from)).resolve('got');
    require.cache[gotPath] = {
      id: gotPath,
      filename: gotPath,
      loaded: true,
      exports: stub,
      children: [],
      paths: [],
    };
  }
}

/** The installed Electron version, which decides the defaults the checks assume. */
function installedElectronVersion() {
  const manifest = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
  return manifest.version;
}

function silenced(run) {
  // The tool prints progress and connectivity notes straight to the console; only its result counts.
  const original = { log: console.log, warn: console.warn, info: console.info };
  console.log = console.warn = console.info = () => {};
  return run().finally(() => Object.assign(console, original));
}

/**
 * The folder to scan and how its files are named in the report: by default a staging copy holding
 * electron/ and the built page at their repository paths.
 */
function scanTarget() {
  if (givenFolder !== undefined) {
    return { scanned: givenFolder, name: (file) => path.join('electron', file), cleanup: () => {} };
  }
  const page = path.join(repositoryRoot, builtPage);
  if (!existsSync(page)) {
    throw new Error(`${builtPage} is missing: run \`npm run build:renderer\` before the scan.`);
  }
  const stage = mkdtempSync(path.join(tmpdir(), 'netpol-lab-scan-'));
  cpSync(path.join(repositoryRoot, 'electron'), path.join(stage, 'electron'), { recursive: true });
  cpSync(page, path.join(stage, builtPage));
  return {
    scanned: stage,
    name: (file) => file,
    cleanup: () => rmSync(stage, { recursive: true, force: true }),
  };
}

async function main() {
  const { scanned, name, cleanup } = scanTarget();
  try {
    await scan(scanned, name);
  } finally {
    cleanup();
  }
}

async function scan(scanned, name) {
  keepToolOffline();
  const run = require(toolEntry);
  const electronVersion = installedElectronVersion();
  const result = await silenced(() =>
    run({
      input: scanned,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: 'INFORMATIONAL',
      confidenceSet: 'TENTATIVE',
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    }),
  );

  const failedFiles = result.errors.filter((error) => !error.tolerable);
  for (const error of result.errors) {
    console.log(`${error.tolerable ? 'note' : 'PARSE ERROR'}: ${error.file}: ${error.message}`);
  }
  const findings = [...result.issues].sort((a, b) => b.severity.value - a.severity.value);
  const used = new Set();
  let unreviewed = 0;
  let reviewed = 0;
  let informational = 0;
  for (const issue of findings) {
    const file = name(path.relative(scanned, path.resolve(scanned, issue.file)));
    const review = REVIEWED.find((entry) => entry.id === issue.id && entry.file === file);
    const isInformational = issue.severity.name === 'INFORMATIONAL';
    let verdict = 'informational';
    if (isInformational) informational += 1;
    else if (review !== undefined) {
      used.add(review);
      reviewed += 1;
      verdict = 'reviewed and accepted';
    } else {
      unreviewed += 1;
      verdict = 'FAILS the scan';
    }
    console.log(
      `${issue.severity.name} (${issue.confidence.name}) ${issue.id}${issue.manualReview ? ', manual review' : ''}: ${verdict}\n` +
        `  at ${file}:${issue.location.line}:${issue.location.column}\n` +
        `  ${issue.description} ${issue.shortenedURL ?? ''}` +
        (review === undefined ? '' : `\n  reviewed: ${review.reason}`),
    );
  }
  const stale = REVIEWED.filter((entry) => !used.has(entry));
  for (const entry of stale) {
    console.log(
      `STALE review entry: ${entry.id} in ${entry.file} no longer occurs; remove it from REVIEWED.`,
    );
  }
  const summary =
    `Electronegativity ${require('@doyensec/electronegativity/package.json').version} over ${givenFolder === undefined ? `electron/ and ${builtPage}` : `${path.relative(repositoryRoot, scanned) || '.'}/`} ` +
    `(Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks): ` +
    `${unreviewed} unreviewed finding(s) above INFORMATIONAL, ${reviewed} reviewed and accepted, ` +
    `${informational} informational, ${failedFiles.length} file(s) not parsed, ${stale.length} stale review entr${stale.length === 1 ? 'y' : 'ies'}.`;
  if (unreviewed > 0 || failedFiles.length > 0 || stale.length > 0) {
    console.error(`FAIL ${summary}`);
    process.exit(1);
  }
  console.log(`PASS ${summary}`);
}

main().catch((error) => {
  console.error('Electronegativity could not run:', error);
  process.exit(1);
});
