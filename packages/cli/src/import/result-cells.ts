import type { Decision } from '@triage/core';
import type { InstrumentDefinition, ScoreValue } from '@triage/scales';
import { csvCell, csvCells } from './output/csv-cell.ts';
import { type RowText, SharedText } from './output/row-text.ts';
import type { Person } from './person.ts';
import type { RowResult } from './read-row.ts';

/** What results.csv and results.json say about a decision, made once per distinct decision (they are shared). */
export interface DecisionText {
  /** `d1`, `d2` … in order of first appearance: results.json rows point into its `decisions` table. */
  readonly id: string;
  readonly levelName: string;
  /** Why, in one line: each rule that fired and the level it set (results.csv). */
  readonly reasons: string;
  /** The full explanation with facts read and sources (results.json, report.html). */
  readonly explanation: string;
  /** The decision as a JSON fragment, without the person or scores. */
  readonly json: string;
  /** results.csv's decision cells, level to follow-up, quoted and joined: the same for every row with the decision. */
  readonly csv: string;
  /** results.csv's reasons cell, quoted. */
  readonly csvReasons: string;
  /** The same, as rows write them (see {@link RowText}). */
  readonly parts: RowText['decision'];
  /** A missing fact left a rule undecided that could have set a higher level: the reasons say "not decided". */
  readonly unsettled: boolean;
}

/** Everything the result files say about a decision, made once for each distinct decision. */
export function describeDecision(
  decision: Decision,
  id: string,
  levelName: string,
  explanation: string,
  lang: 'zh' | 'en',
  open: readonly string[] = [],
): DecisionText {
  const reasons = decisionReasons(decision, lang, open);
  const csv = csvCells([
    decision.level ?? '',
    levelName,
    decision.category ?? '',
    decision.actions.join(';'),
    decision.referrals.join(';'),
    decision.followUp?.join(';') ?? '',
  ]);
  const csvReasons = csvCell(reasons);
  return {
    id,
    levelName,
    reasons,
    explanation,
    json: decisionJson(decision, explanation),
    csv,
    csvReasons,
    parts: {
      csv: new SharedText(`,${csv}`),
      reasons: new SharedText(`,${csvReasons}\r\n`),
      json: new SharedText(`},"decision":${q(id)},"duplicateOf":`),
    },
    unsettled: open.length > 0,
  };
}

export interface RowExtras {
  /** Pseudonym or student id, per the import's choice; null without an id. */
  readonly student: string | null;
  /** `line` or `sheet:line` of the first row with the same student id. */
  readonly duplicateOf: string | null;
}

function flagsOf(score: ScoreValue): string {
  // Most results have no flag, or one: nothing to tell apart.
  if (score.flags.length === 0) return '';
  if (score.flags.length === 1) {
    const [f] = score.flags as [ScoreValue['flags'][number]];
    return `${f.id}:${f.status}`;
  }
  const ids = score.flags.map((f) => f.id);
  return score.flags
    .map((f) => {
      // One id on several items (C-SSRS `cssrs-endorsed` on items 3 and 4): each names its item, never one id twice.
      const several = f.item !== undefined && ids.indexOf(f.id) !== ids.lastIndexOf(f.id);
      return `${f.id}${several ? `(item ${f.item})` : ''}:${f.status}`;
    })
    .join(';');
}

/**
 * A result row as the files get it: the parts rows share (person cells, each score, the decision) made once and
 * reused; only the line, the id and the duplicate are this row's own.
 */
export function rowText(
  row: RowResult,
  instruments: readonly InstrumentDefinition[],
  text: DecisionText,
  extras: RowExtras,
  sheets: boolean,
): RowText {
  const { person, record, personShape } = row;
  personShape.text ??= {
    csv: new SharedText(`,${csvCells([person.sex, person.age, person.grade, person.class, person.school])}`),
    json: new SharedText(`${personJson(person)},"scores":{`),
  };
  // A result row has every instrument scored, in the order of `instruments` (the sheet's plans).
  const scores = row.scores.map((score, i) => {
    if (score.text) return score.text;
    const csv = `,${csvCells(scoreCells(score.value, instruments[i] as InstrumentDefinition))}`;
    if (!score.shared) return { csv, json: score.json };
    score.text = { csv: new SharedText(csv), json: new SharedText(score.json) };
    return score.text;
  });
  return {
    sheet: sheets ? (record.sheet ?? '') : undefined,
    line: record.line,
    student: extras.student,
    duplicateOf: extras.duplicateOf,
    person: personShape.text,
    scores,
    decision: text.parts,
  };
}

