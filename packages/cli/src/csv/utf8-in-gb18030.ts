const LF = 10;
const CR = 13;

/**
 * UTF-8 CJK characters a line needs before it counts as UTF-8 text inside GB18030: one alone is within what GB18030
 * Chinese gives by chance (a level-2 hanzi with lead E4–E9 followed by the right bytes); two in one line were never
 * seen in 1,000,000 simulated GB18030 rows (utf8-in-gb18030.test.ts).
 */
const MIN_CJK = 2;

/**
 * Whether the line `bytes[from, to)` (no line break in it) is UTF-8 Chinese text: valid UTF-8, non-ASCII characters
 * only CJK (U+3000–U+9FFF, fullwidth forms U+FF00–U+FFEF), Latin-1 letters (U+00A0–U+00FF) and general punctuation
 * (U+2000–U+206F), and at least {@link MIN_CJK} CJK characters. The same judgement as the sample's, without
 * decoding: GB18030 bytes that happen to be valid UTF-8 decode mostly to Latin Extended, Greek or Cyrillic.
 */
function isUtf8ChineseLine(bytes: Uint8Array, from: number, to: number): boolean {
  let cjk = 0;
  let k = from;
  while (k < to) {
    const b = bytes[k] as number;
    if (b < 0x80) {
      k++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      // Two bytes: only U+00A0–U+00FF (lead C2 with A0–BF, lead C3) reads as text that belongs in a Chinese CSV.
      const b1 = bytes[k + 1] as number;
      if (k + 1 >= to || b1 < 0x80 || b1 > 0xbf || b > 0xc3 || (b === 0xc2 && b1 < 0xa0)) return false;
      k += 2;
      continue;
    }
    if (b < 0xe0 || b > 0xef || k + 2 >= to) return false;
    const b1 = bytes[k + 1] as number;
    const b2 = bytes[k + 2] as number;
    if (b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) return false;
    const c = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else if (c < 0x2000 || c > 0x206f) return false;
    k += 3;
  }
  return cjk >= MIN_CJK;
}

/** The next LF and CR found so far: each kind is looked for again only once passed, so a chunk is scanned once. */
interface Breaks {
  lf: number;
  cr: number;
}

function nextBreak(bytes: Uint8Array, k: number, next: Breaks): number {
  if (next.lf < k) next.lf = indexOrEnd(bytes, LF, k);
  if (next.cr < k) next.cr = indexOrEnd(bytes, CR, k);
  return Math.min(next.lf, next.cr);
}

function indexOrEnd(bytes: Uint8Array, byte: number, from: number): number {
  const k = bytes.indexOf(byte, from);
  return k === -1 ? bytes.length : k;
}

/** The first non-ASCII byte of `bytes[from, to)`, or `to`. */
function firstNonAscii(bytes: Uint8Array, from: number, to: number): number {
  let k = from;
  while (k < to && (bytes[k] as number) < 0x80) k++;
  return k;
}

/** A line of UTF-8 Chinese text found in a file read as GB18030. */
export interface Utf8LineAt {
  /** Byte offset in the file where the line starts. */
  readonly lineStart: number;
  /** Byte offset in the file of its first non-ASCII byte: where the UTF-8 text starts. */
  readonly offset: number;
}

/**
 * Finds, chunk by chunk, the first complete line of a GB18030 file that is UTF-8 Chinese text (UTF-8 rows pasted
 * under a GB18030 file): GB18030 reads UTF-8 CJK bytes without an error, as garbage, as most of them pair into valid
 * GB18030 characters. A line cut by the end of a chunk is kept (copied) until its end is read. The work per line is
 * one `indexOf` for its end plus its bytes up to the first one UTF-8 cannot continue with, which for GB18030 Chinese
 * is mostly its first hanzi.
 */
export class Utf8LineFinder {
  /** The bytes of the line not yet ended, read before the current chunk. */
  private tail: Uint8Array = new Uint8Array(0);
  /** File offset of `tail`. */
  private tailStart = 0;

  /** Looks at `bytes`, read at file offset `position` (just after the bytes of the previous call). */
  push(bytes: Uint8Array, position: number): Utf8LineAt | undefined {
    const next: Breaks = { lf: -1, cr: -1 };
    const first = nextBreak(bytes, 0, next);
    if (first === bytes.length) {
      this.keep(bytes, 0, position);
      return undefined;
    }
    if (this.tail.length > 0) {
      const line = Buffer.concat([this.tail, bytes.subarray(0, first)]);
      if (isUtf8ChineseLine(line, 0, line.length)) return this.found(line, 0, this.tailStart);
    } else if (first > 0 && isUtf8ChineseLine(bytes, 0, first)) {
      return this.found(bytes, 0, position);
    }
    let start = first + 1;
    for (;;) {
      const end = nextBreak(bytes, start, next);
      if (end === bytes.length) break;
      if (end > start && isUtf8ChineseLine(bytes, start, end)) return this.found(bytes, start, position);
      start = end + 1;
    }
    this.tail = new Uint8Array(0);
    this.keep(bytes, start, position);
    return undefined;
  }

  /** The end of the file: its last line, when it has no line break. */
  end(): Utf8LineAt | undefined {
    const { tail } = this;
    return isUtf8ChineseLine(tail, 0, tail.length) ? this.found(tail, 0, this.tailStart) : undefined;
  }

  private keep(bytes: Uint8Array, from: number, position: number): void {
    if (from >= bytes.length) return;
    if (this.tail.length === 0) this.tailStart = position + from;
    this.tail = Buffer.concat([this.tail, bytes.subarray(from)]);
  }

  /** The line starting at `bytes[from]`, `bytes` read at file offset `position`. */
  private found(bytes: Uint8Array, from: number, position: number): Utf8LineAt {
    return { lineStart: position + from, offset: position + firstNonAscii(bytes, from, bytes.length) };
  }
}
