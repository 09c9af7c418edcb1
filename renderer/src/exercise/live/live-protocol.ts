/**
 * The messages between the exercise screen and the live worker, and the one handler that answers
 * them (the worker runs it; so does the main thread where no worker can start). Everything that
 * crosses is plain data: structured clone carries Maps, typed arrays and nested objects.
 */
import type { ProbeRequest, ProbeResult } from './connection-explanation.ts';
import { LiveAnalysis, type LiveExercise, type LiveSnapshot, type PredictionInput } from './live-analysis.ts';

/** The first message: the exercise the worker analyses from then on. */
export interface LiveInit {
  readonly type: 'init';
  readonly exercise: LiveExercise;
}

export type LiveRequest =
  | { readonly id: number; readonly type: 'text'; readonly text: string }
  | { readonly id: number; readonly type: 'predictions'; readonly input: PredictionInput }
  | { readonly id: number; readonly type: 'explain'; readonly request: ProbeRequest };

export type LiveReply =
  | { readonly id: number; readonly type: 'snapshot'; readonly snapshot: LiveSnapshot }
  | { readonly id: number; readonly type: 'explanation'; readonly result: ProbeResult }
  | { readonly id: number; readonly type: 'failure'; readonly message: string };

export type LiveMessage = LiveInit | LiveRequest;

/** A handler over one exercise at a time: `init` sets it, every request gets exactly one reply. */
export function createLiveHandler(): (message: LiveMessage) => LiveReply | undefined {
  let analysis: LiveAnalysis | undefined;
  return (message) => {
    if (message.type === 'init') {
      analysis = new LiveAnalysis(message.exercise);
      return undefined;
    }
    if (analysis === undefined) {
      return { id: message.id, type: 'failure', message: 'The live view has no exercise yet.' };
    }
    try {
      switch (message.type) {
        case 'text':
          return { id: message.id, type: 'snapshot', snapshot: analysis.fromText(message.text) };
        case 'predictions':
          return { id: message.id, type: 'snapshot', snapshot: analysis.fromPredictions(message.input) };
        case 'explain':
          return { id: message.id, type: 'explanation', result: analysis.explain(message.request) };
      }
    } catch (error) {
      // Core never throws on learner input; this is a bug, said plainly rather than hanging the view.
      return {
        id: message.id,
        type: 'failure',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  };
}
