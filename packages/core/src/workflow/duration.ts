const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000];

/**
 * Milliseconds in an ISO 8601 duration of weeks, days, hours, minutes and seconds (`P7D`, `PT4H`, `P1W`); years and
 * months have no fixed length, so policies state them in days. Throws on anything else: policies are checked data.
 */
export function durationMs(duration: string): number {
  const m = PATTERN.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T')) throw new RangeError(`unsupported duration: ${duration}`);
  return m.slice(1).reduce((sum, n, i) => sum + (n === undefined ? 0 : Number(n) * (UNIT_MS[i] ?? 0)), 0);
}

/** The instant `duration` after `at`, as an ISO 8601 UTC timestamp. */
export function addDuration(at: string, duration: string): string {
  return new Date(Date.parse(at) + durationMs(duration)).toISOString();
}

/** Milliseconds since the epoch of a timestamp, so instants with different offsets compare correctly. */
export const instant = (at: string): number => Date.parse(at);
