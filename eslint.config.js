// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

/*
 * The walls between layers (docs/architecture.md), enforced by the linter. test/walls.test.ts lints a
 * forbidden import at each forbidden path and expects the error, so a wall that goes missing fails a test.
 */

/**
 * Every Node built-in without its prefix (`fs`, `fs/promises`, ...); the `node:` forms are one pattern,
 * which also covers prefix-only modules such as `node:test`.
 */
const bareNodeBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));

/**
 * One part of an import zone: `paths` are exact module names, `patterns` gitignore-style groups.
 * @typedef {{ paths?: { name: string, message: string }[], patterns?: ({ group: string[] } | { regex: string }) & { message: string }[] }} ZonePart
 */

/** @param {string} message @returns {ZonePart} */
function noNodeBuiltins(message) {
  return {
    paths: bareNodeBuiltins.map((name) => ({ name, message })),
    patterns: [{ group: ['node:*'], message }],
  };
}

/** @param {string[]} folders top-level folders of the repository @param {string} message @returns {ZonePart} */
function noFolders(folders, message) {
  return { patterns: [{ group: folders.map((folder) => `**/${folder}/**`), message }] };
}

/**
 * A regular expression, not a group: the gitignore group `electron` would also match the folder
 * `../electron/`.
 * @param {string[]} names packages, matched with their subpaths
 * @param {string} message
 * @returns {ZonePart}
 */
function noPackages(names, message) {
  return { patterns: [{ regex: `^(?:${names.join('|')})(?:/.*)?$`, message }] };
}

/**
 * One `no-restricted-imports` setting from several parts. A file gets exactly one setting of a rule
 * (the last matching config object wins), so each zone lists all of its parts.
 * @param {ZonePart[]} parts
 */
function restrictImports(...parts) {
  return [
    'error',
    {
      paths: parts.flatMap((part) => part.paths ?? []),
      patterns: parts.flatMap((part) => part.patterns ?? []),
    },
  ];
}

/**
 * Outside core/, code imports core/<folder>/index.ts and nothing deeper, so a folder's inner files
 * can move without breaking its users. Tests may reach inside.
 */
const coreThroughIndex = {
  patterns: [
    {
      regex: String.raw`(?:^|/)core/[^/]+/(?!index(?:\.ts)?$)`,
      message: 'Import core/<folder>/index.ts, not a file inside it (export what you need from the index).',
    },
  ],
};

const testFiles = ['**/*.test.ts'];

/**
 * The zone of each layer outside core/ on every file, and with `coreThroughIndex` on every file that is
 * not a test. A more specific layer (the preload) comes after the general one it refines.
 * @param {string[]} files
 * @param {ZonePart[]} zone
 */
function layerZone(files, zone) {
  return [
    { files, rules: { 'no-restricted-imports': restrictImports(...zone) } },
    {
      files,
      ignores: testFiles,
      rules: { 'no-restricted-imports': restrictImports(...zone, coreThroughIndex) },
    },
  ];
}

const noElectron = (/** @type {string} */ message) => noPackages(['electron'], message);

/** The import zones, one per layer. */
const zones = {
  core: [
    noNodeBuiltins('core/ is pure: no Node built-ins.'),
    noFolders(['backend', 'cli', 'electron', 'renderer'], 'core/ imports nothing outside core/.'),
    noPackages(['electron', 'svelte'], 'core/ is UI- and host-free.'),
  ],
  backend: [
    noFolders(['electron', 'renderer', 'cli'], 'backend/ never imports electron/, renderer/ or cli/.'),
    noElectron('backend/ runs without Electron: the desktop shell imports the backend, not the reverse.'),
  ],
  cli: [
    noFolders(['electron', 'renderer'], 'cli/ never imports electron/ or renderer/.'),
    noElectron('cli/ runs in plain Node, without Electron.'),
  ],
  electron: [noFolders(['renderer', 'cli'], 'electron/ never imports renderer/ or cli/.')],
  preload: [
    noNodeBuiltins('The sandboxed preload has no Node built-ins.'),
    noFolders(
      ['backend', 'cli', 'renderer'],
      'The preload is a thin bridge: electron plus contract types only.',
    ),
  ],
  renderer: [
    noNodeBuiltins('The renderer runs in a browser: no Node built-ins.'),
    noFolders(
      ['backend', 'cli', 'electron'],
      'The renderer talks to its host only through renderer/src/lib/api.ts.',
    ),
    noElectron('The renderer never touches Electron; use window.labBridge via lib/api.ts.'),
  ],
};

