// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Import zones: the direction of imports from the architecture note, enforced by the linter. */
const coreBuiltins = [
  ...new Set(builtinModules.flatMap((m) => [m, m.startsWith('node:') ? m : `node:${m}`])),
];
const nodeBuiltins = { group: ['node:*'], message: 'core/ is pure: no Node built-ins.' };
/** Globals core/ must not touch: the DOM and Node hosts. */
const coreGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
].map((name) => ({
  name,
  message: 'core/ is pure: no DOM or Node globals; take what you need as a parameter.',
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'out/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...coreBuiltins.map((name) => ({ name, message: 'core/ is pure: no Node built-ins.' })),
            { name: 'electron', message: 'core/ is UI- and host-free.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/backend/**', '**/cli/**', '**/electron/**', '**/renderer/**'],
              message: 'core/ imports nothing outside core/.',
            },
            { group: ['svelte', 'svelte/*'], message: 'core/ is UI- and host-free.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...coreGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ is pure: take the time as a parameter.' },
        {
          object: 'Math',
          property: 'random',
          message: 'core/ is pure: use a seeded generator (core/exam/random.ts).',
        },
      ],
    },
  },
  {
    files: ['backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', '**/cli/**', 'electron'],
              message: 'backend/ never imports electron/, renderer/ or cli/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron'],
              message: 'cli/ never imports electron/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              group: ['**/backend/**', '**/cli/**', '**/electron/**'],
              message: 'The renderer talks to its host only through renderer/src/lib/api.ts.',
            },
            {
              group: ['electron'],
              message: 'The renderer never touches Electron; use window.labBridge via lib/api.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The sandboxed preload has no Node built-ins.' },
            {
              group: ['**/backend/**', '**/cli/**', '**/renderer/**'],
              message: 'The preload is a thin bridge: electron plus contract types only.',
            },
          ],
        },
      ],
    },
  },
);
