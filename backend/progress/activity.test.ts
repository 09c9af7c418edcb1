import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentStreak, localDay, recentDays, summarizeActivity } from './activity.ts';

// Calendar code depends on the time zone; pin one with daylight saving so the tests mean the same
// everywhere and exercise the 23- and 25-hour days. Node re-reads TZ when it changes.
let savedZone: string | undefined;
beforeEach(() => {
  savedZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe('localDay', () => {
  it('uses the local calendar, not UTC', () => {
    // 02:00 UTC on 10 March is still 9 March in New York.
    expect(localDay(Date.UTC(2026, 2, 10, 2, 0))).toBe('2026-03-09');
  });
});

describe('recentDays', () => {
  it('steps one calendar day at a time across a daylight-saving change', () => {
    // Clocks spring forward on 8 March 2026 in New York; now is just after local midnight.
    const now = new Date(2026, 2, 9, 0, 30).getTime();
    expect(recentDays(now, 3)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    const autumn = new Date(2026, 10, 2, 23, 30).getTime();
    expect(recentDays(autumn, 3)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
  });
});

describe('currentStreak', () => {
  const now = new Date(2026, 2, 9, 8, 0).getTime();

  it('counts back from today', () => {
    expect(currentStreak(new Set(['2026-03-07', '2026-03-08', '2026-03-09']), now)).toBe(3);
  });

  it('counts back from yesterday when today has no activity yet', () => {
    expect(currentStreak(new Set(['2026-03-07', '2026-03-08']), now)).toBe(2);
  });

  it('is zero after a missed day', () => {
    expect(currentStreak(new Set(['2026-03-06', '2026-03-07']), now)).toBe(0);
    expect(currentStreak(new Set(), now)).toBe(0);
  });
});

describe('summarizeActivity', () => {
  it('fills days without activity with zeros', () => {
    const now = new Date(2026, 2, 9, 8, 0).getTime();
    const summary = summarizeActivity(
      [{ date: '2026-03-08', attempts: 2, passes: 1 }],
      { exercisesAttempted: 1, exercisesCompleted: 1 },
      now,
      2,
    );
    expect(summary).toEqual({
      today: '2026-03-09',
      days: [
        { date: '2026-03-08', attempts: 2, passes: 1 },
        { date: '2026-03-09', attempts: 0, passes: 0 },
      ],
      totalAttempts: 2,
      exercisesAttempted: 1,
      exercisesCompleted: 1,
      currentStreak: 1,
      currentPassStreak: 1,
    });
  });
});
