import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProgressStore } from '../open-progress-store.ts';
import { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, NewerSchemaError, readSchemaVersion } from './index.ts';

let folder: string;
let databases: Database.Database[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-migrations-'));
  databases = [];
});

afterEach(() => {
  for (const database of databases) if (database.open) database.close();
  rmSync(folder, { recursive: true, force: true });
});

function openRaw(name = 'progress.db'): Database.Database {
  const database = new Database(join(folder, name));
  databases.push(database);
  return database;
}

function columns(database: Database.Database, table: string): string[] {
  return (database.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

function tables(database: Database.Database): string[] {
  return database
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migration list', () => {
  it('is numbered 1, 2, … in order with kebab-case names', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    for (const migration of MIGRATIONS) expect(migration.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});

describe('001-initial', () => {
  it('creates the practice tables on an empty database and sets user_version 1', () => {
    const database = openRaw();
    expect(migrate(database, 1)).toBe(1);
    expect(readSchemaVersion(database)).toBe(1);
    expect(tables(database)).toEqual(
      expect.arrayContaining(['attempts', 'drafts', 'exercise_state', 'settings']),
    );
    expect(tables(database)).not.toContain('exam_sessions');
    expect(columns(database, 'attempts')).toEqual([
      'id',
      'exercise_id',
      'exercise_version',
      'yaml',
      'checks_json',
      'score',
      'passed',
      'duration_ms',
      'created_at',
    ]);
    expect(columns(database, 'drafts')).toEqual(['exercise_id', 'text', 'updated_at']);
    expect(columns(database, 'exercise_state')).toEqual([
      'exercise_id',
      'hints_revealed',
      'solution_viewed_at',
    ]);
    expect(columns(database, 'settings')).toEqual(['key', 'value_json', 'updated_at']);
  });

  it('refuses rows the application would never write', () => {
    const database = openRaw();
    migrate(database, 1);
    const insert = database.prepare(
      `INSERT INTO attempts (exercise_id, exercise_version, yaml, checks_json, score, passed, duration_ms, created_at)
       VALUES (?, 'v', '', ?, ?, ?, 0, 0)`,
    );
    expect(() => insert.run('', '[]', 0, 0)).toThrow(/CHECK/);
    expect(() => insert.run('a', 'not json', 0, 0)).toThrow(/CHECK/);
    expect(() => insert.run('a', '[]', 2, 0)).toThrow(/CHECK/);
    expect(() => insert.run('a', '[]', 0, 3)).toThrow(/CHECK/);
  });
});

describe('002-exam-sessions', () => {
  it('adds exam_sessions and sets user_version 2', () => {
    const database = openRaw();
    expect(migrate(database, 2)).toBe(2);
    expect(columns(database, 'exam_sessions')).toEqual([
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
    ]);
  });

  it('upgrades a version-1 database with data and keeps every row', () => {
    const file = join(folder, 'old.db');
    const old = openRaw('old.db');
    migrate(old, 1);
    old
      .prepare(
        `INSERT INTO attempts (exercise_id, exercise_version, yaml, checks_json, score, passed, duration_ms, created_at)
         VALUES ('01-foundations/01-internal-egress', 'hash-1', 'kind: NetworkPolicy', '[{"id":"c1","passed":true}]', 1, 1, 1200, 1000)`,
      )
      .run();
    old.prepare("INSERT INTO drafts VALUES ('ex-a', 'draft text', 2000)").run();
    old.prepare("INSERT INTO exercise_state VALUES ('ex-a', 2, 3000)").run();
    old.prepare(`INSERT INTO settings VALUES ('theme', '"dark"', 4000)`).run();
    old.close();

    const { store, recovered } = openProgressStore(file);
    try {
      expect(recovered).toBeUndefined();
      const [attempt] = store.listAttempts('01-foundations/01-internal-egress');
      expect(attempt).toMatchObject({
        exerciseVersion: 'hash-1',
        yaml: 'kind: NetworkPolicy',
        checks: [{ id: 'c1', passed: true }],
        passed: true,
        durationMs: 1200,
        createdAt: 1000,
      });
      expect(store.getDraft('ex-a')).toEqual({ exerciseId: 'ex-a', text: 'draft text', updatedAt: 2000 });
      expect(store.getExerciseProgress('ex-a')).toMatchObject({ hintsRevealed: 2, solutionViewedAt: 3000 });
      expect(store.getSetting('theme')).toBe('dark');
    } finally {
      store.close();
    }
    const upgraded = openRaw('old.db');
    expect(readSchemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(upgraded)).toContain('exam_sessions');
  });
});

describe('migrate', () => {
  it('does nothing on an up-to-date database', () => {
    const database = openRaw();
    migrate(database);
    const schema = database.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();
    expect(migrate(database)).toBe(LATEST_SCHEMA_VERSION);
    expect(database.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
  });

  it('refuses a database from a newer app', () => {
    const database = openRaw();
    database.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(database)).toThrow(NewerSchemaError);
  });

  it('rolls a failing step back whole, leaving the version where it was', () => {
    const database = openRaw();
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up(target: Database.Database) {
          target.exec('CREATE TABLE half_done (x)');
          throw new Error('step failed');
        },
      },
    ];
    expect(() => migrate(database, 2, broken)).toThrow('step failed');
    expect(readSchemaVersion(database)).toBe(1);
    expect(tables(database)).not.toContain('half_done');
  });
});
