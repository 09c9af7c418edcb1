/**
 * A hash router over the route table (`route-table.ts`): `#/` catalog, `#/exercise/<id>`, `#/lesson/<id>`,
 * `#/progress`, `#/exam`, `#/exam/<id>`, `#/exam/<id>/result`, `#/authoring`, `#/authoring/new`,
 * `#/authoring/<id>`, `#/packs/import`. Hash routes work from `file://` in Electron and from the HTTP
 * host without any server-side fallback.
 */

import { buildPath, matchPath } from './route-pattern.ts';
import { ROUTES, routeEntry, type Route } from './route-table.ts';

export type { Route, RouteName, RouteNamed } from './route-table.ts';

const APP_NAME = 'NetPol Lab';

/** The route a location hash names: the first row of the table whose pattern matches. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '') || '/';
  for (const entry of ROUTES) {
    const params = matchPath(entry.pattern, path);
    // The table's patterns and names agree by construction (see `Route` in route-table.ts).
    if (params) return { ...params, name: entry.name } as Route;
  }
  // Not reached: the table ends with a catch-all row.
  return { name: 'not-found', path };
}

/** The `href` of a route, for links. */
export function routeHref(route: Route): string {
  return `#${buildPath(routeEntry(route.name).pattern, route)}`;
}

/** `href` of an exercise. */
export function exerciseHref(exerciseId: string): string {
  return routeHref({ name: 'exercise', exerciseId });
}

/** `href` of a lesson. */
export function lessonHref(lessonId: string): string {
  return routeHref({ name: 'lesson', lessonId });
}

/** Sets `document.title` to "<page> — NetPol Lab". */
export function setPageTitle(page: string): void {
  document.title = page ? `${page} — ${APP_NAME}` : APP_NAME;
}

/** The title a route has before its screen knows more (an exercise names itself once loaded). */
export function defaultPageTitle(route: Route): string {
  return routeEntry(route.name).title;
}

/** The current route, kept in step with `location.hash`. */
export class Router {
  // Read the address at once, so the first render already shows the right screen.
  route: Route = $state(typeof location === 'undefined' ? { name: 'catalog' } : parseHash(location.hash));
  /** Grows on every navigation after the first page load, so the shell knows when to move focus. */
  navigations = $state(0);
  #window: Window | null = null;
  #onHashChange = (): void => {
    if (!this.#window) return;
    this.route = parseHash(this.#window.location.hash);
    this.navigations += 1;
  };

  /** Starts following `location.hash`; answers a function that stops. */
  start(target: Window = window): () => void {
    this.stop();
    this.#window = target;
    this.route = parseHash(target.location.hash);
    target.addEventListener('hashchange', this.#onHashChange);
    return () => this.stop();
  }

  stop(): void {
    this.#window?.removeEventListener('hashchange', this.#onHashChange);
    this.#window = null;
  }

  /** Goes to a route (a no-op when already there). */
  navigate(route: Route): void {
    const target = this.#window ?? window;
    const href = routeHref(route);
    if (target.location.hash === href || (href === '#/' && target.location.hash === '')) return;
    target.location.hash = href;
  }
}

/** The app's one router. */
export const router = new Router();