/** One instrument's results.csv cells, in `resultHeader` order. */
function scoreCells(score: ScoreValue | undefined, definition: InstrumentDefinition): (string | number | null)[] {
  const cells: (string | number | null)[] = [];
  cells.push(score?.total ?? null);
  if (definition.index) cells.push(score?.index?.value ?? null);
  if (definition.mean) cells.push(score?.mean ?? null);
  cells.push(score?.band?.id ?? score?.category ?? '');
  if (definition.positiveItems) cells.push(score?.positiveItems?.count ?? null, score?.positiveItems?.mean ?? null);
  for (const screen of definition.screens ?? []) {
    const positive = score?.screens?.find((s) => s.id === screen.id)?.positive;
    cells.push(positive === undefined || positive === null ? '' : String(positive));
  }
  if (definition.validity) {
    const valid = score?.validity?.valid;
    cells.push(valid === undefined || valid === null ? '' : String(valid));
  }
  for (const sub of definition.subscales ?? []) {
    const result = score?.subscales.find((s) => s.id === sub.id);
    cells.push(result?.score ?? null);
    if (sub.bandSets?.length) cells.push(result?.band?.id ?? '');
  }
  cells.push(score ? flagsOf(score) : '', score?.missing.join(';') ?? '');
  return cells;
}

const q = JSON.stringify;

/** Record of id → value as JSON, for a short list (no intermediate object). */
function idMap<T extends { readonly id: string }>(list: readonly T[], value: (t: T) => unknown): string {
  if (list.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as T;
    out += `${i === 0 ? '' : ','}${q(t.id)}:${q(value(t))}`;
  }
  return `${out}}`;
}

const positiveOf = (t: { readonly positive: boolean | null }) => t.positive;
const scoreOf = (t: { readonly score: number | null }) => t.score;

/** A list of strings as JSON; most are empty. */
const list = (values: readonly string[]) => (values.length === 0 ? '[]' : q(values));

/** One instrument's results.json entry, `"phq-a":{…}`. */
export function scoreText(v: ScoreValue): string {
  return `${q(v.instrument)}:${scoreJson(v)}`;
}

/** One instrument's result as JSON, built as a string: this runs for every distinct answer pattern. */
function scoreJson(v: ScoreValue): string {
  let flags = '[';
  for (let i = 0; i < v.flags.length; i++) {
    const f = v.flags[i];
    if (!f) continue;
    flags += `${i === 0 ? '' : ','}{"id":${q(f.id)},"status":${q(f.status)}${f.item === undefined ? '' : `,"item":${q(f.item)}`}}`;
  }
  flags += ']';
  return (
    `{"total":${v.total},"index":${v.index?.value ?? null},"band":${q(v.band?.id ?? null)},"category":${q(v.category)},` +
    `"cutoffs":${idMap(v.cutoffs, positiveOf)},"subscales":${idMap(v.subscales, scoreOf)},` +
    `"derived":${q(v.derived)},"flags":${flags},"missing":${list(v.missing)},"prorated":${v.prorated}${summaryJson(v)}}`
  );
}

/** Fields only some instruments have (total mean, positive items, screens, validity); empty for the others. */
function summaryJson(v: ScoreValue): string {
  let out = '';
  if (v.mean !== undefined) out += `,"mean":${v.mean}`;
  if (v.positiveItems !== undefined) out += `,"positiveItems":${q(v.positiveItems)}`;
  if (v.screens !== undefined) out += `,"screens":${idMap(v.screens, positiveOf)}`;
  if (v.validity !== undefined) out += `,"validity":${q(v.validity)}`;
  return out;
}

function personJson(p: Person): string {
  return (
    `{"sex":${q(p.sex)},"age":${q(p.age)},"grade":${q(p.grade)},"gradeYear":${q(p.gradeYear)},` +
    `"class":${q(p.class)},"school":${q(p.school)}}`
  );
}

/**
 * The one-line reasons of a decision: what each fired rule says, and the level it set; then the rules a missing fact
 * (blank items) left undecided that could have set a higher level (`open`), so such a row never reads as settled.
 */
function decisionReasons(decision: Decision, lang: 'zh' | 'en', open: readonly string[]): string {
  const reasons = decision.fired.map((f) => `${f.description[lang]}${f.level ? ` → ${f.level}` : ''}`);
  if (open.length > 0) {
    const rules = open.join(', ');
    reasons.push(
      lang === 'zh'
        ? `未能判定（缺少信息，如空白条目）：${rules}`
        : `not decided (a fact missing, e.g. blank items): ${rules}`,
    );
  }
  return reasons.join(lang === 'zh' ? '；' : '; ');
}

/** The JSON fragment of a decision; computed once per distinct decision. */
function decisionJson(decision: Decision, explanation: string): string {
  return JSON.stringify({
    level: decision.level,
    category: decision.category,
    actions: decision.actions,
    referrals: decision.referrals,
    workOrders: decision.workOrders,
    followUp: decision.followUp,
    caseTerm: decision.caseTerm,
    fired: decision.fired.map((f) => ({ id: f.id, level: f.level, source: f.source, reads: f.reads })),
    undetermined: decision.undetermined,
    explanation,
  });
}
