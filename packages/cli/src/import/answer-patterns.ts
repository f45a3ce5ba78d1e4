import { NumberTable } from './number-table.ts';

/**
 * Values remembered by a row's answers as written (a result per answer pattern). Most files answer in single digits:
 * up to 14 such answers make one exact number (base 11 with blank as 0, after a leading 1 that fixes the count,
 * below 2^53), looked up in a {@link NumberTable} without making a string: 12–24 bytes a pattern, so many can be kept.
 * Anything else is keyed by the answers as a JSON array, which is never ambiguous, and costs more to keep.
 */
export class AnswerPatterns<V> {
  private readonly byDigits = new NumberTable();
  private readonly byText = new Map<string, V>();
  /** Values by their number in `byDigits` (minus one): patterns share values, so each is listed once. */
  private readonly values: V[] = [];
  private readonly numberOf = new Map<V, number>();
  // The key of the last `find`, for the `remember` that follows it.
  private key = 0;
  private text: string | undefined;

  /**
   * @param capacity patterns of single-digit answers kept (the first met stay)
   * @param textCapacity other patterns kept
   */
  constructor(
    private readonly capacity: number,
    private readonly textCapacity = capacity,
  ) {}

  get size(): number {
    return this.byDigits.size + this.byText.size;
  }

  /** The value remembered for `answers`; a `remember` right after stores under the same answers. */
  find(answers: readonly string[]): V | undefined {
    this.text = undefined;
    const key = answers.length <= MAX_DIGITS ? digitsKey(answers) : 0;
    if (key !== 0) {
      this.key = key;
      const n = this.byDigits.get(key);
      return n === 0 ? undefined : this.values[n - 1];
    }
    this.text = JSON.stringify(answers);
    return this.byText.get(this.text);
  }

  /** Stores `value` for the answers of the last `find`, while there is room (the first patterns met stay). */
  remember(value: V): void {
    if (this.text !== undefined) {
      if (this.byText.size < this.textCapacity) this.byText.set(this.text, value);
      return;
    }
    if (this.byDigits.size >= this.capacity) return;
    let n = this.numberOf.get(value);
    if (n === undefined) {
      n = this.values.push(value);
      this.numberOf.set(value, n);
    }
    this.byDigits.add(this.key, n);
  }
}

/** 1 and 14 base-11 digits: 11^15 − 1 < 2^53, so the key is an exact double. */
const MAX_DIGITS = 14;

/** The key of single-digit and blank answers, or 0 when an answer is anything else. */
function digitsKey(answers: readonly string[]): number {
  let key = 1;
  for (let p = 0; p < answers.length; p++) {
    const a = answers[p] as string;
    if (a.length > 1) return 0;
    const digit = a.length === 0 ? 0 : a.charCodeAt(0) - 47;
    if (digit < 0 || digit > 10) return 0;
    key = key * 11 + digit;
  }
  return key;
}
