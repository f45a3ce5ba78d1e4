import type { BandSet, InstrumentDefinition } from '../definition/schema.ts';
import { findBand } from './bands.ts';
import type { CompiledInstrument } from './compile.ts';
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
