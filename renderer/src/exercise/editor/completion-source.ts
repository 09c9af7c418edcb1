/** CodeMirror glue for {@link completionOptions}: where the word starts and what to offer. */
import { snippetCompletion } from '@codemirror/autocomplete';
import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import type { Cluster } from '../../../../core/netpol/index.ts';
import { completionPlace } from './completion-context.ts';
import { clusterVocabulary, completionOptions } from './policy-completion.ts';
import { POLICY_SNIPPETS } from './policy-snippets.ts';

/** How far back completion looks for context: policies nest a dozen levels at most. */
const LOOK_BEHIND = 4000;
const WORD = /^[A-Za-z0-9_./-]*$/;

const SNIPPETS: readonly Completion[] = POLICY_SNIPPETS.map((snippet) =>
  snippetCompletion(snippet.template, {
    label: snippet.label,
    detail: snippet.detail,
    type: 'text',
    boost: -1,
  }),
);

/** A completion source knowing the exercise's cluster. */
export function policyCompletionSource(cluster: Cluster): CompletionSource {
  const vocabulary = clusterVocabulary(cluster);
  return (context: CompletionContext): CompletionResult | null => {
    const start = Math.max(0, context.pos - LOOK_BEHIND);
    const before = context.state.sliceDoc(start, context.pos);
    const place = completionPlace(start === 0 ? before : before.slice(before.indexOf('\n') + 1));
    if (place === null) return null;
    const line = context.state.doc.lineAt(context.pos);
    const typed = context.state.sliceDoc(line.from, context.pos);
    if (place.prefix === '' && !context.explicit) {
      // Offer values right after `key: ` and keys on a fresh line, but not in the middle of nowhere.
      if (place.kind === 'key' && !/-\s+$/.test(typed)) return null;
    }
    const options: Completion[] = completionOptions({ ...place, prefix: '' }, vocabulary).map((option) => ({
      ...option,
    }));
    // Whole policies start at the top of a document, at the start of the line.
    const topLevel = place.kind === 'key' && place.path.length === 0 && typed === place.prefix;
    if (topLevel) options.push(...SNIPPETS);
    const labels = new Set(options.map((option) => option.label));
    // Typed out in full already: nothing is left to complete, so Enter must stay a new line.
    if (labels.has(place.prefix) || options.length === 0) return null;
    return {
      from: context.pos - place.prefix.length,
      options,
      validFor: (text) => WORD.test(text) && !labels.has(text),
    };
  };
}
