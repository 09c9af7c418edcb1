import { describe, it, expect } from 'vitest';
import { SHOWN_TEXT_LIMIT, clipText, quoteText } from './shown-text.ts';

describe('shown text', () => {
  it('shows short text in full', () => {
    expect(quoteText('role')).toBe('"role"');
    expect(clipText('prod')).toBe('prod');
    expect(quoteText('a'.repeat(SHOWN_TEXT_LIMIT))).toBe(`"${'a'.repeat(SHOWN_TEXT_LIMIT)}"`);
  });

  it('cuts long text with an ellipsis and its full length', () => {
    expect(quoteText('a'.repeat(100_000))).toBe(`"${'a'.repeat(SHOWN_TEXT_LIMIT)}…" (100000 characters)`);
    expect(clipText('b'.repeat(300))).toBe(`${'b'.repeat(SHOWN_TEXT_LIMIT)}… (300 characters)`);
  });

  it('counts a character outside the BMP once and never splits it', () => {
    const text = '😀'.repeat(100);
    const shown = quoteText(text);
    expect(shown.endsWith('…" (100 characters)')).toBe(true);
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps escaped control characters within the limit', () => {
    const shown = quoteText('\u0001'.repeat(1000));
    expect(shown.length).toBeLessThan(SHOWN_TEXT_LIMIT + 30);
    expect(shown).toContain('\\u0001');
    expect(shown).toContain('(1000 characters)');
  });
});
