import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExercise } from '../exercise/parse-exercise.ts';
import type { Exercise } from '../exercise/types.ts';
import { drawExamTasks, isEligible, suggestMinutes } from './draw.ts';
import { EXAM_PRESETS, EXAM_PRESET_LIST, customExam } from './presets.ts';
import { candidate, catalogue } from './test-fixtures.ts';
import type { ExamCandidate, ExamPreset } from './types.ts';

const EXERCISES_ROOT = join(import.meta.dirname, '..', '..', 'exercises');

/** The real catalogue from `exercises/`, so the presets are proven against the content that ships. */
function realCatalogue(): Exercise[] {
  const exercises: Exercise[] = [];
  for (const track of readdirSync(EXERCISES_ROOT, { withFileTypes: true })) {
    if (!track.isDirectory()) continue;
    for (const folder of readdirSync(join(EXERCISES_ROOT, track.name), { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      const path = join(EXERCISES_ROOT, track.name, folder.name);
      const parsed = parseExercise({
        exerciseYaml: readFileSync(join(path, 'exercise.yaml'), 'utf8'),
        starter: readFileSync(join(path, 'starter.yaml'), 'utf8'),
        solution: readFileSync(join(path, 'solution.yaml'), 'utf8'),
      });
      if (parsed.exercise !== undefined) exercises.push(parsed.exercise);
    }
  }
  return exercises;
}

function custom(tracks: string[], taskCount: number, minutes = 30): ExamPreset {
  const outcome = customExam({ tracks, taskCount, minutes });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const presets = fc.oneof(
  fc.constantFrom(...EXAM_PRESET_LIST),
  fc
    .record({
      tracks: fc.subarray(['foundations', 'namespaces', 'default-policies', 'egress-and-dns', 'ip-blocks'], {
        minLength: 1,
      }),
      taskCount: fc.integer({ min: 1, max: 20 }),
      minutes: fc.integer({ min: 5, max: 180 }),
    })
    .map((options) => custom(options.tracks, options.taskCount, options.minutes)),
);
const catalogues = fc.integer({ min: 0, max: 60 }).map(catalogue);
const seeds = fc.maxSafeInteger().map((value) => value - 2 ** 52);

describe('drawExamTasks properties', () => {
  it('is deterministic: same seed and catalogue, same tasks in the same order', () => {
    fc.assert(
      fc.property(catalogues, presets, seeds, (exercises, preset, seed) => {
        expect(drawExamTasks(exercises, preset, seed)).toEqual(drawExamTasks(exercises, preset, seed));
      }),
    );
  });

  it('does not depend on the order the catalogue lists exercises in', () => {
    fc.assert(
      fc.property(catalogues, presets, seeds, fc.integer(), (exercises, preset, seed, rotation) => {
        const shift = exercises.length === 0 ? 0 : Math.abs(rotation) % exercises.length;
        const reordered = [...exercises.slice(shift), ...exercises.slice(0, shift)].reverse();
        expect(drawExamTasks(reordered, preset, seed)).toEqual(drawExamTasks(exercises, preset, seed));
      }),
    );
  });

  it('never repeats an exercise, never draws weight 0 or predict, stays in the eligible scope', () => {
    fc.assert(
      fc.property(catalogues, presets, seeds, (exercises, preset, seed) => {
        const draw = drawExamTasks(exercises, preset, seed);
        const ids = draw.tasks.map((task) => task.exerciseId);
        expect(new Set(ids).size).toBe(ids.length);
        const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
        for (const task of draw.tasks) {
          const source = byId.get(task.exerciseId) as ExamCandidate;
          expect(task.points).toBeGreaterThan(0);
          expect(task.points).toBe(source.examWeight);
          expect(task.kind).not.toBe('predict');
          expect(isEligible(source, preset.selection)).toBe(true);
          if (preset.id === 'custom') expect(preset.selection.tracks).toContain(task.track);
        }
      }),
    );
  });

  it('draws as many tasks as asked when it can, and explains when it cannot', () => {
    fc.assert(
      fc.property(catalogues, presets, seeds, (exercises, preset, seed) => {
        const draw = drawExamTasks(exercises, preset, seed);
        const eligible = exercises.filter((exercise) => isEligible(exercise, preset.selection)).length;
        expect(draw.eligibleCount).toBe(eligible);
        expect(draw.tasks.length).toBe(Math.min(preset.taskCount, eligible));
        if (draw.tasks.length < preset.taskCount)
          expect(draw.notes.join(' ')).toMatch(/instead of|No exercise fits/);
      }),
    );
  });

  it('splits the exam minutes over the tasks exactly', () => {
    fc.assert(
      fc.property(catalogues, presets, seeds, (exercises, preset, seed) => {
        const draw = drawExamTasks(exercises, preset, seed);
        if (draw.tasks.length === 0) return;
        const total = draw.tasks.reduce((sum, task) => sum + task.suggestedMinutes, 0);
        expect(total).toBe(preset.minutes);
      }),
    );
  });

  it('survives JSON unchanged', () => {
    fc.assert(
      fc.property(catalogues, presets, seeds, (exercises, preset, seed) => {
        const draw = drawExamTasks(exercises, preset, seed);
        expect(JSON.parse(JSON.stringify(draw))).toEqual(draw);
      }),
    );
  });
});

describe('drawExamTasks examples', () => {
  it('gives different exams for different seeds', () => {
    const exercises = catalogue(60);
    const preset = custom(
      ['foundations', 'namespaces', 'default-policies', 'egress-and-dns', 'ip-blocks'],
      4,
    );
    const exams = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        drawExamTasks(exercises, preset, seed)
          .tasks.map((task) => task.exerciseId)
          .join(','),
      ),
    );
    expect(exams.size).toBeGreaterThan(10);
  });

  it('favours heavier exercises', () => {
    const exercises = [candidate('light', { examWeight: 1 }), candidate('heavy', { examWeight: 9 })];
    const preset = custom(['foundations'], 1);
    let heavy = 0;
    for (let seed = 0; seed < 500; seed += 1) {
      if (drawExamTasks(exercises, preset, seed).tasks[0]?.exerciseId === 'heavy') heavy += 1;
    }
    expect(heavy / 500).toBeGreaterThan(0.82);
    expect(heavy / 500).toBeLessThan(0.97);
  });

  it('draws what it can and explains an empty or short catalogue', () => {
    const preset = custom(['namespaces'], 3);
    const none = drawExamTasks([candidate('a', { track: 'selectors' })], preset, 1);
    expect(none.tasks).toEqual([]);
    expect(none.notes[0]).toMatch(/No exercise fits Custom exam/);
    const short = drawExamTasks(
      [candidate('a', { track: 'namespaces' }), candidate('b', { track: 'namespaces', examWeight: 0 })],
      preset,
      1,
    );
    expect(short.tasks.map((task) => task.exerciseId)).toEqual(['a']);
    expect(short.notes).toEqual(['Only 1 exercise fit Custom exam, so it has 1 task instead of 3.']);
  });

  it('names a preset topic nothing covers', () => {
    const exercises = [
      candidate('dns', { track: 'egress-and-dns', tags: ['dns'] }),
      candidate('deny', { track: 'default-policies', tags: ['default-deny'] }),
      candidate('plain', { track: 'namespaces', tags: ['namespace-selector'] }),
    ];
    const draw = drawExamTasks(exercises, EXAM_PRESETS.cks, 4);
    expect(draw.notes).toContain(
      'No eligible exercise covers blocking the metadata server, so this exam leaves it out.',
    );
  });

  it('names a task by its exam title and keeps the catalogue title apart', () => {
    const draw = drawExamTasks(
      [
        candidate('titled', { title: 'Both labels, not either', examTitle: 'Restrict ingress to api' }),
        candidate('plain'),
      ],
      custom(['foundations'], 2),
      3,
    );
    const byId = new Map(draw.tasks.map((task) => [task.exerciseId, task]));
    expect(byId.get('titled')).toMatchObject({
      title: 'Restrict ingress to api',
      catalogueTitle: 'Both labels, not either',
    });
    expect(byId.get('plain')?.title).toBe('Exercise plain');
    expect(byId.get('plain')).not.toHaveProperty('catalogueTitle');
  });

  it('keeps a repeated id once', () => {
    const draw = drawExamTasks([candidate('same'), candidate('same')], custom(['foundations'], 2), 3);
    expect(draw.tasks.map((task) => task.exerciseId)).toEqual(['same']);
  });
});

describe('presets on the real catalogue', () => {
  const exercises = realCatalogue();

  it('reads the shipped exercises', () => {
    expect(exercises.length).toBeGreaterThan(40);
  });

  for (const preset of EXAM_PRESET_LIST) {
    it(`${preset.id}: draws a full exam covering its topics for every seed tried`, () => {
      for (let seed = 0; seed < 200; seed += 1) {
        const draw = drawExamTasks(exercises, preset, seed);
        expect(draw.notes).toEqual([]);
        expect(draw.tasks).toHaveLength(preset.taskCount);
        const drawn = draw.tasks.map((task) => exercises.find((exercise) => exercise.id === task.exerciseId));
        for (const topic of preset.selection.topics) {
          expect(drawn.some((exercise) => exercise?.tags.some((tag) => topic.tags.includes(tag)))).toBe(true);
        }
        for (const task of draw.tasks) expect(preset.selection.difficulties).toContain(task.difficulty);
      }
    });
  }

  it('shows exam titles: drawn tasks use them, and no fix task shows its "Fix: …" catalogue title', () => {
    const drawable = exercises.filter((exercise) => exercise.examWeight > 0 && exercise.kind !== 'predict');
    const fixes = drawable.filter((exercise) => exercise.kind === 'fix');
    expect(fixes.length).toBeGreaterThan(10);
    for (const exercise of fixes) expect(exercise.examTitle, exercise.id).toMatch(/^(?!Fix:)\S/);
    const shown = drawable.map((exercise) => exercise.examTitle ?? exercise.title);
    expect(new Set(shown).size).toBe(shown.length);
    for (let seed = 0; seed < 50; seed += 1) {
      for (const task of drawExamTasks(exercises, EXAM_PRESETS.cks, seed).tasks) {
        const exercise = exercises.find((item) => item.id === task.exerciseId);
        expect(task.title).toBe(exercise?.examTitle ?? exercise?.title);
        expect(task.catalogueTitle).toBe(exercise?.examTitle === undefined ? undefined : exercise.title);
      }
    }
  });

  it('cks reaches its advanced exercises and the metadata drill', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed += 1) {
      for (const task of drawExamTasks(exercises, EXAM_PRESETS.cks, seed).tasks) seen.add(task.exerciseId);
    }
    expect(seen).toContain('drill-block-cloud-metadata');
    expect(
      [...seen].some((id) => exercises.find((exercise) => exercise.id === id)?.difficulty === 'advanced'),
    ).toBe(true);
  });
});

describe('suggestMinutes', () => {
  it('is proportional to the estimates and adds up', () => {
    expect(suggestMinutes(30, [10, 10, 10])).toEqual([10, 10, 10]);
    expect(suggestMinutes(25, [6, 8, 6, 10])).toEqual([5, 7, 5, 8]);
    expect(suggestMinutes(10, [])).toEqual([]);
  });

  it('gives every task a minute when there are enough', () => {
    const minutes = suggestMinutes(5, [1, 1, 1, 100]);
    expect(minutes.every((value) => value >= 1)).toBe(true);
    expect(minutes.reduce((sum, value) => sum + value, 0)).toBe(5);
  });
});
