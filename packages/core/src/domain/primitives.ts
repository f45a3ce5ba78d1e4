import { z } from 'zod';
import type { CheckKey } from './messages.ts';

/** Patterns the issue renderer recognises by their source to give a domain message (messages.ts `patternMessages`). */
export const PATTERNS = {
  /** ASCII token: keeps names (姓名) and free text out of id fields. */
  id: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
  instrumentId: /^[a-z0-9][a-z0-9._-]{0,63}$/,
  /** The rule engine's rule-set hash (rules/evaluate.ts). */
  hash: /^sha256:[0-9a-f]{64}$/,
  /** GB/T 2260 administrative division code. */
  region: /^\d{6}$/,
} as const;

/** An ISO 8601 date-time with a `Z` or `±hh:mm` offset, so instants from different stations compare correctly. */
export const timestampSchema = z.iso.datetime({ offset: true });
/** An ISO 8601 date-time with offset. */
export type Timestamp = z.infer<typeof timestampSchema>;

/** An ISO 8601 calendar date (YYYY-MM-DD). */
export const isoDateSchema = z.iso.date();
/** An ISO 8601 calendar date. */
export type IsoDate = z.infer<typeof isoDateSchema>;

/** An ISO 8601 duration such as `PT24H` or `P7D`. */
export const durationSchema = z.iso.duration();
/** An ISO 8601 duration. */
export type Duration = z.infer<typeof durationSchema>;

/** A short free-text reason; it must not carry names, phone numbers or addresses (README, Privacy). */
export const reasonSchema = z.string().min(1).max(500);

/** The name of an institution (station, hospital, agency), never of a person. */
export const institutionNameSchema = z.string().min(1).max(100);

/** True when both instants are present and `later` is before `earlier`. */
export function isBefore(later: string | undefined, earlier: string | undefined): boolean {
  return later !== undefined && earlier !== undefined && Date.parse(later) < Date.parse(earlier);
}

/** True when nothing else failed: cross-field checks run only on otherwise valid values (no second issue). */
export const whenValid = (payload: z.core.ParsePayload): boolean => payload.issues.length === 0;

/** Refinement options raising one of the domain's own checks (at `path`, if given), rendered from messages.ts. */
export function check(
  key: CheckKey,
  path?: string,
  params: Readonly<Record<string, string | readonly string[]>> = {},
): { path?: string[]; params: Record<string, unknown>; when: typeof whenValid } {
  const base = { params: { ...params, key }, when: whenValid };
  return path === undefined ? base : { ...base, path: [path] };
}
