import { formatInteger } from './number-format.ts';

/**
 * Cell value → text, the way a school psychologist reads the cell in Excel, minus display formatting: ids keep every
 * digit, dates are ISO, nothing is localised. Values arrive in the shapes exceljs's stream reader produces
 * (lib/stream/xlsx/worksheet-reader.js and lib/doc/cell.js): string, number, boolean, Date, `{ richText }`,
 * `{ error }`, `{ formula, result }`, `{ sharedString }` (an index, when shared strings are collected separately).
 */
export function valueText(value: unknown, numFmt: string | undefined, context: ValueContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeXstring(value);
  if (typeof value === 'number') {
    // A date is a serial number with a date format (sheet-rows.ts reads every cell, formula or not).
    if (isDateFormat(numFmt)) return Number.isFinite(value) ? serialText(value, context) : '';
    return numberText(value, numFmt);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, context);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) return decodeXstring(richTextText(value.richText));
  if ('error' in value) return String(value.error ?? '');
  if ('sharedString' in value && typeof value.sharedString === 'number') {
    return valueText(context.sharedStrings?.[value.sharedString], numFmt, context);
  }
  // A formula: its cached result, or nothing when the file has none. Shared-formula cells have an empty formula.
  if ('result' in value || 'formula' in value) return 'result' in value ? valueText(value.result, numFmt, context) : '';
  // A hyperlink (only when hyperlinks are read): its text.
  if ('text' in value) return valueText(value.text, numFmt, context);
  return '';
}

export interface ValueContext {
  readonly date1904: boolean;
  /** Shared strings, for `{ sharedString: index }` values. */
  readonly sharedStrings?: readonly unknown[] | undefined;
}

/** The text of a rich-text run list (`[{ font, text }]`); runs without text count as empty. */
function richTextText(runs: readonly unknown[]): string {
  let text = '';
  for (const run of runs) {
    if (run && typeof run === 'object' && 'text' in run && typeof run.text === 'string') text += run.text;
  }
  return text;
}

/**
 * A number as Excel shows its stored value: to 15 significant digits, so float noise left by formulas and exporters
 * (0.9999999999999999, 2.9999999999999996) reads as the 1 and 3 a psychologist sees. The formula bar's 15 digits, not
 * the cell's General display (at most 11 characters, fewer in a narrow column): what a cell shows depends on its width,
 * and 15 digits is the precision Excel keeps and compares with. Integers in full, without exponent or `.0`, shown
 * with their custom format when it is one ids are given (`000000`, `"2025"0000`, `000-000-000`: see number-format.ts);
 * other numbers in their shortest form. From 10^15 on, a number has more digits than Excel keeps: an 18-digit id typed
 * into a General cell is stored as 4.4010620080101101E+17, and two students' ids as the same number. Such a number
 * comes out as Excel shows it in General format (`4.40106E+17`), which the import rejects as a mangled id, as
 * it does in a CSV; never as a precise-looking id (`440106200801011000`) that is someone else's.
 * @see Microsoft KB 65903, "Number of significant digits MS Excel retains" (15 kept; General shows up to 11 characters),
 *   copy at https://mskb.pkisolutions.com/kb/65903
 * @see Apache POI `ExcelArithmetic.approxValue`: "the value as Excel sees it: rounded to 15 significant decimal digits"
 *   (https://poi.apache.org/apidocs/6.0/org/apache/poi/ss/util/ExcelArithmetic.html)
 */
export function numberText(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return ''; // a formula whose cached result is an error
  if (Math.abs(n) >= EXCEL_EXACT_LIMIT) return generalScientific(n);
  const shown = Number.isInteger(n) ? n : Number(n.toPrecision(EXCEL_DIGITS));
  if (!Number.isInteger(shown)) return String(shown);
  const digits = String(Math.abs(shown));
  return (shown < 0 ? '-' : '') + (formatInteger(digits, numFmt) ?? digits);
}

/** Significant digits Excel keeps of a number. */
const EXCEL_DIGITS = 15;

