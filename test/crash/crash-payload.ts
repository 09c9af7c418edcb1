/**
 * The attempt the crash writer stores for each sequence number. Shared by writer and test so the
 * test can check every acknowledged attempt byte for byte, not just that a row exists.
 */
import type { AttemptInput } from '../../backend/progress/index.ts';

/** Big enough (about 64 KB) that each commit spans many pages, so the kill lands inside writes. */
export function crashAttempt(sequence: number): AttemptInput {
  const line = `# attempt ${sequence}: allow web to reach db on 5432\n`;
  return {
    exerciseId: `crash-${sequence % 5}`,
    exerciseVersion: `version-${sequence % 3}`,
    yaml: line.repeat(Math.ceil(65_536 / line.length)),
    checks: [{ id: 'sequence', value: sequence }],
    score: (sequence % 4) / 4,
    passed: sequence % 4 === 0,
    durationMs: sequence,
  };
}
