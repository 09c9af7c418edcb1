import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../core/lab-api/index.ts';
import type { MenuCommand } from '../../../core/lab-api/index.ts';
import { listenToMenu, runMenuCommand } from './menu-commands.ts';
import type { Route } from './router.svelte.ts';

function targets() {
  return { navigate: vi.fn<(route: Route) => void>(), openSettings: vi.fn(), showShortcuts: vi.fn() };
}

describe('menu commands', () => {
  afterEach(() => {
    delete window.labShell;
  });

  it('sends every command somewhere: a screen or a dialog', () => {
    for (const command of MENU_COMMANDS) {
      const target = targets();
      runMenuCommand(command, target);
      const calls =
        target.navigate.mock.calls.length +
        target.openSettings.mock.calls.length +
        target.showShortcuts.mock.calls.length;
      expect(calls, command).toBe(1);
    }
  });

  it('opens the pack import screen for File › Import Exercise Pack', () => {
    const target = targets();
    runMenuCommand('import-pack', target);
    expect(target.navigate).toHaveBeenCalledWith({ name: 'pack-import' });
  });

  it('listens through window.labShell and stops when asked', () => {
    let listener: ((command: MenuCommand) => void) | undefined;
    const stop = vi.fn();
    window.labShell = {
      onMenuCommand(next) {
        listener = next;
        return stop;
      },
    };
    const target = targets();
    const unsubscribe = listenToMenu(target);
    listener?.('open-settings');
    expect(target.openSettings).toHaveBeenCalledOnce();
    unsubscribe();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('does nothing in browser mode, where there is no native menu', () => {
    const unsubscribe = listenToMenu(targets());
    expect(() => unsubscribe()).not.toThrow();
  });
});
