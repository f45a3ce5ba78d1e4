const BLOCK_BITS = 10;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
/** Offsets are stored from the block's first key minus this, so keys on either side of it fit. */
const HALF_RANGE = 2 ** 31;

/**
 * Numbers other than 0 in arrival order, in blocks of 1024: as 32-bit offsets from a base while every number of the
 * block lies within 2^31 of its first (a school's student numbers do: 4 bytes each), else as doubles (8 bytes). A
 * block turns to doubles, once, when a number that does not fit arrives. Nothing is copied when the column grows.
 */
export class KeyColumn {
  private readonly bases: number[] = [];
  private readonly near: (Uint32Array | undefined)[] = [];
  private readonly far: (Float64Array | undefined)[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(key: number): void {
    const block = this.count >>> BLOCK_BITS;
    const at = this.count & MASK;
    this.count++;
    if (at === 0) {
      this.bases.push(key - HALF_RANGE);
      this.near.push(new Uint32Array(BLOCK));
      this.far.push(undefined);
    }
    const far = this.far[block];
    if (far) {
      far[at] = key;
      return;
    }
    const offset = key - (this.bases[block] as number);
    const near = this.near[block] as Uint32Array;
    if (offset >= 0 && offset < 2 * HALF_RANGE && Number.isInteger(offset)) {
      near[at] = offset;
      return;
    }
    const doubles = new Float64Array(BLOCK);
    for (let i = 0; i < at; i++) doubles[i] = (this.bases[block] as number) + (near[i] as number);
    doubles[at] = key;
    this.far[block] = doubles;
    this.near[block] = undefined;
  }

  /** The number pushed as the `ordinal`-th (0-based, < length). */
  get(ordinal: number): number {
    const block = ordinal >>> BLOCK_BITS;
    const far = this.far[block];
    if (far) return far[ordinal & MASK] as number;
    return (this.bases[block] as number) + ((this.near[block] as Uint32Array)[ordinal & MASK] as number);
  }
}
