import type { BandSet, InstrumentDefinition } from '../definition/schema.ts';
import { err, ok, type Result } from '../result.ts';
import { findBand } from './bands.ts';
import { scoreAsq, scoreCssrsScreener } from './categorical.ts';
import { type CompiledInstrument, type CompiledItem, compileInstrument } from './compile.ts';
import { phqDepressiveSyndrome } from './derived.ts';
import { readAnswers } from './read-answers.ts';
import { applyRounding } from './rounding.ts';
import type {
  Answers,
  BandResult,
  CutoffResult,
  Flag,
  IndexResult,
  ScoreFailure,
  ScoreIssue,
  ScoreOptions,
  ScoreValue,
  ScoreWarning,
  SubscaleResult,
} from './types.ts';

const NONE: readonly never[] = Object.freeze([]);
const NO_DERIVED: Readonly<Record<string, string>> = Object.freeze({});
const NO_OPTIONS: ScoreOptions = Object.freeze({});
// Derived outcomes are a handful of values: share one frozen object per value rather than allocate per row.
const syndromes = new Map<string, Readonly<Record<string, string>>>();
function syndromeOf(value: string): Readonly<Record<string, string>> {
  let found = syndromes.get(value);
  if (!found) {
    found = Object.freeze({ syndrome: value });
    syndromes.set(value, found);
  }
  return found;
}

function itemScore(item: CompiledItem, v: number): number {
  return item.reverse ? item.min + item.max - v : v;
}

function pickBandSet(sets: readonly BandSet[], wanted: string | undefined): BandSet | undefined {
  return (wanted && sets.find((s) => s.id === wanted)) || sets[0];
}

/** Blank or refused: no substantive answer to score. */
function isAbsent(item: CompiledItem, v: number): boolean {
  return Number.isNaN(v) || (item.refusable && item.refusals.has(v));
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

function scoreSubscales(compiled: CompiledInstrument, values: ArrayLike<number>, bandSet?: string): SubscaleResult[] {
  return compiled.subscales.map((s) => {
    let sum = 0;
    for (const p of s.positions) {
      const item = compiled.items[p] as CompiledItem;
      const v = values[p] as number;
      if (isAbsent(item, v)) return { id: s.id, score: null, band: null };
      sum += itemScore(item, v);
    }
    const score = (s.method === 'mean' ? sum / s.positions.length : sum) * s.multiplier;
    const set = pickBandSet(s.bandSets, bandSet);
    return { id: s.id, score, band: set ? findBand(set, score) : null };
  });
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
 * Without a total a cut-off may still be decided: reached by the answered items alone, or out of reach even if every
 * unscored item took its highest value. Only the undecided ones are null. Results are shared per outcome pattern.
 */
function decideCutoffs(
  compiled: CompiledInstrument,
  total: number | null,
  sum: number,
  unscored: readonly string[],
): readonly CutoffResult[] {
  const ceiling = total === null ? sum + unscored.reduce((s, id) => s + (compiled.byId.get(id)?.max ?? 0), 0) : 0;
  let pattern = 0;
  for (const c of compiled.cutoffs) {
    const decided = total !== null ? total >= c.min : sum >= c.min ? true : ceiling < c.min ? false : null;
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
 * Scores one respondent's answers by the instrument's published key. Never throws on bad input: malformed answers
 * come back as `{ ok: false, error }` naming each item at fault; a total the missing-item rule forbids is `null`
 * with a warning, while critical items still raise `positive` or `unknown` flags.
 * @example
 * const r = scoreInstrument(phq9, [0, 1, 2, 1, 0, 0, 1, 0, 1]);
 * if (r.ok) console.log(r.value.total, r.value.band?.id, r.value.flags);
 */
export function scoreInstrument(
  definition: InstrumentDefinition,
  answers: Answers,
  options: ScoreOptions = NO_OPTIONS,
): Result<ScoreValue, ScoreFailure> {
  const compiled = compileInstrument(definition);
  const issues: ScoreIssue[] = [];
  if (options.bandSet && !definition.bandSets.some((s) => s.id === options.bandSet)) {
    const known = definition.bandSets.map((s) => s.id).join(', ') || 'none';
    issues.push({ code: 'SCALES_UNKNOWN_BAND_SET', expected: known, received: options.bandSet });
  }
  const values = readAnswers(compiled, answers, options.coding ?? 'native', issues);
  if (issues.length > 0) return err({ instrument: definition.id, issues });

  const flags = criticalFlags(compiled, values);
  const derived = compiled.phqSyndrome ? syndromeOf(phqDepressiveSyndrome(values)) : NO_DERIVED;

  let sum = 0;
  let answered = 0;
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
    sum += item.reverse ? item.min + item.max - v : v;
    answered++;
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
  let total: number | null = sum;
  let prorated = false;
  if (unscored.length > 0) {
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

  let band: BandResult | null = null;
  const set = options.bandSet ? definition.bandSets.find((s) => s.id === options.bandSet) : compiled.defaultBandSet;
  if (set && total !== null) {
    const score = set.appliesTo === 'index' ? index?.value : total;
    if (score !== undefined) band = findBand(set, score);
  }

  return ok({
    instrument: definition.id,
    version: definition.version,
    total,
    index,
    band,
    cutoffs: compiled.cutoffs.length ? decideCutoffs(compiled, total, sum, unscored) : NONE,
    subscales: compiled.subscales.length ? scoreSubscales(compiled, values, options.bandSet) : NONE,
    category: null,
    derived,
    flags,
    answered,
    missing: missing ?? NONE,
    prorated,
    warnings: warnings ?? NONE,
    ...(options.includeItems ? { items: itemsOf(compiled, values) } : {}),
  });
}
