import type { InstrumentDefinition } from '../definition/schema.ts';
import { err, ok, type Result } from '../result.ts';
import { findBand } from './bands.ts';
import { bandBounds, type TotalBounds, totalBounds } from './bounds.ts';
import { categoricalFailureFlags, scoreAsq, scoreCssrsScreener } from './categorical.ts';
import { checkOptions } from './check-options.ts';
import {
  type CompiledInstrument,
  type CompiledItem,
  type CompiledSubscale,
  compileInstrument,
  isAbsent,
} from './compile.ts';
import { cesdrCategory, phqDepressiveSyndrome } from './derived.ts';
import { readAnswers } from './read-answers.ts';
import { applyRounding } from './rounding.ts';
import { evaluateScreens, validityOf } from './screens.ts';
import { scoreSubscales } from './subscales.ts';
import type {
  Answers,
  BandResult,
  CutoffResult,
  Flag,
  IndexResult,
  PositiveItemsResult,
  ScoreFailure,
  ScoreIssue,
  ScoreOptions,
  ScoreValue,
  ScoreWarning,
  SubscaleResult,
} from './types.ts';

const NONE: readonly never[] = Object.freeze([]);
const NO_DERIVED: Readonly<Record<string, string>> = Object.freeze({});
// Derived outcomes are a handful of values: share one frozen object per value rather than allocate per row.
function derivedCache(key: string): (value: string) => Readonly<Record<string, string>> {
  const shared = new Map<string, Readonly<Record<string, string>>>();
  return (value) => {
    let found = shared.get(value);
    if (!found) {
      found = Object.freeze({ [key]: value });
      shared.set(value, found);
    }
    return found;
  };
}
const syndromeOf = derivedCache('syndrome');
const cesdrCategoryOf = derivedCache('category');

function derivedFor(compiled: CompiledInstrument, values: ArrayLike<number>): Readonly<Record<string, string>> {
  if (compiled.phqSyndrome) return syndromeOf(phqDepressiveSyndrome(values));
  if (compiled.cesdrCategory) return cesdrCategoryOf(cesdrCategory(values));
  return NO_DERIVED;
}

function criticalFlags(compiled: CompiledInstrument, values: ArrayLike<number>): readonly Flag[] {
  let flags: Flag[] | undefined;
  for (let i = 0; i < compiled.critical.length; i++) {
    const { definition: c, position } = compiled.critical[i] as (typeof compiled.critical)[number];
    const v = values[position] as number;
    // Never imputed: a blank or refused critical item is unknown, and unknown is a risk.
    let status: Flag['status'] | undefined;
    if (isAbsent(compiled.items[position] as CompiledItem, v)) status = 'unknown';
    else if (v >= c.min) status = 'positive';
    if (status) {
      flags ??= [];
      flags.push({ id: c.id, item: c.item, status, label: c.label });
    }
  }
  return flags ?? NONE;
}

/** The answers read, by item id, in native coding; blank and refused are null (never a value a rule could compare). */
function itemsOf(compiled: CompiledInstrument, values: ArrayLike<number>): Record<string, number | null> {
  const items: Record<string, number | null> = {};
  for (const item of compiled.items) {
    const v = values[item.position] as number;
    items[item.id] = isAbsent(item, v) ? null : v;
  }
  return items;
}

/**
 * Without a total a cut-off may still be decided: reached by the lowest total the unscored items allow, or out of
 * reach even at the highest (engine/bounds.ts). Only the undecided ones are null. Results are shared per outcome
 * pattern.
 */
function decideCutoffs(
  compiled: CompiledInstrument,
  total: number | null,
  bounds: TotalBounds | null,
): readonly CutoffResult[] {
  let pattern = 0;
  for (const c of compiled.cutoffs) {
    const decided =
      total !== null
        ? total >= c.min
        : !bounds
          ? null
          : bounds.low >= c.min
            ? true
            : bounds.high < c.min
              ? false
              : null;
    pattern = pattern * 3 + (decided === null ? 2 : decided ? 1 : 0);
  }
  let shared = compiled.cutoffResults.get(pattern);
  if (!shared) {
    let rest = pattern;
    const decisions: (boolean | null)[] = [];
    for (let i = 0; i < compiled.cutoffs.length; i++) {
      const digit = rest % 3;
      rest = (rest - digit) / 3;
      decisions.unshift(digit === 2 ? null : digit === 1);
    }
    shared = Object.freeze(
      compiled.cutoffs.map((c, i) => Object.freeze({ id: c.id, min: c.min, positive: decisions[i] ?? null })),
    );
    compiled.cutoffResults.set(pattern, shared);
  }
  return shared;
}

