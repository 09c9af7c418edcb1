import { describe, expect, it } from 'vitest';
import { customColumns, renderJsonPath, toRfcPath } from './jsonpath.ts';

const LIST = {
  kind: 'List',
  items: [
    {
      metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
      status: { podIP: '10.1.0.10' },
    },
    { metadata: { name: 'db', labels: {} }, status: { podIP: '10.1.0.12' } },
  ],
};

describe('renderJsonPath', () => {
  it('joins several results with spaces', () => {
    expect(renderJsonPath('{.items[*].metadata.name}', LIST)).toEqual({ ok: true, text: 'web db' });
  });

  it('ranges over items with literals', () => {
    expect(
      renderJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', LIST),
    ).toEqual({
      ok: true,
      text: 'web\t10.1.0.10\ndb\t10.1.0.12\n',
    });
  });

  it('reads escaped dots in label keys, filters, indexes and text around actions', () => {
    expect(renderJsonPath('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', LIST)).toEqual({
      ok: true,
      text: 'web',
    });
    expect(renderJsonPath('{.items[?(@.metadata.name=="db")].status.podIP}', LIST)).toEqual({
      ok: true,
      text: '10.1.0.12',
    });
    expect(renderJsonPath('ip={.items[-1:].status.podIP}!', LIST)).toEqual({
      ok: true,
      text: 'ip=10.1.0.12!',
    });
    expect(renderJsonPath('{.items[1].metadata.labels}', LIST)).toEqual({ ok: true, text: '{}' });
  });

  it('prints nothing for a missing field and reports bad templates', () => {
    expect(renderJsonPath('{.items[0].spec.nothing}', LIST)).toEqual({ ok: true, text: '' });
    expect(renderJsonPath('{.items[0}', LIST)).toMatchObject({
      ok: false,
      error: expect.stringContaining('error parsing jsonpath {.items[0}'),
    });
    expect(renderJsonPath('{range .items[*]}{.x}', LIST)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unclosed range'),
    });
  });

  it('rewrites kubectl paths into RFC 9535', () => {
    expect(toRfcPath('.metadata.labels.a\\.b/c')).toBe('$["metadata"]["labels"]["a.b/c"]');
    expect(toRfcPath('..name')).toBe('$..["name"]');
  });
});

describe('customColumns', () => {
  it('gives a header row and <none> for missing values', () => {
    expect(customColumns('NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName', LIST.items)).toEqual({
      ok: true,
      rows: [
        ['NAME', 'IP', 'NODE'],
        ['web', '10.1.0.10', '<none>'],
        ['db', '10.1.0.12', '<none>'],
      ],
    });
    expect(customColumns('NAME', LIST.items)).toMatchObject({ ok: false });
  });
});
