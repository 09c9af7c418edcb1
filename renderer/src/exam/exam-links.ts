/** Addresses of the exam screens (built from the route table), and moving between them. */
import { routeHref } from '../lib/router.svelte.ts';

/** `#/exam`: presets, custom exams, history. */
export const EXAM_HOME_HREF = routeHref({ name: 'exam-home' });

/** `#/exam/<id>`: the running exam. */
export function examSessionHref(examId: string): string {
  return routeHref({ name: 'exam-session', examId });
}

/** `#/exam/<id>/result`: score and review of a submitted exam. */
export function examResultHref(examId: string): string {
  return routeHref({ name: 'exam-result', examId });
}

/** Opens an exam screen. */
export function goTo(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}
