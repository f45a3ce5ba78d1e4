import { code, document, fields, table, text } from './markdown.mjs';

/** Lowest and highest score a substantive (non-refusal) answer counts for, as the engine scores it. */
function itemRange(def, item) {
  const values = (item.options ?? def.options).filter((o) => !o.refusal).map((o) => o.score ?? o.value);
  return [Math.min(...values), Math.max(...values)];
}

const span = (lo, hi) => (lo === hi ? `${lo}` : `${lo}–${hi}`);

/** "1–9", "1–5, 6b": runs of three or more consecutive numbered items collapse into a range. */
function itemList(ids, s) {
  const parts = [];
  let run = [];
  const flush = () => {
    if (run.length >= 3) parts.push(span(run[0], run[run.length - 1]));
    else parts.push(...run.map(String));
    run = [];
  };
  for (const id of ids) {
    const n = /^\d+$/.test(id) ? Number(id) : Number.NaN;
    if (!Number.isNaN(n) && run.length > 0 && n === run[run.length - 1] + 1) run.push(n);
    else {
      flush();
      if (Number.isNaN(n)) parts.push(id);
      else run.push(n);
    }
  }
  flush();
  return s.list(parts);
}

const scoredItems = (def) => def.items.filter((i) => i.scored !== false);

function described(texts, key, what) {
  const found = texts[key];
  if (found === undefined)
    throw new Error(`no ${what} text for "${key}": add it to scripts/instrument-docs/strings.mjs`);
  return found;
}

function title(def, s) {
  const name = def.name[s.lang];
  const heading = name.includes(def.abbreviation) ? name : name + s.paren(def.abbreviation);
  const nav = `[${s.allInstruments}](README.md) · [${s.otherName}](../${s.other}/${def.id}.md)`;
  return `<!-- ${s.generated} -->\n\n# ${text(heading)}\n\n${nav}`;
}

function summary(def, s) {
  const scored = scoredItems(def).length;
  return fields(
    [
      [s.summary.id, code(def.id)],
      [s.summary.abbreviation, text(def.abbreviation)],
      [s.summary.version, text(def.version)],
      [s.summary.ages, s.ages(def.ages.min, def.ages.max)],
      [s.summary.recall, text(def.recall[s.lang])],
      [s.summary.items, s.itemCount(def.items.length, scored)],
      [s.summary.scoring, described(s.scoring.method, def.scoring, 'scoring method')],
      [s.summary.licence, described(s.licence.status, def.licence.status, 'licence status')],
    ],
    s.colon,
  );
}

function optionsTable(options, s) {
  return table(
    s.options.columns,
    options.map((o) => [
      String(o.value),
      text(o.label[s.lang]) +
        (o.refusal ? s.paren(s.options.refusal) : '') +
        (o.score !== undefined && o.score !== o.value ? s.paren(s.options.scores(o.score)) : ''),
      [o.label[s.other], ...(o.aliases ?? [])].map(code).join(' '),
    ]),
  );
}

function responseOptions(def, s) {
  // Items that share one set of their own options (yes/no supplements) get one table.
  const groups = new Map();
  for (const item of def.items.filter((i) => i.options)) {
    const key = JSON.stringify(item.options);
    groups.set(key, { options: item.options, ids: [...(groups.get(key)?.ids ?? []), item.id] });
  }
  const own = [...groups.values()].map(
    (g) => `### ${s.options.ofItems(g.ids.length, itemList(g.ids, s))}\n\n${optionsTable(g.options, s)}`,
  );
  return [`## ${s.options.title}`, optionsTable(def.options, s), s.options.note, ...own].join('\n\n');
}

