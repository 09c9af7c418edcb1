import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('payroll', 'payroll')).toBe(0);
    expect(editDistance('payrol', 'payroll')).toBe(1);
    expect(editDistance('pyaroll', 'payroll')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestWord', () => {
  it('finds the nearest word within the limit, never the word itself', () => {
    expect(closestWord('payrol', ['mysql', 'payroll', 'payrolls'])).toBe('payroll');
    expect(closestWord('payroll', ['payroll'])).toBeUndefined();
    expect(closestWord('frontend', ['backend'])).toBeUndefined();
  });

  it('makes no guess for words of two characters or fewer', () => {
    expect(closestWord('db', ['dc'])).toBeUndefined();
  });
});
