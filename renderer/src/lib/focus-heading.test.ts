import { afterEach, describe, expect, it } from 'vitest';
import { focusMainHeading } from './focus-heading.ts';

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

describe('focusMainHeading', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('focuses the h1 inside main', () => {
    document.body.innerHTML = '<main><h1>Catalog</h1></main>';
    const cancel = focusMainHeading();
    expect(document.activeElement?.textContent).toBe('Catalog');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
    cancel();
  });

  it('waits for a heading that appears later, and follows one that replaces it', async () => {
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main');
    if (!main) throw new Error('no main');
    const cancel = focusMainHeading();
    expect(document.activeElement).toBe(document.body);
    main.innerHTML = '<h1>Loading</h1>';
    await nextFrame();
    expect(document.activeElement?.textContent).toBe('Loading');
    main.innerHTML = '<h1>Deny everything first</h1>';
    await nextFrame();
    expect(document.activeElement?.textContent).toBe('Deny everything first');
    cancel();
  });
});
