import type { InstrumentDefinition } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';
import type { Column, MapOptions, MappingIssue } from './columns.ts';
import { collect, type Found, lacksNumberedItems } from './found-items.ts';
import { namesInstrument } from './instrument-names.ts';
import { instrumentsOfRuns, runFits } from './numbered-runs.ts';
import { personFieldOfHeader } from './person-header.ts';

/*
 * 问卷星's "按选项文本" download writes a matrix question (矩阵量表题) as one column per row of the matrix, headed
 * `<question number>、<stem>—<row text>`: `6、最近一周，你有多少时候出现以下情况？—我觉得闷闷不乐，情绪低沉`, then
 * the same stem over each next row. The question number is the same in every column, so it is no item number: the
 * columns are the question's rows 1, 2, 3 … in order, and they are read as an instrument's numbered items 1 … n only
 * when one instrument is certain (see `matrixInstruments`). A wrong instrument is a wrong score: no guess is made.
 */

/*
 * Some downloads write the rows as `<question number>、(<row>)<row text>` instead: `5、(1)我觉得闷闷不乐`, `5、(2)…`, or
 * `5(我觉得闷闷不乐)`, without the stem. The same question number over two or more such columns is a matrix too, with
 * no stem to name its instrument.
 */
const ROW_IN_BRACKETS = /^(\d+)\s*[、.]?\s*[(（]\s*([^)）]+?)\s*[)）]/;

/** Between stem and row: 问卷星's em dash first; `-` (also `－` after NFKC) and `_` from hand edits. */
const SEPARATORS = ['—', '-', '_'] as const;
const NUMBERED = /^(\d+)\s*[、.]\s*(.+)$/s;

/** A matrix question of a header row: its number, its stem as written, and its columns (rows 1 … n in order). */
export interface Matrix {
  readonly question: number;
  readonly stem: string;
  readonly columns: readonly Column[];
}

/**
 * A header's question number and what comes before its first separator. The row text may hold the separator too (the
 * standard Chinese PHQ-9 item 8 reads `…或正好相反——烦躁…`), so the first one is the stem's end, never the last; a stem
 * that holds it itself (`PHQ-9：…`) holds it in every row, so the rows still agree (see `commonStem`).
 */
function split(header: string, separator: string): { question: number; stem: string; body: string } | null {
  const match = NUMBERED.exec(header.normalize('NFKC').trim());
  const body = match?.[2];
  if (!match || body === undefined) return null;
  const at = body.indexOf(separator);
  if (at <= 0 || body.slice(at + separator.length).trim() === '') return null;
  return { question: Number(match[1]), stem: body.slice(0, at).trim(), body };
}

/**
 * The stem of a matrix's rows: their common beginning, up to its last separator (`PHQ-9：在过去两周里…？` whether the
 * stem holds a `-` or not).
 */
function commonStem(bodies: readonly string[], separator: string, first: string): string {
  let common = bodies[0] ?? '';
  for (const b of bodies) {
    let n = 0;
    while (n < common.length && n < b.length && common[n] === b[n]) n++;
    common = common.slice(0, n);
  }
  const at = common.lastIndexOf(separator);
  return at > 0 ? common.slice(0, at).trim() : first;
}

type Split = { question: number; stem: string };
const sameQuestion = (a: Split | null, b: Split) =>
  a !== null && a.question === b.question && a.stem.toLowerCase() === b.stem.toLowerCase();

/**
 * The matrix questions of a header row: runs of two or more consecutive columns with the same question number and the
 * same stem before the first separator. The em dash is tried first; another separator only where it makes a run.
 */
function matrices(headers: readonly string[]): Matrix[] {
  const found: Matrix[] = [];
  let i = 0;
  while (i < headers.length) {
    let next = i + 1;
    for (const separator of SEPARATORS) {
      const head = split(headers[i] ?? '', separator);
      if (head === null) continue;
      let end = i + 1;
      while (end < headers.length && sameQuestion(split(headers[end] ?? '', separator), head)) end++;
      if (end - i < 2) continue;
      const columns = headers.slice(i, end).map((header, k) => ({ index: i + k, header }));
      const bodies = columns.map((c) => split(c.header, separator)?.body ?? '');
      found.push({ question: head.question, stem: commonStem(bodies, separator, head.stem), columns });
      next = end;
      break;
    }
    if (next === i + 1) {
      const rows = bracketRows(headers, i);
      if (rows) {
        found.push(rows);
        next = i + rows.columns.length;
      }
    }
    i = next;
  }
  return found;
}

/**
 * The matrix whose rows start at column `start` written `5、(1)…`, `5、(2)…` (see ROW_IN_BRACKETS), or null. Rows numbered
 * in brackets must count 1, 2, 3 … in order: a numbering that skips or goes back is not read as rows in order.
 */
function bracketRows(headers: readonly string[], start: number): Matrix | null {
  const rowOf = (header: string) => ROW_IN_BRACKETS.exec(header.normalize('NFKC').trim());
  const rows: RegExpExecArray[] = [];
  for (let i = start; i < headers.length; i++) {
    const row = rowOf(headers[i] ?? '');
    if (!row || (rows[0] && row[1] !== rows[0][1])) break;
    rows.push(row);
  }
  if (rows.length < 2) return null;
  const labels = rows.map((r) => r[2] ?? '');
  // 2、(1)年级, 2、(2)班级: person questions asked as one, not a matrix of items.
  const texts = rows.map((r) => r.input.slice(r[0].length));
  if ([...labels, ...texts].some((t) => personFieldOfHeader(t) !== undefined)) return null;
  if (labels.some((l) => /^\d+$/.test(l)) && labels.some((l, k) => l !== String(k + 1))) return null;
  const columns = rows.map((_, k) => ({ index: start + k, header: headers[start + k] ?? '' }));
  return { question: Number(rows[0]?.[1]), stem: '', columns };
}

