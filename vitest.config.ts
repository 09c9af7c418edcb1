import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', 'backend/**/*.test.ts'],
    // Fail on `.only` so a focused test never lands silently.
    allowOnly: false,
    testTimeout: 30_000,
  },
});
