import type { InstrumentDefinition } from '@triage/scales';
import type { Column } from './columns.ts';
import { namesInstrument } from './instrument-names.ts';
import { instrumentsOfRuns, runFits } from './numbered-runs.ts';

/*
 * 问卷星's "按选项文本" download writes a matrix question (矩阵量表题) as one column per row of the matrix, headed
 * `<question number>、<stem>—<row text>`: `6、最近一周，你有多少时候出现以下情况？—我觉得闷闷不乐，情绪低沉`, then
 * the same stem over each next row. The question number is the same in every column, so it is no item number: the
 * columns are the question's rows 1, 2, 3 … in order, and they are read as an instrument's numbered items 1 … n only
 * when one instrument is certain (see `matrixInstruments`). A wrong instrument is a wrong score: no guess is made.
 */

/** Between stem and row: 问卷星's em dash first; `-` (also `－` after NFKC) and `_` from hand edits. */
const SEPARATORS = ['—', '-', '_'] as const;
const NUMBERED = /^(\d+)\s*[、.]\s*(.+)$/s;

/** A matrix question of a header row: its number, its stem as written, and its columns (rows 1 … n in order). */
export interface Matrix {
  readonly question: number;
  readonly stem: string;
  readonly columns: readonly Column[];
}

function split(header: string, separator: string): { question: number; stem: string } | null {
  const match = NUMBERED.exec(header.normalize('NFKC').trim());
  const body = match?.[2];
  if (!match || body === undefined) return null;
  const at = body.lastIndexOf(separator);
  if (at <= 0 || body.slice(at + separator.length).trim() === '') return null;
  return { question: Number(match[1]), stem: body.slice(0, at).trim() };
}

const sameQuestion = (a: { question: number; stem: string } | null, b: { question: number; stem: string }) =>
  a !== null && a.question === b.question && a.stem.toLowerCase() === b.stem.toLowerCase();

/**
 * The matrix questions of a header row: runs of two or more consecutive columns with the same question number and the
 * same stem before the last separator. The em dash is tried first; another separator only where it makes a run.
 */
export function matrices(headers: readonly string[]): Matrix[] {
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
      found.push({ ...head, columns });
      next = end;
      break;
    }
    i = next;
  }
  return found;
}

/** The one instrument among `candidates` that a matrix's stem names, if exactly one does. */
export function stemInstrument(
  matrix: Matrix,
  candidates: readonly InstrumentDefinition[],
): InstrumentDefinition | undefined {
  const named = candidates.filter((d) => namesInstrument(matrix.stem, d));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Each matrix's instrument, as numbered runs are read (see numbered-runs.ts): the only one of `preferred` (instruments
 * the file names elsewhere, such as PHQ-A by its `PHQ-A a` … `d` columns), else of `candidates`, with as many numbered
 * items as the matrix has rows; undefined for a matrix that none or several fit, or whose instrument another took.
 */
export function matrixInstruments(
  matrices: readonly Matrix[],
  candidates: readonly InstrumentDefinition[],
  preferred: readonly InstrumentDefinition[],
): (InstrumentDefinition | undefined)[] {
  const chosen = matrices.map((m) => {
    const run = m.columns.map((c, row) => ({ ...c, item: String(row + 1) }));
    return instrumentsOfRuns([run], preferred)?.[0] ?? instrumentsOfRuns([run], candidates)?.[0];
  });
  return chosen.map((d) => (chosen.filter((other) => other === d).length === 1 ? d : undefined));
}

/** Ids of the instruments with as many numbered items as the matrix has rows: what `--instrument` would read it. */
export const matrixFits = (matrix: Matrix, candidates: readonly InstrumentDefinition[]): string[] =>
  candidates.filter((d) => runFits(matrix.columns.length, d)).map((d) => d.id);
