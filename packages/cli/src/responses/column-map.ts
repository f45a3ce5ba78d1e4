import type { InstrumentDefinition } from '@triage/scales';
import { type Column, instrumentsNamedIn, itemOfHeader } from '../import/columns.ts';
import { ownPrefixes } from '../import/instrument-names.ts';
import { idRank, personFieldOfHeader } from '../import/person-header.ts';
import { type ItemColumn, itemIdOfHeader, normalizeHeader } from './item-columns.ts';

export interface ColumnMap {
  readonly items: readonly ItemColumn[];
  /** The respondent id column (学号, 學號, 编号, id …), if any. */
  readonly id: Column | null;
  /** Columns that look like items but name an item the instrument does not have ("Q11" for PHQ-9). */
  readonly unknownItems: readonly ItemColumn[];
  /** Columns neither item nor id (names, classes, timestamps …): never read. */
  readonly ignored: number;
}

export type ColumnIssue =
  | { readonly code: 'duplicate-item'; readonly item: string; readonly columns: readonly Column[] }
  /** Several item columns with the very same header: the first row is most likely answers, not a header. */
  | { readonly code: 'header-looks-like-data' }
  | { readonly code: 'missing-items'; readonly items: readonly string[] };

/** Words that may stand before an item number in any instrument's export: Q1, item1, 题1, 第1题, No.1. */
const GENERIC_PREFIXES = ['question', 'item', '题目', '题', 'q', 'no', '第'];

function prefixesOf(definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>): string[] {
  // Longest first: "question" before "q", "phq-9" before "phq9", "scl90" before "scl".
  return [...new Set([...ownPrefixes(definition), ...GENERIC_PREFIXES])].sort((a, b) => b.length - a.length);
}

/**
 * Finds the item columns and the id column of a header row, as `triage import` reads them: the id and other person
 * columns by import's headers (`学号`, `學號`, `1、请填写你的学号：`), items by `itemOfHeader`, so a 腾讯问卷 `Q7:GAD-7 1`
 * is GAD-7 item 1 and never item 7 of another instrument (one of `known`). Every item the instrument requires must
 * have exactly one column; other columns are ignored and never read, so name columns cannot leak into output.
 */
export function mapColumns(
  headers: readonly string[],
  options: { readonly definition: InstrumentDefinition; readonly known: readonly InstrumentDefinition[] },
): { ok: true; value: ColumnMap } | { ok: false; error: readonly ColumnIssue[] } {
  const { definition } = options;
  const others = options.known.filter((d) => d.id !== definition.id);
  const prefixes = prefixesOf(definition);
  const known = new Set(definition.items.map((item) => item.id));
  const byItem = new Map<string, ItemColumn[]>();
  const unknownItems: ItemColumn[] = [];
  let id: Column | null = null;
  let ignored = 0;
  headers.forEach((header, index) => {
    const field = personFieldOfHeader(header);
    if (field === 'studentId') {
      // 学号 beside 学籍号 or 编号: the better-ranked header is the id, the other is never read.
      if (id && idRank(header) >= idRank(id.header)) ignored++;
      else {
        if (id) ignored++;
        id = { index, header };
      }
      return;
    }
    // Another instrument's item by its own name (`GAD-7 1`, `Q7:GAD-7 1`) is never one of this instrument's.
    const other =
      instrumentsNamedIn([header], others).length > 0 && instrumentsNamedIn([header], [definition]).length === 0;
    // A person header is an item only where it is a word the instrument names an item by (SDQ's `classroom`), never
    // by a number before it (`1、班级`).
    const own = other ? null : itemOfHeader(header, definition);
    const item = own !== null && (field === undefined || !/^\d/.test(own)) ? own : null;
    if (item !== null) {
      byItem.set(item, [...(byItem.get(item) ?? []), { index, header, item }]);
      return;
    }
    const unknown = field === undefined && !other ? itemIdOfHeader(header, prefixes, known) : null;
    if (unknown !== null && /^\d/.test(unknown) && !known.has(unknown))
      unknownItems.push({ index, header, item: unknown });
    ignored++;
  });
  const duplicates = [...byItem].filter(([, columns]) => columns.length > 1);
  // Identical "headers" are cell values (a file without a header row); never repeat them back.
  if (duplicates.some(([, columns]) => new Set(columns.map((c) => normalizeHeader(c.header))).size < columns.length)) {
    return { ok: false, error: [{ code: 'header-looks-like-data' }] };
  }
  const issues: ColumnIssue[] = duplicates.map(([item, columns]) => ({ code: 'duplicate-item', item, columns }));
  const missing = definition.items.filter((item) => item.optional !== true && !byItem.has(item.id)).map((i) => i.id);
  if (missing.length > 0) issues.push({ code: 'missing-items', items: missing });
  if (issues.length > 0) return { ok: false, error: issues };
  const items = definition.items.flatMap((item) => byItem.get(item.id) ?? []);
  return { ok: true, value: { items, id, unknownItems, ignored } };
}
