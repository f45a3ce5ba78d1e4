/**
 * The source columns of errors.csv, which repeats each rejected row under its own headers. The sheets of one workbook
 * may order their columns differently (学号 first in one class, 姓名 first in the next): errors.csv has the columns of
 * the first sheet, then the names only later sheets have, and each sheet's cells go under their own names. A name a
 * sheet has twice matches the same name's second column, and so on. Cells past a sheet's header (no name) follow all
 * the named columns, in order. A sheet never added (its header was not read) keeps its cells as they are.
 */
export class ErrorColumns {
  readonly header: string[];
  /** By sheet, or by a header in the middle of a sheet's data (its reading). */
  private readonly placements = new Map<unknown, (number | undefined)[]>();

  constructor(first: readonly string[]) {
    this.header = [...first];
  }

  /** Places the columns of `sheet` by their names in `header`, adding the names not seen yet. */
  add(sheet: string | null, header: readonly string[]): void {
    this.place(sheet, header, true);
  }

  /**
   * Places the columns of a header met in the middle of the data, once errors.csv's header is written: by their names
   * where it has them, the others after all the named columns, in order.
   */
  addLater(key: object, header: readonly string[]): void {
    this.place(key, header, false);
  }

  private place(key: unknown, header: readonly string[], grow: boolean): void {
    const seen = new Map<string, number>();
    const placement = header.map((name) => {
      const key = name.trim();
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      for (let i = 0, n = 0; i < this.header.length; i++) {
        if ((this.header[i] as string).trim() === key && n++ === occurrence) return i;
      }
      return grow ? this.header.push(name) - 1 : undefined;
    });
    this.placements.set(key, placement);
  }

  /** A row's cells under errors.csv's columns (the same array when they are there already). */
  cells(key: unknown, fields: readonly string[]): readonly string[] {
    const placement = this.placements.get(key);
    if (!placement) return fields;
    const inPlace = placement.every((column, i) => column === i);
    if (inPlace && (fields.length <= placement.length || placement.length === this.header.length)) return fields;
    const placed = new Array<string>(this.header.length).fill('');
    fields.forEach((field, i) => {
      const column = placement[i];
      if (column === undefined) placed.push(field);
      else placed[column] = field;
    });
    return placed;
  }
}
