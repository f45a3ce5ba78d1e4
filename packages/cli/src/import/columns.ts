import type { InstrumentDefinition } from '@triage/scales';
import { type ItemColumn, normalizeHeader } from '../responses/item-columns.ts';
import {
  collect,
  type Found,
  lacksNumberedItems,
  suicideIssues,
  type UnknownItem,
  withSuicide,
} from './found-items.ts';
import { unreadGroups } from './group-rows.ts';
import { genericItem, LONE_LETTER, namesInstrumentItem, prefixedItem } from './header-items.ts';
import { answerTexts, looksLikeAnswers, repeatsCellValue, withShownHeaders } from './header-text.ts';
import { headerMatrices, readMatrices } from './matrix-headers.ts';
import {
  instrumentsOfRuns,
  lettersAfter,
  type NumberedRun,
  numberedHeaders,
  numberedOn,
  numbering,
  runFits,
  runItems,
  runPlace,
  runsTooLong,
  type UnnamedRun,
  unnamedRuns,
} from './numbered-runs.ts';
import { idRank, type PersonField, personFieldOfHeader } from './person-header.ts';

// Which item a header names is header-items.ts's; these two are used by other readers of a header too.
export { instrumentsNamedIn, itemOfHeader } from './header-items.ts';

/** A column of a sheet: its 0-based index and its header as written. */
export interface Column {
  readonly index: number;
  readonly header: string;
}

const sameHeader = (a: Column, b: Column) => normalizeHeader(a.header) === normalizeHeader(b.header);

/**
 * Adds `value` to the list under `key`, started with `first` when there is none yet: in place, so that a header
 * repeating one column 40k times is mapped in linear time.
 */
function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V, first?: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, first === undefined ? [value] : [first, value]);
}

interface InstrumentColumns {
  readonly definition: InstrumentDefinition;
  readonly items: readonly ItemColumn[];
}

/** How one sheet's columns are read. Every column is either a person field, an item, or ignored (never read). */
export interface SheetMapping {
  /** Fields in the header row; longer data rows must be blank past it. */
  readonly width: number;
  readonly person: Readonly<Partial<Record<PersonField, Column>>>;
  readonly instruments: readonly InstrumentColumns[];
  readonly ignored: readonly Column[];
  /** Columns that look like an item a mapped instrument does not have ("Q11" beside PHQ-9). */
  readonly unknownItems: readonly UnknownItem[];
  /** Keys of a mapping file (normalized) that match no header of this sheet: never used. */
  readonly unmatchedKeys?: readonly string[];
  /** How the instruments were found: own prefixes, `--instrument`, a mapping file, or the only one with these items. */
  readonly how: 'prefix' | 'named' | 'map' | 'count';
}

/** What a mapping file says a column is. */
export type ColumnTarget =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'person'; readonly field: PersonField }
  | { readonly kind: 'item'; readonly instrument: InstrumentDefinition; readonly item: string };

/**
 * What a mapping cannot do. Columns in issues carry their header only when it is clearly a header (see
 * header-text.ts); otherwise the header is '' and messages name the column by its number alone.
 */
