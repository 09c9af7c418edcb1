import { describe, expect, it } from 'vitest';
import ExamResultScreen from './exam/ExamResultScreen.svelte';
import ExamSessionScreen from './exam/ExamSessionScreen.svelte';
import ExerciseScreen from './exercise/components/ExerciseScreen.svelte';
import { ROUTES } from './lib/route-table.ts';
import { parseHash } from './lib/router.svelte.ts';
import { screenFor } from './screens.ts';
import AuthoringEditorView from './views/AuthoringEditorView.svelte';
import CatalogView from './views/CatalogView.svelte';
import NotFoundView from './views/NotFoundView.svelte';

describe('screenFor', () => {
  it('gives every route in the table a screen', () => {
    for (const entry of ROUTES) {
      const route = parseHash(entry.pattern.startsWith('*') ? '#/x/y/z' : `#${entry.pattern}`);
      expect(route.name).toBe(entry.name);
      expect(typeof screenFor(route).component).toBe('function');
    }
  });

  it('passes the route parameters the screen takes', () => {
    expect(screenFor(parseHash('#/'))).toEqual({ component: CatalogView, props: {} });
    expect(screenFor(parseHash('#/exercise/a%2Fb'))).toEqual({
      component: ExerciseScreen,
      props: { exerciseId: 'a/b' },
    });
    expect(screenFor(parseHash('#/exam/e1'))).toEqual({
      component: ExamSessionScreen,
      props: { examId: 'e1' },
    });
    expect(screenFor(parseHash('#/exam/e1/result'))).toEqual({
      component: ExamResultScreen,
      props: { examId: 'e1' },
    });
    expect(screenFor(parseHash('#/authoring/new'))).toEqual({
      component: AuthoringEditorView,
      props: { exerciseId: null },
    });
    expect(screenFor(parseHash('#/authoring/x'))).toEqual({
      component: AuthoringEditorView,
      props: { exerciseId: 'x' },
    });
    expect(screenFor(parseHash('#/nowhere'))).toEqual({
      component: NotFoundView,
      props: { path: '/nowhere' },
    });
  });
});
