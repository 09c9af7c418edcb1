/**
 * Reading a `predict` answer: YAML mapping each reach check id to `allow` or `deny`, the same shape
 * the `netpol-lab grade` command accepts. Learner input never throws here: what cannot be read
 * becomes a diagnostic and the affected checks count as unanswered.
 */
import { parse } from 'yaml';
import type { Expectation } from '../exercise/types.ts';
import type { Diagnostic } from '../netpol/types.ts';
import { emptyRecord } from '../records/index.ts';

/** The answers that could be read, and what was wrong with the rest. */
export interface PredictionAnswers {
  readonly answers: Readonly<Record<string, Expectation>>;
  readonly diagnostics: readonly Diagnostic[];
}

const SOURCE = 'answer';

function problem(message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { id: 'grade.invalid-prediction', severity, message, source: SOURCE };
}

/** Parses a predict answer; values are trimmed and case-insensitive (`Allow` counts as `allow`). */
export function parsePredictionAnswers(text: string): PredictionAnswers {
  let data: unknown;
  try {
    // Answers are a handful of lines: aliases are never needed, and duplicate ids are a mistake.
    data = parse(text, { maxAliasCount: 10, uniqueKeys: true });
  } catch (error) {
    return {
      answers: {},
      diagnostics: [problem(`the answer is not valid YAML: ${(error as Error).message.split('\n')[0]}`)],
    };
  }
  if (data === null || data === undefined) return { answers: {}, diagnostics: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      answers: {},
      diagnostics: [problem('a prediction maps check ids to allow or deny, e.g. "web-to-db: deny"')],
    };
  }
  const answers = emptyRecord<Expectation>();
  const diagnostics: Diagnostic[] = [];
  for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
    const answer = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (answer === 'allow' || answer === 'deny') answers[id] = answer;
    else {
      // A bad value leaves its check unanswered, which already fails it: a warning is enough.
      diagnostics.push(
        problem(`${id}: ${JSON.stringify(value) ?? String(value)} is not allow or deny`, 'warning'),
      );
    }
  }
  return { answers, diagnostics };
}
