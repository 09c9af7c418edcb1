/**
 * Every address the app answers, in one table: its name, its path pattern, the page title it starts
 * with, and which item of the main navigation it belongs to. Parsing an address, building one, the
 * document title and the header's current item all read this table; `screens.ts` beside `App.svelte`
 * adds the screen each name mounts (kept apart so that screens may link to routes without an import
 * cycle).
 *
 * Patterns: `/literal/:param` matches one percent-encoded segment per `:param` (decoded into the
 * route), a trailing slash is optional, and the final `*param` takes the whole path as it is.
 * Entries are tried in order, so `/authoring/new` comes before `/authoring/:exerciseId`.
 */

/** The items of the main navigation a route can mark as current. */
export type NavItem = 'catalog' | 'progress' | 'exams' | 'authoring';

/** One row of the table. */
export interface RouteEntry {
  readonly name: string;
  readonly pattern: string;
  /** The title before the screen knows more (an exercise names itself once loaded). */
  readonly title: string;
  /** The header item shown as current, if any. */
  readonly nav: NavItem | null;
  /** The screen shows its own exam clock, so the header hides its "Exam in progress" link. */
  readonly showsExamClock?: boolean;
}

/** The table. */
export const ROUTES = [
  { name: 'catalog', pattern: '/', title: 'Catalog', nav: 'catalog' },
  { name: 'progress', pattern: '/progress', title: 'Progress', nav: 'progress' },
  { name: 'exam-home', pattern: '/exam', title: 'Exams', nav: 'exams' },
  { name: 'authoring', pattern: '/authoring', title: 'My exercises', nav: 'authoring' },
  { name: 'authoring-new', pattern: '/authoring/new', title: 'New exercise', nav: 'authoring' },
  { name: 'pack-import', pattern: '/packs/import', title: 'Import a pack', nav: 'authoring' },
  {
    name: 'authoring-edit',
    pattern: '/authoring/:exerciseId',
    title: 'Edit exercise',
    nav: 'authoring',
  },
  {
    name: 'exam-session',
    pattern: '/exam/:examId',
    title: 'Exam',
    nav: 'exams',
    showsExamClock: true,
  },
  { name: 'exam-result', pattern: '/exam/:examId/result', title: 'Exam result', nav: 'exams' },
  { name: 'lesson', pattern: '/lesson/:lessonId', title: 'Lesson', nav: null },
  { name: 'exercise', pattern: '/exercise/:exerciseId', title: 'Exercise', nav: 'catalog' },
  { name: 'not-found', pattern: '*path', title: 'Page not found', nav: null },
] as const satisfies readonly RouteEntry[];

type Entry = (typeof ROUTES)[number];

/** The parameter names in a pattern: `:name` segments and a `*name` rest. */
type ParamNames<P extends string> = P extends `*${infer Rest}`
  ? Rest
  : P extends `${string}:${infer Param}/${infer Rest}`
    ? Param | ParamNames<`/${Rest}`>
    : P extends `${string}:${infer Param}`
      ? Param
      : never;

type RouteOf<E extends Entry> = {
  readonly [K in 'name' | ParamNames<E['pattern']>]: K extends 'name' ? E['name'] : string;
};

/** A place in the app: a route name and the parameters its pattern names. */
export type Route = Entry extends infer E ? (E extends Entry ? RouteOf<E> : never) : never;

/** The name of a route. */
export type RouteName = Route['name'];

/** The route with one name. */
export type RouteNamed<N extends RouteName> = Extract<Route, { readonly name: N }>;

/** The row of the table for a route name. */
export function routeEntry(name: RouteName): RouteEntry {
  const entry = ROUTES.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No route is named ${name}.`);
  return entry;
}
