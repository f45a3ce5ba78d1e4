import type { InstrumentDefinition } from '@triage/scales';
import type { ItemColumn } from '../responses/item-columns.ts';
import type { Column } from './columns.ts';

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
