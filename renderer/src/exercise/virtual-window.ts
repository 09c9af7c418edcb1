/**
 * The arithmetic of drawing only what shows: which rows (or columns) of a long list of equal-sized
 * items meet the scrolled viewport, plus a few either side so fast scrolling shows no gap, and how
 * far to scroll to bring one item into view. Sizes are in CSS pixels.
 */

export interface Range {
  /** First index drawn. */
  readonly start: number;
  /** One past the last index drawn. */
  readonly end: number;
}

/** Items drawn beyond each edge of the viewport. */
export const OVERSCAN = 3;

/** Indices of the items of `size` pixels that meet `[offset, offset + extent)`, within `[0, count)`. */
export function visibleRange(
  offset: number,
  extent: number,
  size: number,
  count: number,
  overscan = OVERSCAN,
): Range {
  if (count <= 0 || size <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, offset) / size);
  const last = Math.ceil((Math.max(0, offset) + Math.max(0, extent)) / size);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The indices of a range, with `extra` (say, the focused item) added when it lies outside. */
export function rangeIndices(range: Range, extra?: number): number[] {
  const indices: number[] = [];
  if (extra !== undefined && extra >= 0 && extra < range.start) indices.push(extra);
  for (let index = range.start; index < range.end; index++) indices.push(index);
  if (extra !== undefined && extra >= range.end) indices.push(extra);
  return indices;
}

/**
 * The scroll offset that shows item `index` whole, moving as little as possible. `leading` is what
 * covers the start of the viewport (a sticky header), so the item must clear it.
 */
export function scrollToShow(
  offset: number,
  extent: number,
  size: number,
  index: number,
  leading = 0,
): number {
  const top = index * size;
  const bottom = top + size;
  const visibleExtent = Math.max(size, extent - leading);
  if (top < offset) return top;
  if (bottom > offset + visibleExtent) return bottom - visibleExtent;
  return offset;
}

/** CSS pixels in `rem` root-font-size units (the lab's text size setting changes the root size). */
export function remInPixels(rem: number): number {
  const size =
    typeof document === 'undefined'
      ? Number.NaN
      : Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return rem * (Number.isFinite(size) && size > 0 ? size : 16);
}
