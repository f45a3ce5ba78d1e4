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

/** Adds a column as `item` of the found instrument, or as an unknown item when the instrument has no such item. */
export function collect(found: Found, column: Column, item: string): void {
  const known = found.definition.items.some((i) => i.id === item);
  if (known) found.byItem.set(item, [...(found.byItem.get(item) ?? []), { ...column, item }]);
  else found.unknown.push({ ...column, instrument: found.definition.id, item });
}
