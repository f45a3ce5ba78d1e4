import type { InstrumentDefinition } from '@triage/scales';
import type { Column, MapOptions, MappingIssue } from './columns.ts';
import { genericItem, LONE_LETTER } from './header-items.ts';

/*
 * One header row holding two instruments headed the same way (PHQ-A as Q1 … Q9, then GAD-7 as Q1 … Q7): runs of item
 * numbers, each starting again at 1. A run is read as an instrument only when exactly one named instrument has that
 * many numbered items: a guess between two of one length (PHQ-9 and PHQ-A) is never made.
 *
 * Questionnaire platforms number their own questions too (问卷星: `1、你的学号：` … `7、你是否住校？`, then the
 * scale's `1、情绪低落…` … `9、…`): a run that holds person columns is the questionnaire's, and its other numbered
 * questions (`7、你是否住校？`) are never items.
 */

type NumberedColumn = Column & { readonly item: string };

/**
 * The lone letters right after a run (`1 … 9, a, b, c, d`, PHQ-A's supplements after its nine items), as items of the
 * run's instrument; `columns`: the columns of the header not read otherwise.
 */
export function lettersAfter(run: readonly NumberedColumn[], columns: readonly Column[]): NumberedColumn[] {
  const byIndex = new Map(columns.map((c) => [c.index, c]));
  const letters: NumberedColumn[] = [];
  for (let index = (run.at(-1)?.index ?? -2) + 1; ; index++) {
    const column = byIndex.get(index);
    if (!column || !LONE_LETTER.test(column.header.trim())) return letters;
    letters.push({ ...column, item: column.header.trim().toLowerCase() });
  }
}

/** Whether an instrument has every one of `items` (the letters after a run: PHQ-A, never PHQ-9, has c and d). */
const hasAll = (d: InstrumentDefinition, items: readonly NumberedColumn[]) =>
  items.every((c) => d.items.some((i) => i.id === c.item));

/** A numbered column in header order: its number, and its item, or null for a person column (`1、你的学号：`). */
export type NumberedHeader = Column & { readonly number: number; readonly item: string | null };

/** Where a run is: its first and last columns (0-based) and its number of items. */
export interface NumberedRun {
  readonly first: number;
  readonly last: number;
  readonly items: number;
}

/** The numbering of a header row. */
export interface Numbering {
  /** Runs of item columns each numbered 1, 2, 3 … in header order (unnumbered columns may stand between). */
  readonly runs: readonly (readonly NumberedColumn[])[];
  /** Item-like columns in a run that holds person columns: the questionnaire's own questions. */
  readonly personal: readonly NumberedColumn[];
  /** Item-like columns that continue no run (`Q3` after `Q7`): the numbering cannot be read. */
  readonly strays: number;
}

/** Splits numbered columns at each restart at 1; a column that neither restarts nor continues the last run is a stray. */
export function numbering(columns: readonly NumberedHeader[]): Numbering {
  const runs: NumberedHeader[][] = [];
  let strays = 0;
  for (const column of columns) {
    const run = runs.at(-1);
    if (column.number === 1) runs.push([column]);
    else if (run && column.number === (run.at(-1)?.number ?? 0) + 1) run.push(column);
    // A person column off the numbering harms nothing; an item column there makes the numbering unreadable.
    else if (column.item !== null) strays++;
  }
  const items = (run: readonly NumberedHeader[]) =>
    run.flatMap(({ index, header, item }) => (item === null ? [] : [{ index, header, item }]));
  const personal = (run: readonly NumberedHeader[]) => run.some((c) => c.item === null);
  return {
    runs: runs.filter((run) => !personal(run)).map(items),
    personal: runs.filter(personal).flatMap(items),
    strays,
  };
}

const COUNTS = new WeakMap<InstrumentDefinition, { readonly required: number; readonly all: number }>();

