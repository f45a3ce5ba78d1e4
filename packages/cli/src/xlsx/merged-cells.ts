import type { FileHandle } from 'node:fs/promises';
import { openZipText, type ZipEntry } from './zip-directory.ts';

/** A merged range, 1-based and inclusive: rows `top`–`bottom`, columns `left`–`right`. */
interface MergedRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Columns of a row (0-based, inclusive: index 0 = column A) that one merged range fills with one value. */
export interface ColumnSpan {
  readonly first: number;
  readonly last: number;
}

const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref\s*=\s*["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/g;

/** A row with its merged cells filled (see {@link MergeFill.apply}). */
export interface MergeFilled {
  readonly fields: string[];
  readonly across?: readonly ColumnSpan[];
  /** Cells (0-based) holding the value of a range's top-left cell in another row or column, not one of their own. */
  readonly copied?: readonly number[];
}

/** Column letters to a 1-based number: A → 1, Z → 26, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * The merged ranges of a worksheet part. They are listed after the cells (`<mergeCells>` follows `<sheetData>`), so
 * the part is read through once before its rows are: inflating and scanning costs little beside parsing the cells.
 */
export async function readMergedRanges(file: FileHandle, entry: ZipEntry): Promise<readonly MergedRange[]> {
  const ranges: MergedRange[] = [];
  let tail = '';
  for await (const chunk of await openZipText(file, entry)) {
    const text = tail + (chunk as string);
    let end = 0;
    for (const m of text.matchAll(MERGE_CELL)) {
      const top = Number(m[2]);
      const bottom = Number(m[4]);
      const left = columnNumber(m[1] ?? '');
      const right = columnNumber(m[3] ?? '');
      if (bottom > top || right > left) ranges.push({ top, bottom, left, right });
      end = (m.index ?? 0) + m[0].length;
    }
    // An element cut by the chunk's end is found whole in the next: keep the text after the last match, up to 1 KiB.
    tail = text.slice(Math.max(end, text.length - 1024));
  }
  return ranges;
}

/**
 * Fills merged cells as Excel shows them: every cell of a merged range has the value of its top-left cell (a class
 * name merged down the rows of its students, a title merged across the columns). Rows must come in order.
 */
export class MergeFill {
  /** Top-left values of the ranges met so far, by range. */
  private readonly values = new Map<MergedRange, string>();

  constructor(private readonly ranges: readonly MergedRange[]) {}

  get empty(): boolean {
    return this.ranges.length === 0;
  }

  /**
   * `fields` (index 0 = column A) of row `line`, with the merged cells filled in place; the ranges that run across
   * two or more of its columns (`across`, undefined when none): a title or a note merged across the table, which the
   * import tells from the same text typed in every cell; and the cells given a value that is not their own
   * (`copied`, undefined when none): every cell of a range but its top-left one, whose value Excel keeps alone.
   */
  apply(line: number, fields: string[]): MergeFilled {
    let across: ColumnSpan[] | undefined;
    let copied: number[] | undefined;
    for (const range of this.ranges) {
      if (line < range.top || line > range.bottom) continue;
      if (line === range.top) this.values.set(range, fields[range.left - 1] ?? '');
      const value = this.values.get(range) ?? '';
      for (let c = range.left; c <= range.right; c++) {
        while (fields.length < c) fields.push('');
        fields[c - 1] = value;
        if (value !== '' && (line > range.top || c > range.left)) {
          copied ??= [];
          copied.push(c - 1);
        }
      }
      if (range.right > range.left) {
        across ??= [];
        across.push({ first: range.left - 1, last: range.right - 1 });
      }
    }
    // As rows come from the reader: no empty cells at the end.
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    return { fields, ...(across ? { across } : {}), ...(copied ? { copied } : {}) };
  }
}
