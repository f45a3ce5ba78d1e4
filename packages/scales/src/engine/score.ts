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

function criticalFlags(compiled: CompiledInstrument, values: ArrayLike<number>): Flag[] {
  const flags: Flag[] = [];
  for (const { definition: c, position } of compiled.critical) {
    const v = values[position] as number;
    // Never imputed: a blank or refused critical item is unknown, and unknown is a risk.
    if (isAbsent(compiled.items[position] as CompiledItem, v)) {
      flags.push({ id: c.id, item: c.item, status: 'unknown', label: c.label });
    } else if (v >= c.min) flags.push({ id: c.id, item: c.item, status: 'positive', label: c.label });
  }
  return flags;
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
  options: ScoreOptions = {},
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
  const warnings: ScoreWarning[] = [];
  const derived = compiled.phqSyndrome ? { syndrome: phqDepressiveSyndrome(values) } : NO_DERIVED;

  let sum = 0;
  let answered = 0;
  const missing: string[] = [];
  let refused: string[] | undefined;
  const { scoredPositions, items } = compiled;
  for (let i = 0; i < scoredPositions.length; i++) {
    const item = items[scoredPositions[i] as number] as CompiledItem;
    const v = values[item.position] as number;
    if (Number.isNaN(v)) {
      if (!item.optional) missing.push(item.id);
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
      missing: missing.length ? missing : NONE,
      prorated: false,
      warnings: [...warnings, ...outcome.warnings],
    });
  }

  // A refusal is an answer, not a blank, but it has no value to sum: the total treats it like a missing item.
  if (refused) warnings.push({ code: 'SCALES_REFUSED', items: refused });
  const unscored = refused ? [...missing, ...refused] : missing;
  let total: number | null = sum;
  let prorated = false;
  if (unscored.length > 0) {
    const rule = definition.missing;
    if (rule.kind === 'prorate' && options.prorate !== false && unscored.length <= rule.maxMissing && answered > 0) {
      // mean(answered) × n, computed as sum × n / answered so 4 × 9 / 8 is exactly 4.5.
      total = applyRounding((sum * scoredPositions.length) / answered, options.prorationRounding ?? 'none');
      prorated = true;
      warnings.push({ code: 'SCALES_PRORATED', items: unscored });
    } else {
      total = null;
      warnings.push({ code: 'SCALES_NOT_SCORABLE', items: unscored });
    }
  }

  let index: IndexResult | null = null;
  if (definition.index && total !== null) {
    const exact = total * definition.index.multiplier;
    const rounding = options.indexRounding ?? 'half-up';
    index = { value: applyRounding(exact, rounding), exact, rounding };
  }

  let band: BandResult | null = null;
  const set =
    definition.bandSets.find((s) => s.id === (options.bandSet ?? definition.defaultBandSet)) ?? definition.bandSets[0];
  if (set && total !== null) {
    const score = set.appliesTo === 'index' ? index?.value : total;
    if (score !== undefined) band = findBand(set, score);
  }

  let cutoffs: readonly CutoffResult[] = NONE;
  if (definition.cutoffs) {
    // Without a total a cut-off may still be decided: reached by the answered items alone, or out of reach even if
    // every unscored item took its highest value. Only the undecided ones are null.
    const ceiling = total === null ? sum + unscored.reduce((s, id) => s + (compiled.byId.get(id)?.max ?? 0), 0) : 0;
    const decide = (min: number): boolean | null => {
      if (total !== null) return total >= min;
      if (sum >= min) return true;
      return ceiling < min ? false : null;
    };
    cutoffs = definition.cutoffs.map((c) => ({ id: c.id, min: c.min, positive: decide(c.min) }));
  }

  return ok({
    instrument: definition.id,
    version: definition.version,
    total,
    index,
    band,
    cutoffs,
    subscales: compiled.subscales.length ? scoreSubscales(compiled, values, options.bandSet) : NONE,
    category: null,
    derived,
    flags: flags.length ? flags : NONE,
    answered,
    missing: missing.length ? missing : NONE,
    prorated,
    warnings: warnings.length ? warnings : NONE,
  });
}
