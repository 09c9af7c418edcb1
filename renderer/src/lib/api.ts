/**
 * The only module that talks to the host. Electron's preload offers `window.labBridge`; in browser
 * mode the local HTTP host answers `POST api/<method>`. Both answer a `LabApiResult` envelope, which
 * this client unwraps so components see plain values or a {@link LabApiClientError}.
 */
import { LAB_API_METHODS } from '../../../core/lab-api/index.ts';
import type {
  LabApi,
  LabApiErrorCode,
  LabApiMethod,
  LabApiResult,
  LabBridge,
} from '../../../core/lab-api/index.ts';

/** A host failure (or a lost host), with a message a learner can act on. */
export class LabApiClientError extends Error {
  readonly code: LabApiErrorCode;

  constructor(code: LabApiErrorCode, message: string) {
    super(message);
    this.name = 'LabApiClientError';
    this.code = code;
  }
}

/** Sends one call and answers the host's envelope; rejects only when the host cannot be reached. */
export type LabApiTransport = (method: LabApiMethod, args: readonly unknown[]) => Promise<unknown>;

const BROWSER_HOST_LOST =
  "The lab's host stopped responding. Restart it with npm run serve, then reload this page.";
const ELECTRON_HOST_LOST = 'The lab stopped responding. Close it and start it again.';

/** A transport over Electron's preload bridge. */
export function bridgeTransport(bridge: LabBridge): LabApiTransport {
  return async (method, args) => {
    const call = bridge[method] as (...callArgs: readonly unknown[]) => Promise<unknown>;
    try {
      return await call(...args);
    } catch {
      throw new LabApiClientError('unavailable', ELECTRON_HOST_LOST);
    }
  };
}

/** A transport over the local HTTP host, relative to the page so it works under any path. */
export function httpTransport(
  fetchFunction: typeof fetch = (...request) => fetch(...request),
): LabApiTransport {
  return async (method, args) => {
    let response: Response;
    try {
      response = await fetchFunction(`api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ args }),
      });
    } catch {
      throw new LabApiClientError('unavailable', BROWSER_HOST_LOST);
    }
    try {
      return await response.json();
    } catch {
      // Not an envelope at all: something other than the lab's host answered.
      throw new LabApiClientError(
        'unavailable',
        `The lab's host answered ${response.status} without a result. Restart it with npm run serve.`,
      );
    }
  };
}

function isEnvelope(value: unknown): value is LabApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  // A method answering void arrives as `{ ok: true }`: JSON drops an undefined value.
  if (value.ok === true) return true;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** Unwraps an envelope into its value, or throws the error it carries. */
export function unwrapResult(result: unknown): unknown {
  if (!isEnvelope(result)) {
    throw new LabApiClientError(
      'internal',
      "The lab's host sent an answer this version does not understand.",
    );
  }
  if (result.ok) return result.value;
  throw new LabApiClientError(result.error.code, result.error.message);
}

/** A {@link LabApi} whose every method goes through `transport`. */
export function createLabApi(transport: LabApiTransport): LabApi {
  const client: Partial<Record<LabApiMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of LAB_API_METHODS) {
    client[method] = async (...args: unknown[]) => unwrapResult(await transport(method, args));
  }
  return client as unknown as LabApi;
}

/** The bridge when Electron provides one, the HTTP host otherwise. */
export function defaultTransport(): LabApiTransport {
  const bridge = typeof window === 'undefined' ? undefined : window.labBridge;
  return bridge ? bridgeTransport(bridge) : httpTransport();
}

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof LabApiClientError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

/** The host, as every component reaches it. */
export const api: LabApi = createLabApi(defaultTransport());
