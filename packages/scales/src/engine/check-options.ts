import type { InstrumentDefinition } from '../definition/schema.ts';
import type { Coding, ScoreIssue, ScoreOptions } from './types.ts';

const CODINGS: readonly Coding[] = ['native', 'zero-based', 'one-based'];
const ROUNDINGS: readonly string[] = ['half-up', 'truncate', 'half-even', 'none'];
const BOOLEANS: readonly string[] = ['true', 'false'];
const OPTION_NAMES = 'coding, bandSet, indexRounding, prorationRounding, prorate, includeItems';
/** A received value is kept this far: enough to recognise a typo, never a whole pasted document. */
const RECEIVED_SHOWN = 40;

const NO_OPTIONS: ScoreOptions = Object.freeze({});

/** What was received, for error files: a string itself (cut short), else its type. */
function receivedOf(value: unknown): string {
  if (typeof value !== 'string') return Array.isArray(value) ? 'array' : typeof value;
  return value.length > RECEIVED_SHOWN ? `${value.slice(0, RECEIVED_SHOWN)}…` : value;
}

/** `null` and `''` (what JSON and forms give for "not set") mean not given, as `undefined` does. */
const unset = (value: unknown) => value === undefined || value === null || value === '';

const CODING_SET: ReadonlySet<unknown> = new Set(CODINGS);
const ROUNDING_SET: ReadonlySet<unknown> = new Set(ROUNDINGS);
const isFlag = (v: unknown) => v === undefined || typeof v === 'boolean';

/**
 * Options as `scoreInstrument` uses them, or the issues (`SCALES_INVALID_OPTION`) of those a caller typed wrong:
 * a coding, rounding or flag outside its values is refused rather than scored as the default, since 0–3 read as 1–4
 * or a total rounded otherwise changes the score silently. `null` or `''` for an option means not given.
 */
export function checkOptions(
  definition: InstrumentDefinition,
  options: unknown,
  issues: ScoreIssue[],
): ScoreOptions | undefined {
  if (options === undefined || options === null) return NO_OPTIONS;
  if (typeof options !== 'object' || Array.isArray(options)) {
    issues.push({ code: 'SCALES_INVALID_OPTION', option: '', expected: OPTION_NAMES, received: receivedOf(options) });
    return undefined;
  }
  const o = options as Record<string, unknown>;
  // Fast path, once a row for a whole file: every option absent or of its values (no allocation).
  if (
    (o.coding === undefined || CODING_SET.has(o.coding)) &&
    (o.indexRounding === undefined || ROUNDING_SET.has(o.indexRounding)) &&
    (o.prorationRounding === undefined || ROUNDING_SET.has(o.prorationRounding)) &&
    isFlag(o.prorate) &&
    isFlag(o.includeItems) &&
    (o.bandSet === undefined || (typeof o.bandSet === 'string' && o.bandSet !== ''))
  ) {
    return o as ScoreOptions;
  }
  const before = issues.length;
  const check = (option: string, ok: (v: unknown) => boolean, expected: string) => {
    const v = o[option];
    if (!unset(v) && !ok(v)) issues.push({ code: 'SCALES_INVALID_OPTION', option, expected, received: receivedOf(v) });
  };
  check('coding', (v) => CODING_SET.has(v), CODINGS.join(', '));
  check('indexRounding', (v) => ROUNDING_SET.has(v), ROUNDINGS.join(', '));
  check('prorationRounding', (v) => ROUNDING_SET.has(v), ROUNDINGS.join(', '));
  check('prorate', isFlag, BOOLEANS.join(', '));
  check('includeItems', isFlag, BOOLEANS.join(', '));
  // A band set that is a string but not the definition's is SCALES_UNKNOWN_BAND_SET (score.ts); another type is here.
  check('bandSet', (v) => typeof v === 'string', definition.bandSets.map((s) => s.id).join(', ') || 'none');
  if (issues.length > before) return undefined;
  // Unset values dropped, so that later reads (`bandSet !== undefined`) see them as not given.
  const copy: Record<string, unknown> = { ...o };
  for (const key of Object.keys(copy)) if (unset(copy[key])) delete copy[key];
  return copy as ScoreOptions;
}
