/**
 * The main thread's side of the live analysis: sends the exercise once, then each request, and
 * answers with the worker's reply. Where no worker can start (tests in jsdom, a page whose origin
 * may not start workers) or the worker fails to load, the same handler runs on the main thread
 * instead, so the views work either way — only slower on a large cluster.
 */
import type { ProbeRequest, ProbeResult } from './connection-explanation.ts';
import type { LiveExercise, LiveSnapshot, PredictionInput } from './live-analysis.ts';
import { createLiveHandler, type LiveMessage, type LiveReply, type LiveRequest } from './live-protocol.ts';

/** What the live engine needs of a worker (a `Worker`, or a test double). */
export interface WorkerLike {
  postMessage(message: LiveMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LiveReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface LiveEngine {
  analyseText(text: string): Promise<LiveSnapshot>;
  analysePredictions(input: PredictionInput): Promise<LiveSnapshot>;
  explain(request: ProbeRequest): Promise<ProbeResult>;
  /** Where the analysis runs now. */
  readonly where: 'worker' | 'main thread';
  dispose(): void;
}

/** Starts the bundled live worker, or answers undefined where workers do not exist. */
export function startLiveWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./live-worker.ts', import.meta.url), { type: 'module', name: 'live-analysis' });
}

type Pending = {
  readonly request: LiveRequest;
  readonly resolve: (reply: LiveReply) => void;
};

type RequestBody =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'predictions'; readonly input: PredictionInput }
  | { readonly type: 'explain'; readonly request: ProbeRequest };

export function createLiveEngine(
  exercise: LiveExercise,
  startWorker: () => WorkerLike | undefined = startLiveWorker,
): LiveEngine {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: WorkerLike | undefined;
  let local: ((message: LiveMessage) => LiveReply | undefined) | undefined;
  let disposed = false;

  const settle = (reply: LiveReply): void => {
    const entry = pending.get(reply.id);
    if (entry === undefined) return;
    pending.delete(reply.id);
    entry.resolve(reply);
  };

  const runLocally = (request: LiveRequest): void => {
    // A macrotask, so a reply never arrives before the caller has stored its promise.
    setTimeout(() => {
      if (disposed || local === undefined) return;
      const reply = local(request);
      if (reply !== undefined) settle(reply);
    }, 0);
  };

  const fallBack = (): void => {
    if (local !== undefined) return;
    worker?.terminate();
    worker = undefined;
    local = createLiveHandler();
    local({ type: 'init', exercise });
    for (const entry of pending.values()) runLocally(entry.request);
  };

  try {
    worker = startWorker();
  } catch {
    worker = undefined;
  }
  if (worker === undefined) fallBack();
  else {
    worker.addEventListener('message', (event) => settle(event.data));
    // The script could not load or run (e.g. an origin that may not start workers): go local.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.postMessage({ type: 'init', exercise });
  }

  const send = (body: RequestBody): Promise<LiveReply> =>
    new Promise((resolve) => {
      const request = { ...body, id: nextId++ } as LiveRequest;
      pending.set(request.id, { request, resolve });
      if (local !== undefined) runLocally(request);
      else worker?.postMessage(request);
    });

  const expect = async <T extends LiveReply['type']>(
    body: RequestBody,
    type: T,
  ): Promise<Extract<LiveReply, { type: T }>> => {
    const reply = await send(body);
    if (reply.type === 'failure') throw new Error(reply.message);
    if (reply.type !== type)
      throw new Error(`The live view answered ${reply.type} to a ${body.type} request.`);
    return reply as Extract<LiveReply, { type: T }>;
  };

  return {
    async analyseText(text) {
      return (await expect({ type: 'text', text }, 'snapshot')).snapshot;
    },
    async analysePredictions(input) {
      return (await expect({ type: 'predictions', input }, 'snapshot')).snapshot;
    },
    async explain(request) {
      return (await expect({ type: 'explain', request }, 'explanation')).result;
    },
    get where() {
      return local === undefined ? 'worker' : 'main thread';
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = undefined;
      pending.clear();
    },
  };
}