function items(def, s) {
  const critical = new Set((def.critical ?? []).map((c) => c.item));
  const showText = def.licence.itemText && def.items.some((i) => i.text);
  const showLoinc = def.items.some((i) => i.loinc);
  const c = s.items.columns;
  const header = [c.id, c.label, c.marks, ...(showText ? [c.text] : []), ...(showLoinc ? [c.loinc] : [])];
  const rows = def.items.map((item) => {
    const marks = [
      item.reverse && s.items.reverse,
      critical.has(item.id) && s.items.critical,
      item.scored === false && s.items.unscored,
      item.optional && s.items.optional,
      item.options && s.items.ownOptions,
    ].filter(Boolean);
    return [
      item.id,
      text(item.label[s.lang]),
      marks.length ? s.list(marks) : '',
      ...(showText ? [item.text ? text(item.text[s.lang]) : s.none] : []),
      ...(showLoinc ? [item.loinc ? code(item.loinc) : ''] : []),
    ];
  });
  const notes = showText ? [] : [s.items.labelsOnly, ...(def.licence.itemText ? [] : [s.items.noLicence])];
  return [`## ${s.items.title}`, table(header, rows), s.sentences(notes)].filter(Boolean).join('\n\n');
}

/** Range of a subscale's score: item ranges summed (over n for a mean), × multiplier; composites sum components. */
function subscaleRange(def, sub) {
  if (sub.from) {
    return sub.from
      .map((id) =>
        subscaleRange(
          def,
          def.subscales.find((x) => x.id === id),
        ),
      )
      .reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0])
      .map((x) => x * (sub.multiplier ?? 1));
  }
  let lo = 0;
  let hi = 0;
  for (const id of sub.items) {
    const [a, b] = itemRange(
      def,
      def.items.find((i) => i.id === id),
    );
    lo += a;
    hi += b;
  }
  const scale = (sub.multiplier ?? 1) / (sub.method === 'mean' ? sub.items.length : 1);
  return [lo * scale, hi * scale];
}

function totalRange(def) {
  if (def.totalFrom) {
    return def.totalFrom
      .map((id) =>
        subscaleRange(
          def,
          def.subscales.find((x) => x.id === id),
        ),
      )
      .reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  }
  let lo = 0;
  let hi = 0;
  for (const item of scoredItems(def)) {
    const [a, b] = itemRange(def, item);
    lo += a;
    hi += b;
  }
  return [lo, hi];
}

/** An item as a subscale rule names it: its number, or its label when the id is a word (supplement items). */
const gateName = (def, id, s) =>
  /^\d/.test(id) ? s.subscales.itemNo(id) : text(def.items.find((i) => i.id === id)?.label[s.lang] ?? id);

const subscaleLabel = (def, id, s) => text(def.subscales?.find((x) => x.id === id)?.label[s.lang] ?? id);

function scoring(def, s) {
  const blocks = [`## ${s.scoring.title}`];
  if (def.scoring === 'sum') {
    const reversed = def.items.filter((i) => i.reverse && i.scored !== false).map((i) => i.id);
    const sentence = def.totalFrom
      ? s.scoring.sumOf(s.list(def.totalFrom.map((id) => subscaleLabel(def, id, s))), span(...totalRange(def)))
      : s.scoring.sum(
          itemList(
            scoredItems(def).map((i) => i.id),
            s,
          ),
          span(...totalRange(def)),
        );
    const scoredOptions = [def.options, ...def.items.map((i) => i.options ?? [])].some((list) =>
      list.some((o) => o.score !== undefined && o.score !== o.value),
    );
    const count = scoredItems(def).length;
    blocks.push(
      s.sentences([
        sentence,
        ...(reversed.length ? [s.scoring.reverse(itemList(reversed, s))] : []),
        ...(scoredOptions ? [s.scoring.optionScores] : []),
        ...(def.mean ? [s.scoring.mean(text(def.mean.label[s.lang]), count)] : []),
        ...(def.positiveItems
          ? [s.scoring.positive(text(def.positiveItems.label[s.lang]), def.positiveItems.min)]
          : []),
      ]),
    );
  } else {
    blocks.push(described(s.scoring, def.scoring, 'scoring method'));
  }
  if (def.derived?.length) {
    const list = def.derived.map((d) => `- ${described(s.scoring.derived, d, 'derived algorithm')}`).join('\n');
    blocks.push(`### ${s.scoring.derivedTitle}`, list);
  }
  return blocks.join('\n\n');
}

