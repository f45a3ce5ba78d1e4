/*
 * Header folding and item ids, shared by `triage import` (src/import) and `score --file`. This module imports nothing
 * of the CLI, so import/ can use it and column-map.ts can use import/'s readers without a cycle.
 */

/** A column of the file: its 0-based index and its header as written. */
interface Column {
  readonly index: number;
  readonly header: string;
}

export interface ItemColumn extends Column {
  readonly item: string;
}

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
