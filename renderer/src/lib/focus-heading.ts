/**
 * Moves focus to the screen's h1 after a navigation, so screen-reader and keyboard users start at
 * the new content instead of the link they left. Screens that load data render their h1 a moment
 * later (or swap a loading heading for the real one), so this keeps watching briefly: when the
 * heading it focused is replaced and focus fell back to the body, it focuses the new heading.
 */
const WATCH_MS = 1500;

function focusTarget(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/** Focuses `main h1` once it exists (or `<main>` itself after a short wait); answers a cancel. */
export function focusMainHeading(root: Document = document): () => void {
  const started = performance.now();
  let handle = 0;
  let focused: HTMLElement | null = null;
  const watch = (): void => {
    const elapsed = performance.now() - started;
    const main = root.querySelector<HTMLElement>('main');
    const heading = main?.querySelector<HTMLElement>('h1') ?? null;
    const focusLost = root.activeElement === null || root.activeElement === root.body;
    if (focused === null) {
      const target = heading ?? (elapsed > WATCH_MS ? main : null);
      if (target) {
        focusTarget(target);
        focused = target;
      }
    } else if (heading && heading !== focused && !focused.isConnected && focusLost) {
      focusTarget(heading);
      focused = heading;
    }
    if (elapsed <= WATCH_MS) handle = requestAnimationFrame(watch);
  };
  watch();
  return () => cancelAnimationFrame(handle);
}
