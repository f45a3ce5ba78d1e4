import { CliError } from '../exit-codes.ts';
import type { StaffingMessages } from './staffing-messages.ts';

const NUMBER = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*$/;
const DURATION = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(s|sec|m|min|h)?\s*$/i;
const SHARE = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%)?\s*$/;
const HOURS_A_WEEK = 168;
const TO_SECONDS: Readonly<Record<string, number>> = { s: 1, sec: 1, m: 60, min: 60, h: 3600 };

/**
 * Calls a day or an hour, above 0. With no calls there is nothing to size: the search would still give every hour
 * its one seat (as it does an hour without calls in a profile, a line that is open has someone on it) and print
 * 24 seat-hours and 6 FTE as if worked out from demand, so 0 is refused rather than planned.
 */
export function parseCalls(flag: 'calls-per-day' | 'calls-per-hour', value: string, text: StaffingMessages): number {
  const m = NUMBER.exec(value);
  const calls = m ? Number(m[1]) : Number.NaN;
  if (!(calls > 0 && Number.isFinite(calls))) throw new CliError('CLI_USAGE', text.badCalls(flag, value));
  return calls;
}

/** Seconds from "900", "900s", "15m", "15min" or "1h": plain numbers are seconds. */
export function parseDuration(flag: string, value: string, text: StaffingMessages): number {
  const m = DURATION.exec(value);
  const seconds = m ? Number(m[1]) * (TO_SECONDS[(m[2] ?? 's').toLowerCase()] ?? 1) : Number.NaN;
  if (!(seconds > 0)) throw new CliError('CLI_USAGE', text.badDuration(flag, value));
  return seconds;
}

/** A share in [0, 1) from "5%" or "0.05"; a bare number above 1 is read as percent ("30" → 0.3). */
export function parseShare(flag: string, value: string, text: StaffingMessages): number {
  const m = SHARE.exec(value);
  const n = m ? Number(m[1]) : Number.NaN;
  const share = m?.[2] || n > 1 ? n / 100 : n;
  if (!(share >= 0 && share < 1)) throw new CliError('CLI_USAGE', text.badShare(flag, value));
  return share;
}

/**
 * The abandonment ceiling, a share in (0, 1): while callers hang up (Erlang A, finite patience) some always do, so no
 * number of seats meets a ceiling of 0.
 */
export function parseAbandonCeiling(value: string, text: StaffingMessages): number {
  const bad = () => new CliError('CLI_USAGE', text.badAbandon(value));
  let share: number;
  try {
    share = parseShare('max-abandon', value, text);
  } catch {
    throw bad();
  }
  if (share <= 0) throw bad();
  return share;
}

/** Paid hours a week of a full-time contract: above 0, and a week has 168. */
export function parseContractHours(value: string, text: StaffingMessages): number {
  const m = NUMBER.exec(value);
  const hours = m ? Number(m[1]) : Number.NaN;
  if (!(hours > 0 && hours <= HOURS_A_WEEK)) throw new CliError('CLI_USAGE', text.badContractHours(value));
  return hours;
}

/** "80/20" (or "80%/20s", "0.8/20"): the share answered and the threshold in seconds. */
export function parseTarget(
  value: string,
  text: StaffingMessages,
): { readonly serviceLevel: number; readonly answerWithinSeconds: number } {
  const [level, within, ...rest] = value.split('/');
  const bad = () => new CliError('CLI_USAGE', text.badTarget(value));
  if (level === undefined || within === undefined || rest.length > 0) throw bad();
  try {
    const serviceLevel = parseShare('target', level, text);
    const answerWithinSeconds = parseDuration('target', within, text);
    if (serviceLevel <= 0) throw bad();
    return { serviceLevel, answerWithinSeconds };
  } catch {
    throw bad();
  }
}

/** The flags of `triage simulate staffing` as oclif parses them: strings, so messages can quote them. */
export interface StaffingFlags {
  readonly 'calls-per-day'?: string | undefined;
  readonly 'calls-per-hour'?: string | undefined;
  readonly profile?: string | undefined;
  readonly aht: string;
  readonly patience: string;
  readonly target: string;
  readonly 'max-abandon'?: string | undefined;
  readonly 'max-asa'?: string | undefined;
  readonly shrinkage: string;
  readonly 'contract-hours': string;
  readonly model: 'erlang-a' | 'erlang-c';
}

/** The flags checked and in units: seconds, shares, calls a day. */
export interface StaffingSettings {
  readonly model: 'erlang-a' | 'erlang-c';
  readonly callsPerDay: number;
  /** --calls-per-hour: the same rate every hour (a flat profile). */
  readonly steady: boolean;
  readonly profileFile: string | undefined;
  readonly handleSeconds: number;
  readonly patienceSeconds: number;
  readonly target: { readonly serviceLevel: number; readonly answerWithinSeconds: number };
  readonly maxAbandon: number | undefined;
  readonly maxAsaSeconds: number | undefined;
  readonly shrinkage: number;
  readonly contractHoursPerWeek: number;
}

/** Checks the flags together and converts them; every problem is a usage error (exit 2) naming the flag. */
export function staffingSettings(flags: StaffingFlags, text: StaffingMessages): StaffingSettings {
  const perDay = flags['calls-per-day'];
  const perHour = flags['calls-per-hour'];
  if ((perDay === undefined) === (perHour === undefined)) throw new CliError('CLI_USAGE', text.oneRate);
  if (perHour !== undefined && flags.profile !== undefined) throw new CliError('CLI_USAGE', text.profileNeedsDay);
  if (flags.model === 'erlang-c' && flags['max-abandon'] !== undefined) {
    throw new CliError('CLI_USAGE', text.abandonNeedsA);
  }
  const contractHoursPerWeek = parseContractHours(flags['contract-hours'], text);
  const optional = <T>(value: string | undefined, parse: (v: string) => T) =>
    value === undefined ? undefined : parse(value);
  return {
    model: flags.model,
    callsPerDay:
      perHour === undefined
        ? parseCalls('calls-per-day', perDay ?? '', text)
        : 24 * parseCalls('calls-per-hour', perHour, text),
    steady: perHour !== undefined,
    profileFile: flags.profile,
    handleSeconds: parseDuration('aht', flags.aht, text),
    patienceSeconds: parseDuration('patience', flags.patience, text),
    target: parseTarget(flags.target, text),
    maxAbandon: optional(flags['max-abandon'], (v) => parseAbandonCeiling(v, text)),
    maxAsaSeconds: optional(flags['max-asa'], (v) => parseDuration('max-asa', v, text)),
    shrinkage: parseShare('shrinkage', flags.shrinkage, text),
    contractHoursPerWeek,
  };
}
