/** Helpers for the app's global keyboard shortcuts. */

/** Whether the key press happened where typing is expected, so a shortcut must not steal it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return target.closest('[contenteditable="true"], [role="textbox"]') !== null;
}

/** A shortcut the "Keyboard shortcuts" dialog lists. */
export interface ShortcutDescription {
  readonly keys: readonly string[];
  readonly action: string;
}

/** Every shortcut, as the help dialog shows them. */
export const SHORTCUTS: readonly ShortcutDescription[] = [
  { keys: ['Alt', '1'], action: 'Go to the catalog' },
  { keys: ['Alt', '2'], action: 'Go to your progress' },
  { keys: ['/'], action: 'Search exercises (in the catalog)' },
  { keys: ['Ctrl', 'Enter'], action: 'Check your answer (on an exercise)' },
  { keys: ['Ctrl', '`'], action: 'Switch between the editor and the terminal (on an exercise)' },
  { keys: ['?'], action: 'Show keyboard shortcuts' },
  { keys: ['F1'], action: 'Show keyboard shortcuts' },
  { keys: ['Escape'], action: 'Close a dialog' },
  { keys: ['Ctrl', 'Z'], action: 'Undo in the editor (also after Reset to starter)' },
  { keys: ['Tab'], action: 'Indent the line in the editor (Shift+Tab: outdent)' },
  { keys: ['Escape', 'Tab'], action: 'Leave the editor (press Escape, then Tab)' },
  { keys: ['Ctrl', 'Space'], action: 'Suggest fields, values and snippets in the editor' },
  { keys: ['Down', 'Enter'], action: 'Pick a suggestion (Down, then Enter; Enter alone starts a new line)' },
  { keys: ['Ctrl', '1…4'], action: 'Catalog, progress, exams, my exercises (desktop app)' },
  { keys: ['Ctrl', 'N'], action: 'New exercise (desktop app)' },
  { keys: ['Ctrl', 'O'], action: 'Import an exercise pack (desktop app)' },
];
