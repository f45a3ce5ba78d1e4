import type { Decision } from '@triage/core';
import type { InstrumentDefinition, ScoreValue } from '@triage/scales';
import type { Cells } from './output/result-files.ts';
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

/** One results.csv row, in `resultHeader` order. */
export function resultCells(
  row: RowResult,
  instruments: readonly InstrumentDefinition[],
  text: DecisionText,
  extras: RowExtras,
  sheets: boolean,
): Cells {
  const { person, decision, record } = row;
  const cells: (string | number | null)[] = sheets ? [record.sheet ?? ''] : [];
  cells.push(
    record.line,
    extras.student,
    person.sex,
    person.age,
    person.grade,
    person.class,
    person.school,
    decision.level ?? '',
    text.levelName,
    decision.category ?? '',
    decision.actions.join(';'),
    decision.referrals.join(';'),
    decision.followUp?.join(';') ?? '',
  );
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
  cells.push(extras.duplicateOf, text.reasons);
  return cells;
}

const q = JSON.stringify;

/** Record of id → value as JSON, for a short list (no intermediate object). */
function idMap<T>(list: readonly T[], id: (t: T) => string, value: (t: T) => unknown): string {
  let out = '{';
  for (let i = 0; i < list.length; i++) out += `${i === 0 ? '' : ','}${q(id(list[i] as T))}:${q(value(list[i] as T))}`;
  return `${out}}`;
}

/** One instrument's result as JSON, built as a string: this runs for every row and instrument. */
function scoreJson(s: InstrumentScore): string {
  const v = s.value;
  let flags = '[';
  for (let i = 0; i < v.flags.length; i++) {
    const f = v.flags[i];
    if (!f) continue;
    flags += `${i === 0 ? '' : ','}{"id":${q(f.id)},"status":${q(f.status)}${f.item === undefined ? '' : `,"item":${q(f.item)}`}}`;
  }
  flags += ']';
  return (
    `{"total":${v.total},"index":${v.index?.value ?? null},"band":${q(v.band?.id ?? null)},"category":${q(v.category)},` +
    `"cutoffs":${idMap(
      v.cutoffs,
      (c) => c.id,
      (c) => c.positive,
    )},"subscales":${idMap(
      v.subscales,
      (x) => x.id,
      (x) => x.score,
    )},` +
    `"derived":${q(v.derived)},"flags":${flags},"missing":${q(v.missing)},"prorated":${v.prorated}${summaryJson(v)}}`
  );
}

/** Fields only some instruments have (total mean, positive items, screens, validity); empty for the others. */
function summaryJson(v: InstrumentScore['value']): string {
  let out = '';
  if (v.mean !== undefined) out += `,"mean":${v.mean}`;
  if (v.positiveItems !== undefined) out += `,"positiveItems":${q(v.positiveItems)}`;
  if (v.screens !== undefined) {
    out += `,"screens":${idMap(
      v.screens,
      (s) => s.id,
      (s) => s.positive,
    )}`;
  }
  if (v.validity !== undefined) out += `,"validity":${q(v.validity)}`;
  return out;
}

function personJson(p: Person): string {
  return JSON.stringify({
    sex: p.sex,
    age: p.age,
    grade: p.grade,
    gradeYear: p.gradeYear,
    class: p.class,
    school: p.school,
  });
}

/** One results.json entry; no names, no answers. */
export function resultJson(row: RowResult, text: DecisionText, extras: RowExtras): string {
  const scores = row.scores.map((s) => `${JSON.stringify(s.instrument)}:${scoreJson(s)}`).join(',');
  const sheet = row.record.sheet === undefined ? '' : `"sheet":${JSON.stringify(row.record.sheet)},`;
  return (
    `{${sheet}"line":${row.record.line},"student":${JSON.stringify(extras.student)},"person":${personJson(row.person)},` +
    `"scores":{${scores}},"decision":"${text.id}","duplicateOf":${JSON.stringify(extras.duplicateOf)}}`
  );
}

/** The one-line reasons of a decision: what each fired rule says, and the level it set. */
export function decisionReasons(decision: Decision, lang: 'zh' | 'en'): string {
  return decision.fired
    .map((f) => `${f.description[lang]}${f.level ? ` → ${f.level}` : ''}`)
    .join(lang === 'zh' ? '；' : '; ');
}

/** The JSON fragment of a decision; computed once per distinct decision. */
export function decisionJson(decision: Decision, explanation: string): string {
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
