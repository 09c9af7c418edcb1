import { describe, expect, it } from 'vitest';
import { rangeIndices, remInPixels, scrollToShow, visibleRange } from './virtual-window.ts';

describe('visibleRange', () => {
  it('draws the items that meet the viewport and a few either side', () => {
    expect(visibleRange(0, 100, 20, 1000, 2)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(1000, 100, 20, 1000, 2)).toEqual({ start: 48, end: 57 });
    expect(visibleRange(19_990, 100, 20, 1000, 2)).toEqual({ start: 997, end: 1000 });
  });

  it('draws nothing of an empty list and clamps odd input', () => {
    expect(visibleRange(0, 100, 20, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, -10, 20, 5, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('rangeIndices', () => {
  it('adds the focused item where it lies outside the range', () => {
    expect(rangeIndices({ start: 3, end: 6 })).toEqual([3, 4, 5]);
    expect(rangeIndices({ start: 3, end: 6 }, 0)).toEqual([0, 3, 4, 5]);
    expect(rangeIndices({ start: 3, end: 6 }, 9)).toEqual([3, 4, 5, 9]);
    expect(rangeIndices({ start: 3, end: 6 }, 4)).toEqual([3, 4, 5]);
  });
});

describe('scrollToShow', () => {
  it('moves as little as needed to show an item whole, clear of a sticky header', () => {
    expect(scrollToShow(100, 200, 20, 7)).toBe(100);
    expect(scrollToShow(100, 200, 20, 2)).toBe(40);
    expect(scrollToShow(100, 200, 20, 20)).toBe(220);
    expect(scrollToShow(100, 200, 20, 20, 40)).toBe(260);
  });
});

describe('remInPixels', () => {
  it('follows the root font size', () => {
    document.documentElement.style.fontSize = '20px';
    expect(remInPixels(2)).toBe(40);
    document.documentElement.style.fontSize = '';
  });
});
