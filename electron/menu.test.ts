import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu.ts';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function labels(items: MenuItemConstructorOptions[]): (string | undefined)[] {
  return items.map((item) => item.label ?? item.role);
}

describe('menuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux, with Quit and About', () => {
    const template = menuTemplate({
      isMac: false,
      isDevelopment: false,
      appName: 'NetPol Lab',
      send: () => {},
    });
    expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Go', 'Window', 'help']);
    const all = roles(template);
    for (const role of [
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'about',
    ]) {
      expect(all, role).toContain(role);
    }
  });

  it('leaves reload and developer tools out of a packaged app', () => {
    const all = roles(
      menuTemplate({ isMac: false, isDevelopment: false, appName: 'NetPol Lab', send: () => {} }),
    );
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).not.toContain('toggleDevTools');
  });

  it('offers reload and developer tools in development', () => {
    const all = roles(
      menuTemplate({ isMac: false, isDevelopment: true, appName: 'NetPol Lab', send: () => {} }),
    );
    expect(all).toContain('reload');
    expect(all).toContain('toggleDevTools');
  });

  it('adds the application menu on macOS', () => {
    const template = menuTemplate({
      isMac: true,
      isDevelopment: false,
      appName: 'NetPol Lab',
      send: () => {},
    });
    expect(template[0]?.label).toBe('NetPol Lab');
    expect(roles(template.slice(0, 1))).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(roles(template)).toContain('front');
  });

  it("sends the lab's own commands to the page, each with its shortcut", () => {
    const send = vi.fn();
    const template = menuTemplate({ isMac: false, isDevelopment: false, appName: 'NetPol Lab', send });
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    const byLabel = new Map(
      items.filter((item) => item.label !== undefined).map((item) => [item.label, item]),
    );
    const expected: [string, string, string][] = [
      ['Import Exercise Pack…', 'CmdOrCtrl+O', 'import-pack'],
      ['New Exercise', 'CmdOrCtrl+N', 'new-exercise'],
      ['Settings…', 'CmdOrCtrl+,', 'open-settings'],
      ['Catalog', 'CmdOrCtrl+1', 'go-catalog'],
      ['Exams', 'CmdOrCtrl+3', 'go-exams'],
      ['Keyboard Shortcuts', 'F1', 'show-shortcuts'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = byLabel.get(label);
      expect(item?.accelerator, label).toBe(accelerator);
      send.mockClear();
      (item?.click as (() => void) | undefined)?.();
      expect(send, label).toHaveBeenCalledWith(command);
    }
  });
});
