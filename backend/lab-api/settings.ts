/**
 * The learner's settings, kept as two keys in the store's settings table. A stored value that is
 * missing or no longer valid (an older app, a hand-edited database) falls back to the default and is
 * removed, so one bad value never breaks the lab.
 */
import { LAB_API_LIMITS } from '../../core/lab-api/index.ts';
import type { Settings, ThemeSetting } from '../../core/lab-api/index.ts';
import type { JsonValue, ProgressStore } from '../progress/index.ts';

/** What a learner gets before changing anything. */
export const DEFAULT_SETTINGS: Settings = { theme: 'system', fontSize: 15 };

const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

function isTheme(value: JsonValue | undefined): value is ThemeSetting {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

function isFontSize(value: JsonValue | undefined): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= LAB_API_LIMITS.minFontSize &&
    value <= LAB_API_LIMITS.maxFontSize
  );
}

/** Reads the settings, repairing invalid stored values by dropping them. */
export function readSettings(store: ProgressStore): Settings {
  const theme = store.getSetting('theme');
  const fontSize = store.getSetting('fontSize');
  if (theme !== undefined && !isTheme(theme)) store.deleteSetting('theme');
  if (fontSize !== undefined && !isFontSize(fontSize)) store.deleteSetting('fontSize');
  return {
    theme: isTheme(theme) ? theme : DEFAULT_SETTINGS.theme,
    fontSize: isFontSize(fontSize) ? fontSize : DEFAULT_SETTINGS.fontSize,
  };
}

/** Stores the given (already validated) changes and returns the settings now in force. */
export function writeSettings(store: ProgressStore, changes: Partial<Settings>): Settings {
  if (changes.theme !== undefined) store.setSetting('theme', changes.theme);
  if (changes.fontSize !== undefined) store.setSetting('fontSize', changes.fontSize);
  return readSettings(store);
}
