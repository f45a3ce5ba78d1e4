import { getInstrument, type InstrumentDefinition } from '@triage/scales';
import type { ItemColumn } from '../responses/item-columns.ts';
import type { Column, MappingIssue } from './columns.ts';
import { SUPPLEMENTED_BY } from './instrument-names.ts';

/** One instrument's columns found so far while a header is mapped: by item, and those naming an item it lacks. */
export interface Found {
  readonly definition: InstrumentDefinition;
  readonly byItem: Map<string, ItemColumn[]>;
  readonly unknown: (Column & { instrument: string; item: string })[];
}

/** Whether an instrument with numbered items was found by none of them (PHQ-A by its lettered a … d alone). */
export const lacksNumberedItems = (f: Found) => {
  const numbered = f.definition.items.filter((i) => /^\d+$/.test(i.id));
  return numbered.length > 0 && numbered.every((i) => !f.byItem.has(i.id));
};

/**
 * Wording of a suicide question (PHQ-A's supplements c and d, a school's own questions after the nine items): a column
 * headed so is never an unscored item such as PHQ-9's item 10 (difficulty), whatever its number.
 */
export const SUICIDE_WORDING =
  /自杀|轻生|结束.{0,4}生命|不想活|死掉|伤害自己|自伤|suicid|self-harm|better off dead|(?:kill|hurt)(?:ing)? (?:your|my|one)self|end(?:ing)? (?:your|my|one's) life/i;

/** Whether `item` of `definition` is one a critical flag reads (PHQ-A's 9, c and d): suicide wording is its own. */
const isCritical = (definition: InstrumentDefinition, item: string) =>
  definition.critical?.some((c) => c.item === item) === true;

/**
 * Adds a column as `item` of the found instrument, or as an unknown item when the instrument has no such item, or
 * when the column asks about suicide and the item is an unscored one no critical flag reads (`PHQ-9 10、过去一个月是否
 * 认真想过自杀` is no difficulty item 10: read as one, a "yes" would be lost without a word).
 */
export function collect(found: Found, column: Column, item: string): void {
  const definition = found.definition.items.find((i) => i.id === item);
  const misread =
    definition?.scored === false && !isCritical(found.definition, item) && SUICIDE_WORDING.test(column.header);
  if (definition && !misread) {
    const columns = found.byItem.get(item);
    if (columns) columns.push({ ...column, item });
    else found.byItem.set(item, [{ ...column, item }]);
  } else found.unknown.push({ ...column, instrument: found.definition.id, item });
}

/**
 * A column that looks like an item a mapped instrument does not have. `suicide`: it asks about suicide (PHQ-9's `c`,
 * `d`, or suicide wording), with the instrument that has such items (`phq-a`) where there is one.
 */
export interface UnknownItem extends Column {
  readonly instrument: string;
  readonly item: string;
  readonly suicide?: { readonly readBy?: string };
}

/**
 * An unknown item with what it asks where that is suicide: a letter the adolescent form has as a critical item
 * (PHQ-9's `c`, `d` are PHQ-A's), or suicide wording in the header (`PHQ-9 11、是否曾经尝试自杀`).
 */
export function withSuicide(c: Found['unknown'][number], definition: InstrumentDefinition): UnknownItem {
  const form = SUPPLEMENTED_BY[definition.id];
  const formDefinition = form === undefined ? undefined : getInstrument(form);
  const supplement = formDefinition?.critical?.some((k) => k.item === c.item && !/^\d/.test(k.item)) === true;
  if (!supplement && !SUICIDE_WORDING.test(c.header)) return c;
  return { ...c, suicide: form === undefined ? {} : { readBy: form } };
}

/** The unknown items that ask about suicide, one issue per instrument: they would go unread. */
export function suicideIssues(unknownItems: readonly UnknownItem[]): MappingIssue[] {
  const byInstrument = new Map<string, UnknownItem[]>();
  for (const c of unknownItems) {
    if (c.suicide === undefined) continue;
    const columns = byInstrument.get(c.instrument);
    if (columns) columns.push(c);
    else byInstrument.set(c.instrument, [c]);
  }
  return [...byInstrument].map(([instrument, columns]) => ({
    code: 'suicide-items',
    instrument,
    columns: columns.map(({ index, header }) => ({ index, header })),
    ...(columns[0]?.suicide?.readBy ? { readBy: columns[0].suicide.readBy } : {}),
  }));
}
