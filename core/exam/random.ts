/**
 * A small seeded pseudo-random generator for drawing exam tasks. Core never calls `Math.random`:
 * the seed comes from the caller, so the same seed always yields the same exam. Quality needs are
 * modest (shuffling a few dozen items), so a 32-bit state with a strong output mix is plenty.
 */

/** Returns numbers in [0, 1), each call advancing the state. */
export type RandomSource = () => number;

const TWO_TO_32 = 2 ** 32;

/** Folds any safe integer (negative or beyond 32 bits) into a well-mixed 32-bit state. */
export function seedState(seed: number): number {
  const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const low = whole >>> 0;
  const high = Math.floor(whole / TWO_TO_32) >>> 0;
  // Mixing the high word in keeps seeds that differ only above bit 32 apart.
  return mix32((low ^ Math.imul(high, 0x85ebca6b)) >>> 0);
}

/** An avalanche step: every input bit affects every output bit. */
function mix32(value: number): number {
  let state = value;
  state = Math.imul(state ^ (state >>> 16), 0x7feb352d);
  state = Math.imul(state ^ (state >>> 15), 0x846ca68b);
  return (state ^ (state >>> 16)) >>> 0;
}

/**
 * A generator in the style of mulberry32: a Weyl sequence (a constant odd step, so the state visits
 * all 2^32 values) passed through an output mix.
 */
export function createRandom(seed: number): RandomSource {
  let state = seedState(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    return mix32(state) / TWO_TO_32;
  };
}

/**
 * Index of an item picked with probability proportional to its weight; -1 when no weight is
 * positive. Weights that are not positive finite numbers are never picked.
 */
export function pickWeightedIndex(random: RandomSource, weights: readonly number[]): number {
  const usable = weights.map((weight) => (Number.isFinite(weight) && weight > 0 ? weight : 0));
  const total = usable.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return -1;
  let target = random() * total;
  let last = -1;
  for (let index = 0; index < usable.length; index += 1) {
    const weight = usable[index] ?? 0;
    if (weight <= 0) continue;
    last = index;
    if (target < weight) return index;
    target -= weight;
  }
  // Rounding can leave a sliver past the end; it belongs to the last usable item.
  return last;
}

/** A shuffled copy (Fisher–Yates), driven by `random`. */
export function shuffled<T>(random: RandomSource, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const held = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = held;
  }
  return copy;
}
