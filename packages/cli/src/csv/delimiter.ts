import { CsvParser } from './csv-parser.ts';

/** Delimiters recognised, in the order that wins a tie. */
const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Non-blank records compared: a title row or two above the header, the header, and enough rows to agree. */
export const SAMPLE_RECORDS = 12;

/** Whether a record has only spaces and tabs in it (whatever the delimiter). */
export function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/**
 * Field counts of the first non-blank records split by `delimiter`, quotes respected; fewer when the text ends. A
 * record whose quote never closes under this delimiter counts as 0: quotes that do not balance speak against it.
 */
function fieldCounts(text: string, delimiter: Delimiter, final: boolean): number[] {
  const parser = new CsvParser({ delimiter });
  parser.push(text);
  if (final) parser.end();
  const counts: number[] = [];
  while (counts.length < SAMPLE_RECORDS) {
    const records = parser.read(SAMPLE_RECORDS);
    if (records.length === 0) break;
    for (const r of records) {
      if (!isBlank(r.fields) && counts.length < SAMPLE_RECORDS) counts.push(r.unterminated ? 0 : r.fields.length);
    }
  }
  return counts;
}

/** The most common field count above 1, and how many records have it (0 when every record is one field). */
function modeOf(counts: readonly number[]): { readonly fields: number; readonly records: number } {
  const seen = new Map<number, number>();
  let best = { fields: 1, records: 0 };
  for (const c of counts) {
    if (c < 2) continue;
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    if (n > best.records || (n === best.records && c > best.fields)) best = { fields: c, records: n };
  }
  return best;
}

/**
 * The delimiter of a CSV text: of `,`, tab, `;` and `|`, the one that splits the most of the first
 * {@link SAMPLE_RECORDS} non-blank records (quotes respected, as the parser reads them) into the same number of fields
 * above 1; on a tie the one giving more fields, then the first in that order; a comma when none splits anything.
 * Consistency across rows, not raw counts (as Python's csv.Sniffer): a tab-separated header with commas in its text
 * still splits every row the same way by tabs only. `undefined` while the text holds fewer records and more text may
 * follow (`final: false`). Excel's "Unicode Text" export is tab-separated; European locales write `;`.
 * @see https://docs.python.org/3/library/csv.html#csv.Sniffer
 */
export function delimiterOf(text: string, final: boolean): Delimiter | undefined {
  let best: Delimiter = ',';
  let top = { fields: 1, records: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, final);
    // Wait for more text until every candidate has its records: a quoted line break may hold one back.
    if (!final && counts.length < SAMPLE_RECORDS) return undefined;
    const unbalanced = counts.filter((c) => c === 0).length;
    const found = modeOf(counts);
    const mode = { fields: found.fields, records: found.records - unbalanced };
    if (mode.records > top.records || (mode.records === top.records && mode.fields > top.fields)) {
      best = delimiter;
      top = mode;
    }
  }
  return best;
}
