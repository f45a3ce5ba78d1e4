import { document, table, text } from './markdown.mjs';

/** The README of one language: every registered instrument, in registry order, linked to its page. */
export function renderIndex(definitions, s) {
  const rows = definitions.map((def) => [
    `[${text(def.name[s.lang])}](${def.id}.md)`,
    text(def.abbreviation),
    s.ages(def.ages.min, def.ages.max),
    s.itemCount(def.items.length, def.items.filter((i) => i.scored !== false).length),
    s.scoring.method[def.scoring],
    s.licence.status[def.licence.status],
    text(def.version),
  ]);
  return document([
    `<!-- ${s.generated} -->`,
    `# ${s.readme.title}`,
    `[${s.otherName}](../${s.other}/README.md)`,
    s.readme.intro,
    table(s.readme.columns, rows),
  ]);
}
