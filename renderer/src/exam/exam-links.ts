/** Addresses of the exam screens, and moving between them. */

/** `#/exam`: presets, custom exams, history. */
export const EXAM_HOME_HREF = '#/exam';

/** `#/exam/<id>`: the running exam. */
export function examSessionHref(examId: string): string {
  return `#/exam/${encodeURIComponent(examId)}`;
}

/** `#/exam/<id>/result`: score and review of a submitted exam. */
export function examResultHref(examId: string): string {
  return `${examSessionHref(examId)}/result`;
}

/** Opens an exam screen. */
export function goTo(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}
