import type { RowContext } from './read-row.ts';

/*
 * Classes pasted one under the other, each under its own header: the second class's header may order its columns
 * otherwise (GAD-7 before PHQ-9) or have other ones (PHQA_a, PHQA_b added). Its rows are in its layout: read with the
 * first header's column positions, GAD-7's answers would score as PHQ-9 and item 9 would be lost. So each header in the
 * middle of the data is mapped as the file's header was, and from its line on the sheet's rows are read by it; one that
 * cannot be read as the file's instruments stops the reading of the rows under it until the next header that can.
 * Decided row by row from the file alone, so `--resume`, which reads the rows before its checkpoint again without
 * writing them, changes at the same lines.
 */

/** A header's reading: the file's instruments in its columns, or none (`other`: its own, other instruments). */
export type HeaderReading =
  | { readonly ok: true; readonly context: RowContext }
  | { readonly ok: false; readonly other: RowContext | null };

/** How a sheet's rows are read from a header on: by `context`, or not at all (under the header on `line`). */
export type InForce =
  | { readonly ok: true; readonly context: RowContext }
  | {
      readonly ok: false;
      readonly line: number;
      /** The reading in force before: a row that repeats its header exactly brings it back. */
      readonly last: RowContext;
      readonly other: RowContext | null;
      /** Stands for that header's layout (where errors.csv puts its rows' cells). */
      readonly layout: object;
    };

export class HeaderChanges {
  private readonly inForce = new Map<string | null, InForce>();
  /** By sheet and header text: each layout mapped once, its reading (plans, remembered answers) shared. */
  private readonly readings = new Map<string, HeaderReading>();

  constructor(private readonly read: (fields: readonly string[]) => HeaderReading) {}

  /** The sheet's own header's reading, by sheet. */
  private readonly starts = new Map<string | null, RowContext>();

  /** The sheet's header: its reading, in force from the first row. */
  start(sheet: string | null, fields: readonly string[], context: RowContext): void {
    this.readings.set(key(sheet, fields), { ok: true, context });
    this.inForce.set(sheet, { ok: true, context });
    this.starts.set(sheet, context);
  }

  /** The sheet's own header again (a header of two rows repeated under a class): its reading is back. */
  restart(sheet: string | null): void {
    const context = this.starts.get(sheet);
    if (context) this.inForce.set(sheet, { ok: true, context });
  }

  /** How the sheet's rows are read now (undefined: a sheet whose header was not read). */
  of(sheet: string | null): InForce | undefined {
    return this.inForce.get(sheet);
  }

  /** A row that repeats, in every mapped column, the header of the reading in force before (or now): it is back. */
  repeated(sheet: string | null, context: RowContext): void {
    this.inForce.set(sheet, { ok: true, context });
  }

  /**
   * A header in the middle of the sheet's data, on `line`: in force from there. `fresh`: a layout not met before in
   * this sheet (said once, not under every class).
   */
  met(sheet: string | null, line: number, fields: readonly string[]): { now: InForce; fresh: boolean } {
    const k = key(sheet, fields);
    let reading = this.readings.get(k);
    const fresh = reading === undefined;
    if (!reading) {
      reading = this.read(fields);
      this.readings.set(k, reading);
    }
    const before = this.inForce.get(sheet);
    const last = before?.ok ? before.context : before?.last;
    const now: InForce = reading.ok
      ? { ok: true, context: reading.context }
      : { ok: false, line, last: last as RowContext, other: reading.other, layout: reading };
    this.inForce.set(sheet, now);
    return { now, fresh };
  }
}

const key = (sheet: string | null, fields: readonly string[]) =>
  `${sheet ?? ''}\u0000${fields.map((f) => f.trim()).join('\u0000')}`;
