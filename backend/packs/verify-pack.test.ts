import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPack, readPackText, writePack } from '../../core/pack/index.ts';
import type { PackText } from '../../core/pack/index.ts';
import { packSchemaDiagnostics } from './pack-schema.ts';
import type { Pack, PackExercise } from '../../core/pack/index.ts';
import { buildPack } from './build-pack.ts';
import { copySampleLibrary, temporaryFolder } from './pack-fixtures.ts';
import { verifyPack } from './verify-pack.ts';

let work: string;
let base: Pack;
let baseText: string;

beforeAll(async () => {
  work = await temporaryFolder();
  const built = await buildPack(await copySampleLibrary(work), {
    name: 'Base',
    author: 'Tester',
    version: '1.0.0',
  });
  baseText = built.text as string;
  base = checkPack(baseText).pack as Pack;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The base pack with its exercises replaced. */
function withExercises(exercises: readonly PackExercise[]): string {
  return writePack({ ...base, exercises });
}

function changeFile(
  index: number,
  name: keyof PackExercise['files'],
  change: (text: string) => string,
): PackExercise[] {
  return base.exercises.map((exercise, position) =>
    position === index
      ? { ...exercise, files: { ...exercise.files, [name]: change(exercise.files[name]) } }
      : exercise,
  );
}

function messages(text: string): string[] {
  const result = verifyPack(text);
  expect(result.ok).toBe(false);
  expect(result.pack).toBeUndefined();
  return result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);
}

describe('verifyPack', () => {
  it('accepts a pack built from a valid library', () => {
    const result = verifyPack(baseText);
    expect(result.ok).toBe(true);
    expect(result.pack?.exercises).toHaveLength(4);
    expect(result.exercises.map(({ exercise }) => exercise.id)).toContain('db-ingress-from-api');
  });

  it('refuses what the schema forbids, with field paths and line:column', () => {
    const found = messages(baseText.replace('kind: NetPolLabPack', 'kind: Other\nextra: 1'));
    expect(found).toContainEqual(
      expect.stringMatching(/^kind: must be NetPolLabPack.*\(line 4, column 7\)$/),
    );
    expect(found).toContainEqual(expect.stringMatching(/^extra: is not a known field/));
    expect(messages(baseText.replace('  version: 1.0.0', '  version: one.two'))).toContainEqual(
      expect.stringMatching(/manifest\.version: "one\.two" is not a semantic version/),
    );
    expect(messages(baseText.replace('  version: 1.0.0', '  version: 1.0'))).toContainEqual(
      expect.stringMatching(/manifest\.version: must be a string, not the number 1 \(quote it\)/),
    );
    expect(messages(baseText.replace('    order: 1\n', '    order: first\n'))).toContainEqual(
      expect.stringMatching(/tracks\[0\]\.order: must be an integer/),
    );
  });

  it('refuses a file over the size limit without parsing it', () => {
    const huge = `${baseText}\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    expect(messages(huge)).toEqual([expect.stringMatching(/the pack is 5\.\d MB; at most 5 MB is read/)]);
  });

  it('refuses more than 200 exercises', () => {
    const many = Array.from({ length: 201 }, (_, index) => ({
      ...(base.exercises[0] as PackExercise),
      folder: `01-foundations/${String(index % 100).padStart(2, '0')}-copy-${index}`,
    }));
    expect(messages(withExercises(many))).toContainEqual(
      expect.stringMatching(/^exercises: has 201 entries; a pack holds at most 200/),
    );
  });

  it('refuses script-like markup in task, hints and explain', () => {
    const scripted = changeFile(1, 'exercise.yaml', (text) =>
      text
        .replace('task: |\n', 'task: |\n  <script>alert(1)</script>\n')
        .replace('hints:\n', 'hints:\n  - "[click](javascript:alert(1))"\n'),
    );
    const found = messages(withExercises(scripted));
    expect(found).toContainEqual(
      expect.stringMatching(/01-foundations\/02-db-ingress-from-api: task contains a <script> tag/),
    );
    expect(found).toContainEqual(expect.stringMatching(/hints\[0\] contains a javascript: link/));
    const framed = changeFile(0, 'exercise.yaml', (text) =>
      text.replace('task: |\n', 'task: |\n  <iframe src="x">\n'),
    );
    expect(messages(withExercises(framed))).toContainEqual(
      expect.stringMatching(/task contains an <iframe> tag/),
    );
  });

  it('refuses duplicate exercise ids within the pack', () => {
    const copy = { ...(base.exercises[0] as PackExercise), folder: '01-foundations/09-copy' };
    expect(messages(withExercises([...base.exercises, copy]))).toContainEqual(
      expect.stringMatching(
        /01-foundations\/09-copy: exercise id "internal-egress-payroll-mysql" is also used by 01-foundations\/01-internal-egress/,
      ),
    );
  });

  it.each([
    ['../x', /contains a "\." or "\.\." segment/],
    ['/abs', /is an absolute path/],
    ['a\\b', /contains a backslash/],
    ['01-t/../../x', /contains a "\." or "\.\." segment/],
    ['01-foundations/01-x\u0000', /contains a NUL character/],
    ['C:/x', /is an absolute path/],
    ['01-foundations/Upper', /must be "NN-track\/NN-slug"/],
    [`01-foundations/01-${'a'.repeat(200)}`, /characters long/],
  ])('refuses the folder %j', (folder, reason) => {
    const exercises = base.exercises.map((exercise, index) =>
      index === 0 ? { ...exercise, folder } : exercise,
    );
    expect(messages(withExercises(exercises))).toContainEqual(expect.stringMatching(reason));
  });

  it('refuses YAML aliases, so an alias bomb is never expanded', () => {
    const bomb = [
      'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...Array.from(
        { length: 8 },
        (_, level) => `x${level + 1}: &a${level + 1} [${Array(9).fill(`*a${level}`).join(', ')}]`,
      ),
    ].join('\n');
    const found = messages(`${baseText}${bomb}\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((message) => /aliases \(\*name\) are not allowed/.test(message))).toBe(true);
  });

  it('refuses duplicate keys and absurd nesting', () => {
    expect(
      messages(baseText.replace('kind: NetPolLabPack', 'kind: NetPolLabPack\nkind: NetPolLabPack')),
    ).toContainEqual(expect.stringMatching(/YAML: Map keys must be unique/));
    expect(messages(`${baseText}deep: ${'['.repeat(2000)}${']'.repeat(2000)}\n`)).toContainEqual(
      expect.stringMatching(/more than 1000 "\[" or "\{" are open at once/),
    );
  });

  it('refuses a starter that already passes and a solution that fails, pointing at the file', () => {
    const starterPasses = changeFile(
      0,
      'starter.yaml',
      () => (base.exercises[0] as PackExercise).files['solution.yaml'],
    );
    const found = messages(withExercises(starterPasses));
    expect(found).toContainEqual(
      expect.stringMatching(
        /01-foundations\/01-internal-egress\/starter\.yaml: starter\.yaml already passes/,
      ),
    );
    const solutionFails = changeFile(1, 'solution.yaml', () => '');
    expect(messages(withExercises(solutionFails))).toContainEqual(
      expect.stringMatching(/02-db-ingress-from-api\/solution\.yaml: solution\.yaml fails check/),
    );
  });

  it('lists every problem of a pack at once, each with a position', () => {
    let exercises = changeFile(1, 'solution.yaml', () => '');
    exercises = exercises.map((exercise, index) =>
      index === 0 ? { ...exercise, folder: '../escape' } : exercise,
    );
    exercises = exercises.map((exercise, index) =>
      index === 2
        ? {
            ...exercise,
            files: {
              ...exercise.files,
              'exercise.yaml': exercise.files['exercise.yaml'].replace(/^kind: \w+$/m, 'kind: guess'),
            },
          }
        : exercise,
    );
    const result = verifyPack(withExercises(exercises).replace('author: Tester', 'author: ""'));
    const found = result.problems.map((problem) => problem.message);
    expect(found).toContainEqual(expect.stringMatching(/^manifest\.author: must be a non-empty string/));
    expect(found).toContainEqual(expect.stringMatching(/"\.\.\/escape" contains/));
    expect(found).toContainEqual(expect.stringMatching(/solution\.yaml fails check/));
    expect(found).toContainEqual(
      expect.stringMatching(/08-troubleshooting\/03-missing-policy-types\/exercise\.yaml: kind: .*"guess"/),
    );
    expect(result.problems.every((problem) => problem.position !== undefined)).toBe(true);
  });

  it('maps a problem inside an embedded file to its line in the pack', () => {
    const text = withExercises(
      changeFile(0, 'exercise.yaml', (yaml) => yaml.replace(/^minutes: \d+$/m, 'minutes: 999')),
    );
    const problem = verifyPack(text).problems.find((item) => item.message.includes('minutes'));
    const line = text.split('\n')[(problem?.position?.line ?? 0) - 1];
    expect(line?.trim()).toBe('minutes: 999');
    expect(line?.slice((problem?.position?.column ?? 0) - 1)).toBe('999');
  });

  it('has the JSON Schema agree with the code (Ajv, with positions)', () => {
    const valid = readPackText(baseText, 'p').pack as PackText;
    expect(packSchemaDiagnostics(valid, 'p')).toEqual([]);
    const text = baseText.replace('    order: 1\n', '    order: 1\n    colour: red\n');
    const invalid = readPackText(text, 'p').pack as PackText;
    const [problem] = packSchemaDiagnostics(invalid, 'p');
    expect(problem?.id).toBe('pack.schema.additionalProperties');
    expect(problem?.message).toMatch(/^tracks\[0\]\.colour: is not a known field \(pack\.schema\.json\)/);
    expect(text.split('\n')[(problem?.position?.line ?? 0) - 1]?.trim()).toBe('colour: red');
  });
});
