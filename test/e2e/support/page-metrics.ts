/** Numbers read from the page itself (the test files type-check without the DOM library). */
import type { Page } from '@playwright/test';

interface PageGlobals {
  readonly innerWidth: number;
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number };
    getElementsByTagName(name: string): { readonly length: number };
  };
}

/** How many elements the page holds. */
export function domNodeCount(page: Page): Promise<number> {
  return page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.getElementsByTagName('*').length,
  );
}

/** How far the page is wider than the window (0 or less: no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const view = globalThis as unknown as PageGlobals;
    return view.document.documentElement.scrollWidth - view.innerWidth;
  });
}
