import type { Decision } from '@triage/core';
import type { InstrumentDefinition, ScoreValue } from '@triage/scales';
import { csvCell, csvCells } from './output/csv-cell.ts';
import type { Person } from './person.ts';
import type { InstrumentScore, RowResult } from './read-row.ts';

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
}

/** Everything the result files say about a decision, made once for each distinct decision. */
export function describeDecision(
  decision: Decision,
  id: string,
  levelName: string,
  explanation: string,
  lang: 'zh' | 'en',
): DecisionText {
  const reasons = decisionReasons(decision, lang);
  return {
    id,
    levelName,
    reasons,
    explanation,
    json: decisionJson(decision, explanation),
    csv: csvCells([
      decision.level ?? '',
      levelName,
      decision.category ?? '',
      decision.actions.join(';'),
      decision.referrals.join(';'),
      decision.followUp?.join(';') ?? '',
    ]),
    csvReasons: csvCell(reasons),
  };
}

export interface RowExtras {
  /** Pseudonym or student id, per the import's choice; null without an id. */
  readonly student: string | null;
  /** `line` or `sheet:line` of the first row with the same student id. */
  readonly duplicateOf: string | null;
}

function flagsOf(score: ScoreValue): string {
  return score.flags.map((f) => `${f.id}:${f.status}`).join(';');
}

/** One results.csv line, in `resultHeader` order; the decision's cells come ready-made from its text. */
export function resultLine(
  row: RowResult,
  instruments: readonly InstrumentDefinition[],
  text: DecisionText,
  extras: RowExtras,
  sheets: boolean,
): string {
  const { person, record } = row;
  const who = csvCells([
    record.line,
    extras.student,
    person.sex,
    person.age,
    person.grade,
    person.class,
    person.school,
  ]);
  const scores = instruments.length === 0 ? '' : `,${csvCells(scoreCells(row, instruments))}`;
  return `${sheets ? `${csvCell(record.sheet ?? '')},` : ''}${who},${text.csv}${scores},${csvCell(extras.duplicateOf)},${text.csvReasons}\r\n`;
}

/** Each instrument's results.csv cells, in `resultHeader` order. */
function scoreCells(row: RowResult, instruments: readonly InstrumentDefinition[]): (string | number | null)[] {
  const cells: (string | number | null)[] = [];
  for (const definition of instruments) {
    const score = row.scores.find((s) => s.instrument === definition.id)?.value;
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
  }
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

/** One instrument's result as JSON, built as a string: this runs for every row and instrument. */
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

/** One results.json entry; no names, no answers. */
export function resultJson(row: RowResult, text: DecisionText, extras: RowExtras): string {
  let scores = '';
  for (let i = 0; i < row.scores.length; i++) {
    const s = row.scores[i] as InstrumentScore;
    scores += `${i === 0 ? '' : ','}${q(s.instrument)}:${scoreJson(s.value)}`;
  }
  const sheet = row.record.sheet === undefined ? '' : `"sheet":${q(row.record.sheet)},`;
  return (
    `{${sheet}"line":${row.record.line},"student":${q(extras.student)},"person":${personJson(row.person)},` +
    `"scores":{${scores}},"decision":"${text.id}","duplicateOf":${q(extras.duplicateOf)}}`
  );
}

/** The one-line reasons of a decision: what each fired rule says, and the level it set. */
function decisionReasons(decision: Decision, lang: 'zh' | 'en'): string {
  return decision.fired
    .map((f) => `${f.description[lang]}${f.level ? ` → ${f.level}` : ''}`)
    .join(lang === 'zh' ? '；' : '; ');
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
