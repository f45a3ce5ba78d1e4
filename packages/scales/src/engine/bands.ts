import type { BandSet } from '../definition/schema.ts';
import type { BandResult } from './types.ts';

/** The band whose range holds `score`: the last band with min ≤ score. Below the first band is still the first band. */
export function findBand(set: BandSet, score: number): BandResult {
  let band = set.bands[0];
  for (const candidate of set.bands) {
    if (candidate.min <= score) band = candidate;
    else break;
  }
  if (!band) throw new Error(`band set ${set.id} is empty`);
  return { set: set.id, id: band.id, label: band.label, positive: band.positive, source: set.source };
}
