import { type AppError, type ErrorCode, isAppError } from '../../lib/errors';

/** Awaits a promise that must reject with an AppError of the given code, and returns that error. */
export async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!isAppError(caught, code)) {
    const described = caught instanceof Error ? `${caught.name} ${String((caught as { code?: unknown }).code)}: ${caught.message}` : String(caught);
    throw new Error(`expected AppError ${code}, got ${described}`);
  }
  return caught;
}
