import { isTriageApiError, type TriageApiError } from '../src/errors.ts';

/** The typed error a call fails with; anything else (or success) fails the test. */
export async function rejection(promise: PromiseLike<unknown>): Promise<TriageApiError> {
  try {
    await promise;
  } catch (error) {
    if (isTriageApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