export type MappingIssue =
  | {
      readonly code: 'no-instrument';
      readonly itemLike: readonly Column[];
      /** The instruments of `--instrument` (or the mapping file) when several: numbered columns fit any of them. */
      readonly among?: readonly string[];
      /** With no item-like column: the header's columns (one or two: likely split by a wrong delimiter). */
      readonly width?: number;
      /** With no item-like column: the instruments `--instrument` (or the mapping file) named, none of them found. */
      readonly named?: readonly string[];
    }
  /** A group row names no instrument over columns that look like items (`青少年抑郁量表` over 1, 2, 3 …). */
  | { readonly code: 'unread-group'; readonly group: string; readonly columns: readonly Column[] }
  | { readonly code: 'ambiguous'; readonly candidates: readonly string[]; readonly itemLike: readonly Column[] }
  | { readonly code: 'missing-items'; readonly instrument: string; readonly items: readonly string[] }
  | {
      readonly code: 'duplicate-item';
      readonly instrument: string;
      readonly item: string;
      readonly columns: readonly Column[];
    }
  | { readonly code: 'duplicate-field'; readonly field: PersonField; readonly columns: readonly Column[] }
  /** Runs of item numbers each from 1 (Q1 … Q9, Q1 … Q7) that the named instruments cannot tell apart by length. */
  | { readonly code: 'numbered-runs'; readonly runs: readonly NumberedRun[]; readonly among: readonly string[] }
  /**
   * Runs of item numbers each from 1 (Q1 … Q9, Q1 … Q7) and no `--instrument`: likely one instrument each. `example`:
   * an `--instrument` list in run order that would read them, when there is one.
   */
  | { readonly code: 'unnamed-runs'; readonly runs: readonly UnnamedRun[]; readonly example?: readonly string[] }
  /**
   * A 问卷星 matrix question (`6、<stem>—<row>` over each of its rows) that no instrument certainly reads: its number,
   * first and last columns, rows, and the instruments with that many numbered items (what `--instrument` would read).
   */
  | {
      readonly code: 'unread-matrix';
      readonly question: number;
      readonly first: Column;
      readonly last: Column;
      readonly rows: number;
      readonly fits: readonly string[];
      /** The instruments of `--instrument`, when given: `fits` is among them only. */
      readonly named?: readonly string[];
    }
  /**
   * Columns that ask about suicide (PHQ9_c, `PHQ-9 10、…自杀`) but that the instrument found does not have: they would
   * go unread, and a "yes" there is the most urgent answer of all. `readBy`: the instrument that has them (PHQ-A).
   */
  | {
      readonly code: 'suicide-items';
      readonly instrument: string;
      readonly columns: readonly Column[];
      readonly readBy?: string;
    }
  /**
   * One run of item numbers (Q1 … Q16) longer than the one named instrument's numbered items (`has`): likely several
   * instruments numbered on, one after another, so which columns are the named one's cannot be told.
   */
  | {
      readonly code: 'run-too-long';
      readonly instrument: string;
      readonly first: Column;
      readonly last: Column;
      readonly items: number;
      readonly has: number;
    }
  /**
   * Item-like columns only in the questionnaire's own numbering, after its person questions (问卷星: 1、学号 … 6、班级,
   * then 7、… 26、 for the scales): no header says which instrument each is, and the named ones (`named`, in the order
   * --instrument gives them) cannot be read from them by position. `fits`: with no --instrument, the instruments with as
   * many items.
   */
  | {
      readonly code: 'numbered-on';
      readonly columns: readonly Column[];
      readonly named: readonly { readonly id: string; readonly items: readonly string[] }[];
      readonly fits: readonly string[];
    }
  /** Keys of a mapping file (normalized) that match no header: a typo, or another question number. */
  | { readonly code: 'unmatched-keys'; readonly keys: readonly string[] }
  /** A mapping file names a column by a position past the header's last column (1-based `column`, `width` columns). */
  | { readonly code: 'no-such-column'; readonly column: number; readonly width: number }
  | { readonly code: 'header-looks-like-data' }
  /** A CSV header line with a quote that never closes (a stray `"`): its cells from `column` (0-based) on are one. */
  | { readonly code: 'header-quote'; readonly column: number };

function finish(
  width: number,
  person: Partial<Record<PersonField, Column>>,
  found: readonly Found[],
  ignored: Column[],
  how: SheetMapping['how'],
): { ok: true; value: SheetMapping } | { ok: false; error: readonly MappingIssue[] } {
  const issues: MappingIssue[] = [];
  for (const f of found) {
    for (const [item, columns] of f.byItem) {
      if (columns.length < 2) continue;
      issues.push({ code: 'duplicate-item', instrument: f.definition.id, item, columns });
    }
    const missing = f.definition.items.filter((i) => i.optional !== true && !f.byItem.has(i.id)).map((i) => i.id);
    if (missing.length > 0) issues.push({ code: 'missing-items', instrument: f.definition.id, items: missing });
  }
  if (issues.length > 0) return { ok: false, error: issues };
  const instruments = found.map((f) => ({
    definition: f.definition,
    items: f.definition.items.flatMap((i) => f.byItem.get(i.id) ?? []),
  }));
  const unknownItems = found.flatMap((f) => f.unknown.map((c) => withSuicide(c, f.definition)));
  // Suicide questions an instrument found by its name or by count would leave unread: refused, unless --instrument or
  // a mapping file said which instrument is meant (then each is a warning that says how to read it).
  const suicide = how === 'prefix' || how === 'count' ? suicideIssues(unknownItems) : [];
  if (suicide.length > 0) return { ok: false, error: suicide };
  // An unknown item is never read: an ignored column like any other, and also reported.
  const allIgnored = [...ignored, ...unknownItems.map(({ index, header }) => ({ index, header }))].sort(
    (a, b) => a.index - b.index,
  );
  return {
    ok: true,
    value: { width, person, instruments, ignored: allIgnored, unknownItems, how },
  };
}

