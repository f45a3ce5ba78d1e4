import type { InstrumentDefinition } from '@triage/scales';

/** A column of the file: its 0-based index and its header as written. */
interface Column {
  readonly index: number;
  readonly header: string;
}

export interface ItemColumn extends Column {
  readonly item: string;
}

export interface ColumnMap {
  readonly items: readonly ItemColumn[];
  /** The respondent id column (学号, 编号, id …), if any. */
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

/** Headers naming the respondent id, in order of preference. Compared after {@link normalizeHeader}. */
const ID_HEADERS = ['学号', 'student_id', 'studentid', 'student id', '学生编号', '学籍号', '编号', 'id'];

/** Words that may stand before an item number in any instrument's export: Q1, item1, 题1, 第1题, No.1. */
const GENERIC_PREFIXES = ['question', 'item', '题目', '题', 'q', 'no', '第'];

/** Folds full-width forms, case and runs of spaces; drops stray byte-order marks and zero-width spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\uFEFF\u200B]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

// After a prefix: separators, the item id, an optional 题, then the end or a separator and any item wording
// ("1", "_1", "1、兴趣减退", "1. Little interest", "6b", "a").
const SEPARATORS = /^[\s_\-.#:]*/;
const NUMBERED = /^(\d+[a-z]?)题?(?:$|[\s、.:)\]_\-,])/;
const NUMBERED_THEN_TEXT = /^(\d+)题?(?:$|[^\d a-z])/;
const LETTERED = /^([a-z]+)(?:$|[\s、.:)\]_\-,])/;

function prefixesOf(definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>): string[] {
  const own = [definition.abbreviation, definition.id].flatMap((name) => {
    const folded = normalizeHeader(name);
    return [folded, folded.replace(/[^a-z0-9]/g, '')];
  });
  // Longest first: "question" before "q", "phq-9" before "phq9".
  return [...new Set([...own, ...GENERIC_PREFIXES])].sort((a, b) => b.length - a.length);
}

/**
 * The item a header names, if it names one: by number (`1`, `Q1`, `第1题`, `1、…`, `PHQ9_1`, `SDS1`, `item1`) or by
 * letter for supplementary items (`a`, `Qa`). Only this instrument's own prefix counts, so `GAD7_1` is not PHQ-9
 * item 1. A number is returned whether or not the instrument has that item (so the caller can warn about "Q11");
 * a letter only when it is one of `known`, since most words are letters.
 */
export function itemIdOfHeader(header: string, prefixes: readonly string[], known: ReadonlySet<string>): string | null {
  const h = normalizeHeader(header);
  const candidates = [h];
  for (const prefix of prefixes) {
    if (h.startsWith(prefix) && h.length > prefix.length)
      candidates.push(h.slice(prefix.length).replace(SEPARATORS, ''));
  }
  for (const rest of candidates) {
    const id = NUMBERED.exec(rest)?.[1] ?? NUMBERED_THEN_TEXT.exec(rest)?.[1];
    if (id) return id.replace(/^0+(?=\d)/, '');
  }
  for (const rest of candidates) {
    const id = LETTERED.exec(rest)?.[1];
    if (id && known.has(id)) return id;
  }
  return null;
}

/**
 * Finds the item columns and the id column of a header row. Every item an instrument requires must have exactly one
 * column; other columns are ignored and never read, so name columns cannot leak into output.
 */
export function mapColumns(
  headers: readonly string[],
  definition: Pick<InstrumentDefinition, 'id' | 'abbreviation' | 'items'>,
): { ok: true; value: ColumnMap } | { ok: false; error: readonly ColumnIssue[] } {
  const prefixes = prefixesOf(definition);
  const known = new Set(definition.items.map((item) => item.id));
  const byItem = new Map<string, ItemColumn[]>();
  const unknownItems: ItemColumn[] = [];
  let id: Column | null = null;
  let idRank = ID_HEADERS.length;
  let ignored = 0;
  headers.forEach((header, index) => {
    const folded = normalizeHeader(header);
    const rank = ID_HEADERS.indexOf(folded);
    if (rank !== -1) {
      if (rank < idRank) {
        if (id) ignored++;
        id = { index, header };
        idRank = rank;
      } else ignored++;
      return;
    }
    const item = itemIdOfHeader(header, prefixes, known);
    if (item !== null && known.has(item)) {
      byItem.set(item, [...(byItem.get(item) ?? []), { index, header, item }]);
    } else {
      if (item !== null && /^\d/.test(item)) unknownItems.push({ index, header, item });
      ignored++;
    }
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
