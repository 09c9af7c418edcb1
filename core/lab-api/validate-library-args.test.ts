import { describe, expect, it } from 'vitest';
import { ArgumentProblem } from './argument-checks.ts';
import { LAB_API_LIMITS } from './contract.ts';
import { checkLabApiArgs } from './validate-args.ts';
import { libraryArgCheckers } from './validate-library-args.ts';
import type { LibraryMethod } from './validate-library-args.ts';

function rejection(method: LibraryMethod, args: unknown[]): string {
  try {
    libraryArgCheckers[method].check(args);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentProblem);
    return (error as Error).message;
  }
  throw new Error(`expected ${method} to reject ${JSON.stringify(args)}`);
}

const files = { exerciseYaml: 'id: x\n', starter: '', solution: 'kind: NetworkPolicy\n' };

describe('libraryArgCheckers', () => {
  it('covers the nine library methods with the right argument counts', () => {
    const counts = Object.fromEntries(
      Object.entries(libraryArgCheckers).map(([method, checker]) => [method, checker.count]),
    );
    expect(counts).toEqual({
      listAuthoredExercises: 0,
      getAuthoredExercise: 1,
      proposeChecks: 1,
      validateAuthoredExercise: 1,
      saveAuthoredExercise: 1,
      deleteAuthoredExercise: 1,
      exportPack: 2,
      previewPack: 1,
      importPack: 2,
    });
  });

  it('accepts exercise files and rejects unknown keys or missing texts', () => {
    expect(libraryArgCheckers.saveAuthoredExercise.check([files])).toEqual([files]);
    expect(rejection('proposeChecks', [{ ...files, extra: 1 }])).toMatch(/unknown key "extra"/);
    expect(rejection('validateAuthoredExercise', [{ exerciseYaml: 'x', starter: '' }])).toMatch(
      /files.solution must be a string/,
    );
    expect(rejection('saveAuthoredExercise', ['text'])).toMatch(/must be an object/);
  });

  it('checks export ids and pack details', () => {
    const meta = { name: 'My pack', author: '', version: '1.0.0' };
    expect(libraryArgCheckers.exportPack.check([['a', 'b'], meta])).toEqual([['a', 'b'], meta]);
    expect(rejection('exportPack', [[], meta])).toMatch(/at least one exercise/);
    expect(rejection('exportPack', [['a', 7], meta])).toMatch(/exerciseIds\)\[1\]/);
    const tooMany = Array.from({ length: LAB_API_LIMITS.maxExerciseIds + 1 }, (_, index) => `e${index}`);
    expect(rejection('exportPack', [tooMany, meta])).toMatch(/at most/);
    expect(rejection('exportPack', [['a'], { ...meta, name: ' ' }])).toMatch(/meta.name must not be empty/);
    expect(rejection('exportPack', [['a'], { ...meta, license: 'x' }])).toMatch(/unknown key/);
  });

  it('limits pack text to maxPackBytes and checks the clash choice', () => {
    expect(libraryArgCheckers.previewPack.check(['kind: NetPolLabPack\n'])).toEqual([
      'kind: NetPolLabPack\n',
    ]);
    // Bigger than the general text limit, still within the pack limit.
    const big = 'x'.repeat(LAB_API_LIMITS.maxTextBytes + 10);
    expect(libraryArgCheckers.importPack.check([big, 'rename'])).toEqual([big, 'rename']);
    expect(rejection('previewPack', ['x'.repeat(LAB_API_LIMITS.maxPackBytes + 1)])).toMatch(/at most/);
    expect(rejection('previewPack', [{}])).toMatch(/must be a string/);
    expect(rejection('importPack', ['text', 'overwrite'])).toMatch(/"refuse", "rename"/);
  });

  it('is wired into checkLabApiArgs', () => {
    expect(checkLabApiArgs('deleteAuthoredExercise', ['mine'])).toEqual({ ok: true, value: ['mine'] });
    const wrong = checkLabApiArgs('listAuthoredExercises', [1]);
    expect(wrong.ok).toBe(false);
  });
});
