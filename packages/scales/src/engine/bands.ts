import type { BandSet } from '../definition/schema.ts';
import type { BandResult } from './types.ts';

// One frozen result per band, shared by every scoring that lands in it: a band is data, not per-row state.
const results = new WeakMap<BandSet, readonly BandResult[]>();

function bandResults(set: BandSet): readonly BandResult[] {
  let list = results.get(set);
  if (!list) {
    list = set.bands.map((band) =>
      Object.freeze({ set: set.id, id: band.id, label: band.label, positive: band.positive, source: set.source }),
    );
    results.set(set, list);
  }
  return list;
}

/** The band whose range holds `score`: the last band with min ≤ score. Below the first band is still the first band. */
export function findBand(set: BandSet, score: number): BandResult {
  const list = bandResults(set);
  let found = 0;
  for (let i = 1; i < set.bands.length; i++) {
    if ((set.bands[i]?.min ?? Number.POSITIVE_INFINITY) <= score) found = i;
    else break;
  }
  const band = list[found];
  if (!band) throw new Error(`band set ${set.id} is empty`);
  return band;
}
