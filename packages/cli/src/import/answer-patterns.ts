/**
 * Values remembered by a row's answers as written (a result per answer pattern). Most files answer in single digits:
 * up to 16 such answers make two small integers (8 answers each, base 11 with blank as 0, after a leading 1 that
 * fixes the count), looked up in two maps without making a string or a heap number. Anything else is keyed by the
 * answers as a JSON array, which is never ambiguous.
 */
export class AnswerPatterns<V> {
  private readonly byDigits = new Map<number, Map<number, V>>();
  private readonly byText = new Map<string, V>();
  private count = 0;
  // The key of the last `find`, for the `remember` that follows it.
  private high = 0;
  private low = 0;
  private text: string | undefined;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  /** The value remembered for `answers`; a `remember` right after stores under the same answers. */
  find(answers: readonly string[]): V | undefined {
    this.text = undefined;
    if (answers.length <= 2 * CHUNK && this.digits(answers)) return this.byDigits.get(this.high)?.get(this.low);
    this.text = JSON.stringify(answers);
    return this.byText.get(this.text);
  }

  /** Stores `value` for the answers of the last `find`, while there is room (the first patterns met stay). */
  remember(value: V): void {
    if (this.count >= this.capacity) return;
    this.count++;
    if (this.text !== undefined) {
      this.byText.set(this.text, value);
      return;
    }
    let low = this.byDigits.get(this.high);
    if (!low) {
      low = new Map();
      this.byDigits.set(this.high, low);
    }
    low.set(this.low, value);
  }

  /** Sets `high` and `low` from single-digit and blank answers; false when an answer is anything else. */
  private digits(answers: readonly string[]): boolean {
    let high = 1;
    let low = 1;
    for (let p = 0; p < answers.length; p++) {
      const a = answers[p] as string;
      if (a.length > 1) return false;
      const digit = a.length === 0 ? 0 : a.charCodeAt(0) - 47;
      if (digit < 0 || digit > 10) return false;
      if (p < CHUNK) high = high * 11 + digit;
      else low = low * 11 + digit;
    }
    this.high = high;
    this.low = low;
    return true;
  }
}

/** Answers per integer: a leading 1 and 8 base-11 digits stay below 2^30 (a V8 small integer). */
const CHUNK = 8;
