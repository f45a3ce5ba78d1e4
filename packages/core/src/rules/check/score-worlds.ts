import type { BandSet, InstrumentDefinition, ItemDefinition } from '@triage/scales';

/** The score facts of one sum-scored instrument at one score: they are computed together, so they vary together. */
export interface ScoreWorld {
  readonly total: number | null;
  readonly index: number | null;
  readonly band: string | null;
  /** The band when decided; with blank items leaving it open, the lowest band they allow (facts.ts). */
  readonly bandAtLeast: string | null;
  readonly cutoffs: Readonly<Record<string, boolean | null>>;
}

const EPSILON = 1e-9;

/**
 * Every rounding the scorer may apply to the index (ScoreOptions.indexRounding).
 * @see packages/scales/src/engine/rounding.ts (applyRounding)
 */
function roundings(value: number): number[] {
  const halfUp = Math.floor(value + 0.5 + EPSILON);
  const truncate = Math.trunc(value + (value >= 0 ? EPSILON : -EPSILON));
  const floor = Math.floor(value + EPSILON);
  const halfEven =
    Math.abs(value - floor - 0.5) < EPSILON ? (floor % 2 === 0 ? floor : floor + 1) : Math.floor(value + 0.5 + EPSILON);
  return [value, halfUp, truncate, halfEven];
}

/** The index the scorer gives by default: total × multiplier, rounded half up. */
const nominalIndex = (total: number, multiplier: number): number => Math.floor(total * multiplier + 0.5 + EPSILON);

