import type { InstrumentDefinition } from '@triage/scales';
import type { Column, SheetMapping } from './columns.ts';
import { ownPrefixes } from './instrument-names.ts';
import { personHeaderWords } from './person-header.ts';
import type { InstrumentPlan, RowResult } from './read-row.ts';

/**
 * A total the platform computed itself (问卷星's 总分 of a scored survey, a `SDS总分` column a teacher added), left
 * unread by the mapping. Compared with the totals triage computes, it catches what no single answer shows: a
 * download whose reverse items the platform already reversed (问卷星 "按分值" with 反向计分 set), which triage would
 * reverse again — a severe SDS scored normal.
 */
interface TotalColumn {
  readonly column: Column;
  /** The instrument the header names; undefined: the row's instruments together (a survey's 总分). */
  readonly instrument?: InstrumentDefinition;
  /** What the column holds: the raw total, or the standard score (Zung 标准分, the total × 1.25). */
  readonly measure: 'total' | 'index';
}

/** 总分, 总得分, 量表总分, 粗分, Total score …, after an optional question number and instrument name. */
const TOTAL_WORDS =
  /^(?:总分|总得分|总分数|量表总分|测评总分|得分|总成绩|粗分|总粗分|原始分|原始总分|total|total score|sum|sum score|raw score)$/;

/** 标准分, 标准总分, Index score …: the standard score of an instrument that has one (SDS, SAS). */
const INDEX_WORDS = /^(?:标准分|标准总分|标准得分|总标准分|标准分数|index score|standard score)$/;

/** After an instrument's name only (`SDS指数`, `SDS Index`): alone, an `Index` column may number the rows. */
const NAMED_INDEX_WORDS = /^(?:指数|index)$/;

function measureOf(words: string, named: boolean): TotalColumn['measure'] | undefined {
  if (TOTAL_WORDS.test(words)) return 'total';
  return INDEX_WORDS.test(words) || (named && NAMED_INDEX_WORDS.test(words)) ? 'index' : undefined;
}

export function totalColumn(column: Column, instruments: readonly InstrumentDefinition[]): TotalColumn | undefined {
  // Header words as for person columns: no question number, brackets or trailing colon (`23、总分（满分80）：`).
  const header = personHeaderWords(column.header);
  const measure = measureOf(header, false);
  if (measure) return { column, measure };
  for (const instrument of instruments) {
    // Its names as headers write them: `SCL-90总分`, `SCL90总分`, `PHQ-A 总分`.
    for (const folded of ownPrefixes(instrument)) {
      if (!header.startsWith(folded)) continue;
      const measure = measureOf(header.slice(folded.length).replace(/^[\s_\-.]+/, ''), true);
      if (measure) return { column, instrument, measure };
    }
  }
  return undefined;
}

/**
 * Whether a file's standard score is the one computed from `exact` (the total × 1.25): platforms and spreadsheets
 * round it half up, as triage does, or cut it to a whole number (`INT`), or keep the decimals.
 */
export function sameIndex(file: number, exact: number): boolean {
  return [exact, Math.floor(exact + 1e-9), Math.floor(exact + 0.5 + 1e-9)].some((v) => Math.abs(file - v) < 1e-9);
}

/** What the comparison found in a sheet. */
export interface TotalsFound {
  readonly header: string;
  /** What the column holds: a total, or a standard score (SDS/SAS 标准分, raw × 1.25). */
  readonly measure: 'total' | 'index';
  /** Rows with a number in the column and a computed total to compare it with. */
  readonly compared: number;
  readonly differ: number;
  /** Of those that differ, rows whose file total is the answers summed as written, no item reversed. */
  readonly summedAsWritten: number;
  /** The first row that differs: where, the file's number, triage's. */
  readonly first?: { readonly where: string; readonly file: number; readonly computed: number };
}

/** Compares one total column with each scored row's totals. */
class ColumnTotals {
  private compared = 0;
  private differ = 0;
  private summedAsWritten = 0;
  private first: TotalsFound['first'];

  constructor(
    private readonly total: TotalColumn,
    private readonly plans: readonly InstrumentPlan[],
  ) {}

  /**
   * The check for one column, or undefined when it has nothing to be compared with. A standard score column (标准分)
   * is compared for one instrument that has a standard score: the one it names, or the only one.
   */
  static of(total: TotalColumn, plans: readonly InstrumentPlan[]): ColumnTotals | undefined {
    const named = total.instrument ? plans.filter((p) => p.definition === total.instrument) : plans;
    if (total.measure === 'index') {
      const indexed = named.filter((p) => p.definition.index !== undefined);
      return indexed.length === 1 ? new ColumnTotals(total, indexed) : undefined;
    }
    return named.length === 0 ? undefined : new ColumnTotals(total, named);
  }

