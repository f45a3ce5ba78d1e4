import type { Result } from '@triage/scales';

/**
 * Test support: `value` rounded to as many decimals as `printed` has, for `expect(printedAs(x, '0.23870')).toBe(
 * '0.23870')`. The reference tables print 4–7 significant digits; the tests hold the implementation to exactly those.
 */
export function printedAs(value: number, printed: string): string {
  return value.toFixed(printed.split('.')[1]?.length ?? 0);
}

/** Test support: the value of an ok result; throws (failing the test) otherwise. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
