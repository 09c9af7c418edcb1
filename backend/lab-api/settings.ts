/**
 * The learner's settings, kept as one key each in the store's settings table. A stored value that is
 * missing or no longer valid (an older app, a hand-edited database) falls back to the default and is
 * removed, so one bad value never breaks the lab.
 */
import { LAB_API_LIMITS, TAB_SIZES } from '../../core/lab-api/index.ts';
import type {
  EditorKeysSetting,
  Settings,
  ThemeSetting,
  WorkspaceSetting,
} from '../../core/lab-api/index.ts';
import type { JsonValue, ProgressStore } from '../progress/index.ts';

/** What a learner gets before changing anything. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 15,
  editorKeys: 'standard',
  tabSize: 2,
  workspace: 'editor',
};

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

function isEditorKeys(value: JsonValue | undefined): value is EditorKeysSetting {
  return value === 'standard' || value === 'vim';
}

function isTabSize(value: JsonValue | undefined): value is number {
  return typeof value === 'number' && TAB_SIZES.includes(value);
}

function isWorkspace(value: JsonValue | undefined): value is WorkspaceSetting {
  return value === 'editor' || value === 'terminal';
}

/** One stored setting, or its default (dropping a stored value that is no longer valid). */
function readOne<Key extends keyof Settings>(
  store: ProgressStore,
  key: Key,
  valid: (value: JsonValue | undefined) => value is JsonValue & Settings[Key],
): Settings[Key] {
  const value = store.getSetting(key);
  if (value !== undefined && !valid(value)) store.deleteSetting(key);
  return valid(value) ? value : DEFAULT_SETTINGS[key];
}

/** Reads the settings, repairing invalid stored values by dropping them. */
export function readSettings(store: ProgressStore): Settings {
  return {
    theme: readOne(store, 'theme', isTheme),
    fontSize: readOne(store, 'fontSize', isFontSize),
    editorKeys: readOne(store, 'editorKeys', isEditorKeys),
    tabSize: readOne(store, 'tabSize', isTabSize),
    workspace: readOne(store, 'workspace', isWorkspace),
  };
}

/** Stores the given (already validated) changes and returns the settings now in force. */
export function writeSettings(store: ProgressStore, changes: Partial<Settings>): Settings {
  if (changes.theme !== undefined) store.setSetting('theme', changes.theme);
  if (changes.fontSize !== undefined) store.setSetting('fontSize', changes.fontSize);
  if (changes.editorKeys !== undefined) store.setSetting('editorKeys', changes.editorKeys);
  if (changes.tabSize !== undefined) store.setSetting('tabSize', changes.tabSize);
  if (changes.workspace !== undefined) store.setSetting('workspace', changes.workspace);
  return readSettings(store);
}
