import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../core/lab-api/index.ts';
import { LabApiClientError } from './api.ts';
import { clampFontSize, resolveTheme, SettingsState } from './settings.svelte.ts';

interface FakeMedia {
  matches: boolean;
  listeners: ((event: MediaQueryListEvent) => void)[];
}

function fakeWindow(prefersDark: boolean): { view: Window; media: FakeMedia } {
  const media: FakeMedia = { matches: prefersDark, listeners: [] };
  const view = {
    matchMedia: () => ({
      get matches() {
        return media.matches;
      },
      addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        media.listeners.push(listener),
      removeEventListener: () => undefined,
    }),
  } as unknown as Window;
  return { view, media };
}

function fakeApi(saved: Settings) {
  return {
    getSettings: vi.fn(async () => saved),
    updateSettings: vi.fn(async (changes: Partial<Settings>) => ({ ...saved, ...changes })),
  };
}

describe('SettingsState', () => {
  it('applies the loaded theme and font size to the root element', async () => {
    const root = document.createElement('html');
    const state = new SettingsState(
      fakeApi({ theme: 'dark', fontSize: 20, editorKeys: 'standard', tabSize: 2, workspace: 'editor' }),
    );
    state.start(root, fakeWindow(false).view);
    await state.load();
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--font-size')).toBe('20px');
  });

  it('follows the system preference live when the theme is system', async () => {
    const root = document.createElement('html');
    const { view, media } = fakeWindow(false);
    const state = new SettingsState(
      fakeApi({ theme: 'system', fontSize: 16, editorKeys: 'standard', tabSize: 2, workspace: 'editor' }),
    );
    state.start(root, view);
    await state.load();
    expect(root.dataset.theme).toBe('light');
    media.matches = true;
    for (const listener of media.listeners) listener({ matches: true } as MediaQueryListEvent);
    expect(root.dataset.theme).toBe('dark');
  });

  it('saves changes and clamps the font size', async () => {
    const api = fakeApi({
      theme: 'light',
      fontSize: 16,
      editorKeys: 'standard',
      tabSize: 2,
      workspace: 'editor',
    });
    const state = new SettingsState(api);
    state.start(document.createElement('html'), fakeWindow(false).view);
    await state.update({ fontSize: 99 });
    expect(api.updateSettings).toHaveBeenCalledWith({ fontSize: 24 });
    expect(state.fontSize).toBe(24);
  });

  it('restores the previous settings when saving fails', async () => {
    const api = fakeApi({
      theme: 'light',
      fontSize: 16,
      editorKeys: 'standard',
      tabSize: 2,
      workspace: 'editor',
    });
    api.updateSettings.mockRejectedValueOnce(new LabApiClientError('internal', 'Disk full.'));
    const root = document.createElement('html');
    const state = new SettingsState(api);
    state.start(root, fakeWindow(false).view);
    await state.load();
    await state.update({ theme: 'dark' });
    expect(state.theme).toBe('light');
    expect(root.dataset.theme).toBe('light');
    expect(state.error).toContain('Disk full.');
  });
});

describe('helpers', () => {
  it('resolves and clamps', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(clampFontSize(11)).toBe(12);
    expect(clampFontSize(Number.NaN)).toBe(16);
    expect(clampFontSize(17.4)).toBe(17);
  });
});
