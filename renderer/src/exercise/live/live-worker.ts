/**
 * The live worker: runs the engine for the live views off the main thread, so typing never waits for
 * a large cluster's matrix and graph. Started by live-engine.ts.
 */
import { createLiveHandler, type LiveMessage, type LiveReply } from './live-protocol.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<LiveMessage>) => void): void;
  postMessage(message: LiveReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createLiveHandler();

scope.addEventListener('message', (event) => {
  const reply = handle(event.data);
  if (reply !== undefined) scope.postMessage(reply);
});
