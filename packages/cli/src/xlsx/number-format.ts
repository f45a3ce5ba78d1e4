/** A digit placeholder (`0`) or literal text of a number format. */
type FormatPiece = { readonly digit: true } | { readonly digit: false; readonly text: string };

/** Characters Excel shows as themselves in a number format without quotes; only those ids are written with. */
const BARE_LITERALS = new Set(['-', ' ']);

/**
 * An integer (its decimal digits) as a custom number format shows it, for the formats school platforms give ids:
 * zero-padding digit placeholders (`000000`), text in quotes (`"2025"0000`, `0"号"`), backslash-escaped characters
 * (`\S000`), `-` and spaces (`000-000-000`), alignment padding (`_)`, shown as nothing). Digits beyond the placeholders
 * go to the first one, as in Excel (12345678901 in `000-000-000` is `12345-678-901`). undefined for any other format
 * (General, decimals, thousands separators, colours, conditions, text `@`…): the caller shows the plain number. `#`
 * placeholders (`##000000`, `00000000000#`) and a locale tag (`[$-804]`) are read as Excel shows an integer with them.
 * @see ECMA-376 Part 1, §18.8.31 (numFmts)
 */
export function formatInteger(digits: string, numFmt: string | undefined): string | undefined {
  const pieces = numFmt === undefined ? undefined : formatPieces(numFmt);
  const placeholders = pieces?.filter((p) => p.digit).length ?? 0;
  if (!pieces || placeholders === 0) return undefined;
  const padded = digits.padStart(placeholders, '0');
  // The first placeholder takes every digit the others leave.
  let next = 0;
  let text = '';
  for (const piece of pieces) {
    if (!piece.digit) text += piece.text;
    else {
      const end = next === 0 ? padded.length - (placeholders - 1) : next + 1;
      text += padded.slice(next, end);
      next = end;
    }
  }
  return text;
}

/**
 * The first section of a number format (up to the first `;` outside quotes) as digit placeholders and literal text,
 * for the formats ids are shown with; undefined for any other.
 */
function formatPieces(numFmt: string): FormatPiece[] | undefined {
  // `"000000"`, as some platforms write a zero-padding format: a width, not the text 000000 Excel would show. A locale
  // tag (`[$-804]`, which Chinese Excel and WPS put before a custom format) changes nothing in an integer's digits.
  const format = numFmt.replace(/\[\$-[0-9A-Fa-f]+\]/g, '').replace(/^"(0+)"(?=(?:_.)*(?:;|$))/, '$1');
  const pieces: FormatPiece[] = [];
  let zero = false;
  for (let i = 0; i < format.length; i++) {
    const c = format.charAt(i);
    if (c === ';') break;
    if (c === '0') {
      pieces.push({ digit: true });
      zero = true;
    } else if (c === '#') {
      // A `#` shows a digit only where the number has one: before the first `0` it pads nothing (the first
      // placeholder takes the digits), after it the number always has one (`00000000000#` shows 12 digits).
      if (zero) pieces.push({ digit: true });
    } else if (c === '"') {
      const close = format.indexOf('"', i + 1);
      if (close < 0) return undefined;
      pieces.push({ digit: false, text: format.slice(i + 1, close) });
      i = close;
    } else if (c === '\\' || c === '_') {
      if (i + 1 >= format.length) return undefined;
      // `_x` leaves the width of x blank, for alignment: nothing a reader sees.
      if (c === '\\') pieces.push({ digit: false, text: format.charAt(i + 1) });
      i++;
    } else if (BARE_LITERALS.has(c)) pieces.push({ digit: false, text: c });
    else return undefined;
  }
  return pieces;
}
