/**
 * The screen column of the route table (`lib/route-table.ts`): which component each route mounts and
 * the props it takes from the route. Typed over every route name, so a route without a screen does
 * not compile. The shell remounts the screen whenever the route's address changes.
 */
import type { Component } from 'svelte';
import type { Route, RouteName, RouteNamed } from './lib/router.svelte.ts';
import ExamHomeScreen from './exam/ExamHomeScreen.svelte';
import ExamResultScreen from './exam/ExamResultScreen.svelte';
import ExamSessionScreen from './exam/ExamSessionScreen.svelte';
import ExerciseScreen from './exercise/components/ExerciseScreen.svelte';
import AuthoringEditorView from './views/AuthoringEditorView.svelte';
import AuthoringListView from './views/AuthoringListView.svelte';
import CatalogView from './views/CatalogView.svelte';
import LessonView from './views/LessonView.svelte';
import NotFoundView from './views/NotFoundView.svelte';
import PackImportView from './views/PackImportView.svelte';
import ProgressView from './views/ProgressView.svelte';

type Props = Record<string, unknown>;

/** A component and the props to mount it with. */
export interface MountedScreen {
  readonly component: Component<Props>;
  readonly props: Props;
}

type ScreenOf<N extends RouteName> = (route: RouteNamed<N>) => MountedScreen;

/** Pairs a component with the props a route gives it, checked against the component's own props. */
function screen<N extends RouteName, P extends object>(
  component: Component<P>,
  props: (route: RouteNamed<N>) => P,
): ScreenOf<N> {
  // Erased once here, after the pairing above was type-checked.
  return (route) => ({
    component: component as unknown as Component<Props>,
    props: props(route) as Props,
  });
}

const none = (): Record<string, never> => ({});

const SCREENS: { readonly [N in RouteName]: ScreenOf<N> } = {
  catalog: screen(CatalogView, none),
  progress: screen(ProgressView, none),
  'exam-home': screen(ExamHomeScreen, none),
  authoring: screen(AuthoringListView, none),
  'authoring-new': screen(AuthoringEditorView, () => ({ exerciseId: null })),
  'pack-import': screen(PackImportView, none),
  'authoring-edit': screen(AuthoringEditorView, (route) => ({ exerciseId: route.exerciseId })),
  'exam-session': screen(ExamSessionScreen, (route) => ({ examId: route.examId })),
  'exam-result': screen(ExamResultScreen, (route) => ({ examId: route.examId })),
  lesson: screen(LessonView, (route) => ({ lessonId: route.lessonId })),
  exercise: screen(ExerciseScreen, (route) => ({ exerciseId: route.exerciseId })),
  'not-found': screen(NotFoundView, (route) => ({ path: route.path })),
};

/** The screen a route mounts. */
export function screenFor(route: Route): MountedScreen {
  return (SCREENS[route.name] as (route: Route) => MountedScreen)(route);
}
