import { describe, expect, it } from 'vitest';
import { selectorMatches } from '../../netpol/selector.ts';
import { parseLabelSelector } from './parse-selector.ts';

function matches(selector: string, labels: Record<string, string>): boolean {
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) throw new Error(parsed.error);
  return selectorMatches(parsed.selector, labels);
}

describe('parseLabelSelector (-l)', () => {
  it('reads equality, set and existence requirements, ANDed', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web,tier=fe', { app: 'web' })).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('app!=web', { app: 'web' })).toBe(false);
    expect(matches('env in (prod, dev),!debug', { env: 'dev' })).toBe(true);
    expect(matches('env notin (prod)', { env: 'prod' })).toBe(false);
    expect(matches('team', { team: 'a' })).toBe(true);
    expect(matches('app.kubernetes.io/name=web', { 'app.kubernetes.io/name': 'web' })).toBe(true);
    expect(matches('', { anything: 'x' })).toBe(true);
  });

  it("refuses what apimachinery refuses, in kubectl's words", () => {
    expect(parseLabelSelector('app in ()')).toEqual({
      ok: false,
      error: "unable to parse requirement: for 'in', 'notin' operators, values set can't be empty",
    });
    expect(parseLabelSelector('app=bad value')).toMatchObject({ ok: false });
    expect(parseLabelSelector('app:web')).toEqual({
      ok: false,
      error: "unable to parse requirement: found ':', expected: identifier",
    });
  });
});