/**
 * Globals core/ must not touch: everything a browser, a worker or Node defines beyond ECMAScript
 * itself (`window`, `document`, `fetch`, `process`, `Buffer`, `setTimeout`, `console`, `crypto`, ...).
 * The same set core/tsconfig.json leaves out by compiling against the ES library alone.
 */
const ecmaScriptGlobals = new Set(Object.keys(globals.builtin));
const hostGlobalNames = [
  ...new Set([...Object.keys(globals.browser), ...Object.keys(globals.worker), ...Object.keys(globals.node)]),
].filter((name) => !ecmaScriptGlobals.has(name));
const coreGlobals = hostGlobalNames.map((name) => ({
  name,
  message: 'core/ is pure: no DOM or Node globals; take what you need as a parameter.',
}));

/** Reading the clock or an unseeded generator in core/ makes its answers irreproducible. */
const coreClockAndRandomness = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'core/ is pure: take the time as a parameter.' },
    {
      object: 'Math',
      property: 'random',
      message: 'core/ is pure: use a seeded generator (core/exam/random.ts).',
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'core/ is pure: `new Date()` reads the clock; take the time as a parameter.',
    },
    {
      selector: "CallExpression[callee.name='Date']",
      message: 'core/ is pure: `Date()` reads the clock; take the time as a parameter.',
    },
  ],
};

/**
 * Files linted with type information, each in the program of its nearest tsconfig.json. Tests beside
 * the code in core/, backend/ and cli/ belong to test/tsconfig.json, not to the nearest one, so the
 * project service cannot place them; they are linted without types.
 */
const typedFiles = [
  'core/**/*.ts',
  'backend/**/*.ts',
  'cli/**/*.ts',
  'electron/**/*.ts',
  'renderer/src/**/*.ts',
  'renderer/src/**/*.svelte',
  'test/**/*.ts',
];
const untypedTests = ['core/**/*.test.ts', 'backend/**/*.test.ts', 'cli/**/*.test.ts'];

/**
 * eslint-plugin-svelte's recommended rules, kept to components and rune modules: its rule set has no
 * `files` of its own, and on the other few hundred .ts files it would only cost time.
 */
const svelteFiles = ['**/*.svelte', '**/*.svelte.ts'];
const svelteRecommended = svelte.configs.recommended.map((config) =>
  config.rules && !config.files ? { ...config, files: svelteFiles } : config,
);

const rendererFiles = ['renderer/**/*.ts', 'renderer/**/*.svelte'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'out/**',
      'test-results/**',
      'playwright-report/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelteRecommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Component scripts and rune modules are TypeScript, parsed by typescript-eslint inside svelte-eslint-parser.
    files: svelteFiles,
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // svelte-check resolves every name in a component, as tsc does for .ts files (where typescript-eslint
    // turns no-undef off for the same reason).
    files: ['**/*.svelte'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictImports(...zones.core),
      'no-restricted-globals': ['error', ...coreGlobals],
      ...coreClockAndRandomness,
    },
  },
  {
    files: typedFiles,
    ignores: untypedTests,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...layerZone(['backend/**/*.ts'], zones.backend),
  ...layerZone(['cli/**/*.ts'], zones.cli),
  ...layerZone(['electron/**/*.ts'], zones.electron),
  ...layerZone(['electron/preload.ts'], zones.preload),
  ...layerZone(rendererFiles, zones.renderer),
  { files: rendererFiles, languageOptions: { globals: { ...globals.browser } } },
);
