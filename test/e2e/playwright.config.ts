/**
 * Playwright end-to-end suite: the real UI in a real Chromium against browser mode
 * (`backend/serve.ts`), plus the Electron smoke test. One worker: the build machines have two
 * cores, and every test starts its own lab host.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './support/browser.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..');
const executablePath = systemChromium(existsSync);

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  globalSetup: path.join(here, 'support', 'global-setup.ts'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // A test starts (and some restart) a lab host and grade several answers; 30 s is tight on 2 cores.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: path.join(repositoryRoot, 'test-results/e2e-report'), open: 'never' }],
  ],
  outputDir: path.join(repositoryRoot, 'test-results/e2e'),
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: [...CHROMIUM_ARGS],
    },
  },
});