/**
 * The fewest and most positive items every answer to the unscored items allows: the answered positives, plus the
 * blanks that score positive at their lowest (none on a 1–5 scale with positives from 2), or could at their highest.
 */
function positiveBounds(compiled: CompiledInstrument, answered: number, unscored: readonly string[]): TotalBounds {
  let low = answered;
  let high = answered;
  for (const id of unscored) {
    const item = compiled.byId.get(id);
    if (!item) continue;
    if (item.scoreMin >= compiled.positiveMin) low++;
    if (item.scoreMax >= compiled.positiveMin) high++;
  }
  return { low, high };
}

/**
 * One SCALES_SUBSCALE_BAND_BOUNDS warning per subscale left without a score by blank items and given its bands
 * (engine/subscales.ts): a band decided that way is not read off a score, and the reader has to be told.
 */
function subscaleBoundWarnings(
  compiled: CompiledInstrument,
  values: ArrayLike<number>,
  subscales: readonly SubscaleResult[],
  warnings: ScoreWarning[] | undefined,
): ScoreWarning[] | undefined {
  let out = warnings;
  for (let k = 0; k < subscales.length; k++) {
    const result = subscales[k] as SubscaleResult;
    if (!result.bands) continue;
    const items: string[] = [];
    for (const p of (compiled.subscales[k] as CompiledSubscale).positions) {
      const item = compiled.items[p] as CompiledItem;
      if (isAbsent(item, values[p] as number)) items.push(item.id);
    }
    out ??= [];
    out.push({ code: 'SCALES_SUBSCALE_BAND_BOUNDS', subscale: result.id, items, bands: result.bands });
  }
  return out;
}

/**
 * The flags a failure still carries (ScoreFailure.flags): those of the answers read, an unreadable answer counting as
 * blank (so `unknown`). `values` is null when no answer was read at all: every critical item is then unknown.
 */
function failureFlags(
  compiled: CompiledInstrument,
  values: Float64Array | null,
  issues: readonly ScoreIssue[],
): readonly Flag[] {
  const read = values ?? compiled.scratch.fill(Number.NaN);
  if (compiled.definition.scoring === 'sum') return criticalFlags(compiled, read);
  const unreadable: string[] = [];
  for (const issue of issues) {
    if (issue.item !== undefined && compiled.byId.has(issue.item)) unreadable.push(issue.item);
  }
  return categoricalFailureFlags(compiled, read, unreadable);
}

/**
 * A failure's flags when the options were refused: the answers are still read for them (their own issues are not
 * reported), unless the coding itself is unknown, since 0–3 read as 1–4 would misplace every answer.
 */
function optionFailureFlags(compiled: CompiledInstrument, answers: Answers, scoreOptions: unknown): readonly Flag[] {
  // Options that are no object at all ('zero-based', []) say nothing certain about the coding: it is unknown too.
  const isObject = typeof scoreOptions === 'object' && scoreOptions !== null && !Array.isArray(scoreOptions);
  const coding = isObject ? (scoreOptions as { coding?: unknown }).coding : 'unknown';
  const known = coding === undefined || coding === null || coding === '' ? 'native' : coding;
  if (known !== 'native' && known !== 'zero-based' && known !== 'one-based') return failureFlags(compiled, null, NONE);
  const readIssues: ScoreIssue[] = [];
  const values = readAnswers(compiled, answers, known, readIssues);
  const unread = readIssues.some((i) => i.code === 'SCALES_ITEM_COUNT');
  return failureFlags(compiled, unread ? null : values, readIssues);
}

/**
 * Scores one respondent's answers by the instrument's published key. Never throws on bad input: malformed answers
 * (or none: `null`) come back as `{ ok: false, error }` naming each item at fault, and `null` options are none; an
 * option outside its values (`coding: 'weird'`) is `SCALES_INVALID_OPTION`, never the default; a total the
 * missing-item rule forbids is `null` with a warning, while critical items still raise `positive` or `unknown` flags.
 * A failure carries them too (`error.flags`): an endorsed suicide item is reported beside a typo on another item.
 * @example
 * const r = scoreInstrument(phq9, [0, 1, 2, 1, 0, 0, 1, 0, 1]);
 * if (r.ok) console.log(r.value.total, r.value.band?.id, r.value.flags);
 */
