const UNIT_SECONDS: Readonly<Record<string, number>> = { d: 86_400, h: 3600, m: 60, s: 1 };
const PART = /(\d+(?:\.\d+)?)([dhms])/g;
/** `90s`, `15m`, `1h30m`, `2d18h`, `0.5h`: one or more number-unit pairs, largest unit first. */
export const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?[dhms])+$/;

/** Seconds in a duration string such as `15m` or `1h30m` (see {@link DURATION_PATTERN}); NaN when it is not one. */
export function durationSeconds(text: string): number {
  if (!DURATION_PATTERN.test(text)) return Number.NaN;
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(PART)) seconds += Number(n) * (UNIT_SECONDS[unit as string] ?? 0);
  return seconds;
}

/** `HH:MM` (00:00–24:00) as seconds after midnight; NaN when it is not one. */
export function clockSeconds(text: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return Number.NaN;
  const s = Number(m[1]) * 3600 + Number(m[2]) * 60;
  return s > 86_400 ? Number.NaN : s;
}
