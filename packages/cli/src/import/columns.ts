import { getInstrument, type InstrumentDefinition } from '@triage/scales';
import { type ItemColumn, itemIdOfHeader, normalizeHeader } from '../responses/item-columns.ts';
import { collect, type Found, lacksNumberedItems, SUICIDE_WORDING } from './found-items.ts';
import { answerTexts, looksLikeAnswers, mayBeData } from './header-text.ts';
import { adaptedForms, ownPrefixes, SUPPLEMENTED_BY } from './instrument-names.ts';
import { headerMatrices, readMatrices } from './matrix-headers.ts';
import {
  instrumentsOfRuns,
  type NumberedHeader,
  type NumberedRun,
  numbering,
  runFits,
  runPlace,
  type UnnamedRun,
  unnamedRuns,
} from './numbered-runs.ts';
import { idRank, type PersonField, personFieldOfHeader } from './person-header.ts';

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

/**
 * A column that looks like an item a mapped instrument does not have. `suicide`: it asks about suicide (PHQ-9's `c`,
 * `d`, or suicide wording), with the instrument that has such items (`phq-a`) where there is one.
 */
interface UnknownItem extends Column {
  readonly instrument: string;
  readonly item: string;
  readonly suicide?: { readonly readBy?: string };
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
  /** Keys of a mapping file (normalized) that match no header: a typo, or another question number. */
  | { readonly code: 'unmatched-keys'; readonly keys: readonly string[] }
  /** A mapping file names a column by a position past the header's last column (1-based `column`, `width` columns). */
  | { readonly code: 'no-such-column'; readonly column: number; readonly width: number }
  | { readonly code: 'header-looks-like-data' }
  /** A CSV header line with a quote that never closes (a stray `"`): its cells from `column` (0-based) on are one. */
  | { readonly code: 'header-quote'; readonly column: number };

const GENERIC_PREFIXES = ['question', 'item', '题目', '题', 'q', 'no', '第'];

/** 腾讯问卷's question number before a header's own text: `Q7:` (a full-width colon is folded by then). */
const QUESTION_NUMBER = /^q\d+\s*:\s*/;

const ITEM_IDS = new WeakMap<InstrumentDefinition, ReadonlySet<string>>();

/** An instrument's item ids, made once: asked for every column of a header, which may be 40k wide. */
function itemIds(definition: InstrumentDefinition): ReadonlySet<string> {
  const cached = ITEM_IDS.get(definition);
  if (cached) return cached;
  const ids = new Set(definition.items.map((i) => i.id));
  ITEM_IDS.set(definition, ids);
  return ids;
}

/** A header as instruments' own prefixes are looked for in it: folded once, without 腾讯问卷's question number. */
const ownText = (header: string) => normalizeHeader(header).replace(QUESTION_NUMBER, '');

/**
 * The instrument item a header names through the instrument's own prefix (`PHQA3`, `GAD-7 2、…`, `SDS_12`), also
 * after 腾讯问卷's question number (`Q7:GAD-7 1` is GAD-7 item 1). `h`: the header's {@link ownText}.
 */
function ownItem(
  h: string,
  definition: Pick<InstrumentDefinition, 'id' | 'abbreviation'>,
  known: ReadonlySet<string>,
): string | null {
  const prefix = ownPrefixes(definition).find((p) => h.startsWith(p) && h.length > p.length);
  if (prefix === undefined) return null;
  // After the instrument's name, the item as any export writes it: `1`, `_1`, `Q1`, `第1题`, `1、wording`, `a`; a
  // letter it lacks too (`PHQ9_c`): an unknown item, reported, never a column silently left unread.
  const rest = h.slice(prefix.length).replace(/^[\s_\-.#:]*/, '');
  return itemIdOfHeader(rest, GENERIC_PREFIXES, known) ?? OWN_LETTER.exec(rest)?.[1] ?? null;
}

/** One letter after an instrument's own name, alone or before wording: `PHQ9_c`, `PHQ-9 d、是否曾经尝试自杀`. */
const OWN_LETTER = /^([a-z])(?:$|[\s、.:)\]_\-,](?!\s*\d))/;

/**
 * The item of the one named instrument a header names by the name of the form it adapts: with `--instrument phq-a`,
 * `PHQ9_3` and `PHQ9_c` are PHQ-A's (schools call the adolescent form PHQ-9). Null for any other header. `text`: the
 * header's {@link ownText}.
 */
function formItem(text: string, only: InstrumentDefinition | undefined, options: MapOptions): string | null {
  if (!only || !options.named) return null;
  const known = itemIds(only);
  for (const form of adaptedForms(only)) {
    // Only when the form itself is not asked for: `-i phq-9,phq-a` keeps PHQ9_3 PHQ-9's.
    if (options.candidates.some((d) => d.id === form.id)) continue;
    const item = ownItem(text, form, known);
    if (item !== null) return item;
  }
  return null;
}

/**
 * A header that names an item without naming an instrument: `Q3`, `3`, `第3题`, `3、question text`; by letter (`Qc`,
 * `c、…`) only for an item in `letters`, as most words are letters.
 */
/** A header of one letter alone (`a`, `D`): an item's own name under a group, or beside numbered items. */
const LONE_LETTER = /^[A-Za-z]$/;

function genericItem(header: string, letters: ReadonlySet<string>): string | null {
  const id = itemIdOfHeader(header, GENERIC_PREFIXES, letters);
  return id !== null && (/^\d/.test(id) || letters.has(id)) ? id : null;
}

/**
 * The item of `definition` a header names, by the instrument's own prefix (`PHQA3`) or a generic one (`Q3`, `3`,
 * `第3题`, `Qc`); null when it names none of its items.
 */
export function itemOfHeader(header: string, definition: InstrumentDefinition): string | null {
  const known = itemIds(definition);
  const letters = new Set([...known].filter((id) => !/^\d/.test(id)));
  const item = ownItem(ownText(header), definition, known) ?? genericItem(header, letters);
  return item !== null && known.has(item) ? item : null;
}

/** Whether a 腾讯问卷 header (`Q7:…`) names an item of an instrument by its own prefix after the question number. */
function namesInstrumentItem(header: string, options: MapOptions): boolean {
  const folded = normalizeHeader(header);
  if (!QUESTION_NUMBER.test(folded)) return false;
  const text = folded.replace(QUESTION_NUMBER, '');
  return (options.known ?? options.candidates).some((d) => ownItem(text, d, itemIds(d)) !== null);
}

/** Person and item-like columns in header order, each with the number it starts with (`7、你是否住校？` is 7). */
function numberedHeaders(personColumns: readonly Column[], generic: readonly (Column & { item: string })[]) {
  const none = new Set<string>();
  const person = personColumns.map((c) => ({ ...c, number: Number(genericItem(c.header, none)), item: null }));
  const items = generic.map((c) => ({ ...c, number: Number(c.item) }));
  return [...person, ...items]
    .filter((c): c is NumberedHeader => Number.isInteger(c.number))
    .sort((a, b) => a.index - b.index);
}

const numberedItems = (d: InstrumentDefinition) => d.items.filter((i) => /^\d+$/.test(i.id));

function runTooLong(run: readonly (Column & { item: string })[], definition: InstrumentDefinition): MappingIssue {
  const place = (c: Column | undefined): Column => ({ index: c?.index ?? 0, header: c?.header ?? '' });
  const has = numberedItems(definition).length;
  return {
    code: 'run-too-long',
    instrument: definition.id,
    first: place(run[0]),
    last: place(run.at(-1)),
    items: run.length,
    has,
  };
}

/**
 * An unknown item with what it asks where that is suicide: a letter the adolescent form has as a critical item
 * (PHQ-9's `c`, `d` are PHQ-A's), or suicide wording in the header (`PHQ-9 11、是否曾经尝试自杀`).
 */
function withSuicide(c: Found['unknown'][number], definition: InstrumentDefinition): UnknownItem {
  const form = SUPPLEMENTED_BY[definition.id];
  const formDefinition = form === undefined ? undefined : getInstrument(form);
  const supplement = formDefinition?.critical?.some((k) => k.item === c.item && !/^\d/.test(k.item)) === true;
  if (!supplement && !SUICIDE_WORDING.test(c.header)) return c;
  return { ...c, suicide: form === undefined ? {} : { readBy: form } };
}

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
  const suicide = unknownItems.filter((c) => c.suicide !== undefined);
  if (suicide.length > 0 && (how === 'prefix' || how === 'count')) {
    const byInstrument = new Map<string, UnknownItem[]>();
    for (const c of suicide) pushTo(byInstrument, c.instrument, c);
    return {
      ok: false,
      error: [...byInstrument].map(([instrument, columns]) => ({
        code: 'suicide-items',
        instrument,
        columns: columns.map(({ index, header }) => ({ index, header })),
        ...(columns[0]?.suicide?.readBy ? { readBy: columns[0].suicide.readBy } : {}),
      })),
    };
  }
  // An unknown item is never read: an ignored column like any other, and also reported.
  const allIgnored = [...ignored, ...unknownItems.map(({ index, header }) => ({ index, header }))].sort(
    (a, b) => a.index - b.index,
  );
  return {
    ok: true,
    value: { width, person, instruments, ignored: allIgnored, unknownItems, how },
  };
}

