import { normalizeHeader } from '../responses/item-columns.ts';
import { XlsxError } from '../xlsx/xlsx-error.ts';

/**
 * The workbook's names for the sheets asked for (`--sheet`): the sheet of that exact name, else the one whose name
 * reads the same once folded as headers are (full-width forms, case, runs of spaces: `初一（1）班` finds `初一(1)班`).
 * A name no sheet has is kept, for the reader to report with the sheets there are. Throws `XlsxError`
 * `XLSX_AMBIGUOUS_SHEET` when a name folds to two sheets or more: never a guess at which class is meant.
 */
export function resolveSheetNames(requested: readonly string[], sheets: readonly string[]): string[] {
  return requested.map((name) => {
    if (sheets.includes(name)) return name;
    const folded = normalizeHeader(name);
    const matches = sheets.filter((sheet) => normalizeHeader(sheet) === folded);
    if (matches.length > 1) throw new XlsxError({ code: 'XLSX_AMBIGUOUS_SHEET', requested: name, sheets: matches });
    return matches[0] ?? name;
  });
}
