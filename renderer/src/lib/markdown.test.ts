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
    const html = parse(renderMarkdown('<img src="data:image/png;base64,AA==" onerror=alert(1)>'));
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

describe('renderMarkdown and images', () => {
  const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';

  it('removes images that would fetch from another host before they reach the page', () => {
    for (const text of [
      '![x](//host/share/x.png)',
      '![x](\\\\host\\share\\x.png)',
      '![x](/\\host/x.png)',
      '![x](https://tracker.example/p.gif)',
      '![x](http://127.0.0.1:1/x.png)',
      '![x](file:///etc/hosts)',
      '![x](smb://host/share/x.png)',
      '![x](x.png)',
      '![x](data:text/html;base64,PHNjcmlwdD4=)',
      '<img src=\\\\host\\x>',
      '<img src="//host/x.png">',
      '<img src="  //host/x.png">',
      '<img src="/&#9;/host/x.png">',
      '![logo][l]\n\n[l]: //host/logo.png',
    ]) {
      const html = renderMarkdown(text);
      expect(parse(html).querySelector('img'), text).toBeNull();
      expect(html, text).not.toMatch(/host|tracker|127\.0\.0\.1|file:|smb:/);
    }
  });

  it('removes every srcset, poster and background source, and SVG references to other hosts', () => {
    const html = renderMarkdown(
      `<img src="${PIXEL}" srcset="//host/x2.png 2x">\n\n<video poster="//host/p.png"></video>\n\n<table background="//host/bg.png"><tr><td>t</td></tr></table>\n\n<svg><use href="//host/s.svg#a"></use><image href="//host/i.png"></image></svg>`,
    );
    expect(html).not.toContain('//host');
    expect(parse(html).querySelector('img')?.getAttribute('src')).toBe(PIXEL);
  });

  it('keeps images embedded as data and those of the app scheme', () => {
    const html = parse(renderMarkdown(`![pixel](${PIXEL}) ![shot](app://lab/assets/shot.png)`));
    const sources = [...html.querySelectorAll('img')].map((image) => image.getAttribute('src'));
    expect(sources).toEqual([PIXEL, 'app://lab/assets/shot.png']);
    expect(html.querySelector('img')?.getAttribute('alt')).toBe('pixel');
  });

  it('drops links to another host in any spelling, keeps web and in-page links', () => {
    const html = parse(
      renderMarkdown(
        '[a](//host/share) <a href="\\\\host\\share">b</a> <a href="/\\host">b2</a> [c](https://kubernetes.io/) [d](#checks) [e](mailto:x@y.z)',
      ),
    );
    const hrefs = [...html.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual([null, null, null, 'https://kubernetes.io/', '#checks', 'mailto:x@y.z']);
  });
});
