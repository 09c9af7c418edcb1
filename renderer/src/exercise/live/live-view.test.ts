import { describe, expect, it } from 'vitest';
import type { LiveEngine } from './live-engine.ts';
import type { LiveSnapshot } from './live-analysis.ts';
import { LiveAnalysis } from './live-analysis.ts';
import { LiveView } from './live-view.svelte.ts';
import { DB_POLICY, writeExercise } from '../test-fixtures.ts';

/** An engine whose text analyses finish only when the test says so. */
function slowEngine() {
  const analysis = new LiveAnalysis(writeExercise());
  const started: string[] = [];
  const waiting: (() => void)[] = [];
  const engine: LiveEngine = {
    where: 'worker',
    analyseText(text) {
      started.push(text);
      return new Promise<LiveSnapshot>((resolve) => waiting.push(() => resolve(analysis.fromText(text))));
    },
    analysePredictions: async (input) => analysis.fromPredictions(input),
    explain: async (request) => analysis.explain(request),
    dispose() {},
  };
  const finishNext = async (): Promise<void> => {
    waiting.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { engine, started, finishNext };
}

describe('LiveView', () => {
  it('sends only the newest text while one is being analysed', async () => {
    const { engine, started, finishNext } = slowEngine();
    const live = new LiveView(writeExercise(), engine);
    const first = live.fromText('');
    void live.fromText('kind: [');
    void live.fromText(DB_POLICY);
    expect(started).toEqual(['']);
    await finishNext();
    expect(live.matrix?.differences).toBe(1);
    expect(started).toEqual(['', DB_POLICY]);
    await finishNext();
    await first;
    expect(live.matrix?.differences).toBe(0);
    expect(live.stale).toBe(false);
  });

  it('keeps the last good views, marked stale, while the text has errors', async () => {
    const { engine, finishNext } = slowEngine();
    const live = new LiveView(writeExercise(), engine);
    void live.fromText(DB_POLICY);
    await finishNext();
    const matrix = live.matrix;
    void live.fromText('kind: [');
    await finishNext();
    expect(live.stale).toBe(true);
    expect(live.matrix).toBe(matrix);
    expect(live.graph).not.toBeNull();
  });

  it('says when the analysis fails', async () => {
    const failing: LiveEngine = {
      where: 'worker',
      analyseText: () => Promise.reject(new Error('engine bug')),
      analysePredictions: () => Promise.reject(new Error('engine bug')),
      explain: () => Promise.reject(new Error('engine bug')),
      dispose() {},
    };
    const live = new LiveView(writeExercise(), failing);
    await live.fromText('');
    expect(live.failure).toBe('engine bug');
  });
});