/** Instruments that have at least one column named with their own prefix among `headers`. */
export function instrumentsNamedIn(
  headers: readonly string[],
  candidates: readonly InstrumentDefinition[],
): InstrumentDefinition[] {
  const texts = headers.map(ownText);
  return candidates.filter((definition) => {
    const known = itemIds(definition);
    return texts.some((h) => {
      const item = ownItem(h, definition, known);
      return item !== null && known.has(item);
    });
  });
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

/**
 * Columns of a two-row header under a group name that are left unread although their own names look like items: the
 * group names no instrument (`青少年抑郁量表` over 1 … 9), and an instrument silently dropped could hide its suicide
 * items. One issue per group.
 */
function unreadGroups(mapping: SheetMapping, options: MapOptions): MappingIssue[] {
  const grouped = options.grouped;
  if (!grouped) return [];
  const letters = new Set(options.candidates.flatMap((d) => d.items.map((i) => i.id).filter((id) => !/^\d/.test(id))));
  const byGroup = new Map<string, Column[]>();
  const known = options.known ?? options.candidates;
  for (const column of mapping.ignored) {
    const g = grouped[column.index];
    if (g === undefined || genericItem(g.own, letters) === null) continue;
    // A group naming an instrument not asked for (GAD-7 beside --instrument phq-a): said elsewhere, not an error.
    const text = ownText(column.header);
    if (known.some((d) => ownItem(text, d, itemIds(d)) !== null)) continue;
    // Listed by their own names under the group (`1`, `c`), not the joined header.
    pushTo(byGroup, g.group, { index: column.index, header: g.own });
  }
  return [...byGroup].map(([group, columns]) => ({ code: 'unread-group', group, columns }));
}

/**
 * Whether an issue's item columns have the same header twice, and that header may be a cell value (`1`, `2`): a data
 * row where the header should be. Words twice (`PHQA9`, `Q1`) are headers: a duplicate item, said as such.
 */
function repeatsCellValue(issue: MappingIssue, answers: ReadonlySet<string>): boolean {
  const columns =
    issue.code === 'duplicate-item'
      ? issue.columns
      : issue.code === 'no-instrument' || issue.code === 'ambiguous'
        ? issue.itemLike
        : [];
  const seen = new Set<string>();
  return columns.some(({ header }) => {
    const h = normalizeHeader(header);
    if (seen.has(h)) return mayBeData(header, answers);
    seen.add(h);
    return false;
  });
}

/** The issue with every header that may be a cell value blanked (see header-text.ts): messages then show numbers. */
function withShownHeaders(issue: MappingIssue, answers: ReadonlySet<string>): MappingIssue {
  const shown = (columns: readonly Column[]) =>
    columns.map((c) => (mayBeData(c.header, answers) ? { ...c, header: '' } : c));
  switch (issue.code) {
    case 'no-instrument':
    case 'ambiguous':
      return { ...issue, itemLike: shown(issue.itemLike) };
    case 'unread-group':
      return { ...issue, group: mayBeData(issue.group, answers) ? '' : issue.group, columns: shown(issue.columns) };
    case 'duplicate-item':
    case 'duplicate-field':
      return { ...issue, columns: shown(issue.columns) };
    case 'run-too-long': {
      const [first, last] = shown([issue.first, issue.last]) as [Column, Column];
      return { ...issue, first, last };
    }
    case 'unnamed-runs':
      return {
        ...issue,
        runs: issue.runs.map((r) => {
          const [first, last] = shown([r.first, r.last]) as [Column, Column];
          return { ...r, first, last };
        }),
      };
    default:
      return issue;
  }
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
    const field = target?.kind === 'person' ? target.field : personFieldOfHeader(header);
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
    // An instrument that has the item first: `CESD-R 1` is CESD-R's item 1, never CES-D's unknown item `r`.
    const text = ownText(header);
    const owners = options.candidates.flatMap((definition) => {
      const known = itemIds(definition);
      const item = ownItem(text, definition, known) ?? (definition === only ? formItem(text, only, options) : null);
      return item === null ? [] : [{ definition, item, has: known.has(item) }];
    });
    const owner = owners.find((o) => o.has) ?? owners[0];
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
  if (numbers.strays === 0 && numbers.personal.length > 0) {
    // The questionnaire's own numbered questions among the person columns (`7、你是否住校？`): never items.
    const personal = new Set(numbers.personal.map((c) => c.index));
    ignored.push(...numbers.personal.map(({ index, header }) => ({ index, header })));
    generic = generic.filter((c) => !personal.has(c.index));
  }
  const inRuns = numbers.runs.reduce((n, run) => n + run.length, 0);
  const runs = numbers.strays === 0 && inRuns === generic.length ? numbers.runs : [];
  if (runs.length > 1 && options.named && options.candidates.length > 1) {
    const of = instrumentsOfRuns(runs, options.candidates);
    if (!of) {
      const among = options.candidates.map((d) => d.id);
      return { ok: false, error: [{ code: 'numbered-runs', runs: runs.map(runPlace), among }] };
    }
    of.forEach((definition, i) => {
      const entry = found.get(definition.id) ?? { definition, byItem: new Map(), unknown: [] };
      found.set(definition.id, entry);
      for (const column of runs[i] ?? []) collect(entry, column, column.item);
    });
    return finish(headers.length, person, [...found.values()], ignored, 'named');
  }
  // Instruments the file names by their own prefix but none of whose numbered items (PHQ-A by `PHQ-A a` … `d` alone).
  const lacking = options.named ? [] : [...found.values()].filter(lacksNumberedItems).map((f) => f.definition);
  if (runs.length > 1 && !options.named && (found.size === 0 || lacking.length > 0)) {
    return { ok: false, error: [{ code: 'unnamed-runs', ...unnamedRuns(runs, options.candidates, lacking) }] };
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
    const longer = runs.filter((run) => run.length > numberedItems(only).length);
    if (longer.length > 0) return { ok: false, error: longer.map((run) => runTooLong(run, only)) };
    const entry = found.get(only.id) ?? { definition: only, byItem: new Map(), unknown: [] };
    found.set(only.id, entry);
    for (const column of generic) collect(entry, column, column.item);
    return finish(headers.length, person, [...found.values()], ignored, 'named');
  }
  if (found.size === 0) {
    if (generic.length === 0) return { ok: false, error: [{ code: 'no-instrument', itemLike: [] }] };
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
