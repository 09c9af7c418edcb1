import { describe, expect, it, vi } from 'vitest';
import type { LabBridge, Settings } from '../../../core/lab-api/index.ts';
import { LAB_API_METHODS } from '../../../core/lab-api/index.ts';
import { bridgeTransport, createLabApi, httpTransport, LabApiClientError } from './api.ts';

const SETTINGS: Settings = {
  theme: 'dark',
  fontSize: 18,
  editorKeys: 'vim',
  tabSize: 4,
  workspace: 'terminal',
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function fakeBridge(
  overrides: Partial<Record<keyof LabBridge, (...args: unknown[]) => Promise<unknown>>>,
): LabBridge {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of LAB_API_METHODS) {
    bridge[method] =
      overrides[method] ?? (async () => ({ ok: false, error: { code: 'internal', message: 'not faked' } }));
  }
  return bridge as unknown as LabBridge;
}

describe('createLabApi over HTTP', () => {
  it('posts the arguments to a relative api/<method> URL and unwraps the value', async () => {
    const fetchFunction = vi.fn(async () => jsonResponse({ ok: true, value: SETTINGS }));
    const api = createLabApi(httpTransport(fetchFunction));
    await expect(api.updateSettings({ theme: 'dark' })).resolves.toEqual(SETTINGS);
    expect(fetchFunction).toHaveBeenCalledWith('api/updateSettings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [{ theme: 'dark' }] }),
    });
  });

  it('throws the host error with its code and message', async () => {
    const api = createLabApi(
      httpTransport(async () =>
        jsonResponse({ ok: false, error: { code: 'not-found', message: 'No exercise "nope".' } }, 404),
      ),
    );
    const failure = await api.getExercise('nope').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LabApiClientError);
    expect(failure).toMatchObject({ code: 'not-found', message: 'No exercise "nope".' });
  });

  it('says how to restart the host when the network fails', async () => {
    const api = createLabApi(
      httpTransport(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const failure = await api.getCatalog().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LabApiClientError);
    expect(failure).toMatchObject({ code: 'unavailable' });
    expect((failure as Error).message).toContain('npm run serve');
  });

  it('answers undefined for a void method whose envelope has no value', async () => {
    const api = createLabApi(httpTransport(async () => jsonResponse({ ok: true })));
    await expect(api.resetProgress('reset')).resolves.toBeUndefined();
  });

  it('rejects an answer that is not an envelope', async () => {
    const api = createLabApi(httpTransport(async () => new Response('<html>oops</html>', { status: 502 })));
    await expect(api.getSettings()).rejects.toMatchObject({ code: 'unavailable' });
    const odd = createLabApi(httpTransport(async () => jsonResponse({ hello: 'world' })));
    await expect(odd.getSettings()).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('createLabApi over the Electron bridge', () => {
  it('passes positional arguments through and unwraps the value', async () => {
    const saveDraft = vi.fn(async () => ({ ok: true, value: { updatedAt: 42 } }));
    const api = createLabApi(bridgeTransport(fakeBridge({ saveDraft })));
    await expect(api.saveDraft('ex-1', 'kind: NetworkPolicy')).resolves.toEqual({ updatedAt: 42 });
    expect(saveDraft).toHaveBeenCalledWith('ex-1', 'kind: NetworkPolicy');
  });

  it('throws the error a bridge call answers', async () => {
    const api = createLabApi(
      bridgeTransport(
        fakeBridge({
          resetProgress: async () => ({
            ok: false,
            error: { code: 'invalid-argument', message: 'Type reset.' },
          }),
        }),
      ),
    );
    await expect(api.resetProgress('reset')).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'Type reset.',
    });
  });

  it('turns a broken bridge into an unavailable error', async () => {
    const api = createLabApi(
      bridgeTransport(
        fakeBridge({
          getCatalog: async () => {
            throw new Error('An object could not be cloned.');
          },
        }),
      ),
    );
    await expect(api.getCatalog()).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('has every method of the contract', () => {
    const api = createLabApi(bridgeTransport(fakeBridge({})));
    for (const method of LAB_API_METHODS) expect(typeof api[method]).toBe('function');
  });
});