/** From a two-row header: the group name written over a column, and the column's own name under it. */
export interface GroupedName {
  readonly group: string;
  readonly own: string;
}

/**
 * Maps a header row: person fields by their known zh/en headers; items by the instrument's own prefix (`PHQA1`,
 * `GAD-7 1、…`) for every instrument in `candidates`; when exactly one instrument is `named` (`--instrument`), also by
 * generic headers (`Q1`, `1`, `第1题`, `1、question text`). Several instruments from unprefixed headers cannot be told
 * apart: that is an issue for a mapping file, never a guess.
 */
export function mapHeader(
  headers: readonly string[],
  options: MapOptions,
): { ok: true; value: SheetMapping } | { ok: false; error: readonly MappingIssue[] } {
  const result = mapColumns(headers, options);
  // A mapping file's key that no header matches (a typo, another question number) says nothing to the columns it
  // meant: said by name, with the mapping or with its problems.
  const present = new Set(headers.map(normalizeHeader));
  const unmatched = [...(options.explicit?.keys() ?? [])].filter((key) => !present.has(key));
  const mapped: typeof result =
    result.ok && unmatched.length > 0 ? { ok: true, value: { ...result.value, unmatchedKeys: unmatched } } : result;
  const found = mapped.ok ? unreadGroups(mapped.value, options) : mapped.error;
  const issues: MappingIssue[] =
    found.length > 0 && unmatched.length > 0 ? [{ code: 'unmatched-keys', keys: unmatched }, ...found] : [...found];
  if (issues.length === 0) return mapped;
  const answers = answerTexts(options.candidates);
  // A student's row where the header should be (ids, ages, answers): say so, and repeat none of its cells. A row
  // naming a person column (学号, 性别) is a header, whatever else it holds (lone letters `a`, `b` are answers too).
  const data =
    looksLikeAnswers(
      headers.filter((h) => !LONE_LETTER.test(h.trim())),
      answers,
    ) && !headers.some((h) => personFieldOfHeader(h) !== undefined);
  if (!mapped.ok && (data || mapped.error.some((i) => repeatsCellValue(i, answers))))
    return { ok: false, error: [{ code: 'header-looks-like-data' }] };
  return { ok: false, error: issues.map((issue) => withShownHeaders(issue, answers)) };
}

export interface MapOptions {
  readonly candidates: readonly InstrumentDefinition[];
  readonly named: boolean;
  /** From a mapping file, by normalized header: these columns are what it says, whatever they look like. */
  readonly explicit?: ReadonlyMap<string, ColumnTarget>;
  /** From a mapping file, by 0-based column index (`column 12`): wins over `explicit`, for headers that repeat. */
  readonly explicitAt?: ReadonlyMap<number, ColumnTarget>;
  /** From a two-row header, by column: the group name over it and its own name (the header is both joined). */
  readonly grouped?: readonly (GroupedName | undefined)[];
  /** Every instrument, so that a group naming one not among `candidates` is not taken for a name of none. */
  readonly known?: readonly InstrumentDefinition[];
}

