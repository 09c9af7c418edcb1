/**
 * The one entry every transport uses: check the method name and arguments, call the API, and turn
 * whatever happens into a {@link LabApiResult}. Nothing thrown inside reaches the transport, and an
 * unexpected failure never leaks its details to the page (they go to the log instead).
 */
import { checkLabApiArgs, isLabApiMethod } from '../../core/lab-api/index.ts';
import type { LabApi, LabApiError, LabApiResult } from '../../core/lab-api/index.ts';
import { ProgressStoreError } from '../progress/index.ts';
import { LabApiFailure } from './failure.ts';
import { storageFaultError } from './storage-faults.ts';

const INTERNAL_MESSAGE = 'Something went wrong inside the lab; the details are in its log.';

/** The error a caller may see for `error`; unexpected errors are logged to stderr. */
export function toLabApiError(error: unknown, method: string): LabApiError {
  if (error instanceof LabApiFailure) return error.error;
  if (error instanceof ProgressStoreError) {
    return error.code === 'invalid-argument'
      ? { code: 'invalid-argument', message: error.message }
      : { code: 'unavailable', message: `Your progress cannot be read or saved right now: ${error.message}` };
  }
  const fault = storageFaultError(error);
  if (fault !== undefined) {
    console.warn(`LabApi ${method} could not write:`, error instanceof Error ? error.message : error);
    return fault;
  }
  console.error(`LabApi ${method} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

/** Validates and runs one call of `api`; never throws. */
export async function dispatchLabApi(
  api: LabApi,
  method: unknown,
  args: unknown,
): Promise<LabApiResult<unknown>> {
  if (!isLabApiMethod(method)) {
    const name = typeof method === 'string' ? JSON.stringify(method.slice(0, 60)) : typeof method;
    return { ok: false, error: { code: 'invalid-argument', message: `There is no LabApi method ${name}.` } };
  }
  try {
    const checked = checkLabApiArgs(method, args);
    if (!checked.ok) return checked;
    const call = api[method] as (...values: readonly unknown[]) => Promise<unknown>;
    const value = await call.apply(api, checked.value);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toLabApiError(error, method) };
  }
}
