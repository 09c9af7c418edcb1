import { describe, expect, it } from 'vitest';
import { parseHash, routeHref } from '../lib/router.svelte.ts';
import { EXAM_HOME_HREF, examResultHref, examSessionHref } from './exam-links.ts';

describe('exam links', () => {
  it('lead to the exam routes and back', () => {
    expect(parseHash(EXAM_HOME_HREF)).toEqual({ name: 'exam-home' });
    expect(parseHash('#/exam/')).toEqual({ name: 'exam-home' });
    expect(parseHash(examSessionHref('a b/c'))).toEqual({ name: 'exam-session', examId: 'a b/c' });
    expect(parseHash(examResultHref('e-1'))).toEqual({ name: 'exam-result', examId: 'e-1' });
    expect(routeHref({ name: 'exam-result', examId: 'e-1' })).toBe(examResultHref('e-1'));
    expect(routeHref({ name: 'exam-session', examId: 'e-1' })).toBe(examSessionHref('e-1'));
    expect(parseHash('#/exam/%E0%A4%A')).toMatchObject({ name: 'not-found' });
    expect(parseHash('#/exam/e-1/other')).toMatchObject({ name: 'not-found' });
  });
});