function mapColumns(
  headers: readonly string[],
  options: MapOptions,
): { ok: true; value: SheetMapping } | { ok: false; error: readonly MappingIssue[] } {
  const person: Partial<Record<PersonField, Column>> = {};
  const duplicateFields = new Map<PersonField, Column[]>();
  const explicitFields = new Set<PersonField>();
  const found = new Map<string, Found>();
  let generic: (Column & { item: string })[] = [];
  const ignored: Column[] = [];
  const personColumns: Column[] = [];
  const only = options.candidates.length === 1 ? options.candidates[0] : undefined;
  // The one named instrument's lettered items (PHQ-A's a–d, c and d required) are its by generic headers too.
  const letters = new Set(options.named && only ? only.items.map((i) => i.id).filter((id) => !/^\d/.test(id)) : []);
  const past = [...(options.explicitAt?.keys() ?? [])].filter((index) => index >= headers.length);
  if (past.length > 0) {
    const issues = past.map((index) => ({ code: 'no-such-column' as const, column: index + 1, width: headers.length }));
    return { ok: false, error: issues };
  }
  const targetAt = (index: number) =>
    options.explicitAt?.get(index) ?? options.explicit?.get(normalizeHeader(headers[index] ?? ''));
  // A matrix a mapping file names any column of is the file's to say: its columns are read one by one, as written.
  const matrixList = headerMatrices(headers, options).filter((m) => m.columns.every((c) => !targetAt(c.index)));
  const inMatrix = new Set(matrixList.flatMap((m) => m.columns.map((c) => c.index)));
  headers.forEach((header, index) => {
    const column = { index, header };
    const target = targetAt(index);
    if (inMatrix.has(index)) return;
    if (header.trim() === '' && target === undefined) {
      ignored.push(column);
      return;
    }
    if (target?.kind === 'ignore') {
      ignored.push(column);
      return;
    }
    if (target?.kind === 'item') {
      const entry = found.get(target.instrument.id) ?? {
        definition: target.instrument,
        byItem: new Map(),
        unknown: [],
      };
      found.set(target.instrument.id, entry);
      collect(entry, column, target.item);
      return;
    }
    // A word the one named instrument names an item by (SDQ's `classroom`, an impact question) is that item, never the
    // person column it may also name: read as the class, the answer would be lost and shown as a class.
    const ownWord = target === undefined && letters.size > 0 && letters.has(genericItem(header, letters) ?? '');
    const field = target?.kind === 'person' ? target.field : ownWord ? undefined : personFieldOfHeader(header);
    if (field) {
      personColumns.push(column);
      const seen = person[field];
      if (target !== undefined) {
        // A mapping file's word is final: any column that only looked like this field is not read.
        if (seen && !explicitFields.has(field)) ignored.push(seen);
        else if (seen && (field === 'name' || field === 'studentId') && sameHeader(seen, column)) {
          // The same header twice, as without a file: the first is read, the second never (see below).
          ignored.push(column);
          return;
        } else if (seen) pushTo(duplicateFields, field, column, seen);
        person[field] = column;
        explicitFields.add(field);
      } else if (explicitFields.has(field)) ignored.push(column);
      else if (!seen) person[field] = column;
      else if (field === 'name')
        ignored.push(column); // never read: a second name column (a parent's) harms nothing
      else if (field === 'studentId') {
        // 学号 beside 学籍号 is common: the better-ranked header is the id, the other is never read.
        const better = idRank(header) < idRank(seen.header);
        ignored.push(better ? seen : column);
        if (better) person.studentId = column;
      } else pushTo(duplicateFields, field, column, seen);
      return;
    }
    const owner = prefixedItem(header, options);
    if (owner) {
      const { definition, item } = owner;
      const entry = found.get(definition.id) ?? { definition, byItem: new Map(), unknown: [] };
      found.set(definition.id, entry);
      collect(entry, column, item);
      return;
    }
    // `Q7:GAD-7 1` beside --instrument phq-9 is GAD-7's, as `GAD-7 1` would be: never question 7 of the one named.
    const item = namesInstrumentItem(header, options) ? null : genericItem(header, letters);
    if (item !== null) generic.push({ ...column, item });
    else ignored.push(column);
  });
  const fieldIssues: MappingIssue[] = [...duplicateFields].map(([field, columns]) => ({
    code: 'duplicate-field',
    field,
    columns,
  }));
  if (fieldIssues.length > 0) return { ok: false, error: fieldIssues };
  const matrixIssues = readMatrices(matrixList, found, ignored, options);
  if (matrixIssues.length > 0) return { ok: false, error: matrixIssues };

  const numbers = numbering(numberedHeaders(personColumns, generic));
  const afterPerson = Math.max(-1, ...personColumns.map((c) => c.index));
  // Item-like columns only in the questionnaire's own numbering, all after its person questions.
  const numberedOnly =
    found.size === 0 &&
    numbers.strays === 0 &&
    numbers.personal.length === generic.length &&
    numbers.personal.every((c) => c.index > afterPerson);
  if (numberedOnly && options.named && only && numbers.personal.length === only.items.length) {
    // The scale numbered on after the questionnaire's person questions (问卷星: 1、学号 … 4、班级, then SDS as 5、 … 24、),
    // as many columns as the one named instrument has items, after every person column: its items, by position.
    const entry: Found = { definition: only, byItem: new Map(), unknown: [] };
    numbers.personal.forEach((column, i) => {
      collect(entry, column, only.items[i]?.id ?? column.item);
    });
    return finish(headers.length, person, [entry], ignored, 'named');
  }
  if (numberedOnly && numbers.personal.length >= 2) {
    // Only the questionnaire's own numbering, on past its person questions, and not as many as one named instrument's
    // items: which columns are whose cannot be told (two named: in which order?). Said with the columns, never guessed.
    return { ok: false, error: [numberedOn(numbers.personal, options)] };
  }
  if (numbers.strays === 0 && numbers.personal.length > 0) {
    // The questionnaire's own numbered questions among the person columns (`7、你是否住校？`): never items.
    const personal = new Set(numbers.personal.map((c) => c.index));
    ignored.push(...numbers.personal.map(({ index, header }) => ({ index, header })));
    generic = generic.filter((c) => !personal.has(c.index));
  }
  const inRuns = numbers.runs.reduce((n, run) => n + run.length, 0);
  const runs = numbers.strays === 0 && inRuns === generic.length ? numbers.runs : [];
  if (runs.length > 1 && options.named && options.candidates.length > 1) {
    const of = instrumentsOfRuns(runs, options.candidates, true);
    if (!of) {
      const among = options.candidates.map((d) => d.id);
      return { ok: false, error: [{ code: 'numbered-runs', runs: runs.map(runPlace), among }] };
    }
    const read = new Set<number>();
    of.forEach((definition, i) => {
      const entry = found.get(definition.id) ?? { definition, byItem: new Map(), unknown: [] };
      found.set(definition.id, entry);
      // Lone letters after a run (`1 … 9, a, b, c, d`) are its instrument's: PHQ-A's c and d ask about suicide. With
      // an instrument that lacks them (PHQ-9), they are unknown items, said so, never columns silently unread.
      for (const column of [...runItems(runs[i] ?? [], definition), ...lettersAfter(runs[i] ?? [], ignored)]) {
        collect(entry, column, column.item);
        read.add(column.index);
      }
    });
    const unread = ignored.filter((c) => !read.has(c.index));
    return finish(headers.length, person, [...found.values()], unread, 'named');
  }
  // Instruments the file names by their own prefix but none of whose numbered items (PHQ-A by `PHQ-A a` … `d` alone).
  const lacking = options.named ? [] : [...found.values()].filter(lacksNumberedItems).map((f) => f.definition);
  if (runs.length > 1 && !options.named && (found.size === 0 || lacking.length > 0)) {
    const letters = runs.map((run) => lettersAfter(run, ignored));
    const among = { candidates: options.candidates, preferred: lacking, letters };
    return { ok: false, error: [{ code: 'unnamed-runs', ...unnamedRuns(runs, among) }] };
  }
  const [run] = runs;
  const owner = lacking.length === 1 && lacking[0] ? found.get(lacking[0].id) : undefined;
  if (run && runs.length === 1 && owner && runFits(run.length, owner.definition)) {
    // The one complete run of numbers is the items of the one instrument the file names without them.
    for (const column of run) collect(owner, column, column.item);
    return finish(headers.length, person, [...found.values()], ignored, 'prefix');
  }
  if (generic.length > 0 && options.named && only) {
    // Numbering that runs on past the instrument's items (Q1 … Q16, GAD-7 then PHQ-9, with -i phq-9): its first items
    // are not certainly the instrument's, and a wrong instrument is a wrong score. Never a guess.
    const longer = runsTooLong(runs, only);
    if (longer.length > 0) return { ok: false, error: longer };
    const entry = found.get(only.id) ?? { definition: only, byItem: new Map(), unknown: [] };
    found.set(only.id, entry);
    // A run that numbers all its items straight through (PHQ-A as 1 … 13) is read by position.
    const columns = runs.length === 1 ? runs.flatMap((run) => runItems(run, only)) : generic;
    for (const column of columns) collect(entry, column, column.item);
    return finish(headers.length, person, [...found.values()], ignored, 'named');
  }
  if (found.size === 0) {
    if (generic.length === 0) {
      const named = options.named ? { named: options.candidates.map((d) => d.id) } : {};
      return { ok: false, error: [{ code: 'no-instrument', itemLike: [], width: headers.length, ...named }] };
    }
    // Unprefixed item columns: which instrument has exactly these items?
    const exactly = (ids: ReadonlySet<string>) =>
      options.candidates.filter(
        (d) =>
          d.items.every((i) => i.optional === true || ids.has(i.id)) &&
          [...ids].every((id) => d.items.some((i) => i.id === id)),
      );
    // Lone letters beside the numbers (`1 … 9, a, b, c, d`) are items too where one instrument has exactly all of
    // them: PHQ-A with its supplements, never PHQ-9 with the suicide questions c and d left unread.
    const lettered = ignored.flatMap((c) =>
      LONE_LETTER.test(c.header.trim()) ? [{ ...c, item: c.header.trim().toLowerCase() }] : [],
    );
    const withLetters = lettered.length > 0 ? exactly(new Set([...generic, ...lettered].map((c) => c.item))) : [];
    if (withLetters.length === 1 && withLetters[0]) {
      const entry: Found = { definition: withLetters[0], byItem: new Map(), unknown: [] };
      for (const column of [...generic, ...lettered].sort((a, b) => a.index - b.index))
        collect(entry, column, column.item);
      const read = new Set(lettered.map((c) => c.index));
      return finish(
        headers.length,
        person,
        [entry],
        ignored.filter((c) => !read.has(c.index)),
        'count',
      );
    }
    const ids = new Set(generic.map((c) => c.item));
    const fits = exactly(ids);
    // Some of them only (`1 … 9, c, d`): whose items the letters are is a guess never made (see `ambiguous` below).
    const alsoLettered = options.candidates.filter(
      (d) =>
        !fits.includes(d) && [...ids, ...lettered.map((c) => c.item)].every((id) => d.items.some((i) => i.id === id)),
    );
    if (lettered.length > 0 && alsoLettered.length > 0) fits.push(...alsoLettered);
    if (fits.length === 1 && fits[0]) {
      const entry: Found = { definition: fits[0], byItem: new Map(), unknown: [] };
      for (const column of generic) collect(entry, column, column.item);
      return finish(headers.length, person, [entry], ignored, 'count');
    }
    // Several instruments named, none by the columns: numbered columns could be any of them.
    const among = options.named && options.candidates.length > 1 ? { among: options.candidates.map((d) => d.id) } : {};
    return {
      ok: false,
      error: [
        fits.length > 1
          ? { code: 'ambiguous', candidates: fits.map((d) => d.id), itemLike: generic }
          : { code: 'no-instrument', itemLike: generic, ...among },
      ],
    };
  }
  // Prefixed instruments found; unprefixed item-like columns beside them are ignored, and said so.
  ignored.push(...generic);
  const explicitly = (options.explicit?.size ?? 0) + (options.explicitAt?.size ?? 0) > 0;
  const how = explicitly ? 'map' : options.named ? 'named' : 'prefix';
  return finish(headers.length, person, [...found.values()], ignored, how);
}
