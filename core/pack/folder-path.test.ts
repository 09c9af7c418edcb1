import { describe, expect, it } from 'vitest';
import { exerciseFolderProblem, trackFolderProblem } from './folder-path.ts';

describe('exerciseFolderProblem', () => {
  it('accepts NN-track/NN-slug', () => {
    expect(exerciseFolderProblem('01-foundations/02-db-ingress-from-api')).toBeUndefined();
  });

  it.each([
    ['../x', /"\." or "\.\." segment/],
    ['01-t/../../x', /"\." or "\.\." segment/],
    ['01-t/./01-x', /"\." or "\.\." segment/],
    ['/abs', /absolute path/],
    ['C:/x', /absolute path/],
    ['a\\b', /backslash/],
    ['01-t\\01-x', /backslash/],
    ['01-t/01-x\u0000', /NUL/],
    ['01-t/01-x\u001b[2J', /control character/],
    ['01-t/01-x/02-y', /NN-track\/NN-slug/],
    ['01-t', /NN-track\/NN-slug/],
    ['1-t/01-x', /NN-track\/NN-slug/],
    ['01-T/01-x', /NN-track\/NN-slug/],
    ['01-t/01-x ', /NN-track\/NN-slug/],
    ['01-t/01-\u0131', /NN-track\/NN-slug/],
    [`01-t/01-${'a'.repeat(90)}`, /longer than 80/],
    [`01-${'a'.repeat(80)}/01-${'b'.repeat(80)}`, /characters long/],
  ])('refuses %j', (folder, reason) => {
    expect(exerciseFolderProblem(folder)).toMatch(reason);
  });
});

describe('trackFolderProblem', () => {
  it('accepts NN-name and refuses anything else', () => {
    expect(trackFolderProblem('01-foundations')).toBeUndefined();
    expect(trackFolderProblem('01-a/02-b')).toMatch(/single folder name/);
    expect(trackFolderProblem('..')).toMatch(/segment/);
    expect(trackFolderProblem('foundations')).toMatch(/NN-name/);
  });
});
