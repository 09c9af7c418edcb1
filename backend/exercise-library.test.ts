import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findExercise, loadExerciseLibrary, validateLibrary } from './exercise-library.ts';
import type { ExerciseLibrary } from './exercise-library.ts';
import { schemaDiagnostics } from './exercise-schema.ts';

const TRACK = 'id: basics\ntitle: Basics\ndescription: The basics.\norder: 1\n';

function exerciseYaml(id: string, extra = ''): string {
  return `id: ${id}
title: Deny ingress to web
track: basics
difficulty: beginner
minutes: 5
kind: write
examWeight: 1
task: Isolate web.
cluster:
  pods:
    - { name: web, labels: { app: web } }
    - { name: client, labels: { app: client } }
checks:
  - id: client-to-web-denied
    type: reach
    from: default/client
    to: default/web
    port: 80
    expect: deny
${extra}`;
}

const SOLUTION = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-web }
spec:
  podSelector: { matchLabels: { app: web } }
`;

let root: string;

async function put(relative: string, text: string): Promise<void> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'netpol-library-'));
  await put('01-basics/track.yaml', TRACK);
  await put('01-basics/01-good/exercise.yaml', exerciseYaml('good-one'));
  await put('01-basics/01-good/starter.yaml', '');
  await put('01-basics/01-good/solution.yaml', SOLUTION);
  // Its solution does nothing, so the proof must fail.
  await put('01-basics/02-bad-solution/exercise.yaml', exerciseYaml('bad-solution'));
  await put('01-basics/02-bad-solution/starter.yaml', '');
  await put('01-basics/02-bad-solution/solution.yaml', '');
  // Same id as the first one.
  await put('01-basics/03-duplicate/exercise.yaml', exerciseYaml('good-one'));
  await put('01-basics/03-duplicate/starter.yaml', '');
  await put('01-basics/03-duplicate/solution.yaml', SOLUTION);
  // Broken file, and no starter.
  await put('01-basics/04-broken/exercise.yaml', exerciseYaml('broken').replace('port: 80', 'port: eighty'));
  await put('01-basics/04-broken/solution.yaml', SOLUTION);
  // The starter already passes.
  await put('01-basics/05-starter-passes/exercise.yaml', exerciseYaml('starter-passes'));
  await put('01-basics/05-starter-passes/starter.yaml', SOLUTION);
  await put('01-basics/05-starter-passes/solution.yaml', SOLUTION);
  // A track nobody declared.
  await put(
    '01-basics/06-wrong-track/exercise.yaml',
    exerciseYaml('wrong-track').replace('track: basics', 'track: advanced'),
  );
  await put('01-basics/06-wrong-track/starter.yaml', '');
  await put('01-basics/06-wrong-track/solution.yaml', SOLUTION);
  // A prediction that disagrees with the engine (nothing isolates web, so it is allowed).
  await put(
    '01-basics/07-predict/exercise.yaml',
    exerciseYaml('predict-wrong').replace('kind: write', 'kind: predict'),
  );
  await put('01-basics/07-predict/starter.yaml', '');
  await put('01-basics/07-predict/solution.yaml', '');
  await put('02-no-track-file/01-orphan/exercise.yaml', exerciseYaml('orphan'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function load(): Promise<ExerciseLibrary> {
  return loadExerciseLibrary(root);
}

describe('loadExerciseLibrary', () => {
  it('reads tracks and exercise folders, keeping broken folders with their diagnostics', async () => {
    const library = await load();
    expect(library.tracks.map((track) => [track.id, track.folder])).toEqual([['basics', '01-basics']]);
    expect(library.folders.map((folder) => folder.folder)).toEqual([
      '01-basics/01-good',
      '01-basics/02-bad-solution',
      '01-basics/03-duplicate',
      '01-basics/04-broken',
      '01-basics/05-starter-passes',
      '01-basics/06-wrong-track',
      '01-basics/07-predict',
      '02-no-track-file/01-orphan',
    ]);
    const broken = library.folders.find((folder) => folder.folder === '01-basics/04-broken');
    expect(broken?.exercise).toBeUndefined();
    expect(broken?.diagnostics.map((item) => item.id)).toEqual([
      'library.missing-file',
      'exercise.invalid-type',
    ]);
    expect(broken?.diagnostics[1]?.source).toBe('01-basics/04-broken/exercise.yaml');
    expect(library.exercises.map((exercise) => exercise.id)).not.toContain('broken');
    expect(library.diagnostics.map((item) => item.source)).toContain('02-no-track-file/track.yaml');
  });

  it('reports a missing root instead of throwing', async () => {
    const library = await loadExerciseLibrary(path.join(root, 'nope'));
    expect(library.diagnostics.map((item) => item.id)).toEqual(['library.unreadable']);
    expect(library.exercises).toEqual([]);
  });
});

describe('findExercise', () => {
  it('finds by id, relative folder, absolute path and folder name', async () => {
    const library = await load();
    expect(findExercise(library, 'starter-passes')?.folder).toBe('01-basics/05-starter-passes');
    expect(findExercise(library, '01-basics/07-predict')?.folder).toBe('01-basics/07-predict');
    expect(findExercise(library, path.join(root, '01-basics', '04-broken'))?.folder).toBe(
      '01-basics/04-broken',
    );
    expect(findExercise(library, '02-bad-solution/')?.folder).toBe('01-basics/02-bad-solution');
    expect(findExercise(library, 'missing')).toBeUndefined();
  });
});

describe('validateLibrary', () => {
  it('passes a good exercise and names the reason for every bad one', async () => {
    const report = validateLibrary(await load());
    const ids = Object.fromEntries(
      report.exercises.map((exercise) => [
        exercise.folder,
        exercise.problems.filter((item) => item.severity === 'error').map((item) => item.id),
      ]),
    );
    expect(ids).toEqual({
      '01-basics/01-good': ['proof.duplicate-id'],
      '01-basics/02-bad-solution': ['proof.solution-fails'],
      '01-basics/03-duplicate': ['proof.duplicate-id'],
      '01-basics/04-broken': ['library.missing-file', 'exercise.invalid-type'],
      '01-basics/05-starter-passes': ['proof.starter-passes'],
      '01-basics/06-wrong-track': ['proof.unknown-track'],
      '01-basics/07-predict': ['proof.predict-expectation'],
      '02-no-track-file/01-orphan': ['library.missing-file', 'library.missing-file'],
    });
    expect(report.problems.map((item) => item.id)).toEqual(['library.missing-file']);
    expect(report.ok).toBe(false);
    const predict = report.exercises.find((exercise) => exercise.folder === '01-basics/07-predict');
    expect(predict?.problems[0]?.message).toContain('expect is deny but the engine says allow');
  });
});

describe('schemaDiagnostics', () => {
  it('accepts a valid exercise and locates errors in the YAML', () => {
    expect(schemaDiagnostics('exercise', exerciseYaml('fine'), 'exercise.yaml')).toEqual([]);
    const text = exerciseYaml('fine').replace('port: 80', 'port: 80\n    colour: red');
    const [problem] = schemaDiagnostics('exercise', text, 'exercise.yaml');
    expect(problem?.path).toBe('checks[0].colour');
    expect(problem?.position?.line).toBe(text.split('\n').findIndex((line) => line.includes('colour')) + 1);
    const titled = exerciseYaml('fine').replace(
      'track: basics',
      'examTitle: Isolate the web pod\ntrack: basics',
    );
    expect(schemaDiagnostics('exercise', titled, 'exercise.yaml')).toEqual([]);
    const emptyTitle = exerciseYaml('fine').replace('track: basics', 'examTitle: ""\ntrack: basics');
    expect(schemaDiagnostics('exercise', emptyTitle, 'exercise.yaml').map((item) => item.path)).toContain(
      'examTitle',
    );
    expect(schemaDiagnostics('track', TRACK, 'track.yaml')).toEqual([]);
    expect(
      schemaDiagnostics('track', 'id: x\n', 'track.yaml')
        .map((item) => item.path)
        .sort(),
    ).toEqual(['description', 'order', 'title']);
  });
});
