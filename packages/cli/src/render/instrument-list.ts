import type { InstrumentDefinition, Lang, Licence, Localized } from '@triage/scales';
import type { Messages } from '../messages.ts';
import { formatTable } from '../terminal.ts';

/** One line of `triage scales list --json`. */
export interface InstrumentSummary {
  readonly id: string;
  readonly abbreviation: string;
  readonly name: Localized;
  readonly version: string;
  readonly ages: InstrumentDefinition['ages'];
  readonly items: number;
  readonly scoredItems: number;
  readonly scoring: InstrumentDefinition['scoring'];
  readonly subscales: readonly string[];
  readonly bandSets: readonly string[];
  readonly defaultBandSet: string | null;
  readonly licence: { readonly status: Licence['status']; readonly itemText: boolean };
}

export function summarizeInstrument(d: InstrumentDefinition): InstrumentSummary {
  return {
    id: d.id,
    abbreviation: d.abbreviation,
    name: d.name,
    version: d.version,
    ages: d.ages,
    items: d.items.length,
    scoredItems: d.items.filter((i) => i.scored !== false).length,
    scoring: d.scoring,
    subscales: (d.subscales ?? []).map((s) => s.id),
    bandSets: d.bandSets.map((s) => s.id),
    defaultBandSet: d.defaultBandSet ?? d.bandSets[0]?.id ?? null,
    licence: { status: d.licence.status, itemText: d.licence.itemText },
  };
}

/**
 * The table of `triage scales list`: subscales by their names in `lang` (the ids, which rules and --json use, are in
 * `triage scales show`), band sets by id (they name their norm source).
 */
export function renderInstrumentList(definitions: readonly InstrumentDefinition[], text: Messages, lang: Lang): string {
  const t = text.table;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const rows = definitions
    .map((d) => [d, summarizeInstrument(d)] as const)
    .map(([d, s]) => [
      s.id,
      s.abbreviation,
      `${s.name[lang]} / ${s.name[other]}`,
      text.ages(s.ages.min, s.ages.max),
      text.itemCount(s.items, s.scoredItems),
      `${(d.subscales ?? []).map((sub) => sub.label[lang]).join(lang === 'zh' ? '、' : ', ') || text.none} / ${s.bandSets.join(', ') || text.none}`,
      text.licenceStatus[s.licence.status],
    ]);
  return formatTable([[t.id, t.abbreviation, t.name, t.ages, t.items, t.scales, t.licence], ...rows]);
}
