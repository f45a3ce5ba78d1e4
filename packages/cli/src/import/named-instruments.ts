import type { InstrumentDefinition } from '@triage/scales';
import type { MappingIssue, SheetMapping } from './columns.ts';

/**
 * The instruments the user named (`--instrument`, else the mapping file's `instruments`) that no sheet holds, each as
 * its items missing: one with no column at all would be left out without a word, its critical items (SDS 19) unread.
 */
export function namedButAbsent(
  options: {
    readonly instruments: readonly InstrumentDefinition[];
    readonly mapping?: { readonly instruments: readonly InstrumentDefinition[] } | undefined;
  },
  mapped: Iterable<SheetMapping>,
): MappingIssue[] {
  const named = options.instruments.length > 0 ? options.instruments : (options.mapping?.instruments ?? []);
  const found = new Set([...mapped].flatMap((m) => m.instruments.map((i) => i.definition.id)));
  return named
    .filter((d) => !found.has(d.id))
    .map((d) => ({ code: 'missing-items', instrument: d.id, items: d.items.map((i) => i.id) }));
}
