// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import zones: the direction of imports from the architecture note, enforced by the linter. */
const nodeBuiltins = { group: ['node:*'], message: 'core/ is pure: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**'] },
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
);