/** How many numbered items an instrument has, and how many of them it requires: made once per instrument. */
function numberedCounts(d: InstrumentDefinition): { readonly required: number; readonly all: number } {
  const cached = COUNTS.get(d);
  if (cached) return cached;
  const numbered = d.items.filter((i) => /^\d+$/.test(i.id));
  const counts = { required: numbered.filter((i) => i.optional !== true).length, all: numbered.length };
  COUNTS.set(d, counts);
  return counts;
}

/** Whether a run of `length` items numbered from 1 can be `d`'s numbered items: all it requires, none it lacks. */
export function runFits(length: number, d: InstrumentDefinition): boolean {
  // Asked for every run or matrix and every candidate: a header may hold 20k of them.
  const { required, all } = numberedCounts(d);
  return length >= required && length <= all;
}

/**
 * Whether a run numbers every item of `d` straight through, its lettered ones too, in the instrument's order (PHQ-A
 * as 1 … 13: its nine items, then a, b, c, d numbered on, as some printed forms number them).
 */
function numbersAllItems(length: number, d: InstrumentDefinition): boolean {
  return length === d.items.length && length > numberedCounts(d).all;
}

/**
 * A run's columns as `d`'s items: by their numbers, or, for a run that numbers all its items straight through (see
 * {@link numbersAllItems}), by position (13 is PHQ-A's d).
 */
export function runItems(run: readonly NumberedColumn[], d: InstrumentDefinition): NumberedColumn[] {
  if (!numbersAllItems(run.length, d)) return [...run];
  return run.map((column, i) => ({ ...column, item: d.items[i]?.id ?? column.item }));
}

/**
 * Each run's instrument: the only one of `candidates` that fits it, each used once; else undefined. With `allItems`,
 * a run fits an instrument it numbers straight through too (see {@link numbersAllItems}).
 */
export function instrumentsOfRuns(
  runs: readonly (readonly NumberedColumn[])[],
  candidates: readonly InstrumentDefinition[],
  allItems = false,
): InstrumentDefinition[] | undefined {
  const fits = runs.map((run) =>
    candidates.filter((d) => runFits(run.length, d) || (allItems && numbersAllItems(run.length, d))),
  );
  if (fits.some((f) => f.length !== 1)) return undefined;
  const chosen = fits.map((f) => f[0] as InstrumentDefinition);
  return new Set(chosen).size === chosen.length ? chosen : undefined;
}

/** A run as an issue names it. */
export const runPlace = (run: readonly NumberedColumn[]): NumberedRun => ({
  first: run[0]?.index ?? 0,
  last: run.at(-1)?.index ?? 0,
  items: run.length,
});

/** A run's first or last column as an issue names it. */
const place = (column: Column | undefined): Column => ({ index: column?.index ?? 0, header: column?.header ?? '' });

/** A run of a file that names no instrument, as an issue names it: its first and last columns, and what fits it. */
export interface UnnamedRun {
  readonly first: Column;
  readonly last: Column;
  readonly items: number;
  /** Ids of the instruments with as many numbered items. */
  readonly fits: readonly string[];
}

/**
 * Runs that no `--instrument` named: what fits each (`preferred` first: instruments the file names elsewhere, such as
 * PHQ-A by its `PHQ-A a` … `d` columns), and an `--instrument` list in run order that would read them, if one would.
 * A run followed by lone letters (`1 … 9, a, b, c, d`) fits only an instrument with those items too: PHQ-A, never
 * PHQ-9, whose reading would leave the suicide questions c and d unread. `letters`: each run's, in run order.
 */
