import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, readSchemaVersion } from './index.ts';

let folder: string;
let database: Database.Database;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-migration-3-'));
  database = new Database(join(folder, 'progress.db'));
});

afterEach(() => {
  if (database.open) database.close();
  rmSync(folder, { recursive: true, force: true });
});

function columns(): string[] {
  return (database.pragma('table_info(exam_sessions)') as { name: string }[]).map((column) => column.name);
}

const INSERT_V2 = `INSERT INTO exam_sessions (id, preset, seed, started_at, duration_ms, ends_at, answers_json, flags_json)
  VALUES ('old-exam', 'cka', 42, 1000, 60000, 61000, '{"a":{"text":"x","savedAt":5}}', '["a"]')`;

describe('003-exam-session-details', () => {
  it('is registered as version 3', () => {
    expect(MIGRATIONS[2]?.name).toBe('exam-session-details');
    expect(MIGRATIONS[2]?.version).toBe(3);
  });

  it('adds details_json to exam_sessions and sets user_version 3', () => {
    expect(migrate(database, 3)).toBe(3);
    expect(readSchemaVersion(database)).toBe(3);
    expect(columns()).toEqual([
      'id',
      'preset',
      'seed',
      'started_at',
      'duration_ms',
      'ends_at',
      'answers_json',
      'flags_json',
      'submitted_at',
      'result_json',
      'details_json',
    ]);
  });

  it('keeps version-2 rows, giving them empty details', () => {
    migrate(database, 2);
    database.prepare(INSERT_V2).run();
    migrate(database, 3);
    expect(
      database.prepare('SELECT id, answers_json, flags_json, details_json FROM exam_sessions').get(),
    ).toEqual({
      id: 'old-exam',
      answers_json: '{"a":{"text":"x","savedAt":5}}',
      flags_json: '["a"]',
      details_json: '{}',
    });
  });

  it('refuses details that are not JSON', () => {
    migrate(database, 3);
    database.prepare(INSERT_V2).run();
    expect(() => database.prepare("UPDATE exam_sessions SET details_json = 'nope'").run()).toThrow(/CHECK/);
    expect(() => database.prepare('UPDATE exam_sessions SET details_json = NULL').run()).toThrow(/NOT NULL/);
  });
});