function standardScore(def, s) {
  if (!def.index) return '';
  const { multiplier, label, source } = def.index;
  const [lo, hi] = totalRange(def);
  const formula = s.standardScore.formula(text(label[s.lang]), multiplier, span(lo * multiplier, hi * multiplier));
  return [`## ${s.standardScore.title}`, formula, `${s.source}${s.colon}${text(source)}`].join('\n\n');
}

function subscales(def, s) {
  if (!def.subscales?.length) return '';
  const method = (sub) =>
    (sub.from ? s.subscales.from(s.list(sub.from.map((id) => subscaleLabel(def, id, s)))) : s.subscales[sub.method]) +
    (sub.multiplier ? s.subscales.times(sub.multiplier) : '') +
    (sub.missing ? s.subscales.prorate(sub.missing.minAnswered, sub.items.length, sub.missing.rounding) : '') +
    (sub.gate ? s.subscales.gate(gateName(def, sub.gate.item, s), sub.gate.min) : '');
  const rows = def.subscales.map((sub) => [text(sub.label[s.lang]), code(sub.id), itemList(sub.items, s), method(sub)]);
  return [`## ${s.subscales.title}`, table(s.subscales.columns, rows), subscaleMissing(def, s)].join('\n\n');
}

/** What a blank item does to a subscale: no score, and (engine/subscales.ts) the band the blanks cannot change. */
function subscaleMissing(def, s) {
  const rules = def.subscales.some((sub) => sub.missing || sub.from) ? s.subscales.missingRules : s.subscales.missing;
  // Bounded as in scoreSubscales: banded subscales read from their own items under the all-items rule.
  const bounded = def.subscales.some((sub) => sub.bandSets?.length && !sub.from && !sub.gate && !sub.missing);
  return bounded ? s.sentences([rules, s.subscales.bandBounds]) : rules;
}

function bandRange(bands, i, any) {
  const band = bands[i];
  const next = bands[i + 1];
  if (i === 0 && !next) return any;
  if (i === 0) return `x < ${next.min}`;
  if (!next) return `x ≥ ${band.min}`;
  return `${band.min} ≤ x < ${next.min}`;
}

function bandSet(set, heading, { isDefault, reads }, s) {
  const about = fields(
    [
      [s.summary.id, code(set.id) + (isDefault ? s.paren(s.bands.default) : '')],
      [s.bands.reads, reads],
      [s.source, text(set.source)],
    ],
    s.colon,
  );
  const rows = set.bands.map((band, i) => [
    text(band.label[s.lang]),
    code(band.id),
    bandRange(set.bands, i, s.bands.any),
    band.positive ? s.yes : s.no,
  ]);
  return [`### ${heading}`, about, table(s.bands.columns, rows)].join('\n\n');
}

function bands(def, s) {
  const fallback = def.bandSets.find((b) => b.id === def.defaultBandSet) ?? def.bandSets[0];
  const sets = def.bandSets.map((set) =>
    bandSet(set, text(set.label[s.lang]), { isDefault: set === fallback, reads: s.bands.score[set.appliesTo] }, s),
  );
  for (const sub of def.subscales ?? []) {
    (sub.bandSets ?? []).forEach((set, i) => {
      const heading = `${text(sub.label[s.lang])}${s.colon}${text(set.label[s.lang])}`;
      // The engine reads a subscale's bands against the subscale score, whatever `appliesTo` says.
      sets.push(bandSet(set, heading, { isDefault: i === 0, reads: s.bands.score.subscale }, s));
    });
  }
  if (sets.length === 0) {
    return [`## ${s.bands.title}`, def.scoring === 'sum' ? s.bands.noneSum : s.bands.none].join('\n\n');
  }
  return [`## ${s.bands.title}`, ...sets, s.bands.note].join('\n\n');
}

function cutoffs(def, s) {
  if (!def.cutoffs?.length) return '';
  const rows = def.cutoffs.map((c) => [
    text(c.label[s.lang]),
    code(c.id),
    `${s.cutoffs.total} ≥ ${c.min}`,
    c.ages ? s.ageRange(c.ages) : s.cutoffs.all,
    text(c.source),
  ]);
  return [`## ${s.cutoffs.title}`, table(s.cutoffs.columns, rows)].join('\n\n');
}

