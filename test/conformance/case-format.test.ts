import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseManifests } from '../../core/netpol/read/manifests.ts';
import type { Endpoint, Pod } from '../../core/netpol/types.ts';
import { parseTruthTable, readCase } from './case-format.ts';
import { checkTableLabels, endpointNames, findEndpoint, sortedPods } from './endpoint-labels.ts';

const CASES_FOLDER = fileURLToPath(new URL('./cases/', import.meta.url));

const TABLE = `
from \\ to  x/a  x/b  ext
x/a        .    X    .
x/b        X    .    .
ext        .    .    .
`;

function caseText(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    name: 'name: sample',
    description: 'description: proves nothing',
    manifests: 'manifests: |\n  apiVersion: v1\n  kind: Pod\n  metadata: {name: a, namespace: x}',
    ports: 'ports: [80/TCP]',
    expect: 'expect:\n  80/TCP: |\n    from \\ to  x/a\n    x/a        .',
    ...overrides,
  };
  return Object.values(fields)
    .filter((field) => field !== '')
    .join('\n');
}

function pod(namespace: string, name: string, owner?: string): Pod {
  return { namespace, name, labels: {}, ips: [], ports: [], ...(owner === undefined ? {} : { owner }) };
}

describe('truth table format', () => {
  it('reads labels and cells', () => {
    const table = parseTruthTable(TABLE, 'sample');
    expect(table.labels).toEqual(['x/a', 'x/b', 'ext']);
    expect(table.allowed).toEqual([
      [true, false, true],
      [false, true, true],
      [true, true, true],
    ]);
  });

  it.each([
    ['a missing header', 'x/a .', /header/],
    ['a missing row', 'from \\ to x/a x/b\nx/a . .', /2 columns but 1 rows/],
    ['rows out of column order', 'from \\ to x/a x/b\nx/b . .\nx/a . .', /rows must follow the column order/],
    ['a short row', 'from \\ to x/a x/b\nx/a .\nx/b . .', /has 1 cells, expected 2/],
    ['an unknown symbol', 'from \\ to x/a\nx/a y', /neither "\." \(allowed\) nor "X"/],
    ['a repeated column', 'from \\ to x/a x/a\nx/a . .\nx/a . .', /appears twice/],
  ])('rejects %s with a clear message', (_, text, message) => {
    expect(() => parseTruthTable(text, 'sample')).toThrow(message);
  });
});

