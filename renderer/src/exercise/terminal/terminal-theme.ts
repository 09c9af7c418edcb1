/**
 * xterm's colours from the app's theme: the surface, text, accent and focus colours of
 * `styles/theme.css`, and an ANSI palette per theme that keeps coloured output readable (the
 * xterm defaults are made for a black screen and wash out on a light one).
 */
import type { ITheme } from '@xterm/xterm';

export type TerminalThemeName = 'light' | 'dark';

const PALETTES: Record<TerminalThemeName, Omit<ITheme, 'background' | 'foreground'>> = {
  light: {
    black: '#1a1f26',
    red: '#b42318',
    green: '#116329',
    yellow: '#7a4d00',
    blue: '#1d5bbf',
    magenta: '#8a2f9e',
    cyan: '#0a5d83',
    white: '#4f5a67',
    brightBlack: '#4f5a67',
    brightRed: '#9a1c13',
    brightGreen: '#0d5222',
    brightYellow: '#653f00',
    brightBlue: '#174a9c',
    brightMagenta: '#74248a',
    brightCyan: '#084c6b',
    brightWhite: '#1a1f26',
  },
  dark: {
    black: '#0f1318',
    red: '#ff8a80',
    green: '#5fd17f',
    yellow: '#e8b64c',
    blue: '#74aaff',
    magenta: '#d69cff',
    cyan: '#6cc0ee',
    white: '#c9d1db',
    brightBlack: '#7c8797',
    brightRed: '#ffb3ab',
    brightGreen: '#8ee6a5',
    brightYellow: '#f4d07e',
    brightBlue: '#9cc2ff',
    brightMagenta: '#e5bfff',
    brightCyan: '#9ad6f5',
    brightWhite: '#e6eaf0',
  },
};

/** The xterm theme for the app's current colours (read from `element`'s computed style). */
export function terminalTheme(name: TerminalThemeName, element: Element): ITheme {
  const style = getComputedStyle(element);
  const read = (variable: string, fallback: string): string =>
    style.getPropertyValue(variable).trim() || fallback;
  const dark = name === 'dark';
  const background = read('--color-surface', dark ? '#181d24' : '#ffffff');
  const foreground = read('--color-text', dark ? '#e6eaf0' : '#1a1f26');
  return {
    ...PALETTES[name],
    background,
    foreground,
    cursor: foreground,
    cursorAccent: background,
    selectionBackground: dark ? '#2f4a73' : '#bcd3f5',
    selectionForeground: foreground,
  };
}
