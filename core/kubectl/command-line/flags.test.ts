import { describe, expect, it } from 'vitest';
import { listFlag, parseArgs } from './flags.ts';
import type { FlagSpec } from './flags.ts';

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', usage: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: '' },
  { name: 'tty', short: 't', type: 'bool', usage: '' },
  { name: 'stdin', short: 'i', type: 'bool', usage: '' },
  { name: 'replicas', type: 'int', usage: '' },
  { name: 'filename', short: 'f', type: 'stringArray', usage: '' },
  { name: 'dry-run', type: 'string', noValue: 'client', usage: '' },
];

describe('parseArgs (pflag rules)', () => {
  it('takes flags anywhere, in every spelling', () => {
    const parsed = parseArgs(
      ['get', '-nprod', 'pods', '-o=wide', '-A', '--replicas', '3', '-f', 'a.yaml', '--filename=b.yaml'],
      SPECS,
    );
    expect(parsed).toMatchObject({
      ok: true,
      positionals: ['get', 'pods'],
      flags: {
        namespace: 'prod',
        output: 'wide',
        'all-namespaces': true,
        replicas: 3,
        filename: ['a.yaml', 'b.yaml'],
      },
    });
    if (parsed.ok) expect(listFlag(parsed, 'filename')).toEqual(['a.yaml', 'b.yaml']);
  });

  it('clusters boolean shorthands, keeps words after -- and gives --dry-run its default', () => {
    expect(parseArgs(['-it', 'web', '--dry-run', '--', 'curl', '-s', 'x'], SPECS)).toMatchObject({
      ok: true,
      flags: { tty: true, stdin: true, 'dry-run': 'client' },
      positionals: ['web'],
      afterDash: ['curl', '-s', 'x'],
    });
  });

  it("reports problems in pflag's words", () => {
    expect(parseArgs(['--bogus'], SPECS)).toEqual({ ok: false, error: 'unknown flag: --bogus' });
    expect(parseArgs(['-x'], SPECS)).toEqual({ ok: false, error: "unknown shorthand flag: 'x' in -x" });
    expect(parseArgs(['-n'], SPECS)).toEqual({ ok: false, error: "flag needs an argument: 'n' in -n" });
    expect(parseArgs(['--replicas=two'], SPECS)).toEqual({
      ok: false,
      error: 'invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax',
    });
    expect(parseArgs(['--all-namespaces=maybe'], SPECS)).toMatchObject({ ok: false });
  });
});
