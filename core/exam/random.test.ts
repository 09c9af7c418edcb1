import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, pickWeightedIndex, seedState, shuffled } from './random.ts';

function take(seed: number, count: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random());
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().map((value) => value - 2 ** 52),
        (seed) => {
          const first = take(seed, 20);
          expect(take(seed, 20)).toEqual(first);
          for (const value of first) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThan(1);
          }
        },
      ),
    );
  });

  it('gives different sequences for neighbouring seeds and for seeds differing above 32 bits', () => {
    expect(take(1, 5)).not.toEqual(take(2, 5));
    expect(take(7, 5)).not.toEqual(take(7 + 2 ** 32, 5));
    expect(take(-1, 5)).not.toEqual(take(1, 5));
  });

  it('spreads values roughly evenly', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const value of take(12345, 10_000)) {
      const bucket = Math.floor(value * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });
});

describe('seedState', () => {
  it('is a 32-bit unsigned integer for any number, including odd ones', () => {
    for (const seed of [0, -5, 2 ** 53 - 1, -(2 ** 53) + 1, 1.5, Number.NaN]) {
      const state = seedState(seed);
      expect(Number.isInteger(state)).toBe(true);
      expect(state).toBeGreaterThanOrEqual(0);
      expect(state).toBeLessThan(2 ** 32);
    }
  });
});

describe('pickWeightedIndex', () => {
  it('never picks an item without positive weight', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(
          fc.oneof(fc.constant(0), fc.constant(-1), fc.double({ min: 0.001, max: 100, noNaN: true })),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (seed, weights) => {
          const random = createRandom(seed);
          const index = pickWeightedIndex(random, weights);
          if (weights.every((weight) => weight <= 0)) expect(index).toBe(-1);
          else expect(weights[index]).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('follows the weights', () => {
    const random = createRandom(99);
    const counts = [0, 0];
    for (let round = 0; round < 4000; round += 1) {
      const index = pickWeightedIndex(random, [1, 3]);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts[1]! / 4000).toBeGreaterThan(0.7);
    expect(counts[1]! / 4000).toBeLessThan(0.8);
  });

  it('ignores NaN and infinite weights', () => {
    const random = createRandom(3);
    for (let round = 0; round < 50; round += 1) {
      expect(pickWeightedIndex(random, [Number.NaN, Number.POSITIVE_INFINITY, 2])).toBe(2);
    }
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, items) => {
        const copy = [...items];
        const result = shuffled(createRandom(seed), items);
        expect(items).toEqual(copy);
        expect([...result].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });
});
