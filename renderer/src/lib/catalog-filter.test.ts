import { describe, expect, it } from 'vitest';
import { sampleCatalog } from '../test-support/catalog-fixture.ts';
import { filterCatalog, hasFilters, NO_FILTERS } from './catalog-filter.ts';

function ids(filters: Partial<typeof NO_FILTERS>): string[] {
  return filterCatalog(sampleCatalog(), { ...NO_FILTERS, ...filters }).flatMap((section) =>
    section.exercises.map((exercise) => exercise.id),
  );
}

describe('filterCatalog', () => {
  it('lists tracks by order with their progress', () => {
    const sections = filterCatalog(sampleCatalog(), NO_FILTERS);
    expect(sections.map((section) => section.track.id)).toEqual(['foundations', 'selectors']);
    expect(sections[0]).toMatchObject({ completed: 1, total: 3 });
  });

  it('searches titles, tags and ids, case-insensitively, every word', () => {
    expect(ids({ search: 'DATABASE' })).toEqual(['db-ingress']);
    expect(ids({ search: 'dns' })).toEqual(['egress-dns']);
    expect(ids({ search: 'match-expressions' })).toEqual(['match-expressions']);
    expect(ids({ search: 'egress keep' })).toEqual(['egress-dns']);
    expect(ids({ search: 'egress nothing' })).toEqual([]);
  });

  it('filters by track, difficulty and status', () => {
    expect(ids({ track: 'selectors' })).toEqual(['match-expressions']);
    expect(ids({ difficulty: 'beginner' })).toEqual(['deny-all', 'db-ingress']);
    expect(ids({ status: 'completed' })).toEqual(['deny-all']);
    expect(ids({ status: 'in-progress' })).toEqual(['db-ingress']);
    expect(ids({ status: 'not-started' })).toEqual(['egress-dns', 'match-expressions']);
  });

  it('keeps whole-track progress while filtering', () => {
    const [section] = filterCatalog(sampleCatalog(), { ...NO_FILTERS, status: 'not-started' });
    expect(section).toMatchObject({ completed: 1, total: 3 });
  });

  it('knows when filters are active', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, search: '  ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, status: 'completed' })).toBe(true);
  });
});
