import type { Column, MapOptions, MappingIssue, SheetMapping } from './columns.ts';
import { genericItem, namesItemOfAny, ownText } from './header-items.ts';

/**
 * Columns of a two-row header under a group name that are left unread although their own names look like items: the
 * group names no instrument (`青少年抑郁量表` over 1 … 9), and an instrument silently dropped could hide its suicide
 * items. One issue per group.
 */
export function unreadGroups(mapping: SheetMapping, options: MapOptions): MappingIssue[] {
  const grouped = options.grouped;
  if (!grouped) return [];
  const letters = new Set(options.candidates.flatMap((d) => d.items.map((i) => i.id).filter((id) => !/^\d/.test(id))));
  const byGroup = new Map<string, Column[]>();
  const known = options.known ?? options.candidates;
  for (const column of mapping.ignored) {
    const g = grouped[column.index];
    if (g === undefined || genericItem(g.own, letters) === null) continue;
    // A group naming an instrument not asked for (GAD-7 beside --instrument phq-a): said elsewhere, not an error.
    if (namesItemOfAny(ownText(column.header), known)) continue;
    // Listed by their own names under the group (`1`, `c`), not the joined header.
    const own = { index: column.index, header: g.own };
    const columns = byGroup.get(g.group);
    if (columns) columns.push(own);
    else byGroup.set(g.group, [own]);
  }
  return [...byGroup].map(([group, columns]) => ({ code: 'unread-group', group, columns }));
}