/** The one instrument among `candidates` that a matrix's stem names, if exactly one does. */
function stemInstrument(matrix: Matrix, candidates: readonly InstrumentDefinition[]): InstrumentDefinition | undefined {
  const stem = normalizeHeader(matrix.stem);
  const named = candidates.filter((d) => namesInstrument(stem, d));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Each matrix's instrument, as numbered runs are read (see numbered-runs.ts): the only one of `preferred` (instruments
 * the file names elsewhere, such as PHQ-A by its `PHQ-A a` … `d` columns), else of `candidates`, with as many numbered
 * items as the matrix has rows; undefined for a matrix that none or several fit, or whose instrument another took.
 */
function matrixInstruments(
  matrices: readonly Matrix[],
  candidates: readonly InstrumentDefinition[],
  preferred: readonly InstrumentDefinition[],
): (InstrumentDefinition | undefined)[] {
  const chosen = matrices.map((m) => {
    const run = m.columns.map((c, row) => ({ ...c, item: String(row + 1) }));
    return instrumentsOfRuns([run], preferred)?.[0] ?? instrumentsOfRuns([run], candidates)?.[0];
  });
  const times = new Map<InstrumentDefinition | undefined, number>();
  for (const d of chosen) times.set(d, (times.get(d) ?? 0) + 1);
  return chosen.map((d) => (times.get(d) === 1 ? d : undefined));
}

/** Ids of the instruments with as many numbered items as the matrix has rows: what `--instrument` would read it. */
const matrixFits = (matrix: Matrix, candidates: readonly InstrumentDefinition[]): string[] =>
  candidates.filter((d) => runFits(matrix.columns.length, d)).map((d) => d.id);

/** The matrix questions of a header row, found in the columns' own names under any group row. */
export function headerMatrices(headers: readonly string[], options: Pick<MapOptions, 'grouped'>): Matrix[] {
  const own = headers.map((header, index) => options.grouped?.[index]?.own ?? header);
  return matrices(own).map((m) => {
    const group = options.grouped?.[m.columns[0]?.index ?? 0]?.group;
    return {
      ...m,
      // A group row's name counts as the stem's (`PHQ-A` over `1、过去两周…—…`); messages show the header as written.
      stem: group === undefined ? m.stem : `${group} ${m.stem}`,
      columns: m.columns.map(({ index }) => ({ index, header: headers[index] ?? '' })),
    };
  });
}

/**
 * Reads each matrix as the items 1 … n of the one instrument its stem names, or else of the one instrument it can be
 * (see `matrixInstruments`); a matrix of an instrument not asked for is ignored. Matrices no instrument certainly reads
 * are issues, one each.
 */
export function readMatrices(
  list: readonly Matrix[],
  found: Map<string, Found>,
  ignored: Column[],
  options: Pick<MapOptions, 'candidates' | 'named' | 'known'>,
): MappingIssue[] {
  const known = options.known ?? options.candidates;
  const entry = (definition: InstrumentDefinition) => {
    const f = found.get(definition.id) ?? { definition, byItem: new Map(), unknown: [] };
    found.set(definition.id, f);
    return f;
  };
  const read = (definition: InstrumentDefinition, m: Matrix, first = 1) => {
    for (const [row, column] of m.columns.entries()) collect(entry(definition), column, String(first + row));
  };
  const unnamed: Matrix[] = [];
  const byStem = new Map<InstrumentDefinition, Matrix[]>();
  for (const m of list) {
    const named = stemInstrument(m, known);
    const asked = named && options.candidates.find((d) => d.id === named.id);
    if (asked) byStem.set(asked, [...(byStem.get(asked) ?? []), m]);
    else if (named) ignored.push(...m.columns);
    else unnamed.push(m);
  }
  for (const [definition, named] of byStem) {
    // One scale split over several matrices (SCL-90 as 第1–30题, 第31–60题, 第61–90题): numbered on, in column order,
    // when together they hold the scale's items; else each is items 1 … n, and duplicates are said as such.
    const rows = named.reduce((n, m) => n + m.columns.length, 0);
    let first = 1;
    for (const m of named) {
      read(definition, m, named.length > 1 && runFits(rows, definition) ? first : 1);
      first += m.columns.length;
    }
  }
  // Instruments found with their numbered items already are no matrix's; those found by a … d alone may be.
  const free = (d: InstrumentDefinition) => {
    const f = found.get(d.id);
    return f === undefined || lacksNumberedItems(f);
  };
  const preferred = options.named ? [] : [...found.values()].filter(lacksNumberedItems).map((f) => f.definition);
  const chosen = matrixInstruments(unnamed, options.candidates.filter(free), preferred);
  return unnamed.flatMap((m, i): MappingIssue[] => {
    const definition = chosen[i];
    if (definition) {
      read(definition, m);
      return [];
    }
    const first = m.columns[0] ?? { index: 0, header: '' };
    const last = m.columns.at(-1) ?? first;
    // With --instrument, only the named instruments are suggested: another with as many items is another instrument.
    const fits = matrixFits(m, options.named ? options.candidates : known);
    const named = options.named ? { named: options.candidates.map((d) => d.id) } : {};
    return [{ code: 'unread-matrix', question: m.question, first, last, rows: m.columns.length, fits, ...named }];
  });
}
