import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackText } from './read-pack-text.ts';
import type { Pack } from './types.ts';
import { writePack } from './write-pack.ts';

function packWith(files: Pack['exercises'][number]['files']): Pack {
  return {
    manifest: { name: 'n', author: 'a', version: '1.0.0', createdWith: 'test' },
    tracks: [{ folder: '01-t', id: 't', title: 'T', description: 'D', order: 1 }],
    exercises: [{ folder: '01-t/01-x', files }],
  };
}

function filesOf(text: string): unknown {
  const data = readPackText(text, 'p').pack?.data as { exercises: { files: unknown }[] };
  return data.exercises[0]?.files;
}

describe('writePack', () => {
  it('embeds texts as literal blocks', () => {
    const files = {
      'exercise.yaml': 'id: x\ntask: |\n  hello\n',
      'starter.yaml': '',
      'solution.yaml': 'a: 1',
    };
    const text = writePack(packWith(files));
    expect(text).toContain('      exercise.yaml: |\n        id: x\n        task: |\n          hello\n');
    expect(filesOf(text)).toEqual(files);
  });

  it('reads back every text byte for byte, however awkward', () => {
    const awkward = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            '  ',
            '\n',
            '\n\n',
            '#',
            'a: b',
            '- x',
            '\t',
            ' ',
            '|',
            '"',
            "'",
            '\r\n',
            '…',
            '\u00a0',
          ),
          {
            maxLength: 30,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(awkward, awkward, awkward, (exerciseYaml, starter, solution) => {
        const files = { 'exercise.yaml': exerciseYaml, 'starter.yaml': starter, 'solution.yaml': solution };
        expect(filesOf(writePack(packWith(files)))).toEqual(files);
      }),
      { numRuns: 300 },
    );
  });
});
