import { describe, expect, it } from 'vitest';
import { CUSTOM_EXAM_LIMITS, EXAM_PRESETS, EXAM_PRESET_LIST, customExam, findPreset } from './presets.ts';

describe('built-in presets', () => {
  it('has CKA, CKAD and CKS with the agreed counts, times and pass marks', () => {
    expect(EXAM_PRESETS.cka).toMatchObject({ id: 'cka', taskCount: 4, minutes: 25, passMark: 66 });
    expect(EXAM_PRESETS.ckad).toMatchObject({ id: 'ckad', taskCount: 3, minutes: 20, passMark: 66 });
    expect(EXAM_PRESETS.cks).toMatchObject({ id: 'cks', taskCount: 4, minutes: 30, passMark: 67 });
    expect(EXAM_PRESET_LIST.map((preset) => preset.id).sort()).toEqual(['cka', 'ckad', 'cks', 'mock']);
  });

  it('never draws predict exercises and keeps every field filled in', () => {
    for (const preset of EXAM_PRESET_LIST) {
      expect(preset.selection.kinds).not.toContain('predict');
      expect(preset.selection.kinds.length).toBeGreaterThan(0);
      expect(preset.selection.difficulties.length).toBeGreaterThan(0);
      expect(preset.title.length).toBeGreaterThan(0);
      expect(preset.description.length).toBeGreaterThan(40);
      for (const topic of preset.selection.topics) expect(topic.tags.length).toBeGreaterThan(0);
    }
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(EXAM_PRESETS))).toEqual(EXAM_PRESETS);
  });
});

describe('findPreset', () => {
  it('finds built-in presets and refuses anything else with a stable code', () => {
    expect(findPreset('cks')).toEqual({ ok: true, value: EXAM_PRESETS.cks });
    const missing = findPreset('toString');
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('exam.unknown-preset');
      expect(missing.error.message).toMatch(/cka, ckad, cks, mock/);
    }
  });
});

describe('customExam', () => {
  it('builds an exam over the chosen tracks with write and fix tasks of every difficulty', () => {
    const outcome = customExam({
      tracks: ['namespaces', 'ip-blocks', 'namespaces'],
      taskCount: 5,
      minutes: 40,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value).toMatchObject({ id: 'custom', taskCount: 5, minutes: 40, passMark: 66 });
    expect(outcome.value.selection).toEqual({
      tracks: ['namespaces', 'ip-blocks'],
      tags: [],
      difficulties: ['beginner', 'intermediate', 'advanced'],
      kinds: ['write', 'fix'],
      topics: [],
    });
    expect(outcome.value.description).toMatch(
      /5 tasks from namespaces, ip-blocks in 40 minutes; 66% to pass/,
    );
  });

  it('takes a pass mark', () => {
    const outcome = customExam({ tracks: ['selectors'], taskCount: 1, minutes: 5, passMark: 80 });
    expect(outcome.ok && outcome.value.passMark).toBe(80);
    expect(outcome.ok && outcome.value.description).toMatch(/^1 task from/);
  });

  it.each([
    [{ tracks: [], taskCount: 3, minutes: 20 }, /at least one track/],
    [{ tracks: ['a', ''], taskCount: 3, minutes: 20 }, /track id/],
    [{ tracks: ['a'], taskCount: 0, minutes: 20 }, /1 to 20 tasks/],
    [{ tracks: ['a'], taskCount: 21, minutes: 20 }, /1 to 20 tasks/],
    [{ tracks: ['a'], taskCount: 2.5, minutes: 20 }, /whole number/],
    [{ tracks: ['a'], taskCount: 3, minutes: 4 }, /5 to 180 minutes/],
    [{ tracks: ['a'], taskCount: 3, minutes: 181 }, /5 to 180 minutes/],
    [{ tracks: ['a'], taskCount: 3, minutes: Number.NaN }, /5 to 180 minutes/],
    [{ tracks: ['a'], taskCount: 3, minutes: 20, passMark: 0 }, /pass mark/],
    [{ tracks: ['a'], taskCount: 3, minutes: 20, passMark: 101 }, /pass mark/],
  ])('refuses %j without throwing', (options, message) => {
    const outcome = customExam(options);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('exam.invalid-option');
    expect(outcome.error.message).toMatch(message);
  });

  it('accepts the limits themselves', () => {
    const { minTasks, maxTasks, minMinutes, maxMinutes } = CUSTOM_EXAM_LIMITS;
    expect(customExam({ tracks: ['a'], taskCount: minTasks, minutes: minMinutes }).ok).toBe(true);
    expect(customExam({ tracks: ['a'], taskCount: maxTasks, minutes: maxMinutes, passMark: 100 }).ok).toBe(
      true,
    );
  });

  it('refuses options that are not an object', () => {
    const outcome = customExam(null as never);
    expect(outcome.ok).toBe(false);
  });
});