/** Lowest and highest substantive answer of an item; reversal (min + max − answer) keeps the same range. */
export function itemRange(definition: InstrumentDefinition, item: ItemDefinition): { min: number; max: number } {
  const values = (item.options ?? definition.options).filter((o) => !o.refusal).map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

const scoredRanges = (definition: InstrumentDefinition) =>
  definition.items.filter((i) => i.scored !== false).map((i) => itemRange(definition, i));

/** The total range of a sum-scored instrument with every scored item answered. */
function totalRange(definition: InstrumentDefinition): { min: number; max: number } {
  const ranges = scoredRanges(definition);
  return { min: ranges.reduce((s, r) => s + r.min, 0), max: ranges.reduce((s, r) => s + r.max, 0) };
}

const integers = (min: number, max: number): number[] =>
  Array.from({ length: Math.max(0, Math.floor(max) - Math.ceil(min) + 1) }, (_, i) => Math.ceil(min) + i);

/**
 * A superset of the totals the scorer can return: every integer of the full range, and for prorating instruments
 * every sum × n / answered with up to `maxMissing` items missing, exact or rounded either way (ScoreOptions).
 */
function possibleTotals(definition: InstrumentDefinition): number[] {
  const { min, max } = totalRange(definition);
  const totals = new Set(integers(min, max));
  const missing = definition.missing;
  if (missing.kind === 'prorate') {
    const ranges = scoredRanges(definition);
    const n = ranges.length;
    const mins = ranges.map((r) => r.min).sort((a, b) => a - b);
    const maxes = ranges.map((r) => r.max).sort((a, b) => b - a);
    for (let answered = Math.max(1, n - missing.maxMissing); answered < n; answered++) {
      const low = mins.slice(0, answered).reduce((s, v) => s + v, 0);
      const high = maxes.slice(0, answered).reduce((s, v) => s + v, 0);
      for (const sum of integers(low, high)) {
        const total = (sum * n) / answered; // as score.ts computes it
        totals.add(total).add(Math.floor(total)).add(Math.ceil(total));
      }
    }
  }
  return [...totals].sort((a, b) => a - b);
}

/** The band whose range holds `score`: the last with min ≤ score, the first below it (scales engine/bands.ts). */
function bandOf(set: BandSet, score: number): string {
  let found = set.bands[0];
  for (const band of set.bands) {
    if (band.min <= score) found = band;
    else break;
  }
  if (!found) throw new Error(`band set ${set.id} is empty`);
  return found.id;
}

export function defaultBandSet(definition: InstrumentDefinition): BandSet | undefined {
  return definition.bandSets.find((s) => s.id === definition.defaultBandSet) ?? definition.bandSets[0];
}

function world(
  definition: InstrumentDefinition,
  total: number,
  index: number | null,
  set: BandSet | undefined,
): ScoreWorld {
  // Bands read the score their set names: the total, the index (Zung) or the total mean (MSSMHS 总均分).
  const scored = definition.items.filter((i) => i.scored !== false).length;
  const score = set?.appliesTo === 'index' ? index : set?.appliesTo === 'mean' ? total / scored : total;
  const cutoffs: Record<string, boolean> = {};
  for (const c of definition.cutoffs ?? []) cutoffs[c.id] = total >= c.min;
  const band = set && score !== null ? bandOf(set, score) : null;
  return { total, index, band, bandAtLeast: band, cutoffs };
}

/**
 * Worlds without a total. Blank items bound it between a lowest and a highest total (scales engine/bounds.ts): a
 * cut-off the lowest reaches is decided yes, one the highest misses is decided no, the others are undecided; the band
 * is given when both ends fall in one band, and `bandAtLeast` is the band of the lowest. Every pair of integer totals
 * in the full range, under every band set and index rounding: exactly the facts scoring can give. A total of subscales
 * (SDQ) is not bounded: nothing is decided there.
 */
function worldsWithoutTotal(definition: InstrumentDefinition): ScoreWorld[] {
  const cutoffs = definition.cutoffs ?? [];
  if (definition.totalFrom) {
    const open = Object.fromEntries(cutoffs.map((c) => [c.id, null]));
    return [{ total: null, index: null, band: null, bandAtLeast: null, cutoffs: open }];
  }
  const { min, max } = totalRange(definition);
  const sets: (BandSet | undefined)[] = definition.bandSets.length > 0 ? definition.bandSets : [undefined];
  const scored = definition.items.filter((i) => i.scored !== false).length;
  const multiplier = definition.index?.multiplier;
  // One index rounding at a time (roundings() lists them in the same order for every value).
  const modes = multiplier === undefined ? [0] : [0, 1, 2, 3];
  const scoreOf = (set: BandSet, total: number, mode: number): number =>
    set.appliesTo === 'index'
      ? (roundings(total * (multiplier ?? 1))[mode] as number)
      : set.appliesTo === 'mean'
        ? total / scored
        : total;
  const worlds = new Map<string, ScoreWorld>();
  for (let low = min; low <= max; low++) {
    for (let high = low; high <= max; high++) {
      const decided: Record<string, boolean | null> = {};
      for (const c of cutoffs) decided[c.id] = low >= c.min ? true : high < c.min ? false : null;
      for (const set of sets) {
        for (const mode of set ? modes : [0]) {
          const lowest = set ? bandOf(set, scoreOf(set, low, mode)) : null;
          const highest = set ? bandOf(set, scoreOf(set, high, mode)) : null;
          const band = lowest === highest ? lowest : null;
          const key = `${band}|${lowest}|${JSON.stringify(decided)}`;
          if (!worlds.has(key))
            worlds.set(key, { total: null, index: null, band, bandAtLeast: lowest, cutoffs: decided });
        }
      }
    }
  }
  return [...worlds.values()];
}

const cache = new WeakMap<InstrumentDefinition, readonly ScoreWorld[]>();

/**
 * A superset of the score facts a sum-scored instrument can produce, over every scoring option (proration, index
 * rounding, band set), plus the worlds with no total. Sound for "can never be true" and "always implies".
 */
export function possibleWorlds(definition: InstrumentDefinition): readonly ScoreWorld[] {
  const cached = cache.get(definition);
  if (cached) return cached;
  const sets: (BandSet | undefined)[] = definition.bandSets.length > 0 ? definition.bandSets : [undefined];
  const seen = new Map<string, ScoreWorld>();
  for (const total of possibleTotals(definition)) {
    const indexes = definition.index ? [...new Set(roundings(total * definition.index.multiplier))] : [null];
    for (const index of indexes) {
      for (const set of sets) {
        const w = world(definition, total, index, set);
        seen.set(JSON.stringify(w), w);
      }
    }
  }
  for (const w of worldsWithoutTotal(definition)) seen.set(JSON.stringify(w), w);
  const worlds = [...seen.values()];
  cache.set(definition, worlds);
  return worlds;
}

/**
 * The score facts at each integer total with every item answered and default scoring (index rounded half up),
 * banded by `set`: the points gap analysis must see covered.
 */
export function nominalWorlds(definition: InstrumentDefinition, set: BandSet | undefined): ScoreWorld[] {
  const { min, max } = totalRange(definition);
  const multiplier = definition.index?.multiplier;
  return integers(min, max).map((total) =>
    world(definition, total, multiplier === undefined ? null : nominalIndex(total, multiplier), set),
  );
}

/** The numbers a score fact (total or index) may hold, for validating test values. */
export function possibleValues(definition: InstrumentDefinition, field: 'total' | 'index'): number[] {
  const values = new Set<number>();
  for (const w of possibleWorlds(definition)) {
    const v = w[field];
    if (v !== null) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}
