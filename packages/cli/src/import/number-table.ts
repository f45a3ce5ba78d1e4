/**
 * A hash table from numbers to positive 32-bit integers in two typed arrays (12 bytes a slot, no object per entry),
 * for the import's per-row lookups at a million rows: student ids (id-registry.ts) and answer patterns
 * (answer-patterns.ts). Keys are exact doubles other than 0, which marks an empty slot, so a lookup that misses reads
 * one array only. Linear probing, at most three quarters full.
 */
export class NumberTable {
  private keys: Float64Array;
  private values: Uint32Array;
  private count = 0;

  constructor(slots = 1 << 10) {
    this.keys = new Float64Array(Math.max(2, Math.ceil(slots)));
    this.values = new Uint32Array(this.keys.length);
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for `key`, or 0. */
  get(key: number): number {
    const { keys } = this;
    const slots = keys.length;
    for (let slot = spread(key) % slots; ; slot = slot + 1 === slots ? 0 : slot + 1) {
      const k = keys[slot] as number;
      if (k === key) return this.values[slot] as number;
      if (k === 0) return 0;
    }
  }

  /** Stores `value` (≥ 1) for `key` (≠ 0) unless the key is there; returns the value stored before, or 0. */
  add(key: number, value: number): number {
    if ((this.count + 1) * 4 > this.keys.length * 3) this.grow(this.keys.length * 2);
    const { keys } = this;
    const slots = keys.length;
    for (let slot = spread(key) % slots; ; slot = slot + 1 === slots ? 0 : slot + 1) {
      const k = keys[slot] as number;
      if (k === key) return this.values[slot] as number;
      if (k === 0) {
        keys[slot] = key;
        this.values[slot] = value;
        this.count++;
        return 0;
      }
    }
  }

  /**
   * Makes room for `entries` at once. Growing by doubling holds the old table beside the new one for a moment (half
   * again the memory at the peak); a caller that knows roughly how many are coming reserves them up front. Sized to
   * the entries, not rounded up to a power of two: a million take 16 MB instead of 24.
   */
  reserve(entries: number): void {
    const slots = Math.ceil((entries * 4) / 3) + 1;
    if (slots > this.keys.length) this.grow(slots);
  }

  private grow(slots: number): void {
    const { keys, values } = this;
    this.keys = new Float64Array(slots);
    this.values = new Uint32Array(slots);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (key === 0) continue;
      let slot = spread(key) % slots;
      while (this.keys[slot] !== 0) slot = slot + 1 === slots ? 0 : slot + 1;
      this.keys[slot] = key;
      this.values[slot] = values[i] as number;
    }
  }
}

/** Mixes a key's bits into an unsigned 32-bit number, to take modulo the table size. */
export function spread(key: number): number {
  const lo = (key % 0x100000000) | 0;
  const hi = (key / 0x100000000) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return (Math.imul(h, 0xc2b2ae35) ^ (h >>> 16)) >>> 0;
}
