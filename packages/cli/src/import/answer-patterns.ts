import { NumberTable } from './number-table.ts';

/**
 * Values remembered by a row's answers as written (a result per answer pattern). Up to 14 answers make one exact
 * number, looked up in a {@link NumberTable} without making a string (12–24 bytes a pattern, so many can be kept):
 * single digits as themselves, base 11 with blank as 0, after a leading 1 that fixes the count; answers as text
 * (「没有或很少时间」) by the order each text was first met at its item, after a leading 2, while an item has at most
 * 10 texts. Exact texts, so the same number is always the same answers. Anything else is keyed by the answers as a
 * JSON array, which is never ambiguous, and costs more to keep.
 */
export class AnswerPatterns<V> {
  private readonly byDigits = new NumberTable();
  private readonly byText = new Map<string, V>();
  /** Values by their number in `byDigits` (minus one): patterns share values, so each is listed once. */
  private readonly values: V[] = [];
  private readonly numberOf = new Map<V, number>();
  /** For each item, its answer texts by the order they were first met (1–10). */
  private readonly codes: Map<string, number>[] = [];
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
    const key = answers.length > MAX_DIGITS ? 0 : (digitsKey(answers) ?? this.codesKey(answers));
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

  /** The key of answers by their texts' codes, or 0 when an item has more than 10 texts. */
  private codesKey(answers: readonly string[]): number {
    let key = 2;
    for (let p = 0; p < answers.length; p++) {
      const a = answers[p] as string;
      if (a.length === 0) {
        key *= 11;
        continue;
      }
      let codes = this.codes[p];
      if (!codes) {
        codes = new Map();
        this.codes[p] = codes;
      }
      let code = codes.get(a);
      if (code === undefined) {
        if (codes.size === 10) return 0;
        code = codes.size + 1;
        codes.set(a, code);
      }
      key = key * 11 + code;
    }
    return key;
  }
}

/** 1 or 2 and 14 base-11 digits: 3 × 11^14 − 1 < 2^53, so the key is an exact double. */
const MAX_DIGITS = 14;

/** The key of single-digit and blank answers, or undefined when an answer is anything else. */
function digitsKey(answers: readonly string[]): number | undefined {
  let key = 1;
  for (let p = 0; p < answers.length; p++) {
    const a = answers[p] as string;
    if (a.length > 1) return undefined;
    // '0'–'9' are 1–10, blank is 0; '/' (just below '0') is not a digit and never blank's twin.
    const digit = a.length === 0 ? 0 : a.charCodeAt(0) - 47;
    if (digit > 10 || (digit < 1 && a.length > 0)) return undefined;
    key = key * 11 + digit;
  }
  return key;
}
