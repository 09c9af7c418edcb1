import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

function parse(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = parse(renderMarkdown('# Task\n\nAllow **only** `api` pods.\n\n- one\n- two'));
    expect(html.querySelector('h1')?.textContent).toBe('Task');
    expect(html.querySelector('strong')?.textContent).toBe('only');
    expect(html.querySelector('code')?.textContent).toBe('api');
    expect(html.querySelectorAll('li')).toHaveLength(2);
  });

  it('strips event handlers from raw HTML images', () => {
    const html = parse(renderMarkdown('<img src=x onerror=alert(1)>'));
    const image = html.querySelector('img');
    expect(image?.getAttribute('onerror')).toBeNull();
    expect(html.innerHTML).not.toContain('onerror');
  });

  it('drops javascript: links but keeps their text', () => {
    const html = parse(renderMarkdown('[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2))'));
    for (const link of html.querySelectorAll('a')) expect(link.getAttribute('href')).toBeNull();
    expect(html.innerHTML.toLowerCase()).not.toContain('javascript:');
    expect(html.textContent).toContain('x and y');
  });

  it('removes script, style, iframe and form elements', () => {
    const html = parse(
      renderMarkdown(
        '<script>alert(1)</script>\n\n<style>body{display:none}</style>\n\n<iframe src="https://example.com"></iframe>\n\n<form action="/x"><input name="a"></form>\n\ntext',
      ),
    );
    expect(html.querySelector('script, style, iframe, form, input')).toBeNull();
    expect(html.textContent).toContain('text');
  });

  it('removes svg onload handlers', () => {
    const html = parse(renderMarkdown('<svg onload=alert(1)><circle r="1"/></svg>'));
    expect(html.innerHTML).not.toContain('onload');
  });

  it('removes inline styles', () => {
    const html = parse(renderMarkdown('<p style="position:fixed">hi</p>'));
    expect(html.querySelector('p')?.getAttribute('style')).toBeNull();
  });

  it('opens external links in a new window without an opener', () => {
    const html = parse(
      renderMarkdown('[docs](https://kubernetes.io/docs/concepts/services-networking/network-policies/)'),
    );
    const link = html.querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps in-page links in place', () => {
    const link = parse(renderMarkdown('[below](#checks)')).querySelector('a');
    expect(link?.getAttribute('href')).toBe('#checks');
    expect(link?.getAttribute('target')).toBeNull();
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
