import type { BandSet, InstrumentDefinition, Lang, ResponseOption } from '@triage/scales';
import type { Messages } from '../messages.ts';
import { paint } from '../terminal.ts';

/** The definition as `triage scales show --json` gives it: item wording only where the licence lets it ship. */
export function publishableDefinition(d: InstrumentDefinition): InstrumentDefinition {
  if (d.licence.itemText) return d;
  return { ...d, items: d.items.map(({ text: _text, ...item }) => item) };
}

function options(list: readonly ResponseOption[], lang: Lang): string {
  return list.map((o) => `${o.value} ${o.label[lang]}`).join(' · ');
}

function bandSet(set: BandSet, isDefault: boolean, text: Messages, lang: Lang): string[] {
  const s = text.show;
  const bands = set.bands.map((b) => `≥${b.min} ${b.label[lang]}${b.positive ? ` (${s.positive})` : ''}`).join(' · ');
  return [
    `  ${set.id}${isDefault ? ` (${s.isDefault})` : ''}: ${set.label[lang]}, ${s.appliesTo[set.appliesTo]}`,
    `    ${bands}`,
    `    ${s.source}: ${set.source}`,
  ];
}

/** `triage scales show`: everything a psychologist needs to check the key against the manual. */
export function renderInstrument(d: InstrumentDefinition, text: Messages, lang: Lang, color: boolean): string {
  const s = text.show;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const heading = (title: string) => paint(color, 'bold', title);
  const out: string[] = [
    paint(color, 'bold', `${d.abbreviation}  ${d.name[lang]} / ${d.name[other]}`),
    `${d.id} · ${s.version} ${d.version} · ${s.ages} ${text.ages(d.ages.min, d.ages.max)} · ${s.recall}: ${d.recall[lang]} · ${s.scoring}: ${s.scoringMethods[d.scoring]}`,
    '',
    `${heading(s.options)}: ${options(d.options, lang)}`,
    '',
    `${heading(s.items)}:`,
  ];
  for (const item of d.items) {
    const notes = [
      item.reverse ? s.reverse : '',
      item.scored === false ? s.notScored : '',
      item.optional ? s.optional : '',
    ].filter(Boolean);
    out.push(`  ${item.id.padStart(3)}  ${item.label[lang]}${notes.length ? ` (${notes.join(', ')})` : ''}`);
    // Wording the licence does not let us ship was removed by publishableDefinition; any left is shipped or the user's.
    if (item.text) out.push(`       ${item.text[lang]}`);
    if (item.options) out.push(`       ${s.options}: ${options(item.options, lang)}`);
  }
  const reverse = d.items.filter((i) => i.reverse).map((i) => i.id);
  out.push('', `${heading(s.reverseItems)}: ${reverse.join(', ') || s.none}`);

  out.push('', `${heading(s.subscales)}: ${d.subscales?.length ? '' : s.none}`.trimEnd());
  for (const sub of d.subscales ?? []) {
    out.push(
      `  ${sub.id}: ${sub.label[lang]}; ${s.subscaleMethod(sub.method, sub.multiplier)} (${sub.items.join(', ')})`,
    );
    for (const set of sub.bandSets ?? []) out.push(...bandSet(set, false, text, lang).map((l) => `  ${l}`));
  }

  if (d.index) {
    out.push('', `${heading(s.index)}: ${d.index.label[lang]} = ${s.indexRule(d.index.multiplier)}`);
    out.push(`  ${s.source}: ${d.index.source}`);
  }

  const defaultSet = d.defaultBandSet ?? d.bandSets[0]?.id;
  out.push('', `${heading(s.bandSets)}: ${d.bandSets.length ? '' : s.none}`.trimEnd());
  for (const set of d.bandSets) out.push(...bandSet(set, set.id === defaultSet, text, lang));

  out.push('', `${heading(s.cutoffs)}: ${d.cutoffs?.length ? '' : s.none}`.trimEnd());
  for (const c of d.cutoffs ?? []) {
    const ages = c.ages ? `, ${s.forAges(c.ages[0], c.ages[1])}` : '';
    out.push(`  ${c.id}: ≥${c.min} ${c.label[lang]}${ages}`, `    ${s.source}: ${c.source}`);
  }

  out.push('', `${heading(s.critical)}: ${d.critical?.length ? '' : s.none}`.trimEnd());
  for (const c of d.critical ?? []) {
    out.push(`  ${c.id}: ${s.criticalRule(c.item, c.min)}, ${c.label[lang]}`, `    ${s.source}: ${c.source}`);
  }

  const scored = d.items.filter((i) => i.scored !== false).length;
  out.push('', `${heading(s.missing)}: ${s.missingRule(d.missing, scored)}`, `  ${s.source}: ${d.missing.source}`);

  out.push(
    '',
    `${heading(s.licence)}: ${text.licenceStatus[d.licence.status]}; ${s.holder}: ${d.licence.holder}`,
    `  ${d.licence.notice[lang]}`,
    `  ${s.source}: ${d.licence.source}`,
    '',
    `${heading(s.citation)}:`,
    ...d.citation.map((c) => `  ${c}`),
  );
  return out.join('\n');
}
