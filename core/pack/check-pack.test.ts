import { describe, expect, it } from 'vitest';
import { checkPack } from './check-pack.ts';
import { renameExerciseId } from './rename-exercise.ts';
import { writePack } from './write-pack.ts';

const exerciseYaml = `# a comment that must survive
id: "sample-one"
title: Sample
track: basics
difficulty: beginner
minutes: 5
kind: write
examWeight: 0
task: |
  Allow **web** to reach **db**.
cluster:
  pods:
    - { name: web, labels: { app: web } }
    - { name: db, labels: { app: db }, ports: [{ port: 5432 }] }
checks:
  - { id: web-to-db, type: reach, from: default/web, to: default/db, port: 5432, expect: allow }
`;

function pack(exercise = exerciseYaml) {
  return writePack({
    manifest: { name: 'n', author: 'a', version: '1.0.0', createdWith: 'test' },
    tracks: [{ folder: '01-basics', id: 'basics', title: 'Basics', description: 'First steps.', order: 1 }],
    exercises: [
      {
        folder: '01-basics/01-one',
        files: { 'exercise.yaml': exercise, 'starter.yaml': '', 'solution.yaml': '' },
      },
    ],
  });
}

describe('checkPack', () => {
  it('reads a well-formed pack (proofs are the backend’s job)', () => {
    const result = checkPack(pack());
    expect(result.problems).toEqual([]);
    expect(result.pack?.exercises[0]?.folder).toBe('01-basics/01-one');
    expect(result.exercises[0]?.exercise.id).toBe('sample-one');
  });

  it('refuses an exercise whose track is not the track of its folder', () => {
    const result = checkPack(pack(exerciseYaml.replace('track: basics', 'track: other')));
    expect(result.pack).toBeUndefined();
    expect(result.problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/01-basics\/01-one: track "other" does not match its folder's track "basics"/),
    );
  });

  it('refuses an exercise in a track folder the pack does not declare', () => {
    const text = pack().replace('folder: 01-basics/01-one', 'folder: 02-missing/01-one');
    expect(checkPack(text).problems.map((problem) => problem.id)).toContain('pack.unknown-track-folder');
  });

  it('refuses control characters in names shown on a console', () => {
    const text = pack().replace('author: a', 'author: "a\\e[31m"');
    expect(checkPack(text).problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/^manifest\.author: contains a control character/),
    );
  });

  it('is not text: never throws', () => {
    expect(checkPack(undefined as unknown as string).problems[0]?.id).toBe('pack.unreadable');
    expect(checkPack('').problems[0]?.message).toMatch(/must be a mapping/);
    expect(checkPack('- a\n- b\n').problems[0]?.message).toMatch(/must be a mapping/);
  });
});

describe('renameExerciseId', () => {
  it('replaces only the id value', () => {
    const renamed = renameExerciseId(exerciseYaml, 'sample-one-2') as string;
    expect(renamed).toBe(exerciseYaml.replace('id: "sample-one"', 'id: sample-one-2'));
  });

  it('refuses ids that are not kebab-case and texts without an id', () => {
    expect(renameExerciseId(exerciseYaml, 'Bad Id')).toBeUndefined();
    expect(renameExerciseId('title: x\n', 'x-2')).toBeUndefined();
  });
});
