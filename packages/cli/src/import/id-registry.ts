import { NumberTable } from './number-table.ts';

/**
 * The student ids of one import, to find duplicates, in memory that stays small at a million rows: 12 bytes a slot
 * instead of a string per id. Numeric ids of up to 15 digits without a leading zero are kept exactly; any other id by
 * a 52-bit hash of its text.
 * A shared hash only raises a false "duplicate id" warning (the row is still scored); the chance that any two of a
 * million non-numeric ids share one is about 1 in 10,000.
 */
export class IdRegistry {
  private readonly table: NumberTable;

  constructor(capacity = 1 << 12) {
    this.table = new NumberTable(capacity);
  }

  get count(): number {
    return this.table.size;
  }

  /** Records `id` first seen on `line`; returns the line it was first seen on if it was seen before, else 0. */
  add(id: string, line: number): number {
    const seen = this.table.add(keyOf(id), line + 1);
    return seen === 0 ? 0 : seen - 1;
  }

  /** Makes room for `ids` ids at once (see {@link NumberTable.reserve}). */
  reserve(ids: number): void {
    this.table.reserve(ids);
  }
}

/** Exact for short numeric ids (≥ 1), a negative hash for the rest: the two kinds never meet, and never 0. */
function keyOf(id: string): number {
  if (isShortNumber(id)) return Number(id);
  // Two FNV-1a style 32-bit hashes with different bases, combined into 52 bits.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return -((a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff) + 1);
}

/** 1–15 digits without a leading zero (/^[1-9]\d{0,14}$/, without the regular expression's cost per row). */
function isShortNumber(id: string): boolean {
  const n = id.length;
  if (n === 0 || n > 15) return false;
  const first = id.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return false;
  for (let i = 1; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