describe('case file format', () => {
  it('reads a minimal case, defaulting externals and probes to none', () => {
    const read = readCase(caseText(), 'sample.yaml');
    expect(read.name).toBe('sample');
    expect(read.externals).toEqual([]);
    expect(read.probes).toEqual([]);
    expect(read.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(read.expect.get('80/TCP')?.labels).toEqual(['x/a']);
  });

  it('lets one table serve several ports', () => {
    const read = readCase(
      caseText({
        ports: 'ports: [80/TCP, 53/UDP]',
        expect: 'expect:\n  80/TCP, 53/UDP: |\n    from \\ to  x/a\n    x/a        .',
      }),
      'sample.yaml',
    );
    expect([...read.expect.keys()]).toEqual(['80/TCP', '53/UDP']);
  });

  it.each([
    ['a missing name', { name: '' }, /name: required/],
    ['an unknown field', { extra: 'expectations: {}' }, /unknown field "expectations"/],
    ['a port without protocol', { ports: 'ports: [80]' }, /"80" is not a port like 80\/TCP/],
    ['a port out of range', { ports: 'ports: [70000/TCP]' }, /not a port like/],
    ['a port without a table', { ports: 'ports: [80/TCP, 81/TCP]' }, /no table for port 81\/TCP/],
    [
      'a table for an unlisted port',
      { expect: 'expect:\n  81/TCP: |\n    from \\ to  x/a\n    x/a        .' },
      /81\/TCP has a table but is not in ports/,
    ],
    [
      'an external named like a pod',
      { externals: 'externals: [{name: x/b, ip: 1.2.3.4}]' },
      /must not contain "\/"/,
    ],
    [
      'a probe without a verdict',
      { probes: 'probes: [{from: x/a, to: x/a, port: 80/TCP}]' },
      /probes\[0\]\.allowed: required/,
    ],
    [
      'a probe with an unknown reason',
      { probes: 'probes: [{from: x/a, to: x/a, port: 80/TCP, allowed: true, egress: {reason: maybe}}]' },
      /reason: "maybe" is not one of/,
    ],
    ['broken YAML', { expect: 'expect: [' }, /not valid YAML/],
  ])('rejects %s, naming the file', (_, overrides, message) => {
    const run = () => readCase(caseText(overrides), 'broken.yaml');
    expect(run).toThrow(message);
    expect(run).toThrow(/broken\.yaml/);
  });
});

describe('endpoint names', () => {
  const endpoints: Endpoint[] = [
    { kind: 'pod', pod: pod('x', 'a') },
    { kind: 'pod', pod: pod('x', 'web-abc12-zz9kq', 'Deployment x/web') },
    { kind: 'pod', pod: pod('x', 'web-abc12-bb7rt', 'Deployment x/web') },
    { kind: 'ip', ip: '203.0.113.1', name: 'ext' },
  ];

  it('names workload replicas by index in endpoint order', () => {
    expect(endpointNames(endpoints)).toEqual([
      ['x/a'],
      ['x/web-abc12-zz9kq', 'x/web[0]'],
      ['x/web-abc12-bb7rt', 'x/web[1]'],
      ['ext'],
    ]);
    expect(findEndpoint(endpoints, 'x/web[1]', 'probe')).toBe(endpoints[2]);
    expect(() => findEndpoint(endpoints, 'x/nope', 'probe')).toThrow(/no endpoint "x\/nope"/);
  });

  it('accepts a table naming exactly the endpoints and rejects any other', () => {
    expect(() =>
      checkTableLabels(['x/a', 'x/web[0]', 'x/web-abc12-bb7rt', 'ext'], endpoints, 't'),
    ).not.toThrow();
    expect(() => checkTableLabels(['x/a', 'x/web[0]', 'x/web[1]'], endpoints, 't')).toThrow(
      /expected: x\/a x\/web\[0\] x\/web\[1\] ext/,
    );
    expect(() => checkTableLabels(['x/web[0]', 'x/a', 'x/web[1]', 'ext'], endpoints, 't')).toThrow(
      /in order/,
    );
    expect(() => checkTableLabels(['x/a', 'x/web[0]', 'x/web[1]', 'x/b'], endpoints, 't')).toThrow(
      /Unknown: x\/b/,
    );
  });

  it('sorts pods by namespace, then name', () => {
    const sorted = sortedPods([pod('b', 'a'), pod('a', 'z'), pod('a', 'b')]);
    expect(sorted.map((item) => `${item.namespace}/${item.name}`)).toEqual(['a/b', 'a/z', 'b/a']);
  });
});

describe('every case file on disk', () => {
  const files = readdirSync(CASES_FOLDER)
    .filter((file) => file.endsWith('.yaml'))
    .sort();

  it('has at least 60 cases with unique names and numbered file names', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const file of files) expect(file).toMatch(/^\d{2}-[a-z0-9-]+\.yaml$/);
    const names = files.map((file) => readCase(readFileSync(join(CASES_FOLDER, file), 'utf8'), file).name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  // Only the parser is needed here, so the case data is checked even before the engine exists.
  it.each(files)('%s parses cleanly and its tables name exactly its endpoints', (file) => {
    const read = readCase(readFileSync(join(CASES_FOLDER, file), 'utf8'), file);
    const parsed = parseManifests([{ text: read.manifests, source: file }]);
    expect(parsed.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
    const endpoints: Endpoint[] = [
      ...sortedPods(parsed.cluster.pods).map((item): Endpoint => ({ kind: 'pod', pod: item })),
      ...read.externals.map((external): Endpoint => ({ kind: 'ip', ip: external.ip, name: external.name })),
    ];
    for (const [port, table] of read.expect) checkTableLabels(table.labels, endpoints, `${file}: ${port}`);
    for (const probe of read.probes) {
      findEndpoint(endpoints, probe.from, file);
      findEndpoint(endpoints, probe.to, file);
      const table = read.expect.get(`${probe.port.port}/${probe.port.protocol}`);
      const row = table?.labels.indexOf(probe.from) ?? -1;
      const column = table?.labels.indexOf(probe.to) ?? -1;
      expect(
        table?.allowed[row]?.[column],
        `${file}: probe ${probe.from} -> ${probe.to} agrees with its table`,
      ).toBe(probe.allowed);
    }
  });
});