function screens(def, s) {
  if (!def.screens?.length) return '';
  const condition = (c) => {
    const names = c.subscales ? s.list(c.subscales.map((id) => subscaleLabel(def, id, s))) : undefined;
    return `${s.screens.score[c.score](names)} ${c.op === '>=' ? '≥' : '>'} ${c.value}`;
  };
  const rows = def.screens.map((screen) => [
    text(screen.label[s.lang]),
    code(screen.id),
    screen.any.map(condition).join(s.screens.or),
    text(screen.source),
  ]);
  return [`## ${s.screens.title}`, table(s.screens.columns, rows), s.screens.note].join('\n\n');
}

function validity(def, s) {
  if (!def.validity) return '';
  const v = def.validity;
  return [
    `## ${s.validity.title}`,
    s.validity.rule(subscaleLabel(def, v.subscale, s), v.op === '>=' ? '≥' : '>', v.value),
    `${s.source}${s.colon}${text(v.source)}`,
  ].join('\n\n');
}

function criticalItems(def, s) {
  if (!def.critical?.length) return '';
  const rows = def.critical.map((c) => {
    const item = def.items.find((i) => i.id === c.item);
    const option = (item?.options ?? def.options).find((o) => o.value === c.min);
    const threshold = `${s.critical.answer} ≥ ${c.min}${option ? s.paren(text(option.label[s.lang])) : ''}`;
    return [c.item, text(c.label[s.lang]), code(c.id), threshold, text(c.source)];
  });
  return [`## ${s.critical.title}`, table(s.critical.columns, rows), s.critical.rule].join('\n\n');
}

function missing(def, s) {
  const rule = def.missing;
  const sourceLine = `${s.source}${s.colon}${text(rule.source)}`;
  // Categorical algorithms ignore the rule: their description says how each blank is read.
  if (def.scoring !== 'sum') return [`## ${s.missing.title}`, s.missing.categorical, sourceLine].join('\n\n');
  const sentences = [
    rule.kind === 'prorate'
      ? s.missing.prorate(rule.maxMissing, scoredItems(def).length)
      : rule.kind === 'subscales'
        ? s.missing.subscales
        : s.missing.complete,
  ];
  const optional = def.items.filter((i) => i.optional).map((i) => i.id);
  if (optional.length) sentences.push(s.missing.optional(itemList(optional, s)));
  if (def.subscales?.length && rule.kind !== 'subscales') {
    sentences.push(subscaleMissing(def, s));
  }
  return [`## ${s.missing.title}`, s.sentences(sentences), sourceLine].join('\n\n');
}

function licence(def, s) {
  const l = def.licence;
  const f = s.licence.fields;
  const list = fields(
    [
      [f.status, described(s.licence.status, l.status, 'licence status')],
      [f.holder, text(l.holder)],
      [f.notice, text(l.notice[s.lang])],
      [f.itemText, l.itemText ? s.yes : s.no],
      [s.source, text(l.source)],
    ],
    s.colon,
  );
  return [`## ${s.licence.title}`, list].join('\n\n');
}

function citation(def, s) {
  return [`## ${s.citation.title}`, def.citation.map((c) => `- ${text(c)}`).join('\n')].join('\n\n');
}

function loinc(def, s) {
  const pairs = [];
  if (def.loinc?.panel) pairs.push([s.loinc.panel, code(def.loinc.panel)]);
  if (def.loinc?.total) pairs.push([s.loinc.total, code(def.loinc.total)]);
  const itemCodes = def.items.some((i) => i.loinc);
  if (pairs.length === 0 && !itemCodes) return [`## ${s.loinc.title}`, s.loinc.none].join('\n\n');
  return [`## ${s.loinc.title}`, fields(pairs, s.colon), itemCodes ? s.loinc.items : ''].filter(Boolean).join('\n\n');
}

/** One instrument's reference page in the language of `s`. */
export function renderPage(def, s) {
  return document(
    [
      title,
      summary,
      responseOptions,
      items,
      scoring,
      standardScore,
      subscales,
      bands,
      cutoffs,
      screens,
      validity,
      criticalItems,
      missing,
      licence,
      citation,
      loinc,
    ].map((section) => section(def, s)),
  );
}
