import type { BandSet, InstrumentDefinition } from '../definition/schema.ts';
import { findBand } from './bands.ts';
import { type CompiledInstrument, type CompiledItem, type CompiledSubscale, isAbsent, itemScore } from './compile.ts';
import { applyRounding, type Rounding } from './rounding.ts';
import type { BandResult } from './types.ts';

/** The lowest and highest total any answers to the unscored items could give. */
export interface TotalBounds {
  readonly low: number;
  readonly high: number;
}

/**
 * Each unscored (blank or refused) item at its lowest and at its highest score, reversal and option scores applied:
 * every completion of the answers has a total in [low, high], and both ends are reached. Nothing is imputed.
 */
export function totalBounds(compiled: CompiledInstrument, sum: number, unscored: readonly string[]): TotalBounds {
  let low = sum;
  let high = sum;
  for (const id of unscored) {
    const item = compiled.byId.get(id);
    if (!item) continue;
    low += item.scoreMin;
    high += item.scoreMax;
  }
  return { low, high };
}

/**
 * The bands of the lowest and of the highest possible total. Every score a band set reads (total, index = total ×
 * multiplier rounded, mean = total ÷ n) rises with the total and bands ascend, so every completion's band lies between
 * the two: when they are the same band, that is the band, whatever the blank items hold.
 */
export function bandBounds(
  definition: InstrumentDefinition,
  set: BandSet,
  bounds: TotalBounds,
  { rounding, items }: { readonly rounding: Rounding; readonly items: number },
): { readonly lowest: BandResult; readonly highest: BandResult } {
  const score = (total: number): number => {
    if (set.appliesTo === 'index') return applyRounding(total * (definition.index?.multiplier ?? 1), rounding);
    return set.appliesTo === 'mean' ? total / items : total;
  };
  return { lowest: findBand(set, score(bounds.low)), highest: findBand(set, score(bounds.high)) };
}

/**
 * The lowest and highest score an item subscale with unscored items could have once every item is answered: each
 * unscored item at its lowest and highest score, then the subscale's own arithmetic (÷ n for a mean, × multiplier),
 * which rises with the sum. Null for what is not a plain function of its items: a composite (`from`) or a gated
 * subscale (SDQ impact: 0 or a sum, as the gate falls).
 */
export function subscaleScoreBounds(
  compiled: CompiledInstrument,
  s: CompiledSubscale,
  values: ArrayLike<number>,
): TotalBounds | null {
  if (s.from || s.gate) return null;
  const { items } = compiled;
  let low = 0;
  let high = 0;
  for (let i = 0; i < s.positions.length; i++) {
    const p = s.positions[i] as number;
    const item = items[p] as CompiledItem;
    const v = values[p] as number;
    if (isAbsent(item, v)) {
      low += item.scoreMin;
      high += item.scoreMax;
    } else {
      const score = itemScore(item, v);
      low += score;
      high += score;
    }
  }
  // The same operations, in the same order, as subscales.ts fromItems on a complete subscale.
  const n = s.positions.length;
  if (s.method === 'mean') return { low: (low / n) * s.multiplier, high: (high / n) * s.multiplier };
  return { low: low * s.multiplier, high: high * s.multiplier };
}

/** Whether a monotone test `meets` holds for every score in [low, high] (true), for none (false), or is open (null). */
export function decideOver(bounds: TotalBounds, meets: (score: number) => boolean): boolean | null {
  if (meets(bounds.low)) return true;
  return meets(bounds.high) ? null : false;
}
