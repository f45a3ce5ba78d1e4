/*
 * A mapping file names a column by its header text, or by its position when headers repeat (two `Q1`, two `性别`):
 * `column 12` or `column L` (its letter in Excel), `第12列` or `第L列`. Excel's own headers (`Column1`) name the
 * column at that very position, so reading them as positions changes nothing.
 */
const POSITION_KEY = /^(?:column\s*([a-z]{1,3}|\d+)|第\s*([a-z]{1,3}|\d+)\s*列)$/i;

/** The column's Excel letters → its 1-based number: `A` → 1, `L` → 12, `AA` → 27. */
function letterNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** The 1-based column number a mapping-file key names by position (0 when `column 0`), or undefined for a header. */
export function columnPosition(key: string): number | undefined {
  const match = POSITION_KEY.exec(key.trim());
  const at = match?.[1] ?? match?.[2];
  if (at === undefined) return undefined;
  return /^\d+$/.test(at) ? Number(at) : letterNumber(at);
}

/** A 1-based column number as Excel letters: 1 → `A`, 27 → `AA`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
