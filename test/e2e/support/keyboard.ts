/**
 * Keyboard-only navigation for the e2e suite: move focus with Tab / Shift+Tab until a target has it,
 * and check that whatever has focus shows a visible focus indicator (an outline).
 */
import type { Locator, Page } from '@playwright/test';

/** Where focus is and whether it is visible. */
export interface FocusReport {
  /** A short description of the focused element (tag, role, name). */
  readonly element: string;
  /** Whether an outline is drawn on it (or, for composite widgets, on a close ancestor). */
  readonly visible: boolean;
  /** The element that carries the outline, when it is an ancestor. */
  readonly drawnOn: string;
}

/** Describes the focused element and its focus outline. */
export async function focusReport(page: Page): Promise<FocusReport> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0)
    return { element: 'body (nothing focused)', visible: false, drawnOn: '' };
  return focused.first().evaluate((element) => {
    const describe = (node: typeof element): string => {
      const label = node.getAttribute('aria-label') ?? (node.textContent ?? '').trim().slice(0, 40);
      const role = node.getAttribute('role');
      return `<${node.tagName.toLowerCase()}${role ? ` role=${role}` : ''}> "${label}"`;
    };
    const view = element.ownerDocument.defaultView;
    let node: typeof element | null = element;
    // The element itself, or up to two ancestors for widgets that draw the ring around themselves
    // (a code editor's content sits inside its frame).
    for (let depth = 0; node !== null && depth < 3; depth += 1) {
      const style = view.getComputedStyle(node);
      if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) {
        return { element: describe(element), visible: true, drawnOn: depth === 0 ? '' : describe(node) };
      }
      node = node.parentElement;
    }
    return { element: describe(element), visible: false, drawnOn: '' };
  });
}

/** Whether `target` has focus right now. */
export async function hasFocus(target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  return target.first().evaluate((element) => element.matches(':focus'));
}

/** Whether focus is inside a CodeMirror editor's content. */
export async function inCodeEditor(page: Page): Promise<boolean> {
  return (await page.locator('.cm-content:focus, .cm-content :focus').count()) > 0;
}

export interface TabOptions {
  /** Shift+Tab instead of Tab. */
  readonly backward?: boolean;
  /** Give up after this many presses. */
  readonly limit?: number;
  /** Collects every stop whose focus is not visible. */
  readonly invisible?: string[];
}

/** Presses Tab (or Shift+Tab) until `target` has focus; throws with the path taken when it never does. */
export async function tabTo(page: Page, target: Locator, options: TabOptions = {}): Promise<void> {
  const key = options.backward ? 'Shift+Tab' : 'Tab';
  const limit = options.limit ?? 80;
  const path: string[] = [];
  for (let presses = 0; presses < limit; presses += 1) {
    if (await hasFocus(target)) return;
    // Tab indents inside the code editor; Escape first lets the next Tab leave it, as a keyboard
    // user is told to do.
    if (await inCodeEditor(page)) await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    const report = await focusReport(page);
    path.push(report.element);
    // Headings that take focus after a navigation deliberately draw no ring; everything reachable by
    // Tab must.
    if (!report.visible && options.invisible && !/^<h[1-6]/.test(report.element)) {
      options.invisible.push(report.element);
    }
  }
  if (await hasFocus(target)) return;
  throw new Error(`${key} ×${limit} never reached the target. Focus went through:\n  ${path.join('\n  ')}`);
}
