/**
 * The editor's linter: the engine's parser and lint rules on every change (debounced), mapped onto
 * the text. Shares the analyser with the live views, so one change is parsed once.
 */
import { linter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { SubmissionAnalysis } from '../submission-analysis.ts';
import { toEditorDiagnostics } from './diagnostic-positions.ts';
import { recordMeasure, TIMING } from '../../lib/timing.ts';

/** Fast enough to feel live, slow enough not to parse on every key of a word. */
export const LINT_DELAY_MS = 120;

/** A linter over `analyse`, which must cache by text. */
export function policyLinter(analyse: (text: string) => SubmissionAnalysis): Extension {
  return linter(
    (view): Diagnostic[] => {
      const started = performance.now();
      const analysis = analyse(view.state.doc.toString());
      const diagnostics = toEditorDiagnostics(view.state.doc, [...analysis.diagnostics, ...analysis.lint]);
      recordMeasure(TIMING.diagnostics, started);
      return diagnostics;
    },
    { delay: LINT_DELAY_MS },
  );
}
