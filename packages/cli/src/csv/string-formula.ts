import type { CsvRecord } from './csv-parser.ts';

/**
 * A cell that is exactly a string-literal formula, `="…"` (spaces, tabs, no-break and ideographic spaces around it allowed, `""` for a quote inside): Excel's
 * usual way, and many platforms', to keep an id's digits and leading zeros when a CSV is opened in Excel.
 */
const STRING_FORMULA = /^[\t \u00a0\u3000]*="((?:[^"]|"")*)"[\t \u00a0\u3000]*$/;

/** Most fields start with neither `=` nor a space: one character code rules them out before the pattern. */
function isStringFormula(field: string): boolean {
  const first = field.charCodeAt(0);
  return (
    (first === EQUALS || first <= SPACE || first === NBSP || first === IDEOGRAPHIC_SPACE) && STRING_FORMULA.test(field)
  );
}

function holdsStringFormula(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (isStringFormula(fields[i] as string)) return true;
  return false;
}

const EQUALS = 61;
const SPACE = 32;
const NBSP = 0xa0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** The text Excel shows for a CSV field: a string-literal formula's string (`="0012"` is `0012`), else the field. */
export function shownText(field: string): string {
  const literal = isStringFormula(field) ? STRING_FORMULA.exec(field)?.[1] : undefined;
  return literal === undefined ? field : literal.replaceAll('""', '"');
}

/**
 * The records with every field as Excel shows it when it opens the CSV ({@link shownText}); other formulas (`=A1+1`)
 * are left as written. Only a record with a string-literal formula is copied.
 */
export async function* withShownText(
  batches: AsyncIterable<readonly CsvRecord[]>,
): AsyncIterable<readonly CsvRecord[]> {
  for await (const batch of batches) {
    // Most records hold none: their fields' first characters say so (plain loops: this runs for every field).
    let out: CsvRecord[] | undefined;
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i] as CsvRecord;
      if (!holdsStringFormula(r.fields)) continue;
      out ??= batch.slice();
      out[i] = { ...r, fields: r.fields.map(shownText) };
    }
    yield out ?? batch;
  }
}
