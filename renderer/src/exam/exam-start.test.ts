import { describe, expect, it } from 'vitest';
import { customStartInput, parseSeed } from './exam-start.ts';

describe('parseSeed', () => {
  it('reads an empty field as no seed and a whole number as the seed', () => {
    expect(parseSeed('  ')).toEqual({});
    expect(parseSeed(' 42 ')).toEqual({ seed: 42 });
    expect(parseSeed('-7')).toEqual({ seed: -7 });
  });

  it('refuses anything else', () => {
    for (const text of ['1.5', 'abc', '1e3', '99999999999999999999']) {
      expect(parseSeed(text)).toHaveProperty('error');
    }
  });
});

describe('customStartInput', () => {
  const fields = { tracks: ['foundations'], taskCount: 2, minutes: 10, passMark: 66 };

  it('builds the custom start input with an optional seed', () => {
    expect(customStartInput(fields, '')).toEqual({
      input: { custom: { tracks: ['foundations'], taskCount: 2, minutes: 10, passMark: 66 } },
    });
    expect(customStartInput(fields, '5')).toEqual({
      input: { custom: { tracks: ['foundations'], taskCount: 2, minutes: 10, passMark: 66 }, seed: 5 },
    });
  });

  it('names the first problem', () => {
    expect(customStartInput({ ...fields, tracks: [] }, '')).toEqual({ error: 'Choose at least one track.' });
    expect(customStartInput({ ...fields, taskCount: 0 }, '')).toHaveProperty('error');
    expect(customStartInput({ ...fields, minutes: 2 }, '')).toHaveProperty('error');
    expect(customStartInput({ ...fields, passMark: 101 }, '')).toHaveProperty('error');
    expect(customStartInput(fields, 'x')).toHaveProperty('error');
  });
});
