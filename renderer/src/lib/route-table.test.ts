import { describe, expect, it } from 'vitest';
import { ROUTES, routeEntry } from './route-table.ts';
import { defaultPageTitle, parseHash, routeHref, type Route } from './router.svelte.ts';

/** An id that needs escaping in every way a path can: a slash, a space, `?`, `#` and `%`. */
const AWKWARD = 'odd id/with ?query#hash%25';

/** A path for a table row, each parameter filled with an awkward value. */
function samplePath(pattern: string): string {
  if (pattern.startsWith('*')) return '/no/such page';
  return pattern.replace(/:[A-Za-z]+/g, () => encodeURIComponent(AWKWARD));
}

describe('the route table', () => {
  it('has unique names and patterns', () => {
    expect(new Set(ROUTES.map((entry) => entry.name)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((entry) => entry.pattern)).size).toBe(ROUTES.length);
  });

  it.each(ROUTES.map((entry) => [entry.name, entry] as const))(
    '%s round-trips path -> route -> path and has a title',
    (name, entry) => {
      const href = `#${samplePath(entry.pattern)}`;
      const route = parseHash(href);
      expect(route.name).toBe(name);
      expect(routeHref(route)).toBe(href);
      expect(parseHash(routeHref(route))).toEqual(route);
      expect(defaultPageTitle(route)).toBe(entry.title);
      expect(entry.title.trim()).not.toBe('');
    },
  );

  it('carries decoded parameters on the route', () => {
    expect(parseHash(`#${samplePath('/exam/:examId/result')}`)).toEqual({
      name: 'exam-result',
      examId: AWKWARD,
    });
  });

  it('keeps every address the app has always answered', () => {
    const addresses: readonly (readonly [string, Route, string])[] = [
      ['#/', { name: 'catalog' }, 'Catalog'],
      ['#/progress', { name: 'progress' }, 'Progress'],
      ['#/exercise/a', { name: 'exercise', exerciseId: 'a' }, 'Exercise'],
      ['#/lesson/b', { name: 'lesson', lessonId: 'b' }, 'Lesson'],
      ['#/exam', { name: 'exam-home' }, 'Exams'],
      ['#/exam/c', { name: 'exam-session', examId: 'c' }, 'Exam'],
      ['#/exam/c/result', { name: 'exam-result', examId: 'c' }, 'Exam result'],
      ['#/authoring', { name: 'authoring' }, 'My exercises'],
      ['#/authoring/new', { name: 'authoring-new' }, 'New exercise'],
      ['#/authoring/d', { name: 'authoring-edit', exerciseId: 'd' }, 'Edit exercise'],
      ['#/packs/import', { name: 'pack-import' }, 'Import a pack'],
      ['#/nowhere', { name: 'not-found', path: '/nowhere' }, 'Page not found'],
    ];
    for (const [href, route, title] of addresses) {
      expect(parseHash(href)).toEqual(route);
      expect(routeHref(route)).toBe(href);
      expect(defaultPageTitle(route)).toBe(title);
    }
    expect(addresses.map(([, route]) => route.name).sort()).toEqual(ROUTES.map((entry) => entry.name).sort());
  });

  it('accepts a trailing slash and ignores a query', () => {
    expect(parseHash('#/progress/')).toEqual({ name: 'progress' });
    expect(parseHash('#/authoring/new/')).toEqual({ name: 'authoring-new' });
    expect(parseHash('#/exam/c/result/?tab=review')).toEqual({ name: 'exam-result', examId: 'c' });
    expect(parseHash('#/?from=menu')).toEqual({ name: 'catalog' });
  });

  it('treats extra or empty segments and bad escapes as not found', () => {
    expect(parseHash('#//')).toEqual({ name: 'not-found', path: '//' });
    expect(parseHash('#/exercise/a/b')).toEqual({ name: 'not-found', path: '/exercise/a/b' });
    expect(parseHash('#/exam/%E0%A4%A/result')).toEqual({
      name: 'not-found',
      path: '/exam/%E0%A4%A/result',
    });
    expect(parseHash('#progress')).toEqual({ name: 'not-found', path: 'progress' });
  });

  it('names the header item each route marks as current', () => {
    const nav = Object.fromEntries(ROUTES.map((entry) => [entry.name, entry.nav]));
    expect(nav).toEqual({
      catalog: 'catalog',
      exercise: 'catalog',
      progress: 'progress',
      lesson: null,
      'exam-home': 'exams',
      'exam-session': 'exams',
      'exam-result': 'exams',
      authoring: 'authoring',
      'authoring-new': 'authoring',
      'authoring-edit': 'authoring',
      'pack-import': 'authoring',
      'not-found': null,
    });
    expect(ROUTES.filter((entry) => routeEntry(entry.name).showsExamClock)).toEqual([
      routeEntry('exam-session'),
    ]);
  });
});
