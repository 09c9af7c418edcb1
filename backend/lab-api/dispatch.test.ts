import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabApi } from '../../core/lab-api/index.ts';
import { ProgressStoreError } from '../progress/index.ts';
import { createLabBackend, dispatchLabApi, LabApiFailure } from './index.ts';
import type { LabBackend } from './index.ts';

let folder: string;
let backend: LabBackend;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-dispatch-'));
  backend = await createLabBackend({
    exercisesRoot: resolve(import.meta.dirname, '../../exercises'),
    databaseFile: join(folder, 'progress.sqlite'),
    host: 'electron',
    appVersion: '1.2.3',
  });
});

afterAll(() => {
  backend.close();
  rmSync(folder, { recursive: true, force: true });
});

/** An API whose every method throws `error`. */
function throwing(error: unknown): LabApi {
  return new Proxy({} as LabApi, {
    get: () => async () => {
      throw error;
    },
  });
}

describe('dispatchLabApi', () => {
  it('calls the method with checked arguments and wraps the value', async () => {
    expect(await dispatchLabApi(backend.api, 'getStartupInfo', [])).toEqual({
      ok: true,
      value: { appVersion: '1.2.3', host: 'electron', databaseRecovered: null, databaseWarning: null },
    });
    const saved = await dispatchLabApi(backend.api, 'saveDraft', ['internal-egress-payroll-mysql', 'a: 1']);
    expect(saved.ok).toBe(true);
    expect(await dispatchLabApi(backend.api, 'resetProgress', ['reset'])).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses unknown methods, including inherited property names', async () => {
    for (const method of ['dropTables', 'constructor', 'toString', '__proto__', 7, null]) {
      const result = await dispatchLabApi(backend.api, method, []);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('refuses bad arguments before calling the method', async () => {
    const api = throwing(new Error('must not be called'));
    const result = await dispatchLabApi(api, 'getExercise', [42]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'getExercise: argument 1 (exerciseId) must be a string, got 42',
      },
    });
    expect(await dispatchLabApi(api, 'getCatalog', 'not an array')).toMatchObject({ ok: false });
    expect(await dispatchLabApi(api, 'resetProgress', ['yes'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('answers not-found for an unknown exercise', async () => {
    expect(await dispatchLabApi(backend.api, 'getExercise', ['missing-exercise'])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no exercise "missing-exercise" in the library.' },
    });
  });

  it('maps store errors and hides unexpected ones', async () => {
    const failure = new LabApiFailure('unavailable', 'Try again later.');
    expect(await dispatchLabApi(throwing(failure), 'getCatalog', [])).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Try again later.' },
    });
    const closed = await dispatchLabApi(
      throwing(new ProgressStoreError('closed', 'closed')),
      'getSettings',
      [],
    );
    expect(closed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const refused = await dispatchLabApi(
      throwing(new ProgressStoreError('invalid-argument', 'draft text is too big')),
      'getSettings',
      [],
    );
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'draft text is too big' },
    });

    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const internal = await dispatchLabApi(
        throwing(new TypeError('secret /home/path detail')),
        'getCatalog',
        [],
      );
      expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(internal)).not.toContain('secret');
      expect(String(log.mock.calls[0]?.join(' '))).toContain('secret /home/path detail');
    } finally {
      log.mockRestore();
    }
  });

  it('answers unavailable once the backend is closed', async () => {
    const folderTwo = mkdtempSync(join(tmpdir(), 'netpol-dispatch-closed-'));
    const closing = await createLabBackend({
      exercisesRoot: resolve(import.meta.dirname, '../../exercises'),
      databaseFile: join(folderTwo, 'progress.sqlite'),
      host: 'browser',
      appVersion: '0',
    });
    closing.close();
    try {
      expect(await dispatchLabApi(closing.api, 'getSettings', [])).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    } finally {
      rmSync(folderTwo, { recursive: true, force: true });
    }
  });
});
