/**
 * One CSV field: quoted when it holds a delimiter, quote, line break or edge space, and defused when it would start a
 * formula in a spreadsheet (`=`, `+`, `-`, `@`, tab, CR) by a leading apostrophe, which Excel and WPS show as text.
 * Numbers we computed are passed as numbers and never prefixed.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line (CRLF, as Excel writes and expects). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i]);
  return `${line}\r\n`;
}

/** UTF-8 byte-order mark: Excel on Chinese Windows reads a CSV without it as GBK and garbles it. */
export const UTF8_BOM = '\uFEFF';
