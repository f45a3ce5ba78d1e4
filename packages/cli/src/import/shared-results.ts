import { type ScaleFacts, scaleFacts } from '@triage/core';
import type { ScoreValue } from '@triage/scales';
import type { SharedText } from './output/row-text.ts';
import { scoreText } from './result-cells.ts';

/**
 * One instrument's result in a row. Rows with the same answers share one (see {@link InstrumentPlan.scored}), never
 * changed, and its result-file text is encoded once, on first use (result-cells.ts).
 */
export interface InstrumentScore {
  readonly instrument: string;
  readonly value: ScoreValue;
  /** What rules read of it. */
  readonly facts: ScaleFacts;
  /** Kept for other rows with the same result: its text is worth encoding once (else it is written as text). */
  readonly shared: boolean;
  /** When shared, its number among its instrument's results (1 to {@link RESULTS_KEPT}); else 0. */
  readonly number: number;
  /** Its results.json entry (`"phq-a":{…}`). */
  readonly json: string;
  /** Its parts of a result row, made on first use when shared (result-cells.ts). */
  text?: { readonly csv: SharedText; readonly json: SharedText };
}

/** Distinct results remembered per instrument: a screening has a few hundred (PHQ-A: totals × flags × syndromes). */
export const RESULTS_KEPT = 4096;

/**
 * An instrument's distinct results by their text, each text's few results told apart by what the text leaves out
 * (see {@link sameResult}); the first {@link RESULTS_KEPT} stay.
 */
export interface SharedResults {
  readonly results: Map<string, InstrumentScore[]>;
  /** How many results `results` holds. */
  kept: number;
}

/**
 * The shared result equal to `value`: many answer patterns give the same result (PHQ-A 0,1,0… and 1,0,0… both total
 * 1), and rows sharing one get its facts read once by the decision memo and its text encoded once. Results are told
 * apart by their results.json text, then by what it leaves out (items answered, band set, warnings, the item answers
 * rules read, subscale and index details): equal in both, equal results (tested field by field in read-row.test.ts).
 */
export function sameResult(plan: SharedResults, value: ScoreValue): InstrumentScore {
  const text = scoreText(value);
  const same = plan.results.get(text);
  if (same) for (const score of same) if (sameDetails(score.value, value)) return score;
  const shared = plan.kept < RESULTS_KEPT;
  const score: InstrumentScore = {
    instrument: value.instrument,
    value,
    // Frozen, so the decision memo reads them once.
    facts: shared ? deepFreeze(scaleFacts(value)) : scaleFacts(value),
    shared,
    number: shared ? plan.kept + 1 : 0,
    json: text,
  };
  if (shared) {
    plan.kept++;
    if (same) same.push(score);
    else plan.results.set(text, [score]);
  }
  return score;
}

/** What a result's text leaves out is the same in both (cheap checks first; lists compared as JSON). */
function sameDetails(a: ScoreValue, b: ScoreValue): boolean {
  return (
    a.answered === b.answered &&
    (a.band?.set ?? null) === (b.band?.set ?? null) &&
    sameJson(a.index ?? null, b.index ?? null) &&
    sameJson(a.warnings, b.warnings) &&
    sameJson(a.items ?? null, b.items ?? null) &&
    sameJson(a.subscales, b.subscales)
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b) && a.length === 0 && b.length === 0) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Frozen all the way down. */
function deepFreeze<T extends object>(value: T): T {
  for (const key in value) {
    const child: unknown = value[key];
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