export function unnamedRuns(
  runs: readonly (readonly NumberedColumn[])[],
  among: {
    readonly candidates: readonly InstrumentDefinition[];
    readonly preferred: readonly InstrumentDefinition[];
    readonly letters: readonly (readonly NumberedColumn[])[];
  },
): { readonly runs: readonly UnnamedRun[]; readonly example?: readonly string[] } {
  const fits = runs.map((run, i) => {
    const letters = among.letters[i] ?? [];
    const byNumbers = (d: InstrumentDefinition) => runFits(run.length, d) && hasAll(d, letters);
    // Numbered straight through (PHQ-A as 1 … 13) only where no instrument has that many numbered items.
    const straight = (d: InstrumentDefinition) => letters.length === 0 && numbersAllItems(run.length, d);
    for (const fitting of [byNumbers, straight]) {
      const named = among.preferred.filter(fitting);
      const any = named.length > 0 ? named : among.candidates.filter(fitting);
      if (any.length > 0) return any;
    }
    return [];
  });
  const chosen: InstrumentDefinition[] = [];
  for (const f of fits) {
    const next = f.find((d) => !chosen.includes(d));
    if (next) chosen.push(next);
  }
  const works = chosen.length === runs.length && instrumentsOfRuns(runs, chosen, true) !== undefined;
  return {
    runs: runs.map((run, i) => ({
      first: place(run[0]),
      last: place(run.at(-1)),
      items: run.length,
      fits: (fits[i] ?? []).map((d) => d.id),
    })),
    ...(works ? { example: chosen.map((d) => d.id) } : {}),
  };
}

/**
 * Runs longer than the one named instrument's numbered items (Q1 … Q16 with `-i phq-9`): likely several instruments
 * numbered on, so which columns are its own cannot be told. One issue each; a run that numbers all its items straight
 * through (PHQ-A as 1 … 13) is none.
 */
export function runsTooLong(
  runs: readonly (readonly NumberedColumn[])[],
  definition: InstrumentDefinition,
): MappingIssue[] {
  const has = numberedCounts(definition).all;
  return runs
    .filter((run) => run.length > has && !numbersAllItems(run.length, definition))
    .map((run) => ({
      code: 'run-too-long',
      instrument: definition.id,
      first: place(run[0]),
      last: place(run.at(-1)),
      items: run.length,
      has,
    }));
}

/** Person and item-like columns in header order, each with the number it starts with (`7、你是否住校？` is 7). */
export function numberedHeaders(personColumns: readonly Column[], generic: readonly (Column & { item: string })[]) {
  const none = new Set<string>();
  const person = personColumns.map((c) => ({ ...c, number: Number(genericItem(c.header, none)), item: null }));
  const items = generic.map((c) => ({ ...c, number: Number(c.item) }));
  return [...person, ...items]
    .filter((c): c is NumberedHeader => Number.isInteger(c.number))
    .sort((a, b) => a.index - b.index);
}

/**
 * Items read from a column numbered otherwise (PHQ-A a … d from columns headed 10 … 13, see {@link runItems}): each
 * instrument's, said so that a form in another order is noticed.
 */
export function itemsNumberedOn(
  instruments: readonly { readonly definition: InstrumentDefinition; readonly items: readonly NumberedColumn[] }[],
): { readonly instrument: string; readonly columns: readonly NumberedColumn[] }[] {
  const none = new Set<string>();
  return instruments.flatMap(({ definition, items }) => {
    const columns = items.filter((c) => {
      const number = genericItem(c.header, none);
      return number !== null && /^\d+$/.test(number) && number !== c.item;
    });
    return columns.length > 0 ? [{ instrument: definition.abbreviation, columns }] : [];
  });
}

/**
 * The issue of item-like columns numbered on from the questionnaire's person questions that no instrument is read from
 * (see {@link MappingIssue} `numbered-on`): where they are, the named instruments' items in --instrument order, or,
 * with none named, the instruments with as many items.
 */
export function numberedOn(columns: readonly NumberedColumn[], options: MapOptions): MappingIssue {
  const items = columns.length;
  return {
    code: 'numbered-on',
    columns: columns.map(place),
    named: options.named ? options.candidates.map((d) => ({ id: d.id, items: d.items.map((i) => i.id) })) : [],
    fits: options.named ? [] : options.candidates.filter((d) => d.items.length === items).map((d) => d.id),
  };
}
