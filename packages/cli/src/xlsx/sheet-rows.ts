import { type ValueContext, valueText } from './cell-text.ts';
import { loadParseSax, localName, type SaxTag } from './sax.ts';
import { type XlsxDamage, XlsxError } from './xlsx-error.ts';

/** Sheet reading needs the number format of a cell style, by its `s` index. */
export interface SheetContext extends ValueContext {
  numFmt(style: number): string | undefined;
}

/** The widest sheet Excel makes (XFD): a cell beyond it is damage, not data, and would cost memory per row. */
const MAX_COLUMN = 16_384;
/** Excel's last row: a row beyond it is damage, and bounds the record of rows seen (one bit each, 128 KiB). */
const MAX_ROW = 1_048_576;

/**
 * The rows of a worksheet part, from its XML text: cell values as text, by column (index i is column i + 1; cells
 * without text are '', trailing ones dropped). Read here rather than by exceljs's worksheet reader, which drops a
 * formula's error result (`<c t="e"><f>…</f><v>#N/A</v></c>` read as blank), reads a formula's boolean result as
 * 1/0 (an answer!), and cannot read rows or cells without an `r` attribute.
 * - A cell is its cached value, typed by `t`, formula or not: an error is its text (`#N/A`), a boolean TRUE/FALSE.
 * - A row without `r` follows the previous row; a cell without `r` follows the previous cell of its row.
 * - Two cells at one place, two rows with one number, or a row past Excel's last are damage (`XlsxError` with its
 *   `damage`): Excel "repairs" such a file by keeping one copy, and which copy holds the answer cannot be known.
 * @see ECMA-376 Part 1, §18.3.1.73 (row), §18.3.1.4 (c), §18.18.11 (ST_CellType)
 */
export async function* sheetRows(
  chunks: AsyncIterable<unknown>,
  context: SheetContext,
): AsyncGenerator<{ readonly line: number; readonly fields: string[] }> {
  let inSheetData = false;
  /** Seen `</sheetData>`: the XML parser does not report text it could not finish (a bare `&`), it stops there. */
  let sheetDataClosed = false;
  let line = 0;
  let fields: string[] | undefined;
  let column = 0;
  /** Columns of the row's cells so far: a second cell at one of them is damage. */
  const columns = new Set<number>();
  let rows: Uint8Array | undefined;
  let cell: { type: string | undefined; style: number; column: number } | undefined;
  /** The cell's formula (`<f>`), when it has one: shown as `=…` when no value (or an empty one) was saved with it. */
  let formula: string | undefined;
  let inFormula = false;
  /** The text being collected: the `<v>`, or the `<t>`s of an `<is>` outside phonetic runs (`<rPh>`). */
  let value: string | undefined;
  let inValue = false;
  let inInline = 0;
  let inPhonetic = false;
  for await (const events of loadParseSax()(chunks)) {
    const done: { line: number; fields: string[] }[] = [];
    for (const { eventType, value: node } of events) {
      if (eventType === 'text') {
        if (inValue) value = (value ?? '') + (node as string);
        else if (inFormula) formula += node as string;
        continue;
      }
      const tag = node as SaxTag;
      const name = localName(tag.name);
      if (eventType === 'opentag') {
        if (name === 'sheetData') inSheetData = true;
        else if (!inSheetData) continue;
        else if (name === 'row') {
          line = position(tag.attributes.r, line);
          rows ??= new Uint8Array(MAX_ROW / 8 + 1);
          const bit = 1 << (line & 7);
          if ((rows[line >> 3] ?? 0) & bit) throw damaged({ kind: 'duplicate-row', row: line });
          rows[line >> 3] = (rows[line >> 3] ?? 0) | bit;
          fields = [];
          column = 0;
          columns.clear();
        } else if (name === 'c' && fields) {
          column = cellColumn(tag.attributes.r, column);
          if (columns.has(column)) throw damaged({ kind: 'duplicate-cell', cell: `${columnLetters(column)}${line}` });
          columns.add(column);
          const style = Number.parseInt(tag.attributes.s ?? '0', 10);
          cell = { type: tag.attributes.t, style: Number.isNaN(style) ? 0 : style, column };
          value = undefined;
          formula = undefined;
        } else if (cell && name === 'f') {
          formula = '';
          inFormula = true;
        } else if (cell && name === 'v' && inInline === 0) {
          value = '';
          inValue = true;
        } else if (cell && name === 'is') {
          inInline++;
          value ??= '';
        } else if (inInline > 0 && name === 'rPh') inPhonetic = true;
        else if (inInline > 0 && name === 't' && !inPhonetic) inValue = true;
      } else if (eventType === 'closetag') {
        if (name === 'sheetData') {
          inSheetData = false;
          sheetDataClosed = true;
        } else if (!inSheetData) continue;
        else if (name === 'v' || name === 't') inValue = false;
        else if (name === 'f') inFormula = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'is') inInline = Math.max(0, inInline - 1);
        else if (name === 'c' && cell && fields) {
          // A formula saved without its value (openpyxl, exceljs, pandas write them so), or with an empty one that is
          // no text (`<v></v>` in a number cell): never a blank answer. An empty or blank text result (`t="str"`,
          // `<v/>`: what Excel saves for `=IF(x="","",…)` of a blank answer) is the blank cell Excel shows.
          const cached = cellText(cell.type, value, context.numFmt(cell.style), context);
          const emptyText = cell.type === 'str' && value !== undefined && value.trim() === '';
          const text = formula !== undefined && cached.trim() === '' && !emptyText ? `=${formula}` : cached;
          if (text !== '') {
            while (fields.length < cell.column - 1) fields.push('');
            fields[cell.column - 1] = text;
          }
          cell = undefined;
          value = undefined;
          formula = undefined;
        } else if (name === 'row' && fields) {
          done.push({ line, fields });
          fields = undefined;
        }
      }
    }
    yield* done;
  }
  // A sheet whose rows end before `</sheetData>` is damaged: never fewer rows, silently.
  if (!sheetDataClosed) throw corrupt();
}

