// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import zones: the direction of imports from the architecture note, enforced by the linter. */
const nodeBuiltins = { group: ['node:*'], message: 'core/ is pure: no Node built-ins.' };

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
          patterns: [
            nodeBuiltins,
            {
              group: ['**/backend/**', '**/cli/**', '**/electron/**', '**/renderer/**'],
              message: 'core/ imports nothing outside core/.',
            },
            { group: ['electron', 'svelte', 'svelte/*'], message: 'core/ is UI- and host-free.' },
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
