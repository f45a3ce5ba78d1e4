import type { BandSet } from '../definition/schema.ts';
import { findBand } from './bands.ts';
import { subscaleScoreBounds, type TotalBounds } from './bounds.ts';
import { type CompiledInstrument, type CompiledItem, type CompiledSubscale, isAbsent, itemScore } from './compile.ts';
import { applyRounding } from './rounding.ts';
import type { SubscaleResult } from './types.ts';

export interface SubscaleOutcome {
  readonly results: SubscaleResult[];
  /** 1 where the subscale's score was prorated from fewer than all its items (scratch: valid until the next row). */
  readonly prorated: Uint8Array;
  /**
   * By subscale, where blank items leave no score: the lowest and highest score every answer to them allows
   * (engine/bounds.ts); null where the subscale has a score or cannot be bounded. Null when no subscale is bounded.
   */
  readonly bounds: readonly (TotalBounds | null)[] | null;
}

function pickBandSet(sets: readonly BandSet[], wanted: string | undefined): BandSet | undefined {
  return (wanted && sets.find((s) => s.id === wanted)) || sets[0];
}

/**
 * Subscale scores are few distinct values (sums of small integers, or those over n): one frozen result per
 * subscale, band set and score, shared by every row that lands on it, instead of an object per subscale per row.
 */
function resultOf(s: CompiledSubscale, score: number | null, bandSet: string | undefined): SubscaleResult {
  if (score === null) return s.unscored;
  let byScore = s.results;
  if (bandSet !== undefined) {
    byScore = s.resultsBySet.get(bandSet) as Map<number, SubscaleResult>;
    if (!byScore) {
      byScore = new Map();
      s.resultsBySet.set(bandSet, byScore);
    }
  }
  let found = byScore.get(score);
  if (!found) {
    const set = pickBandSet(s.bandSets, bandSet);
    found = Object.freeze({ id: s.id, score, band: set ? findBand(set, score) : null });
    byScore.set(score, found);
  }
  return found;
}

/**
 * A subscale left without a score by blank items: its band when every answer to them gives the same one, and the
 * bands of its lowest and highest possible score. Shared per band set and pair of bands, as scored results are.
 */
function boundedResultOf(s: CompiledSubscale, bounds: TotalBounds, bandSet: string | undefined): SubscaleResult {
  const set = pickBandSet(s.bandSets, bandSet);
  if (!set) return s.unscored;
  const lowest = findBand(set, bounds.low);
  const highest = findBand(set, bounds.high);
  const key = `${set.id}\u0000${lowest.id}\u0000${highest.id}`;
  let found = s.boundedResults.get(key);
  if (!found) {
    found = Object.freeze({
      id: s.id,
      score: null,
      band: lowest === highest ? lowest : null,
      bands: Object.freeze({ lowest, highest }),
    });
    s.boundedResults.set(key, found);
  }
  return found;
}

/**
 * One subscale from its items: null when fewer than `minAnswered` are answered (all of them, without a missing
 * rule); a sum with blanks is prorated as mean(answered) × n and rounded by the rule (SDQ: floor(x + 0.5)).
 * Marks `prorated[k]` when it prorates.
 */
function fromItems(
  compiled: CompiledInstrument,
  k: number,
  values: ArrayLike<number>,
  prorated: Uint8Array,
  prorate: boolean,
): number | null {
  const { items } = compiled;
  const s = compiled.subscales[k] as CompiledSubscale;
  if (s.gate) {
    const g = values[s.gate.position] as number;
    if (isAbsent(items[s.gate.position] as CompiledItem, g)) return null;
    // Follow-up items are not asked after a "no": the subscale is 0 whatever they hold.
    if (g < s.gate.min) return 0;
  }
  const n = s.positions.length;
  let sum = 0;
  let answered = 0;
  for (let i = 0; i < n; i++) {
    const p = s.positions[i] as number;
    const item = items[p] as CompiledItem;
    const v = values[p] as number;
    if (isAbsent(item, v)) continue;
    sum += itemScore(item, v);
    answered++;
  }
  if (answered < (prorate ? s.minAnswered : n)) return null;
  if (answered === n) return (s.method === 'mean' ? sum / n : sum) * s.multiplier;
  prorated[k] = 1;
  // sum × n / answered, not (sum / answered) × n: 2 × 5 / 4 is exactly 2.5, so half-up gives 3.
  const score = s.method === 'mean' ? sum / answered : applyRounding((sum * n) / answered, s.rounding);
  return score * s.multiplier;
}

/**
 * Every subscale in definition order; composites read the earlier subscales they sum. `prorate: false` (the
 * ScoreOptions switch) requires every item of every subscale.
 */
export function scoreSubscales(
  compiled: CompiledInstrument,
  values: ArrayLike<number>,
  { bandSet, prorate }: { readonly bandSet: string | undefined; readonly prorate: boolean },
): SubscaleOutcome {
  const { subscales } = compiled;
  const results: SubscaleResult[] = new Array(subscales.length);
  // Scratch reused across rows (scoring is synchronous); read by the caller before the next scoring.
  const prorated = compiled.subscaleProrated;
  prorated.fill(0);
  let bounds: (TotalBounds | null)[] | null = null;
  for (let k = 0; k < subscales.length; k++) {
    const s = subscales[k] as CompiledSubscale;
    let score: number | null;
    if (s.from) {
      score = 0;
      for (const j of s.from) {
        const part = results[j]?.score ?? null;
        if (part === null) {
          score = null;
          break;
        }
        score += part;
        if (prorated[j] === 1) prorated[k] = 1;
      }
      if (score !== null) score *= s.multiplier;
    } else {
      score = fromItems(compiled, k, values, prorated, prorate);
    }
    // Bounded only where the published rule asks for every item (or the caller turned proration off): a subscale
    // that prorates (SDQ) and still has no score is missing by its own rule, not waiting for its blanks.
    const b =
      score === null && (s.minAnswered === s.positions.length || !prorate)
        ? subscaleScoreBounds(compiled, s, values)
        : null;
    if (b) {
      bounds ??= new Array<TotalBounds | null>(subscales.length).fill(null);
      bounds[k] = b;
      results[k] = boundedResultOf(s, b, bandSet);
    } else {
      results[k] = resultOf(s, score, bandSet);
    }
  }
  return { results, prorated, bounds };
}
