/**
 * A result row as the files get it: the parts many rows share (person cells, each score, the decision) as
 * {@link SharedText}, encoded once, and the few values of the row itself. Plain data, so a row can be written here or
 * handed to the writer thread (see result-writer.ts) as numbers and strings.
 */

/** Where encoded rows go: text, and text encoded once and written many times. */
export interface TextSink {
  write(text: string): void;
  writeBytes(bytes: Uint8Array): void;
}

import { csvCell } from './csv-cell.ts';

let nextId = 0;

/** Text that many rows share: encoded once; its `id` names it to a writer in another thread. */
export class SharedText {
  private encoded: Uint8Array | undefined;
  /** The writer thread that has it already (see result-output.ts). */
  sentTo: object | undefined;

  constructor(
    readonly text: string,
    readonly id = nextId++,
  ) {}

  get bytes(): Uint8Array {
    this.encoded ??= Buffer.from(this.text, 'utf8');
    return this.encoded;
  }
}

/** A part of a row: shared, or this row's own text (a result seen once). */
export type RowPart = SharedText | string;

export interface RowText {
  /** Workbooks: the sheet's name; undefined for a CSV file. */
  readonly sheet: string | undefined;
  readonly line: number;
  /** The student id (or pseudonym), null without one. */
  readonly student: string | null;
  /** `line` or `sheet:line` of the first row with the same student id. */
  readonly duplicateOf: string | null;
  /** `,` and the person cells; `{…},"scores":{` of results.json. */
  readonly person: { readonly csv: SharedText; readonly json: SharedText };
  /** Each instrument in file order: `,` and its cells; its `"id":{…}` of results.json. */
  readonly scores: readonly { readonly csv: RowPart; readonly json: RowPart }[];
  /** `,` and the decision cells; `,` the reasons and the line end; `},"decision":"d1","duplicateOf":`. */
  readonly decision: { readonly csv: SharedText; readonly reasons: SharedText; readonly json: SharedText };
}

const COMMA = new SharedText(',');

function put(out: TextSink, part: RowPart): void {
  if (typeof part === 'string') out.write(part);
  else out.writeBytes(part.bytes);
}

/** One results.csv line: in `resultHeader` order (result-files.ts). */
export function writeCsvRow(out: TextSink, row: RowText): void {
  out.write(`${row.sheet === undefined ? '' : `${csvCell(row.sheet)},`}${row.line},${csvCell(row.student)}`);
  out.writeBytes(row.person.csv.bytes);
  out.writeBytes(row.decision.csv.bytes);
  for (const score of row.scores) put(out, score.csv);
  out.write(`,${csvCell(row.duplicateOf)}`);
  out.writeBytes(row.decision.reasons.bytes);
}

/** One results.json entry; no names, no answers. */
export function writeJsonRow(out: TextSink, row: RowText): void {
  const sheet = row.sheet === undefined ? '' : `"sheet":${JSON.stringify(row.sheet)},`;
  out.write(`{${sheet}"line":${row.line},"student":${JSON.stringify(row.student)},"person":`);
  out.writeBytes(row.person.json.bytes);
  row.scores.forEach((score, i) => {
    if (i > 0) out.writeBytes(COMMA.bytes);
    put(out, score.json);
  });
  out.writeBytes(row.decision.json.bytes);
  out.write(`${JSON.stringify(row.duplicateOf)}}`);
}
