import type { GroupedName } from './columns.ts';
import { isStudentRow, joinHeaderRows } from './header-row.ts';
import type { RowContext } from './read-row.ts';

/*
 * Classes pasted one under the other, each under its own header: the second class's header may order its columns
 * otherwise (GAD-7 before PHQ-9) or have other ones (PHQA_a, PHQA_b added). Its rows are in its layout: read with the
 * first header's column positions, GAD-7's answers would score as PHQ-9 and item 9 would be lost. So each header in the
 * middle of the data is mapped as the file's header was, and from its line on the sheet's rows are read by it; one that
 * cannot be read as the file's instruments stops the reading of the rows under it until the next header that can.
 * A header of two rows (instrument names over the items, then their numbers) is read as one, as the file's own is.
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

  /** The layouts said, by sheet and header text (see {@link reading}). */
  private readonly said = new Set<string>();
  /** A group row met by sheet: the sheet's next row may be its names row (see {@link below}). */
  private readonly groups = new Map<string | null, GroupRow>();

  /**
   * `read` maps a header (`grouped`: of two rows, see joinHeaderRows); `answers`, the instruments' answers as written,
   * tell a student's row from a header's second row.
   */
  constructor(
    private readonly read: (fields: readonly string[], grouped?: readonly (GroupedName | undefined)[]) => HeaderReading,
    private readonly answers: ReadonlySet<string>,
  ) {}

  /** The sheet's own header's reading, by sheet. */
  private readonly starts = new Map<string | null, RowContext>();

  /** The sheet's header: its reading, in force from the first row. */
  start(sheet: string | null, fields: readonly string[], context: RowContext): void {
    const k = key(sheet, fields);
    this.readings.set(k, { ok: true, context });
    this.said.add(k);
    this.inForce.set(sheet, { ok: true, context });
    this.starts.set(sheet, context);
  }

  /** The sheet's own header again (a header of two rows repeated under a class): its reading is back. */
  restart(sheet: string | null): void {
    this.groups.delete(sheet);
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
    const { reading, fresh } = this.reading(sheet, fields);
    const before = this.inForce.get(sheet);
    const last = before?.ok ? before.context : before?.last;
    const now: InForce = reading.ok
      ? { ok: true, context: reading.context }
      : { ok: false, line, last: last as RowContext, other: reading.other, layout: reading };
    this.inForce.set(sheet, now);
    return { now, fresh };
  }

  /**
   * A row that names instruments over the items (see namesGroups), on `line`: the group row of a header of two rows
   * when the sheet's next row names the items under it. `other`: a layout that cannot be read alone (GAD-7 before
   * PHQ-A, person words beside), which stops the reading as such a header does when no names row follows; else the
   * file's own group row, which changes nothing without one. False when the row reads as a header alone.
   */
  group(sheet: string | null, line: number, fields: readonly string[], other: boolean): boolean {
    if (other && this.reading(sheet, fields, undefined, false).reading.ok) return false;
    this.groups.set(sheet, { line, fields, other });
    return true;
  }

  /**
   * The sheet's next row after a group row: undefined when there was none. `joined`: the two rows read as one header,
   * in force from here (`fresh`: a layout not met before). Else a group row of another layout is in force alone, as a
   * header that cannot be read (`fresh`: said once).
   */
  below(sheet: string | null, fields: readonly string[]): TwoRows | undefined {
    const group = this.groups.get(sheet);
    if (!group) return undefined;
    this.groups.delete(sheet);
    if (!isStudentRow(group.fields, fields, this.answers)) {
      for (const short of [true, false]) {
        const joined = joinHeaderRows(group.fields, fields, short);
        if (!joined) continue;
        const { reading } = this.reading(sheet, joined.fields, joined.grouped, false);
        if (!reading.ok) continue;
        const { fresh } = this.reading(sheet, joined.fields);
        const now: InForce = { ok: true, context: reading.context };
        this.inForce.set(sheet, now);
        return { joined: true, now, fresh, line: group.line, fields: joined.fields };
      }
    }
    const before = this.inForce.get(sheet) as InForce;
    if (!group.other) return { joined: false, now: before, fresh: false, line: group.line, fields: group.fields };
    const { now, fresh } = this.met(sheet, group.line, group.fields);
    return { joined: false, now, fresh, line: group.line, fields: group.fields };
  }

  /**
   * A header's reading, mapped once per sheet and text. `fresh`: not said before in the sheet; `say`, said from now.
   */
  private reading(
    sheet: string | null,
    fields: readonly string[],
    grouped?: readonly (GroupedName | undefined)[],
    say = true,
  ): { reading: HeaderReading; fresh: boolean } {
    const k = key(sheet, fields);
    let reading = this.readings.get(k);
    if (!reading) {
      reading = this.read(fields, grouped);
      this.readings.set(k, reading);
    }
    const fresh = !this.said.has(k);
    if (say) this.said.add(k);
    return { reading, fresh };
  }
}

/** What the row under a group row made of it (see {@link HeaderChanges.below}). */
export interface TwoRows {
  readonly joined: boolean;
  readonly now: InForce;
  /** A layout not met before in the sheet: said once. */
  readonly fresh: boolean;
  /** The group row's line, where the header begins. */
  readonly line: number;
  /** The header as read: both rows as one, or the group row alone. */
  readonly fields: readonly string[];
}

interface GroupRow {
  readonly line: number;
  readonly fields: readonly string[];
  readonly other: boolean;
}

const key = (sheet: string | null, fields: readonly string[]) =>
  `${sheet ?? ''}\u0000${fields.map((f) => f.trim()).join('\u0000')}`;