/** `<c r="B7">`'s column (2), or the column after the previous cell's when `r` is absent. */
function cellColumn(ref: string | undefined, previous: number): number {
  if (ref === undefined) return checked(previous + 1);
  const letters = /^\$?([A-Za-z]{1,3})/.exec(ref)?.[1];
  if (!letters) throw corrupt();
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return checked(n);
}

function checked(column: number): number {
  if (column > MAX_COLUMN) throw corrupt();
  return column;
}

/** `<row r="7">`'s number, or the one after the previous row's when `r` is absent. */
function position(r: string | undefined, previous: number): number {
  const n = r === undefined ? previous + 1 : Number(r);
  if (!Number.isInteger(n) || n < 1) throw corrupt();
  if (n > MAX_ROW) throw damaged({ kind: 'row-out-of-range', row: n });
  return n;
}

/** Column 15 → `O`, as a cell reference writes it. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's cached value as text, by its type; `raw` is the text of `<v>` (or of `<is>`), undefined when absent. */
export function cellText(
  type: string | undefined,
  raw: string | undefined,
  numFmt: string | undefined,
  context: ValueContext,
): string {
  if (raw === undefined) return '';
  switch (type) {
    case 's': {
      // An index past the shared strings is damage (a strings part cut short), never a blank answer.
      const index = raw.trim() === '' ? Number.NaN : Number(raw);
      const strings = context.sharedStrings;
      if (!Number.isInteger(index) || index < 0 || !strings || index >= strings.length) throw corrupt();
      return valueText(strings[index], numFmt, context);
    }
    case 'str':
    case 'inlineStr':
      return valueText(raw, numFmt, context);
    // An error value (`#N/A`, `#DIV/0!`…), typed or a formula's result: never an answer, never blank.
    case 'e':
      return raw.trim();
    case 'b':
      return valueText(raw.trim() !== '0', numFmt, context);
    case 'd':
      return isoDateText(raw, context);
    default: {
      const n = raw.trim() === '' ? Number.NaN : Number(raw);
      // A number cell that does not hold a number is damage: its text shows, to be rejected, rather than a blank.
      return Number.isNaN(n) ? raw.trim() : valueText(n, numFmt, context);
    }
  }
}

/** `t="d"`: an ISO 8601 date or time, written as the workbook's wall clock. */
function isoDateText(raw: string, context: ValueContext): string {
  const text = raw.trim();
  const m = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d(?::\d\d(?:\.\d+)?)?))?$/.exec(text);
  if (!m) return text;
  const date = new Date(`${m[1]}T${m[2] ?? '00:00'}Z`);
  return Number.isNaN(date.getTime()) ? text : valueText(date, undefined, context);
}

function damaged(damage: XlsxDamage): XlsxError {
  return new XlsxError({ code: 'XLSX_INVALID', reason: 'corrupt', damage });
}

function corrupt(): XlsxError {
  return new XlsxError({ code: 'XLSX_INVALID', reason: 'corrupt' });
}
