import { describe, expect, it } from 'vitest';
import { countdownAnnouncement, describeCountdown, formatCountdown } from './countdown.ts';

const MINUTE = 60_000;

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding partial seconds up', () => {
    expect(formatCountdown(25 * MINUTE)).toBe('25:00');
    expect(formatCountdown(4 * MINUTE + 5_000)).toBe('04:05');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(999)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('adds hours from an hour up and never goes negative', () => {
    expect(formatCountdown(65 * MINUTE)).toBe('1:05:00');
    expect(formatCountdown(180 * MINUTE)).toBe('3:00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
    expect(formatCountdown(Number.NaN)).toBe('00:00');
  });
});

describe('describeCountdown', () => {
  it('says the time in words', () => {
    expect(describeCountdown(4 * MINUTE + 5_000)).toBe('4 minutes 5 seconds');
    expect(describeCountdown(MINUTE)).toBe('1 minute');
    expect(describeCountdown(1_000)).toBe('1 second');
    expect(describeCountdown(0)).toBe('0 seconds');
  });
});

describe('countdownAnnouncement', () => {
  it('announces the five- and one-minute marks once, as the clock passes them', () => {
    expect(countdownAnnouncement(5 * MINUTE + 500, 5 * MINUTE)).toBe('5 minutes left');
    expect(countdownAnnouncement(5 * MINUTE, 5 * MINUTE - 1000)).toBeNull();
    expect(countdownAnnouncement(MINUTE + 1, MINUTE - 999)).toBe('1 minute left');
    expect(countdownAnnouncement(10 * MINUTE, 9 * MINUTE)).toBeNull();
  });

  it('announces only the last mark when the clock jumps past several, and nothing at zero', () => {
    expect(countdownAnnouncement(10 * MINUTE, 30_000)).toBe('1 minute left');
    expect(countdownAnnouncement(30_000, 0)).toBeNull();
    expect(countdownAnnouncement(2 * MINUTE, 0)).toBeNull();
  });
});
