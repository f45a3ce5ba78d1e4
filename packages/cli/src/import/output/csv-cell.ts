/** A sign, ASCII digits, and an optional decimal part: what no spreadsheet reads as a formula. */
const PLAIN_NUMBER = /^[+-]\d+(?:\.\d+)?$/;

/**
 * One CSV field: quoted when it holds a delimiter, quote, line break or edge space, and defused when it would start a
 * formula in a spreadsheet (`=`, `+`, `-`, `@`, tab, CR) by a leading apostrophe, which Excel and WPS show as text.
 * A plain number (`-3`, `+1`, `-0.5`: a sign, digits, a decimal part) is no formula in Excel, LibreOffice or WPS,
 * which read it as that number: written as it is, so a cell the user typed (a questionnaire platform's skip code -3)
 * comes back unchanged. Numbers we computed are passed as numbers and never prefixed.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value.length === 0) return value;
  const c = value.charCodeAt(0);
  // = + - @ tab CR; a sign is checked for a plain number only then (a cell starts with one rarely). Also after leading
  // spaces and in full-width (＝＋－＠), which a spreadsheet that trims or folds them would read the same.
  const formula =
    c === 61 ||
    c === 64 ||
    c === 9 ||
    c === 13 ||
    ((c === 43 || c === 45) && !PLAIN_NUMBER.test(value)) ||
    ((c === 32 || c === 0xa0 || c === 0x3000 || c >= 0xff00) && LOOKALIKE.test(value));
  const text = formula ? `'${value}` : value;
  return needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A formula sign after spaces, or a full-width one (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠), signed numbers aside. */
const LOOKALIKE = /^[ \u00a0\u3000]*(?:[=@\uff1d\uff20]|[+\-\uff0b\uff0d](?![\d\uff10-\uff19.]+$))/;

const EDGE_SPACE = /\s/;

/** A quote, comma or line break anywhere, or white space at either edge (which readers would trim). */
function needsQuotes(text: string): boolean {
  if (EDGE_SPACE.test(text[0] as string) || EDGE_SPACE.test(text[text.length - 1] as string)) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return true;
  }
  return false;
}

/** Cells joined into part of a CSV line (no line end). */
export function csvCells(cells: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i]);
  return line;
}

/** A CSV line (CRLF, as Excel writes and expects). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${csvCells(cells)}\r\n`;
}

/** UTF-8 byte-order mark: Excel on Chinese Windows reads a CSV without it as GBK and garbles it. */
export const UTF8_BOM = '\uFEFF';
