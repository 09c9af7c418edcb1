/**
 * Runs once before the suite: says which browser is used and builds the renderer when no build
 * exists (`npm test` builds first, so this only helps a bare `npm run test:e2e`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { systemChromium } from './browser.ts';
import { REPOSITORY_ROOT } from './paths.ts';

export default function globalSetup(): void {
  const executable = systemChromium(existsSync);
  console.log(
    executable === undefined
      ? 'e2e browser: Playwright-managed Chromium (/usr/bin/chromium not found)'
      : `e2e browser: system Chromium at ${executable}`,
  );
  const index = path.join(REPOSITORY_ROOT, 'dist', 'renderer', 'index.html');
  if (existsSync(index)) return;
  console.log('dist/renderer/index.html is missing: running npm run build:renderer');
  execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
}
