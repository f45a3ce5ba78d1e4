import { isDigits } from './digits.ts';
import { KeyColumn } from './key-column.ts';
import { spread } from './number-table.ts';

/**
 * The student ids of one import, to find duplicates, in memory that stays small at a million rows: about 10 bytes an
 * id instead of a string per id (14 for ids that are not short numbers).
 *
 * - Each id becomes a number ({@link keyOf}): numeric ids of up to 15 digits without a leading zero exactly, any other
 *   id a 52-bit hash of its text. A shared hash only raises a false "duplicate id" warning (the row is still scored);
 *   the chance that any two of a million non-numeric ids share one is about 1 in 10,000.
 * - The keys are kept in arrival order ({@link KeyColumn}: 4 bytes a key when a school's numbers lie close together,
 *   else 8), the place each was first seen as runs (one entry per jump, not per id: places mostly rise one by one).
 * - A hash index of 5 bytes a slot, at most three quarters full, points into them: the arrival number, and 8 bits of
 *   the key's hash so that most probes that miss never read the key.
 */
export class IdRegistry {
  private readonly keys = new KeyColumn();
  private readonly places = new PlaceRuns();
  private slots: Uint32Array;
  private tags: Uint8Array;

  constructor(capacity = 1 << 12) {
    this.slots = new Uint32Array(Math.max(2, Math.ceil(capacity)));
    this.tags = new Uint8Array(this.slots.length);
  }

  get count(): number {
    return this.keys.length;
  }

  /**
   * Records `id` first seen at `place` (a line, or a sheet's line as one number; ≥ 1); returns the place it was first
   * seen at if it was seen before, else 0.
   */
  add(id: string, place: number): number {
    if ((this.keys.length + 1) * 4 > this.slots.length * 3) this.rebuild(this.slots.length * 2);
    const key = keyOf(id);
    const hash = spread(key);
    // The top 8 bits as the slot's tag: the slot comes from the hash modulo the size, mostly the lower bits.
    const tag = hash >>> 24;
    const { slots, tags } = this;
    const size = slots.length;
    for (let slot = hash % size; ; slot = slot + 1 === size ? 0 : slot + 1) {
      const entry = slots[slot] as number;
      if (entry === 0) {
        const ordinal = this.keys.length;
        this.keys.push(key);
        this.places.push(ordinal, place);
        slots[slot] = ordinal + 1;
        tags[slot] = tag;
        return 0;
      }
      if (tags[slot] === tag && this.keys.get(entry - 1) === key) return this.places.get(entry - 1);
    }
  }

  /**
   * Makes room for `ids` ids at once. Growing by doubling holds the old index beside the new one for a moment; a
   * caller that knows roughly how many are coming reserves them up front. Sized to the ids, not rounded up to a power
   * of two.
   */
  reserve(ids: number): void {
    const slots = Math.ceil((ids * 4) / 3) + 1;
    if (slots > this.slots.length) this.rebuild(slots);
  }

  /** A new index of `size` slots over the same keys (the keys and places themselves do not move). */
  private rebuild(size: number): void {
    const slots = new Uint32Array(size);
    const tags = new Uint8Array(size);
    for (let ordinal = 0; ordinal < this.keys.length; ordinal++) {
      const hash = spread(this.keys.get(ordinal));
      let slot = hash % size;
      while (slots[slot] !== 0) slot = slot + 1 === size ? 0 : slot + 1;
      slots[slot] = ordinal + 1;
      tags[slot] = hash >>> 24;
    }
    this.slots = slots;
    this.tags = tags;
  }
}

/**
 * The place each id was first seen, by arrival number, as runs: a run starts wherever place − arrival number changes
 * (a rejected or blank row, a record over several lines, a new sheet), so a file of a million rows needs a handful.
 */
class PlaceRuns {
  private readonly starts: number[] = [];
  private readonly shifts: number[] = [];
  private shift = Number.NaN;

  push(ordinal: number, place: number): void {
    const shift = place - ordinal;
    if (shift === this.shift) return;
    this.starts.push(ordinal);
    this.shifts.push(shift);
    this.shift = shift;
  }

  /** The place of arrival `ordinal` (< the number pushed): binary search for the last run starting at or before it. */
  get(ordinal: number): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= ordinal) low = middle;
      else high = middle - 1;
    }
    return ordinal + (this.shifts[low] as number);
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
  return id.length <= 15 && id.charCodeAt(0) !== 0x30 && isDigits(id);
}

/**
 * A row's place as one number for {@link IdRegistry}: the sheet's ordinal above the line (lines < 2^32 a file or
 * sheet), and back again.
 */
export class RowPlaces {
  private readonly ordinals: Map<string | null, number>;

  constructor(private readonly sheets: readonly (string | null)[]) {
    this.ordinals = new Map(sheets.map((sheet, i) => [sheet, i]));
  }

  of(sheet: string | null, line: number): number {
    return (this.ordinals.get(sheet) ?? 0) * 2 ** 32 + line;
  }

  sheet(place: number): string | null {
    return this.sheets[Math.floor(place / 2 ** 32)] ?? null;
  }

  line(place: number): number {
    return place % 2 ** 32;
  }
}
