/**
 * The one result shape of the repository: expected failures are values, never exceptions.
 * @see https://zod.dev/basics#handling-errors (safeParse) for the pattern.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
