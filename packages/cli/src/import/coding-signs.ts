import { type Answer, asksYesNo, type InstrumentDefinition } from '@triage/scales';

/**
 * Signs of the wrong coding, over the items that use the instrument's own options: is the lowest (highest) option
 * ever answered, and how often is one below the lowest (above the highest) given? A file coded 1–4 read as 0–3 (or
 * the other way round) shows as answers one past an end, with the other end never seen.
 */
export interface CodingSigns {
  readonly positions: readonly number[];
  readonly low: string;
  readonly high: string;
  readonly below: string;
  readonly above: string;
  sawLow: boolean;
  sawHigh: boolean;
  belowLow: number;
  aboveHigh: number;
  /** Rows with 问卷星's skip mark (`-3`, `(跳过)`) in an item, read as not asked: a typed `-3` would read so too. */
  skipMarks: number;
}

/** Answers of one instrument that look coded one lower or one higher than its own coding. */
export interface CodingHint {
  readonly instrument: string;
  /** As said to users: `C-SSRS Screener`, not its id. */
  readonly abbreviation: string;
  readonly looks: 'one-based' | 'zero-based';
  /** Answers one past the other end. */
  readonly rows: number;
  /** The instrument asks yes/no questions (PHQ-A c, d): their numbers are not read in another coding. */
  readonly yesNo: boolean;
}

/** Nothing seen yet, for an instrument's items that use its own options. */
export function codingSigns(definition: InstrumentDefinition): CodingSigns {
  const values = definition.options.filter((o) => o.refusal !== true).map((o) => o.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return {
    positions: definition.items.flatMap((item, p) => (item.options === undefined ? [p] : [])),
    low: String(low),
    high: String(high),
    below: String(low - 1),
    above: String(high + 1),
    sawLow: false,
    sawHigh: false,
    belowLow: 0,
    aboveHigh: 0,
    skipMarks: 0,
  };
}

/** Notes what one row's answers (in item order) show. */
export function noteCoding(signs: CodingSigns, answers: readonly Answer[]): void {
  // Both ends seen: the coding is the instrument's own, nothing more to learn (after a few rows, every row).
  if (signs.sawLow && signs.sawHigh) return;
  for (const p of signs.positions) {
    const a = answers[p];
    if (typeof a !== 'string' || a.length === 0) continue;
    const t = a.trim();
    if (t === signs.low) signs.sawLow = true;
    else if (t === signs.high) signs.sawHigh = true;
    else if (t === signs.below) signs.belowLow++;
    else if (t === signs.above) signs.aboveHigh++;
  }
}

/**
 * The hints of an import, its sheets' signs summed by instrument: never the lowest option but one above the highest
 * means answers counted from 1 on a 0-based instrument (and back).
 */
export function codingHints(
  sheets: Iterable<readonly { readonly definition: InstrumentDefinition; readonly coding: CodingSigns }[]>,
): CodingHint[] {
  const byInstrument = new Map<string, { sawLow: boolean; sawHigh: boolean; belowLow: number; aboveHigh: number }>();
  const yesNo = new Map<string, boolean>();
  const names = new Map<string, string>();
  for (const plans of sheets) {
    for (const { definition, coding } of plans) {
      yesNo.set(definition.id, asksYesNo(definition));
      names.set(definition.id, definition.abbreviation);
      const sum = byInstrument.get(definition.id) ?? { sawLow: false, sawHigh: false, belowLow: 0, aboveHigh: 0 };
      byInstrument.set(definition.id, {
        sawLow: sum.sawLow || coding.sawLow,
        sawHigh: sum.sawHigh || coding.sawHigh,
        belowLow: sum.belowLow + coding.belowLow,
        aboveHigh: sum.aboveHigh + coding.aboveHigh,
      });
    }
  }
  return [...byInstrument].flatMap(([instrument, c]): CodingHint[] => {
    const said = {
      instrument,
      abbreviation: names.get(instrument) ?? instrument,
      yesNo: yesNo.get(instrument) ?? false,
    };
    if (!c.sawLow && c.aboveHigh > 0) return [{ ...said, looks: 'one-based', rows: c.aboveHigh }];
    if (!c.sawHigh && c.belowLow > 0) return [{ ...said, looks: 'zero-based', rows: c.belowLow }];
    return [];
  });
}

/** Per instrument, the rows whose answers held a skip mark (see {@link CodingSigns.skipMarks}), summed over sheets. */
export function skipMarkRows(
  sheets: Iterable<readonly { readonly definition: InstrumentDefinition; readonly coding: CodingSigns }[]>,
): { readonly abbreviation: string; readonly rows: number }[] {
  const rows = new Map<string, number>();
  for (const plans of sheets) {
    for (const { definition, coding } of plans) {
      if (coding.skipMarks > 0)
        rows.set(definition.abbreviation, (rows.get(definition.abbreviation) ?? 0) + coding.skipMarks);
    }
  }
  return [...rows].map(([abbreviation, n]) => ({ abbreviation, rows: n }));
}
