/** Which Chromium the suite drives, and how it is started. */

/** The Debian package's browser; preferred because Playwright's own download is not available offline. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless Chromium in containers and CI. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium when it is installed, else undefined (Playwright's own browser). */
export function systemChromium(exists: (file: string) => boolean): string | undefined {
  return exists(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}
