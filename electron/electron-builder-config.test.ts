/**
 * The packaging configuration as data: the fuses Electron's binary is built with, and the rest of
 * what the security of a packaged app depends on. Read with the same YAML library the app uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  readonly asar?: unknown;
  readonly files?: readonly string[];
  readonly electronFuses?: Record<string, unknown>;
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const builderTypes = readFileSync('node_modules/app-builder-lib/out/configuration.d.ts', 'utf8');

describe('electron-builder.yml', () => {
  it('turns off every way to run the binary as plain Node or attach a debugger', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('loads the app only from its archive, checks the archive and gives file: pages nothing extra', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses electron-builder knows, so none is silently ignored', () => {
    const known = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(builderTypes)?.[1] ?? '';
    for (const name of Object.keys(config.electronFuses ?? {})) {
      expect(known, name).toMatch(new RegExp(`\\b${name}\\?:\\s*boolean`));
    }
  });

  it('packs no source maps and no sources, only the built app', () => {
    expect(config.files).toContain('!dist-electron/**/*.map');
    expect(config.files?.some((pattern) => /^(?:core|backend|electron|renderer)\//.test(pattern))).toBe(
      false,
    );
  });
});
