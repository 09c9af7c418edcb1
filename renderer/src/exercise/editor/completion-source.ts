/** CodeMirror glue for {@link completionOptions}: where the word starts and what to offer. */
import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { Cluster } from '../../../../core/netpol/index.ts';
import { completionPlace } from './completion-context.ts';
import { clusterVocabulary, completionOptions } from './policy-completion.ts';

/** How far back completion looks for context: policies nest a dozen levels at most. */
const LOOK_BEHIND = 4000;

/** A completion source knowing the exercise's cluster. */
export function policyCompletionSource(cluster: Cluster): CompletionSource {
  const vocabulary = clusterVocabulary(cluster);
  return (context: CompletionContext): CompletionResult | null => {
    const start = Math.max(0, context.pos - LOOK_BEHIND);
    const before = context.state.sliceDoc(start, context.pos);
    const place = completionPlace(start === 0 ? before : before.slice(before.indexOf('\n') + 1));
    if (place === null) return null;
    if (place.prefix === '' && !context.explicit) {
      // Offer values right after `key: ` and keys on a fresh line, but not in the middle of nowhere.
      const line = context.state.doc.lineAt(context.pos);
      const typed = context.state.sliceDoc(line.from, context.pos);
      if (place.kind === 'key' && !/-\s+$/.test(typed)) return null;
    }
    const options = completionOptions({ ...place, prefix: '' }, vocabulary);
    if (options.length === 0) return null;
    return {
      from: context.pos - place.prefix.length,
      options: options.map((option) => ({ ...option })),
      validFor: /^[A-Za-z0-9_./-]*$/,
    };
  };
}
