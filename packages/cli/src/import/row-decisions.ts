import type { Decision, DecisionMemo, Facts, ScaleFacts } from '@triage/core';
import { NumberTable } from './number-table.ts';
import type { PersonShape } from './person.ts';
import { type InstrumentScore, RESULTS_KEPT } from './shared-results.ts';

/**
 * Rows whose facts are made of the same objects (interned person facts, shared results) have the same decision:
 * found by one number, before the decision memo walks the facts. No contact facts: a screening is not a call, and
 * contact rules must not show as undecided for it.
 */
export function decide(
  scores: readonly InstrumentScore[],
  person: PersonShape,
  context: { readonly decisions?: RowDecisions | undefined; readonly memo: DecisionMemo },
): Decision {
  let key = person.factsNumber;
  for (const score of scores) {
    if (score.number === 0 || key > MAX_KEY_BEFORE_DIGIT) {
      key = 0;
      break;
    }
    key = key * (RESULTS_KEPT + 1) + score.number;
  }
  const { decisions } = context;
  if (!decisions || key === 0) return context.memo.evaluate(factsOf(scores, person));
  const known = decisions.get(key);
  if (known) return known;
  const decision = context.memo.evaluate(factsOf(scores, person));
  decisions.set(key, decision);
  return decision;
}

/** Keys stay exact doubles: one more result number may be added while the key is at most this. */
const MAX_KEY_BEFORE_DIGIT = Math.floor((Number.MAX_SAFE_INTEGER - RESULTS_KEPT) / (RESULTS_KEPT + 1));

/** Decisions kept by their row key (see `decide`): up to {@link DECISIONS_KEPT}, 12–24 bytes each. */
export class RowDecisions {
  private readonly table = new NumberTable();
  private readonly decisions: Decision[] = [];

  get size(): number {
    return this.decisions.length;
  }

  get(key: number): Decision | undefined {
    const n = this.table.get(key);
    return n === 0 ? undefined : this.decisions[n - 1];
  }

  set(key: number, decision: Decision): void {
    if (this.decisions.length >= DECISIONS_KEPT) return;
    this.decisions.push(decision);
    this.table.add(key, this.decisions.length);
  }
}

/** Row keys kept per sheet: 1M synthetic rows of PHQ-A + GAD-7 have 64,224 (100k: 20,077); 4 MB at most. */
const DECISIONS_KEPT = 131_072;

/** What the rules may read about a scored row: shared frozen parts, so the decision memo reads each once. */
function factsOf(scores: readonly InstrumentScore[], person: PersonShape): Facts {
  const scales: Record<string, ScaleFacts> = {};
  for (const s of scores) scales[s.instrument] = s.facts;
  return { scales, person: person.facts };
}
