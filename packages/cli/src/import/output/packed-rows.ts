import { type RowPart, type RowText, SharedText } from './row-text.ts';

/**
 * Result rows packed for the writer thread (result-writer.ts): numbers in one Float64Array, handed over without a
 * copy, and the rows' own texts (student ids, new score texts) in one string, each by its length among the numbers:
 * one string clones in a single copy, where an array of a million short ones cost the main thread a few hundred ms
 * per million rows in postMessage. Texts many rows share go once, by id, the first time a row uses them; the thread
 * keeps them until told to forget.
 */
export interface PackedBatch {
  /** The thread forgets the texts it holds before this batch. */
  readonly reset: boolean;
  /**
   * For each row: flags (below), line, the ids of its person (csv, json) and decision (csv, reasons, json) texts,
   * its count of scores, the lengths of its sheet, student and duplicate (as the flags say), then two ids per score
   * (−1: that text is the row's own, in `strings`, its length next).
   */
  readonly numbers: Float64Array<ArrayBuffer>;
  /** In row order, one after another: the sheet, the student, the duplicate, and the rows' own score texts. */
  readonly strings: string;
  readonly texts: readonly { readonly id: number; readonly text: string }[];
  readonly rejections: readonly string[];
}

const SHEET = 1;
const STUDENT = 2;
const DUPLICATE = 4;
const OWN_TEXT = -1;

/** Packs rows until {@link take}n. */
export class RowPacker {
  private numbers: Float64Array<ArrayBuffer> = new Float64Array(1 << 14);
  private length = 0;
  private strings: string[] = [];
  private texts: { id: number; text: string }[] = [];
  private rejections: string[] = [];
  private reset = false;
  /** Texts the thread holds: all those sent since the last reset. */
  private generation = {};
  private held = 0;

  /** @param maxHeld texts the thread may hold: past it, it forgets them all and rows send again those they use */
  constructor(private readonly maxHeld: number) {}

  get empty(): boolean {
    return this.length === 0 && this.rejections.length === 0;
  }

  row(row: RowText): void {
    const flags = (row.sheet === undefined ? 0 : SHEET) | (row.student === null ? 0 : STUDENT);
    this.push(flags | (row.duplicateOf === null ? 0 : DUPLICATE));
    this.push(row.line);
    this.push(this.text(row.person.csv));
    this.push(this.text(row.person.json));
    this.push(this.text(row.decision.csv));
    this.push(this.text(row.decision.reasons));
    this.push(this.text(row.decision.json));
    this.push(row.scores.length);
    if (row.sheet !== undefined) this.own(row.sheet);
    if (row.student !== null) this.own(row.student);
    if (row.duplicateOf !== null) this.own(row.duplicateOf);
    for (const score of row.scores) {
      this.part(score.csv);
      this.part(score.json);
    }
  }

  rejection(line: string): void {
    this.rejections.push(line);
  }

  /** The batch so far, and a fresh one begun. */
  take(): PackedBatch {
    const batch: PackedBatch = {
      reset: this.reset,
      numbers: this.numbers.slice(0, this.length),
      strings: this.strings.join(''),
      texts: this.texts,
      rejections: this.rejections,
    };
    this.length = 0;
    this.strings = [];
    this.texts = [];
    this.rejections = [];
    this.reset = this.held >= this.maxHeld;
    if (this.reset) {
      this.generation = {};
      this.held = 0;
    }
    return batch;
  }

  private part(part: RowPart): void {
    if (typeof part === 'string') {
      this.push(OWN_TEXT);
      this.own(part);
    } else this.push(this.text(part));
  }

  /** A text of the row's own: its length among the numbers, its characters after those before it. */
  private own(text: string): void {
    this.push(text.length);
    this.strings.push(text);
  }

  /** The id of a shared text, sent with this batch the first time. */
  private text(shared: SharedText): number {
    if (shared.sentTo !== this.generation) {
      shared.sentTo = this.generation;
      this.held++;
      this.texts.push({ id: shared.id, text: shared.text });
    }
    return shared.id;
  }

  private push(value: number): void {
    if (this.length === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length++] = value;
  }
}

/** The rows of a batch, in order, with the texts the thread holds (updated from the batch). */
export function* unpackRows(batch: PackedBatch, held: Map<number, SharedText>): Generator<RowText> {
  if (batch.reset) held.clear();
  for (const { id, text } of batch.texts) held.set(id, new SharedText(text, id));
  const { numbers, strings } = batch;
  const shared = (id: number) => held.get(id) as SharedText;
  let n = 0;
  let at = 0;
  const own = (): string => {
    const from = at;
    at += numbers[n++] as number;
    return strings.slice(from, at);
  };
  const part = (): RowPart => {
    const id = numbers[n++] as number;
    return id === OWN_TEXT ? own() : shared(id);
  };
  while (n < numbers.length) {
    const flags = numbers[n++] as number;
    const line = numbers[n++] as number;
    const person = { csv: shared(numbers[n++] as number), json: shared(numbers[n++] as number) };
    const decision = {
      csv: shared(numbers[n++] as number),
      reasons: shared(numbers[n++] as number),
      json: shared(numbers[n++] as number),
    };
    const count = numbers[n++] as number;
    const sheet = flags & SHEET ? own() : undefined;
    const student = flags & STUDENT ? own() : null;
    const duplicateOf = flags & DUPLICATE ? own() : null;
    const scores: { csv: RowPart; json: RowPart }[] = [];
    for (let k = 0; k < count; k++) {
      const csv = part();
      scores.push({ csv, json: part() });
    }
    yield { sheet, line, student, duplicateOf, person, scores, decision };
  }
}
