import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  test: {
    // Fail on `.only` so a focused test never lands silently.
    allowOnly: false,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'core/**/*.test.ts',
            'cli/**/*.test.ts',
            'test/**/*.test.ts',
            'backend/**/*.test.ts',
            'electron/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        // svelteTesting resolves Svelte's browser build and unmounts components after each test.
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/src/**/*.test.ts'],
        },
      },
    ],
  },
});
