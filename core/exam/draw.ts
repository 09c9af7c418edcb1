/**
 * Seeded drawing of exam tasks. The same seed and the same catalogue always give the same tasks in
 * the same order, whatever order the catalogue lists them in. Exercises are drawn without
 * replacement with probability proportional to their exam weight, first one per topic of the
 * preset, then freely; a task already drawn from a track or difficulty makes that track or
 * difficulty less likely next time, so an exam spreads out instead of repeating one subject.
 */
import { examTitleOf } from '../exercise/types.ts';
import { createRandom, pickWeightedIndex, shuffled } from './random.ts';
import type { RandomSource } from './random.ts';
import type { ExamCandidate, ExamDraw, ExamPreset, ExamSelection, ExamTask, ExamTaskKind } from './types.ts';

/** Whether the preset may draw this exercise at all. */
export function isEligible(candidate: ExamCandidate, selection: ExamSelection): boolean {
  const weight = candidate.examWeight;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) return false;
  if (candidate.kind === 'predict' || !selection.kinds.includes(candidate.kind)) return false;
  if (!selection.difficulties.includes(candidate.difficulty)) return false;
  if (selection.tracks.length === 0 && selection.tags.length === 0) return true;
  return (
    selection.tracks.includes(candidate.track) || candidate.tags.some((tag) => selection.tags.includes(tag))
  );
}

/** Tallies of what is already drawn, which damp the chances of more of the same. */
class Spread {
  readonly #tracks = new Map<string, number>();
  readonly #difficulties = new Map<string, number>();

  add(candidate: ExamCandidate): void {
    this.#tracks.set(candidate.track, (this.#tracks.get(candidate.track) ?? 0) + 1);
    this.#difficulties.set(candidate.difficulty, (this.#difficulties.get(candidate.difficulty) ?? 0) + 1);
  }

  weight(candidate: ExamCandidate): number {
    const sameTrack = this.#tracks.get(candidate.track) ?? 0;
    const sameDifficulty = this.#difficulties.get(candidate.difficulty) ?? 0;
    return candidate.examWeight / ((1 + sameTrack) * (1 + sameDifficulty));
  }
}

/** Removes one candidate from `pool`, picked by spread-adjusted weight; undefined when empty. */
function drawOne(
  random: RandomSource,
  pool: ExamCandidate[],
  spread: Spread,
  accept: (candidate: ExamCandidate) => boolean = () => true,
): ExamCandidate | undefined {
  const weights = pool.map((candidate) => (accept(candidate) ? spread.weight(candidate) : 0));
  const index = pickWeightedIndex(random, weights);
  if (index < 0) return undefined;
  const [picked] = pool.splice(index, 1);
  if (picked !== undefined) spread.add(picked);
  return picked;
}

/**
 * Splits the exam's minutes over the tasks in proportion to each exercise's own estimate, in whole
 * minutes that add up to the total (largest remainders round up), giving every task at least one
 * minute when there are enough minutes to go round.
 */
export function suggestMinutes(totalMinutes: number, estimates: readonly number[]): number[] {
  if (estimates.length === 0) return [];
  const safe = estimates.map((estimate) => (Number.isFinite(estimate) && estimate > 0 ? estimate : 1));
  const sum = safe.reduce((total, estimate) => total + estimate, 0);
  const exact = safe.map((estimate) => (totalMinutes * estimate) / sum);
  const minutes = exact.map(Math.floor);
  let left = totalMinutes - minutes.reduce((total, value) => total + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((first, second) => second.remainder - first.remainder || first.index - second.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    minutes[index] = (minutes[index] ?? 0) + 1;
    left -= 1;
  }
  for (let index = 0; index < minutes.length; index += 1) {
    if ((minutes[index] ?? 0) > 0) continue;
    const largest = minutes.indexOf(Math.max(...minutes));
    if ((minutes[largest] ?? 0) <= 1) break;
    minutes[largest] = (minutes[largest] ?? 0) - 1;
    minutes[index] = 1;
  }
  return minutes;
}

/** Stable order independent of how the catalogue was listed; a repeated id keeps its first entry. */
function canonical(exercises: readonly ExamCandidate[]): ExamCandidate[] {
  const sorted = [...exercises].sort((first, second) =>
    first.id < second.id ? -1 : first.id > second.id ? 1 : 0,
  );
  return sorted.filter((candidate, index) => index === 0 || sorted[index - 1]?.id !== candidate.id);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Draws the tasks of one exam. Never throws: when too few exercises are eligible it draws what it
 * can and says why in `notes`.
 */
export function drawExamTasks(
  exercises: readonly ExamCandidate[],
  preset: ExamPreset,
  seed: number,
): ExamDraw {
  const requested = Math.max(0, Math.floor(preset.taskCount));
  const selection = preset.selection;
  const pool = canonical(exercises).filter((candidate) => isEligible(candidate, selection));
  const eligibleCount = pool.length;
  const random = createRandom(seed);
  const spread = new Spread();
  const chosen: ExamCandidate[] = [];
  const notes: string[] = [];

  for (const topic of selection.topics) {
    if (chosen.length >= requested) break;
    const covers = (candidate: ExamCandidate): boolean =>
      candidate.tags.some((tag) => topic.tags.includes(tag));
    if (chosen.some(covers)) continue;
    const picked = drawOne(random, pool, spread, covers);
    if (picked !== undefined) chosen.push(picked);
    // With nothing eligible at all, one note below says so; a note per topic would only repeat it.
    else if (eligibleCount > 0)
      notes.push(`No eligible exercise covers ${topic.name}, so this exam leaves it out.`);
  }
  while (chosen.length < requested) {
    const picked = drawOne(random, pool, spread);
    if (picked === undefined) break;
    chosen.push(picked);
  }
  if (eligibleCount === 0) {
    notes.push(
      `No exercise fits ${preset.title}: it draws ${selection.kinds.join(' and ')} exercises with an exam weight above 0 ` +
        `at ${selection.difficulties.join(', ')} difficulty from the chosen tracks.`,
    );
  } else if (chosen.length < requested) {
    notes.push(
      `Only ${plural(eligibleCount, 'exercise')} fit ${preset.title}, so it has ${plural(chosen.length, 'task')} instead of ${requested}.`,
    );
  }

  const ordered = shuffled(random, chosen);
  const minutes = suggestMinutes(
    preset.minutes,
    ordered.map((candidate) => candidate.minutes),
  );
  const tasks = ordered.map((candidate, index): ExamTask => ({
    exerciseId: candidate.id,
    title: examTitleOf(candidate),
    ...(examTitleOf(candidate) === candidate.title ? {} : { catalogueTitle: candidate.title }),
    track: candidate.track,
    difficulty: candidate.difficulty,
    kind: candidate.kind as ExamTaskKind,
    points: candidate.examWeight,
    suggestedMinutes: minutes[index] ?? 0,
  }));
  return { tasks, requested, eligibleCount, notes };
}
