import { type CompiledInstrument, type CompiledItem, normalizeLabel } from './compile.ts';
import { simplifiedHan } from './traditional.ts';
import type { Answer, Answers, Coding, ScoreIssue } from './types.ts';

/** A blank answer. NaN keeps the answer buffer a plain array of numbers. */
const MISSING = Number.NaN;

const NUMERIC = /^[+-]?\d+(\.\d+)?$/;
const SHORT_NUMBER = /^\d{1,3}$/;

function codingShift(item: CompiledItem, coding: Coding): number {
  if (coding === 'zero-based') return item.min;
  if (coding === 'one-based') return item.min - 1;
  return 0;
}

function readNumber(item: CompiledItem, input: number, coding: Coding, issues: ScoreIssue[], received: string): number {
  // A yes/no question numbered from 1 (问卷星's 按序号): 1 is 是 where the form lists 是 first, 否 where it lists 否
  // first. A guess would turn the answer round: only its text is read (a refusal code stays a refusal).
  if (item.yesNo && coding === 'one-based' && !item.refusals.has(input)) {
    issues.push({ code: 'SCALES_YES_NO_NUMBER', item: item.id, expected: item.expected, received, coding });
    return MISSING;
  }
  const value = input + codingShift(item, coding);
  const valid = item.contiguous
    ? Number.isInteger(value) && value >= item.min && value <= item.max
    : item.values.has(value) || item.refusals.has(value);
  if (valid || item.refusals.has(value)) return value;
  // A refusal is a code, not a point on the scale: the same in every coding (ASQ's 9 stays 9 in a one-based file).
  if (item.refusals.has(input)) return input;
  const shift = codingShift(item, coding);
  if (shift === 0) issues.push({ code: 'SCALES_ITEM_OUT_OF_RANGE', item: item.id, expected: item.expected, received });
  else {
    const expected = `${item.min - shift}–${item.max - shift}`;
    issues.push({ code: 'SCALES_ITEM_OUT_OF_RANGE', item: item.id, expected, received, coding });
  }
  return MISSING;
}

/** An option by its text, folded; in traditional characters (沒有, 幾乎每天) as a zh-TW/zh-HK export writes it too. */
const labelOf = (item: CompiledItem, folded: string) =>
  item.labels.get(folded) ?? item.labels.get(simplifiedHan(folded));

/** An option letter before the option's text, folded: `A.`, `B、`, `(C)`, `D:` (full-width forms are ASCII by then). */
const OPTION_LETTER = /^\(?[a-z][.、:)]/;

/**
 * An option text after its letter, as 腾讯问卷 and 金数据 export answers (`A.没有`, `B、很轻`): the text decides. The
 * letter is the platform's display order, which may differ from the option order here (是 may be shown first), so
 * it is not read; a letter before no option text (`A.3`, `A`) is no answer.
 */
function afterLetter(item: CompiledItem, folded: string): number | undefined {
  const letter = OPTION_LETTER.exec(folded);
  return letter ? labelOf(item, folded.slice(letter[0].length)) : undefined;
}

function readAnswer(item: CompiledItem, answer: Answer, coding: Coding, issues: ScoreIssue[]): number {
  if (typeof answer === 'number') {
    // NaN and ±Infinity are no blanks (those are null, undefined and ''): mostly a failed parse upstream, so
    // readNumber refuses them as out of range rather than let a blank be prorated.
    // Fast path: an in-range integer in native coding.
    if (coding === 'native' && item.contiguous && answer >= item.min && answer <= item.max && answer % 1 === 0) {
      return answer;
    }
    return readNumber(item, answer, coding, issues, String(answer));
  }
  if (answer === null || answer === undefined) return MISSING;
  if (typeof answer !== 'string') {
    // true, an object, an array: what a JSON body may hold where an answer belongs.
    issues.push({ code: 'SCALES_UNKNOWN_LABEL', item: item.id, expected: item.expected, received: typeof answer });
    return MISSING;
  }
  // Fastest path, what a screening export mostly holds: one digit, no spaces.
  if (answer.length === 1) {
    const digit = answer.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) return readNumber(item, digit, coding, issues, answer);
  }
  const text = answer.trim();
  if (text === '') return MISSING;
  // Fast path for what files mostly hold, a short plain ASCII number: no Unicode folding needed.
  if (SHORT_NUMBER.test(text)) return readNumber(item, Number(text), coding, issues, text);
  const folded = normalizeLabel(text);
  if (NUMERIC.test(folded)) return readNumber(item, Number(folded), coding, issues, text);
  // An option text in traditional characters (沒有, 幾乎每天) as a zh-TW/zh-HK export writes it: looked up again folded.
  const labelled = labelOf(item, folded) ?? afterLetter(item, folded);
  if (labelled !== undefined) return labelled;
  issues.push({
    code: 'SCALES_UNKNOWN_LABEL',
    item: item.id,
    expected: item.expected,
    received: text,
  });
  return MISSING;
}

/**
 * Reads answers into native values by item position (MISSING where blank, and where an answer could not be read).
 * Collects every issue rather than stopping at the first, so a user can fix a row in one pass.
 */
export function readAnswers(
  compiled: CompiledInstrument,
  answers: Answers,
  coding: Coding,
  issues: ScoreIssue[],
): Float64Array {
  const { items } = compiled;
  const values = compiled.scratch;
  const range = (): string =>
    compiled.minLength === items.length ? `${items.length}` : `${compiled.minLength}–${items.length}`;
  // null from JSON, a number, a whole CSV line as one string: no list of answers at all.
  if (typeof answers !== 'object' || answers === null) {
    values.fill(MISSING);
    issues.push({ code: 'SCALES_ITEM_COUNT', expected: range(), received: answers === null ? 'null' : typeof answers });
    return values;
  }
  if (Array.isArray(answers)) {
    const list = answers as ReadonlyArray<Answer>;
    // Positions past the end of a short array (trailing optional items) are blank.
    values.fill(MISSING, Math.min(list.length, items.length));
    if (list.length < compiled.minLength || list.length > items.length) {
      issues.push({ code: 'SCALES_ITEM_COUNT', expected: range(), received: String(list.length) });
      // Which answer is which item is not known: none is read (the failure's critical flags are then unknown).
      values.fill(MISSING);
      return values;
    }
    for (let i = 0; i < list.length; i++) {
      values[i] = readAnswer(items[i] as CompiledItem, list[i], coding, issues);
    }
    return values;
  }
  values.fill(MISSING);
  for (const [id, answer] of Object.entries(answers as Readonly<Record<string, Answer>>)) {
    const item = compiled.byId.get(id);
    if (!item) {
      issues.push({
        code: 'SCALES_UNKNOWN_ITEM',
        item: id,
        expected: [...compiled.byId.keys()].join(', '),
      });
      continue;
    }
    values[item.position] = readAnswer(item, answer, coding, issues);
  }
  return values;
}
