import { describe, expect, it } from 'vitest';
import { goTimeText, humanDuration, rfc1123z, rfc3339 } from './time-format.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (the AGE column)', () => {
  it.each([
    [-5 * S, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59 * S, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [5 * M + 3 * S, '5m3s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 12 * M, '3h12m'],
    [8 * H + 59 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [3 * D + 4 * H, '3d4h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [2 * 365 * D + 100 * D, '2y100d'],
    [9 * 365 * D, '9y'],
  ])('%i ms reads %s', (milliseconds, text) => {
    expect(humanDuration(milliseconds)).toBe(text);
  });
});

describe('timestamps', () => {
  const when = Date.UTC(2026, 4, 1, 10, 5, 3, 640);
  it('writes RFC 3339 in whole seconds, RFC 1123 with a zone, and Go time text', () => {
    expect(rfc3339(when)).toBe('2026-05-01T10:05:03Z');
    expect(rfc1123z(when)).toBe('Fri, 01 May 2026 10:05:03 +0000');
    expect(goTimeText(when)).toBe('2026-05-01 10:05:03 +0000 UTC');
  });
});
