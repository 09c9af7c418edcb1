/**
 * Child process for the crash test: adds attempts as fast as it can and prints
 * `<sequence> <id>` for each one only after `addAttempt` returned, i.e. after the commit.
 * Runs until killed. Usage: node --import tsx test/crash/attempt-writer.ts <database> <first-sequence>
 */
import { writeSync } from 'node:fs';
import { openProgressStore } from '../../backend/progress/index.ts';
import { crashAttempt } from './crash-payload.ts';

const [file, first] = process.argv.slice(2);
if (file === undefined || first === undefined)
  throw new Error('usage: attempt-writer.ts <database> <first-sequence>');

const { store } = openProgressStore(file);
for (let sequence = Number(first); ; sequence += 1) {
  const attempt = store.addAttempt(crashAttempt(sequence));
  // writeSync: the acknowledgement leaves the process before the next write starts.
  writeSync(1, `${sequence} ${attempt.id}\n`);
}