  check(row: RowResult, where: string): void {
    const cell = (row.record.fields[this.total.column.index] ?? '').trim();
    if (cell === '') return;
    const file = Number(cell);
    if (!Number.isFinite(file)) return;
    let computed = 0;
    let index = 0;
    let shownIndex = 0;
    // A plain 总分 beside two instruments: a survey's sum of both (问卷星), or one instrument's total (a school
    // platform's SCL-90 总分 beside its MHT columns). Either agrees.
    let one = false;
    for (const plan of this.plans) {
      const score = row.scores.find((s) => s.instrument === plan.definition.id);
      const value = score?.value;
      // Prorated or missing totals are not what a platform sums: nothing to compare.
      if (!value || value.total === null || value.prorated) return;
      computed += value.total;
      index += value.index?.exact ?? Number.NaN;
      shownIndex += value.index?.value ?? Number.NaN;
      if (this.plans.length > 1 && this.total.measure === 'total') {
        one ||= Math.abs(file - value.total) < 1e-9 || (value.index != null && sameIndex(file, value.index.exact));
      }
    }
    this.compared++;
    if (one) return;
    if (this.total.measure === 'index') {
      if (sameIndex(file, index)) return;
      this.differ++;
      this.first ??= { where, file, computed: shownIndex };
      const multiplier = this.plans[0]?.definition.index?.multiplier ?? Number.NaN;
      if (sameIndex(file, this.asWritten(row.record.fields) * multiplier)) this.summedAsWritten++;
      return;
    }
    // A platform may show the standard score (Zung 标准分) as its 总分.
    if (Math.abs(file - computed) < 1e-9 || sameIndex(file, index)) return;
    this.differ++;
    this.first ??= { where, file, computed };
    if (this.asWritten(row.record.fields) === file) this.summedAsWritten++;
  }

  found(): TotalsFound {
    return {
      header: this.total.column.header,
      measure: this.total.measure,
      compared: this.compared,
      differ: this.differ,
      summedAsWritten: this.summedAsWritten,
      ...(this.first ? { first: this.first } : {}),
    };
  }

  /** The item answers summed as written, when all are numbers; else NaN. */
  private asWritten(fields: readonly string[]): number {
    let sum = 0;
    for (const plan of this.plans) {
      for (let p = 0; p < plan.positions.length; p++) {
        const index = plan.positions[p] as number;
        const item = plan.definition.items[p];
        // Only the items a total sums (not PHQ-A's yes/no supplements).
        if (index < 0 || item?.scored === false || item?.options !== undefined) continue;
        const answer = (fields[index] ?? '').trim();
        sum += answer === '' ? 0 : Number(answer);
      }
    }
    return sum;
  }
}

/**
 * Compares each of a sheet's total columns, each with its own measure: 问卷星 and 测评系统 downloads often carry two
 * (粗分 and 标准分, 总分 and 标准分), and a download reversed twice differs in both.
 */
export class FileTotals {
  private constructor(private readonly columns: readonly ColumnTotals[]) {}

  /** The checks for a sheet, or undefined when none of its columns is a total that can be compared. */
  static of(mapping: SheetMapping, plans: readonly InstrumentPlan[]): FileTotals | undefined {
    const instruments = mapping.instruments.map((i) => i.definition);
    const columns = mapping.ignored.flatMap((c) => {
      const total = totalColumn(c, instruments);
      return (total && ColumnTotals.of(total, plans)) ?? [];
    });
    return columns.length === 0 ? undefined : new FileTotals(columns);
  }

  check(row: RowResult, where: string): void {
    for (const column of this.columns) column.check(row, where);
  }

  /** One finding per total column, in the sheet's column order. */
  found(): TotalsFound[] {
    return this.columns.map((c) => c.found());
  }
}

/**
 * The findings of every sheet (and every header of a stacked file) as one per total column and measure: a warning
 * counts the rows of the whole file, and its example is the first row that differs (QA round 22, 6: "1 of 19 rows"
 * was one sheet's count in a workbook of 38).
 */
export function fileWide(found: readonly TotalsFound[]): TotalsFound[] {
  const byColumn = new Map<string, TotalsFound>();
  for (const f of found) {
    const key = `${f.measure}\u0000${f.header}`;
    const seen = byColumn.get(key);
    byColumn.set(
      key,
      seen === undefined
        ? f
        : {
            ...seen,
            compared: seen.compared + f.compared,
            differ: seen.differ + f.differ,
            summedAsWritten: seen.summedAsWritten + f.summedAsWritten,
            ...((seen.first ?? f.first) ? { first: seen.first ?? f.first } : {}),
          },
    );
  }
  return [...byColumn.values()];
}
