/**
 * The student ids of one import, to find duplicates, in memory that stays small at a million rows: 12 bytes a slot
 * instead of a string per id. Numeric ids of up to 15 digits without a leading zero are kept exactly; any other id by
 * a 52-bit hash of its text.
 * A shared hash only raises a false "duplicate id" warning (the row is still scored); the chance that any two of a
 * million non-numeric ids share one is about 1 in 10,000.
 */
export class IdRegistry {
  private keys: Float64Array;
  /** First line + 1 for each slot; 0 marks an empty slot. */
  private lines: Uint32Array;
  private size = 0;

  constructor(capacity = 1 << 12) {
    const slots = Math.max(2, Math.ceil(capacity));
    this.keys = new Float64Array(slots);
    this.lines = new Uint32Array(slots);
  }

  get count(): number {
    return this.size;
  }

  /** Records `id` first seen on `line`; returns the line it was first seen on if it was seen before, else 0. */
  add(id: string, line: number): number {
    if ((this.size + 1) * 4 > this.keys.length * 3) this.grow();
    const key = keyOf(id);
    const slots = this.keys.length;
    for (let slot = spread(key) % slots; ; slot = slot + 1 === slots ? 0 : slot + 1) {
      const seen = this.lines[slot] as number;
      if (seen === 0) {
        this.keys[slot] = key;
        this.lines[slot] = line + 1;
        this.size++;
        return 0;
      }
      if (this.keys[slot] === key) return seen - 1;
    }
  }

  /**
   * Makes room for `ids` ids at once. Growing by doubling holds the old table beside the new one for a moment (half
   * again the memory at the peak); an import that knows roughly how many rows are coming reserves them up front.
   */
  reserve(ids: number): void {
    // Sized to the ids expected, not rounded up to a power of two: a million ids take 16 MB instead of 24.
    const slots = Math.ceil((ids * 4) / 3) + 1;
    if (slots > this.keys.length) this.grow(slots);
  }

  private grow(slots = this.keys.length * 2): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(slots);
    this.lines = new Uint32Array(slots);
    for (let i = 0; i < keys.length; i++) {
      const line = lines[i] as number;
      if (line === 0) continue;
      const key = keys[i] as number;
      let slot = spread(key) % slots;
      while (this.lines[slot] !== 0) slot = slot + 1 === slots ? 0 : slot + 1;
      this.keys[slot] = key;
      this.lines[slot] = line;
    }
  }
}

const NUMERIC = /^[1-9]\d{0,14}$/;

/** Exact for short numeric ids (≥ 1), a negative hash for the rest: the two kinds never meet. */
function keyOf(id: string): number {
  if (NUMERIC.test(id)) return Number(id);
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

/** Mixes a key's bits into an unsigned 32-bit number, to take modulo the table size. */
function spread(key: number): number {
  const lo = (key % 0x100000000) | 0;
  const hi = (key / 0x100000000) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return (Math.imul(h, 0xc2b2ae35) ^ (h >>> 16)) >>> 0;
}
