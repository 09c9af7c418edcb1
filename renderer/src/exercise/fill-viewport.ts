/**
 * Sizes an element to the rest of the window below its top edge, so the exercise screen's columns
 * scroll inside themselves instead of the page. Re-measures on resize and when content above it
 * (notices, alerts) changes height.
 */

/** Bottom breathing room, matching the shell's padding. */
const BOTTOM_GAP = 24;

/** A Svelte action: `use:fillViewport`. */
export function fillViewport(element: HTMLElement): { destroy(): void } {
  let frame = 0;
  const measure = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.setProperty(
        '--exercise-height',
        `${Math.max(0, window.innerHeight - top - BOTTOM_GAP)}px`,
      );
    });
  };
  measure();
  window.addEventListener('resize', measure);
  const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
  observer?.observe(document.body);
  return {
    destroy() {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    },
  };
}
