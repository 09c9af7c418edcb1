import { describe, expect, it } from 'vitest';
import { createLiveEngine, type WorkerLike } from './live-engine.ts';
import { createLiveHandler, type LiveMessage, type LiveReply } from './live-protocol.ts';
import { DB_POLICY, writeExercise } from '../test-fixtures.ts';

/** A worker double that runs the real handler, answering when told to (as a real worker would, later). */
class FakeWorker implements WorkerLike {
  readonly received: LiveMessage[] = [];
  terminated = false;
  readonly #handle = createLiveHandler();
  readonly #listeners: {
    message: ((event: MessageEvent<LiveReply>) => void)[];
    error: ((event: Event) => void)[];
  } = { message: [], error: [] };

  postMessage(message: LiveMessage): void {
    this.received.push(message);
  }

  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    (this.#listeners[type] as ((event: never) => void)[]).push(listener);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers every message received so far. */
  answer(): void {
    for (const message of this.received.splice(0)) {
      const reply = this.#handle(message);
      if (reply === undefined) continue;
      for (const listener of this.#listeners.message) listener({ data: reply } as MessageEvent<LiveReply>);
    }
  }

  /** The script failed to load. */
  fail(): void {
    for (const listener of this.#listeners.error) listener(new Event('error'));
  }
}

describe('the live engine', () => {
  it('sends the exercise once, then each request, and answers with the worker reply', async () => {
    const worker = new FakeWorker();
    const engine = createLiveEngine(writeExercise(), () => worker);
    expect(engine.where).toBe('worker');
    expect(worker.received.map((message) => message.type)).toEqual(['init']);
    const snapshot = engine.analyseText(DB_POLICY);
    const explanation = engine.explain({ from: 'prod/web', to: 'prod/db', port: '5432', protocol: 'TCP' });
    expect(worker.received.map((message) => message.type)).toEqual(['init', 'text', 'explain']);
    worker.answer();
    expect((await snapshot).matrix?.differences).toBe(0);
    const result = await explanation;
    expect(result.ok && result.explanation.allowed).toBe(true);
    engine.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('runs on the main thread when the worker cannot load, replaying what was asked', async () => {
    const worker = new FakeWorker();
    const engine = createLiveEngine(writeExercise(), () => worker);
    const snapshot = engine.analyseText('');
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(engine.where).toBe('main thread');
    expect((await snapshot).matrix?.differences).toBe(1);
    expect((await engine.analyseText(DB_POLICY)).matrix?.differences).toBe(0);
  });

  it('runs on the main thread where there are no workers', async () => {
    const engine = createLiveEngine(writeExercise(), () => undefined);
    expect(engine.where).toBe('main thread');
    expect((await engine.analyseText('')).stale).toBe(false);
    const throwing = createLiveEngine(writeExercise(), () => {
      throw new Error('blocked by the content security policy');
    });
    expect(throwing.where).toBe('main thread');
    expect((await throwing.analyseText('kind: [')).stale).toBe(true);
  });

  it('turns a failure in the analysis into a rejected promise', async () => {
    const handle = createLiveHandler();
    expect(handle({ id: 1, type: 'text', text: '' })).toEqual({
      id: 1,
      type: 'failure',
      message: 'The live view has no exercise yet.',
    });
  });
});
