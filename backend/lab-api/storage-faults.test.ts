import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabApi } from '../../core/lab-api/index.ts';
import { migrate } from '../progress/migrations/index.ts';
import { writeProblem } from '../progress/open-progress-store.ts';
import { ProgressStore } from '../progress/index.ts';
import { dispatchLabApi } from './dispatch.ts';
import { storageFaultError } from './storage-faults.ts';

let folder: string;
let file: string;
const open: Database.Database[] = [];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-faults-'));
  file = join(folder, 'progress.sqlite');
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  migrate(database);
  database.close();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const database of open.splice(0)) if (database.open) database.close();
  rmSync(folder, { recursive: true, force: true });
});

function connect(options: Database.Options = {}): Database.Database {
  const database = new Database(file, options);
  open.push(database);
  return database;
}

/** A LabApi whose draft saves go to a real store over `database`; nothing else is called. */
function draftApi(database: Database.Database): LabApi {
  const store = new ProgressStore(database, () => 1_700_000_000_000);
  const api: Partial<LabApi> = {
    saveDraft: (exerciseId, text) =>
      Promise.resolve({ updatedAt: store.saveDraft(exerciseId, text).updatedAt }),
  };
  return api as LabApi;
}

async function saveDraft(api: LabApi, text = 'kind: NetworkPolicy\n') {
  return dispatchLabApi(api, 'saveDraft', ['internal-egress-payroll-mysql', text]);
}

describe('storage faults reach the page as plain words', () => {
  it('a full disk says so and that the draft stays, instead of code internal', async () => {
    const database = connect();
    // The database may not grow by a single page: the next large write fails as on a full disk.
    const pages = database.pragma('page_count', { simple: true }) as number;
    database.pragma(`max_page_count = ${pages}`);
    const result = await saveDraft(draftApi(database), 'x'.repeat(200_000));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'Your progress could not be saved: the disk is full. Free some space; your draft stays in this window.',
      },
    });
  });

  it('a read-only database says it cannot be written', async () => {
    const result = await saveDraft(draftApi(connect({ readonly: true })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unavailable');
    expect(result.error.message).toMatch(
      /^Your progress could not be saved: the progress database cannot be written/,
    );
    expect(result.error.message).toContain('your draft stays in this window');
  });

  it('a database locked by another program says so', async () => {
    const holder = connect();
    holder.exec('BEGIN IMMEDIATE');
    const result = await saveDraft(draftApi(connect({ timeout: 0 })));
    holder.exec('ROLLBACK');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'unavailable' });
    expect(result.error.message).toMatch(/another program is holding the progress database/);
  });

  it('the draft is saved once the fault is gone', async () => {
    const database = connect();
    const pages = database.pragma('page_count', { simple: true }) as number;
    database.pragma(`max_page_count = ${pages}`);
    const api = draftApi(database);
    expect((await saveDraft(api, 'y'.repeat(200_000))).ok).toBe(false);
    database.pragma('max_page_count = 1073741823');
    expect((await saveDraft(api, 'y'.repeat(200_000))).ok).toBe(true);
  });

  it('maps I/O errors and leaves other errors alone', () => {
    expect(storageFaultError({ code: 'SQLITE_IOERR_WRITE' })?.message).toMatch(/disk reported an error/);
    expect(storageFaultError({ code: 'ENOSPC' })?.message).toMatch(/disk is full/);
    expect(storageFaultError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeUndefined();
    expect(storageFaultError(new Error('boom'))).toBeUndefined();
    expect(storageFaultError(null)).toBeUndefined();
  });
});

describe('the start-up write probe', () => {
  it('finds a database that cannot be written, and changes nothing in one that can', () => {
    expect(writeProblem(connect({ readonly: true }))).toBe('the file or its folder is read-only');
    const writable = connect();
    const version = writable.pragma('user_version', { simple: true });
    expect(writeProblem(writable)).toBeUndefined();
    expect(writable.pragma('user_version', { simple: true })).toBe(version);
  });
});
