/**
 * The text form of a learner's predictions: one `checkId: allow|deny` line per answered check, the
 * YAML mapping the host grades. The draft stores the same text, so reading it back restores the radios.
 */
import type { Expectation } from '../../../core/exercise/index.ts';
import { emptyRecord, ownValue } from '../../../core/records/index.ts';

/** Check id → the learner's answer; unanswered checks are absent. */
export type Predictions = Readonly<Record<string, Expectation>>;

const PLAIN_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The key as YAML: bare when safe, JSON-quoted (valid YAML) otherwise. */
function yamlKey(id: string): string {
  return PLAIN_KEY.test(id) ? id : JSON.stringify(id);
}

/** Serializes predictions in the order of `checkIds`, skipping unanswered ones. */
export function serializePredictions(predictions: Predictions, checkIds: readonly string[]): string {
  const lines: string[] = [];
  for (const id of checkIds) {
    const answer = ownValue(predictions, id);
    if (answer === 'allow' || answer === 'deny') lines.push(`${yamlKey(id)}: ${answer}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const LINE = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^\s:#"][^:#]*?))\s*:\s*([A-Za-z]+)\s*(?:#.*)?$/;

/** Reads predictions back from text; lines that are not `id: allow|deny` are ignored. */
export function parsePredictions(text: string): Record<string, Expectation> {
  const predictions = emptyRecord<Expectation>();
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    let id = match[2];
    if (match[1] !== undefined) {
      try {
        id = JSON.parse(`"${match[1]}"`) as string;
      } catch {
        continue;
      }
    }
    const answer = match[3]?.toLowerCase();
    if (id !== undefined && (answer === 'allow' || answer === 'deny')) predictions[id] = answer;
  }
  return predictions;
}
