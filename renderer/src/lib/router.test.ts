import { afterEach, describe, expect, it } from 'vitest';
import { exerciseHref, parseHash, routeHref, Router, setPageTitle } from './router.svelte.ts';

describe('parseHash', () => {
  it('maps hashes to routes', () => {
    expect(parseHash('')).toEqual({ name: 'catalog' });
    expect(parseHash('#/')).toEqual({ name: 'catalog' });
    expect(parseHash('#/progress')).toEqual({ name: 'progress' });
    expect(parseHash('#/exercise/db-ingress-from-api')).toEqual({
      name: 'exercise',
      exerciseId: 'db-ingress-from-api',
    });
    expect(parseHash('#/nowhere')).toEqual({ name: 'not-found', path: '/nowhere' });
  });

  it('round-trips exercise ids that need escaping', () => {
    const href = exerciseHref('odd id/with slash');
    expect(parseHash(href)).toEqual({ name: 'exercise', exerciseId: 'odd id/with slash' });
  });

  it('treats a malformed escape as not found instead of throwing', () => {
    expect(parseHash('#/exercise/%E0%A4%A')).toMatchObject({ name: 'not-found' });
  });

  it('builds hrefs', () => {
    expect(routeHref({ name: 'catalog' })).toBe('#/');
    expect(routeHref({ name: 'progress' })).toBe('#/progress');
  });
});

describe('Router', () => {
  let stop: (() => void) | undefined;

  afterEach(() => {
    stop?.();
    window.location.hash = '';
  });

  it('follows hash changes and counts navigations', async () => {
    window.location.hash = '#/progress';
    const router = new Router();
    stop = router.start(window);
    expect(router.route).toEqual({ name: 'progress' });
    expect(router.navigations).toBe(0);

    router.navigate({ name: 'exercise', exerciseId: 'abc' });
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    expect(window.location.hash).toBe('#/exercise/abc');
    expect(router.route).toEqual({ name: 'exercise', exerciseId: 'abc' });
    expect(router.navigations).toBe(1);
  });

  it('stops following after stop()', () => {
    const router = new Router();
    router.start(window);
    router.stop();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(router.navigations).toBe(0);
  });
});

describe('setPageTitle', () => {
  it('names the page and the app', () => {
    setPageTitle('Catalog');
    expect(document.title).toBe('Catalog — NetPol Lab');
  });
});