/** The smallest number with more digits than Excel keeps: 16 digits before the point. */
const EXCEL_EXACT_LIMIT = 1e15;

/** Excel's General format for a large number: six significant digits, trailing zeros dropped, `E+17`. */
function generalScientific(n: number): string {
  const [mantissa = '', exponent = '0'] = n.toExponential(5).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const e = Number(exponent);
  return `${trimmed}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/**
 * exceljs's own test (lib/utils/utils.js isDateFmt), so cells are judged as exceljs would; escaped
 * characters (`\d`) are text, as quoted ones are, not date parts.
 */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhMsb]/.test(bare);
}

const DAY = 86_400_000;
/** Day number (since 1970) of serial 0 in each date system. */
const EPOCH_1900 = -25_569;
const EPOCH_1904 = -24_107;

/**
 * A date serial as Excel shows it. The 1900 system counts a 1900-02-29 that never was (serial 60, which Excel shows as
 * such), so its serials 1–59 are one day later than a plain count from serial 0 gives; the 1904 system counts plainly.
 * @see Microsoft KB 214326, "Excel incorrectly assumes that the year 1900 is a leap year" (kept for Lotus 1-2-3)
 * @see ECMA-376 Part 1, §18.17.4 (dates and times: the 1900 and 1904 date systems)
 */
function serialText(serial: number, context: ValueContext): string {
  // Judged on the second the text shows: 60.99999999 is 1900-03-01, not the fictitious day.
  const rounded = Math.round(serial * SECONDS_A_DAY) / SECONDS_A_DAY;
  if (context.date1904 || rounded < 1 || rounded >= FICTITIOUS_LEAP_DAY + 1) {
    return dateText(serialToDate(rounded, context.date1904), context);
  }
  const text = dateText(serialToDate(rounded + 1, false), context);
  return rounded < FICTITIOUS_LEAP_DAY ? text : text.replace('1900-03-01', '1900-02-29');
}

/** The 1900 system's serial for 1900-02-29, a day Lotus 1-2-3 counted and Excel keeps counting. */
const FICTITIOUS_LEAP_DAY = 60;
const SECONDS_A_DAY = 86_400;

/** A serial counted plainly from the system's serial 0 (1899-12-30 in the 1900 system, where it holds from March 1900). */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY));
}

/**
 * `YYYY-MM-DD`, or `YYYY-MM-DD HH:mm` when there is a time of day (seconds dropped, as a `yyyy-mm-dd hh:mm` format
 * shows them), read in UTC: exceljs builds Dates whose UTC fields are the workbook's wall clock. A time without a date
 * (serial below 1, e.g. a duration or a `h:mm` cell) is `HH:mm`, or `HH:mm:ss` when it has seconds.
 */
export function dateText(date: Date, context: { readonly date1904: boolean }): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  // Serials are floating point: 08:00 is 0.33333… days, a hair short of the minute until rounded.
  const t = Math.round(ms / 1000) * 1000;
  const day = Math.floor(t / DAY);
  const seconds = (t - day * DAY) / 1000;
  const hhmm = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}`;
  if (day === (context.date1904 ? EPOCH_1904 : EPOCH_1900))
    return seconds % 60 ? `${hhmm}:${pad2(seconds % 60)}` : hhmm;
  const d = new Date(day * DAY);
  const ymd = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return seconds === 0 ? ymd : `${ymd} ${hhmm}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Undoes OOXML's `_xHHHH_` escaping of characters XML cannot carry (Excel writes a carriage return as `_x000D_`, and a
 * literal `_x0041_` as `_x005F_x0041_`).
 * @see ECMA-376 Part 1, §22.9.2.19 ST_Xstring
 */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The inverse of {@link decodeXstring} for writing: escapes `_xHHHH_` look-alikes and control characters other than
 * tab and line feed (XML drops most of them, and turns CR into LF).
 */
export function encodeXstring(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)|\p{Cc}/gu, (c) => {
    if (c === '\t' || c === '\n') return c;
    return c === '_' ? '_x005F_' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}
