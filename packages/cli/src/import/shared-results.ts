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
 * An instrument's distinct results by their total, each total's few results told apart field by field (see
 * {@link sameResult}); the first {@link RESULTS_KEPT} stay.
 */
export interface SharedResults {
  readonly results: Map<number | null, InstrumentScore[]>;
  /** How many results `results` holds. */
  kept: number;
}

/**
 * The shared result equal to `value`: many answer patterns give the same result (PHQ-A 0,1,0… and 1,0,0… both total
 * 1), and rows sharing one get its facts read once by the decision memo and its text encoded once. Results with the
 * same total are compared field by field: every field results.json writes, then what it leaves out (items answered,
 * band set, warnings, the item answers rules read, subscale and index details). Equal in all, equal results (tested
 * against fresh scoring in read-row.test.ts). No text is made for a result met before: this runs for every answer
 * pattern not seen before, a few hundred thousand at a million rows.
 */
export function sameResult(plan: SharedResults, value: ScoreValue): InstrumentScore {
  const same = plan.results.get(value.total);
  if (same) for (const score of same) if (sameValue(score.value, value)) return score;
  const shared = plan.kept < RESULTS_KEPT;
  const score: InstrumentScore = {
    instrument: value.instrument,
    value,
    // Frozen, so the decision memo reads them once.
    facts: shared ? deepFreeze(scaleFacts(value)) : scaleFacts(value),
    shared,
    number: shared ? plan.kept + 1 : 0,
    json: scoreText(value),
  };
  if (shared) {
    plan.kept++;
    if (same) same.push(score);
    else plan.results.set(value.total, [score]);
  }
  return score;
}

/** Two results of one instrument with the same total: the same in every field (cheap checks first). */
function sameValue(a: ScoreValue, b: ScoreValue): boolean {
  return (
    a.total === b.total &&
    a.answered === b.answered &&
    a.prorated === b.prorated &&
    a.category === b.category &&
    (a.band?.id ?? null) === (b.band?.id ?? null) &&
    (a.band?.set ?? null) === (b.band?.set ?? null) &&
    a.mean === b.mean &&
    sameCutoffs(a.cutoffs, b.cutoffs) &&
    sameFlags(a.flags, b.flags) &&
    sameStrings(a.missing, b.missing) &&
    sameRecord(a.derived, b.derived) &&
    sameJson(a.index ?? null, b.index ?? null) &&
    sameJson(a.subscales, b.subscales) &&
    sameJson(a.warnings, b.warnings) &&
    sameJson(a.items ?? null, b.items ?? null) &&
    sameJson(a.positiveItems, b.positiveItems) &&
    sameJson(a.screens, b.screens) &&
    sameJson(a.validity, b.validity)
  );
}

function sameCutoffs(a: ScoreValue['cutoffs'], b: ScoreValue['cutoffs']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ScoreValue['cutoffs'][number];
    const y = b[i] as ScoreValue['cutoffs'][number];
    if (x.id !== y.id || x.positive !== y.positive) return false;
  }
  return true;
}

function sameFlags(a: ScoreValue['flags'], b: ScoreValue['flags']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ScoreValue['flags'][number];
    const y = b[i] as ScoreValue['flags'][number];
    if (x.id !== y.id || x.status !== y.status || x.item !== y.item) return false;
  }
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same keys with the same values, in the same order (results.json writes them in order). */
function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== others[i] || a[key] !== b[key]) return false;
  }
  return true;
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