export function scoreInstrument(
  definition: InstrumentDefinition,
  answers: Answers,
  scoreOptions?: ScoreOptions | null,
): Result<ScoreValue, ScoreFailure> {
  const issues: ScoreIssue[] = [];
  // null (easy to get from JSON) means no options, as undefined does; a wrong-typed one is refused, never defaulted.
  const options = checkOptions(definition, scoreOptions, issues);
  const compiled = compileInstrument(definition);
  if (!options) {
    return err({ instrument: definition.id, issues, flags: optionFailureFlags(compiled, answers, scoreOptions) });
  }
  if (options.bandSet && !definition.bandSets.some((s) => s.id === options.bandSet)) {
    const known = definition.bandSets.map((s) => s.id).join(', ') || 'none';
    issues.push({ code: 'SCALES_UNKNOWN_BAND_SET', expected: known, received: options.bandSet });
  }
  const values = readAnswers(compiled, answers, options.coding ?? 'native', issues);
  if (issues.length > 0) {
    // Answers not read at all (no list, or a count that says not which answer is which item) leave every flag unknown.
    const unread = issues.some((i) => i.code === 'SCALES_ITEM_COUNT');
    return err({ instrument: definition.id, issues, flags: failureFlags(compiled, unread ? null : values, issues) });
  }

  const flags = criticalFlags(compiled, values);
  const derived = derivedFor(compiled, values);

  let sum = 0;
  let answered = 0;
  let positiveCount = 0;
  let positiveSum = 0;
  const { positiveMin } = compiled;
  let missing: string[] | undefined;
  let refused: string[] | undefined;
  const { scoredPositions, items } = compiled;
  for (let i = 0; i < scoredPositions.length; i++) {
    const item = items[scoredPositions[i] as number] as CompiledItem;
    const v = values[item.position] as number;
    if (Number.isNaN(v)) {
      if (!item.optional) {
        missing ??= [];
        missing.push(item.id);
      }
      continue;
    }
    if (item.refusable && item.refusals.has(v)) {
      refused ??= [];
      refused.push(item.id);
      continue;
    }
    const score = item.scores ? (item.scores[v - item.min] as number) : item.reverse ? item.min + item.max - v : v;
    sum += score;
    answered++;
    // Never true while positiveMin is NaN (no positive-item count defined).
    if (score >= positiveMin) {
      positiveCount++;
      positiveSum += score;
    }
  }

  if (definition.scoring !== 'sum') {
    const outcome = definition.scoring === 'asq' ? scoreAsq(compiled, values) : scoreCssrsScreener(compiled, values);
    return ok({
      instrument: definition.id,
      version: definition.version,
      total: null,
      index: null,
      band: null,
      cutoffs: NONE,
      subscales: NONE,
      category: outcome.category,
      derived,
      flags: [...flags, ...outcome.flags],
      answered,
      missing: missing ?? NONE,
      prorated: false,
      warnings: outcome.warnings.length ? outcome.warnings : NONE,
      ...(options.includeItems ? { items: itemsOf(compiled, values) } : {}),
    });
  }

  let warnings: ScoreWarning[] | undefined;
  // A refusal is an answer, not a blank, but it has no value to sum: the total treats it like a missing item.
  if (refused) warnings = [{ code: 'SCALES_REFUSED', items: refused }];
  const unscored: readonly string[] = refused ? [...(missing ?? NONE), ...refused] : (missing ?? NONE);
  const sub = compiled.subscales.length
    ? scoreSubscales(compiled, values, { bandSet: options.bandSet, prorate: options.prorate !== false })
    : undefined;
  const subscales: readonly SubscaleResult[] = sub?.results ?? NONE;
  let total: number | null = sum;
  let prorated = false;
  if (compiled.totalFrom) {
    // SDQ total difficulties: the sum of its (possibly prorated) components, missing if any component is.
    total = 0;
    for (const j of compiled.totalFrom) {
      const part = subscales[j]?.score ?? null;
      if (part === null) {
        total = null;
        break;
      }
      total += part;
      if (sub && sub.prorated[j] === 1) prorated = true;
    }
    if (unscored.length > 0) {
      warnings ??= [];
      warnings.push({ code: total === null ? 'SCALES_NOT_SCORABLE' : 'SCALES_PRORATED', items: unscored });
    }
  } else if (unscored.length > 0) {
    const rule = definition.missing;
    if (rule.kind === 'prorate' && options.prorate !== false && unscored.length <= rule.maxMissing && answered > 0) {
      // mean(answered) × n, computed as sum × n / answered so 4 × 9 / 8 is exactly 4.5.
      total = applyRounding((sum * scoredPositions.length) / answered, options.prorationRounding ?? 'none');
      prorated = true;
    } else {
      total = null;
    }
    warnings ??= [];
    warnings.push({ code: prorated ? 'SCALES_PRORATED' : 'SCALES_NOT_SCORABLE', items: unscored });
  }

  let index: IndexResult | null = null;
  if (definition.index && total !== null) {
    const exact = total * definition.index.multiplier;
    const rounding = options.indexRounding ?? 'half-up';
    index = { value: applyRounding(exact, rounding), exact, rounding };
  }
  // Division, not × (1/n): 180 / 90 is exactly 2, so a band starting at 2 is reached.
  const mean = compiled.mean && total !== null ? total / scoredPositions.length : null;
  let positive: PositiveItemsResult | null = null;
  if (!Number.isNaN(positiveMin) && total !== null) {
    positive = { count: positiveCount, mean: positiveCount > 0 ? positiveSum / positiveCount : null };
  }

  let band: BandResult | null = null;
  const set = options.bandSet ? definition.bandSets.find((s) => s.id === options.bandSet) : compiled.defaultBandSet;
  if (set && total !== null) {
    const score = set.appliesTo === 'index' ? index?.value : set.appliesTo === 'mean' ? mean : total;
    if (score !== undefined && score !== null) band = findBand(set, score);
  }
  // No total because of unscored items: the band is still decided when every answer to them gives the same one
  // (engine/bounds.ts). A total of subscales (SDQ) has prorated parts, so its bounds are not the items' and it is left out.
  const bounds =
    total === null && !compiled.totalFrom && unscored.length > 0 ? totalBounds(compiled, sum, unscored) : null;
  if (set && bounds) {
    const bands = bandBounds(definition, set, bounds, {
      rounding: options.indexRounding ?? 'half-up',
      items: scoredPositions.length,
    });
    if (bands.lowest === bands.highest) band = bands.lowest;
    warnings ??= [];
    warnings.push({ code: 'SCALES_BAND_BOUNDS', items: unscored, bands });
  }

  if (sub?.bounds) warnings = subscaleBoundWarnings(compiled, values, subscales, warnings);

  const value: Mutable<ScoreValue> = {
    instrument: definition.id,
    version: definition.version,
    total,
    index,
    band,
    cutoffs: compiled.cutoffs.length ? decideCutoffs(compiled, total, bounds) : NONE,
    subscales,
    category: null,
    derived,
    flags,
    answered,
    missing: missing ?? NONE,
    prorated,
    warnings: warnings ?? NONE,
  };
  if (options.includeItems) value.items = itemsOf(compiled, values);
  if (compiled.mean) value.mean = mean;
  if (!Number.isNaN(positiveMin)) value.positiveItems = positive;
  if (compiled.screens.length) {
    const screenBounds =
      bounds || sub?.bounds
        ? {
            total: bounds,
            items: scoredPositions.length,
            positiveCount:
              bounds && !Number.isNaN(positiveMin) ? positiveBounds(compiled, positiveCount, unscored) : null,
            subscales: sub?.bounds ?? null,
          }
        : undefined;
    value.screens = evaluateScreens(compiled, {
      total,
      mean,
      positive,
      subscales,
      ...(screenBounds ? { bounds: screenBounds } : {}),
    });
  }
  if (compiled.validity) {
    const validity = validityOf(compiled.validity, subscales, sub?.bounds ?? null);
    value.validity = validity;
    if (validity.valid === false) value.warnings = [...value.warnings, { code: 'SCALES_INVALID_PROTOCOL' }];
  }
  return ok(value);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
