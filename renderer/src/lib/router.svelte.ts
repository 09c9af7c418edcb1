/**
 * A hash router: `#/` catalog, `#/exercise/<id>`, `#/lesson/<id>`, `#/progress`, `#/exam`, `#/exam/<id>`,
 * `#/exam/<id>/result`, `#/authoring`, `#/authoring/new`, `#/authoring/<id>`, `#/packs/import`. Hash routes work from `file://` in Electron and from the HTTP host without
 * any server-side fallback.
 */

export type Route =
  | { readonly name: 'catalog' }
  | { readonly name: 'exercise'; readonly exerciseId: string }
  | { readonly name: 'lesson'; readonly lessonId: string }
  | { readonly name: 'progress' }
  | { readonly name: 'exam-home' }
  | { readonly name: 'exam-session'; readonly examId: string }
  | { readonly name: 'exam-result'; readonly examId: string }
  | { readonly name: 'authoring' }
  | { readonly name: 'authoring-new' }
  | { readonly name: 'authoring-edit'; readonly exerciseId: string }
  | { readonly name: 'pack-import' }
  | { readonly name: 'not-found'; readonly path: string };

const APP_NAME = 'NetPol Lab';

/** The route a location hash names. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '') || '/';
  if (path === '/' || path === '') return { name: 'catalog' };
  if (path === '/progress' || path === '/progress/') return { name: 'progress' };
  if (path === '/exam' || path === '/exam/') return { name: 'exam-home' };
  if (path === '/authoring' || path === '/authoring/') return { name: 'authoring' };
  if (path === '/authoring/new' || path === '/authoring/new/') return { name: 'authoring-new' };
  if (path === '/packs/import' || path === '/packs/import/') return { name: 'pack-import' };
  const authored = /^\/authoring\/([^/]+)\/?$/.exec(path);
  if (authored?.[1]) {
    try {
      return { name: 'authoring-edit', exerciseId: decodeURIComponent(authored[1]) };
    } catch {
      return { name: 'not-found', path };
    }
  }
  const exam = /^\/exam\/([^/]+)(\/result)?\/?$/.exec(path);
  if (exam?.[1]) {
    try {
      const examId = decodeURIComponent(exam[1]);
      return exam[2] ? { name: 'exam-result', examId } : { name: 'exam-session', examId };
    } catch {
      return { name: 'not-found', path };
    }
  }
  const lesson = /^\/lesson\/([^/]+)\/?$/.exec(path);
  if (lesson?.[1]) {
    try {
      return { name: 'lesson', lessonId: decodeURIComponent(lesson[1]) };
    } catch {
      return { name: 'not-found', path };
    }
  }
  const exercise = /^\/exercise\/([^/]+)\/?$/.exec(path);
  if (exercise?.[1]) {
    try {
      return { name: 'exercise', exerciseId: decodeURIComponent(exercise[1]) };
    } catch {
      return { name: 'not-found', path };
    }
  }
  return { name: 'not-found', path };
}

/** The `href` of a route, for links. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'catalog':
      return '#/';
    case 'progress':
      return '#/progress';
    case 'exercise':
      return `#/exercise/${encodeURIComponent(route.exerciseId)}`;
    case 'lesson':
      return `#/lesson/${encodeURIComponent(route.lessonId)}`;
    case 'exam-home':
      return '#/exam';
    case 'exam-session':
      return `#/exam/${encodeURIComponent(route.examId)}`;
    case 'exam-result':
      return `#/exam/${encodeURIComponent(route.examId)}/result`;
    case 'authoring':
      return '#/authoring';
    case 'authoring-new':
      return '#/authoring/new';
    case 'authoring-edit':
      return `#/authoring/${encodeURIComponent(route.exerciseId)}`;
    case 'pack-import':
      return '#/packs/import';
    case 'not-found':
      return `#${route.path}`;
  }
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
  switch (route.name) {
    case 'catalog':
      return 'Catalog';
    case 'progress':
      return 'Progress';
    case 'exercise':
      return 'Exercise';
    case 'lesson':
      return 'Lesson';
    case 'exam-home':
      return 'Exams';
    case 'exam-session':
      return 'Exam';
    case 'exam-result':
      return 'Exam result';
    case 'authoring':
      return 'My exercises';
    case 'authoring-new':
      return 'New exercise';
    case 'authoring-edit':
      return 'Edit exercise';
    case 'pack-import':
      return 'Import a pack';
    case 'not-found':
      return 'Page not found';
  }
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
