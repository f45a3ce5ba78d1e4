import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  compileRuleSet,
  createDecisionMemo,
  type Decision,
  explainDecision,
  type LevelScheme,
  type RuleSet,
} from '@triage/core';
import type { InstrumentDefinition, Lang, ScoreOptions } from '@triage/scales';
import { type MappingIssue, mapHeader, personFieldOfHeader, type SheetMapping } from './columns.ts';
import { IdRegistry, RowPlaces } from './id-registry.ts';
import { type Journal, journalPath } from './journal.ts';
import type { MappingFile } from './mapping-file.ts';
import { importMessages } from './messages.ts';
import { csvLine } from './output/csv-cell.ts';
import { OUTPUT_FILES, ResultFiles, type ResultLayout } from './output/result-files.ts';
import { openResultOutput, type ResultOutput } from './output/result-output.ts';
import { personReader, personSchema } from './person.ts';
import { pseudonymOf } from './pseudonym.ts';
import { readJournal } from './read-journal.ts';
import {
  instrumentPlans,
  type RowContext,
  RowDecisions,
  type RowRejection,
  readRow,
  type SourceRecord,
} from './read-row.ts';
import { rejectionCells } from './rejection-cells.ts';
import { type DecisionText, describeDecision, rowText } from './result-cells.ts';
import { openSource, type Source, type SourceOptions } from './source.ts';
import { IdShapes, Tally } from './tally.ts';

export interface ImportOptions extends SourceOptions {
  readonly file: string;
  readonly out: string;
  readonly lang: Lang;
  /** `--instrument`: only these, and unprefixed item headers belong to them. Empty: detect. */
  readonly instruments: readonly InstrumentDefinition[];
  readonly mapping?: MappingFile | undefined;
  readonly ruleSet: RuleSet;
  readonly score: ScoreOptions;
  /** Key for pseudonyms: always used for what the terminal shows; in files only with `pseudonymize`. */
  readonly key: Buffer;
  readonly pseudonymize: boolean;
  readonly dryRun: boolean;
  readonly resume: boolean;
  /** What changes results beyond the input (mapping file text, rules …): part of the journal's identity. */
  readonly fingerprint: string;
  /** Set when the user interrupts: the import checkpoints and stops at the next batch. */
  readonly interrupt: { readonly requested: boolean };
  /** Asked when a sheet's header cannot be mapped; may return a mapping (interactive prompt). */
  readonly resolveMapping?: (
    sheet: string | null,
    headers: readonly string[],
    issues: readonly MappingIssue[],
  ) => Promise<SheetMapping | undefined>;
  readonly note: (message: string, level?: 'info' | 'warning') => void;
  /** Called once the file is open and mapped, before any row is read: say how it is read. */
  readonly onStart?: (source: Source, mappings: ReadonlyMap<string | null, SheetMapping | null>) => void;
  /** Called after every batch with the rows read so far and the file's size in bytes (for a progress line). */
  readonly onProgress?: (rows: number) => void;
}

/** A header row that cannot be mapped: the import cannot start. */
export class MappingError extends Error {
  constructor(
    readonly problems: readonly { readonly sheet: string | null; readonly issues: readonly MappingIssue[] }[],
    /** The delimiter a CSV file was split by: a wrong one leaves no columns to recognise. */
    readonly delimiter?: string,
  ) {
    super('mapping');
  }
}

/** The file (or every sheet asked for) has no non-blank line at all. */
export class EmptySourceError extends Error {
  constructor() {
    super('empty');
  }
}

/** The import folder holds another file's results, or there is nothing to resume: a usage problem. */
export class OutDirError extends Error {
  constructor(
    readonly code: 'other-file' | 'nothing-to-resume' | 'changed-since',
    readonly detail: string,
  ) {
    super(code);
  }
}

export interface ImportOutcome {
  readonly status: 'complete' | 'interrupted' | 'dry-run';
  readonly source: Source;
  readonly sha256: string;
  readonly mappings: ReadonlyMap<string | null, SheetMapping | null>;
  readonly counts: { rows: number; scored: number; rejected: number; blankRows: number; duplicateIds: number };
  readonly tally: Tally;
  readonly rejectedWithRisk: number;
  readonly strippedZeros: ReturnType<IdShapes['strippedZeros']>;
  readonly duplicateLines: readonly string[];
  readonly instruments: readonly InstrumentDefinition[];
  readonly explain: (decision: Decision) => string;
  readonly levels: LevelScheme;
  readonly ruleSetRef: { readonly id: string; readonly version: string; readonly hash: string };
  /** Per instrument: the answers look coded one lower or one higher than the instrument's own coding. */
  readonly codingHints: readonly {
    readonly instrument: string;
    readonly looks: 'one-based' | 'zero-based';
    /** Answers one past the other end. */
    readonly rows: number;
  }[];
  readonly resumedAfter: number;
  readonly files: readonly string[];
}

/** Records between checkpoints; small enough that an interrupted import loses little, big enough to cost nothing. */
const CHECKPOINT_RECORDS = 50_000;
const CHECKPOINT_MS = 2000;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const isBlank = (r: SourceRecord) => r.fields.every((f) => f.trim() === '');

/** Non-blank lines a header may sit under (a title, a date, notes): the first of them that maps is the header. */
const LINES_ABOVE_HEADER = 10;

/** A sheet's header row, and how many non-blank lines above it were skipped (a title row, notes). */
interface HeaderRow {
  /** The header's (last) line: data starts below it. */
  readonly line: number;
  readonly fields: readonly string[];
  readonly above: number;
  /** A header of two rows, a group row over the column names: the group row's line. */
  readonly from?: number;
}

/**
 * Two header rows as one: each column's group name and its own name (`PHQ-A` over `1` → `PHQ-A 1`), one name where
 * they are the same (a person column merged down both rows) or one is blank. A group name stands over the columns to
 * its right until the next one, as Excel's merged cells (and "centre across") come out in a CSV: `PHQ-A,,,` over
 * `1,2,3`. A person column's own name is never prefixed (`基本信息` over `学号` is `学号`). Undefined when the rows
 * cannot be a header (no name at all).
 */
function joinHeaderRows(group: readonly string[], names: readonly string[], short = false): string[] | undefined {
  const width = Math.max(group.length, names.length);
  const joined: string[] = [];
  let over = '';
  for (let i = 0; i < width; i++) {
    const text = (group[i] ?? '').trim();
    const own = short ? shortName(text) : text;
    if (own !== '') over = own;
    const b = (names[i] ?? '').trim();
    const a = own !== '' || b === '' ? own : over;
    joined.push(a === b || b === '' ? a : a === '' || personFieldOfHeader(b) ? b : `${a} ${b}`);
  }
  return joined.some((h) => h !== '') ? joined : undefined;
}

/**
 * The short name in a group name: `GAD-7` of `GAD-7 广泛性焦虑量表`, `SCL-90症状自评量表` or `广泛性焦虑量表（GAD-7）`;
 * else the name as it is.
 */
function shortName(group: string): string {
  const name = '[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*';
  const lead = new RegExp(`^(${name})(?![A-Za-z0-9])`).exec(group);
  const inParens = new RegExp(`[(（]\\s*(${name})\\s*[)）]`).exec(group);
  return lead?.[1] ?? inParens?.[1] ?? group;
}

/**
 * The header of every sheet, read before any output is written: the first of its first non-blank records that
 * `maps`, so a title row above the header ("某某中学心理健康筛查", merged across the columns in Excel) is skipped; when
 * none maps, the first non-blank record, whose mapping problems are then reported.
 */
export async function headersOf(
  source: Source,
  maps: (fields: readonly string[]) => boolean,
): Promise<Map<string | null, HeaderRow>> {
  const headers = new Map<string | null, HeaderRow>();
  // A workbook's sheets one at a time: reaching sheet 3's header then skips sheets 1 and 2 undecoded instead of
  // parsing every row of them (exceljs parses ~10k rows/s).
  const passes = source.kind === 'xlsx' ? source.sheets.map((sheet) => [sheet]) : [undefined];
  for (const sheets of passes) {
    const seen: SourceRecord[] = [];
    outer: for await (const batch of source.read(sheets)) {
      for (const record of batch) {
        if (isBlank(record)) continue;
        seen.push(record);
        if (maps(record.fields)) {
          headers.set(record.sheet ?? null, { line: record.line, fields: record.fields, above: seen.length - 1 });
          break outer;
        }
        // A group row over the column names ("PHQ-A" merged across its items, then 1, 2, 3 …): read as one header.
        const group = seen[seen.length - 2];
        // As written, then with each group named by its short name (`GAD-7 广泛性焦虑量表` → `GAD-7`).
        const joined =
          group &&
          [false, true]
            .map((short) => joinHeaderRows(group.fields, record.fields, short))
            .find((fields) => fields !== undefined && maps(fields));
        if (group && joined) {
          const header = { line: record.line, fields: joined, above: seen.length - 2, from: group.line };
          headers.set(record.sheet ?? null, header);
          break outer;
        }
        if (seen.length > LINES_ABOVE_HEADER) break outer;
      }
    }
    const first = seen[0];
    if (first && !headers.has(first.sheet ?? null)) {
      headers.set(first.sheet ?? null, { line: first.line, fields: first.fields, above: 0 });
    }
  }
  return headers;
}

/**
 * The instruments a header may hold: those of `--instrument`, else those the mapping file names, else every one.
 * `named`: the user chose them, so unprefixed item headers (`Q1`, `第1题`) belong to them.
 */
export function instrumentCandidates(
  options: Pick<ImportOptions, 'instruments' | 'mapping'>,
  all: readonly InstrumentDefinition[],
): { candidates: readonly InstrumentDefinition[]; named: boolean } {
  const fromMap = options.mapping?.instruments ?? [];
  if (options.instruments.length > 0) return { candidates: options.instruments, named: true };
  if (fromMap.length > 0) return { candidates: fromMap, named: true };
  return { candidates: all, named: false };
}

function mapSheet(header: readonly string[], options: ImportOptions, all: readonly InstrumentDefinition[]) {
  const { candidates, named } = instrumentCandidates(options, all);
  return mapHeader(header, { candidates, named, ...(options.mapping ? { explicit: options.mapping.columns } : {}) });
}

function mapSheets(
  headers: Map<string | null, HeaderRow>,
  options: ImportOptions,
  all: readonly InstrumentDefinition[],
): { mappings: Map<string | null, SheetMapping | MappingIssue[]> } {
  const mappings = new Map<string | null, SheetMapping | MappingIssue[]>();
  for (const [sheet, header] of headers) {
    const mapped = mapSheet(header.fields, options, all);
    mappings.set(sheet, mapped.ok ? mapped.value : [...mapped.error]);
  }
  return { mappings };
}

const sameInstruments = (a: SheetMapping, b: SheetMapping) =>
  a.instruments.map((i) => i.definition.id).join() === b.instruments.map((i) => i.definition.id).join();

/**
 * The import pipeline: read → map → validate → score → triage → files. Every data row ends up in results or in
 * errors. Output files are written as `*.partial` with checkpoints in a journal, so an interrupted import resumes where
 * it was, and a completed one is renamed into place at the end.
 */
export async function runImport(options: ImportOptions, all: readonly InstrumentDefinition[]): Promise<ImportOutcome> {
  const text = importMessages(options.lang);
  const size = statSync(options.file).size;
  const sha256 = await sha256Of(options.file);
  const file = basename(options.file);
  const source = await openSource(options.file, options);

  // Map every sheet first: a file whose header cannot be read stops here, before anything is written.
  const headers = await headersOf(source, (fields) => mapSheet(fields, options, all).ok);
  if (headers.size === 0) throw new EmptySourceError();
  for (const [sheet, header] of headers) {
    const where = sheet === null ? options.file : `${options.file} [${sheet}]`;
    if (header.above > 0) options.note(text.linesAboveHeader(where, header.from ?? header.line, header.above));
    if (header.from !== undefined) options.note(text.twoRowHeader(where, header.from, header.line));
  }
  const { mappings: raw } = mapSheets(headers, options, all);
  for (const [sheet, result] of raw) {
    if (!Array.isArray(result) || !options.resolveMapping) continue;
    const resolved = await options.resolveMapping(sheet, headers.get(sheet)?.fields ?? [], result);
    if (resolved) raw.set(sheet, resolved);
  }
  const mapped = [...raw.values()].filter((m): m is SheetMapping => !Array.isArray(m));
  const first = mapped[0];
  if (!first) {
    const problems = [...raw].map(([sheet, issues]) => ({ sheet, issues: issues as MappingIssue[] }));
    throw new MappingError(problems, source.kind === 'csv' ? source.dialect.delimiter : undefined);
  }
  const mappings = new Map<string | null, SheetMapping | null>();
  for (const [sheet, m] of raw) mappings.set(sheet, !Array.isArray(m) && sameInstruments(m, first) ? m : null);
  const instruments = first.instruments.map((i) => i.definition);
  options.onStart?.(source, mappings);

  // The output folder: resume, replace, or refuse.
  const journal = readJournal(options.out);
  const resuming = options.resume ? checkResume(journal, options, sha256) : undefined;
  if (!options.resume && journal && journal.input.file !== file) {
    throw new OutDirError('other-file', journal.input.file);
  }
  const layout: ResultLayout = {
    instruments,
    sheets: source.kind === 'xlsx',
    pseudonymize: options.pseudonymize,
    // errors.csv repeats rejected rows under the header of the first sheet that mapped (most rows are its kind).
    sourceHeader: headers.get([...mappings].find(([, m]) => m !== null)?.[0] ?? null)?.fields ?? [],
  };
  const meta = {
    file,
    sha256,
    size,
    instruments: instruments.map((d) => ({ id: d.id, version: d.version })),
    ruleSet: { id: options.ruleSet.id, version: options.ruleSet.version },
    pseudonymized: options.pseudonymize,
  };
  let files: ResultOutput | undefined;
  if (!options.dryRun) {
    let opened: ResultFiles;
    if (resuming) opened = ResultFiles.resume(options.out, resuming.sizes, resuming.jsonRows);
    else {
      // A fresh run: an older import's results must not sit beside this one's partial files looking current.
      ResultFiles.discardPartial(options.out);
      ResultFiles.discardComplete(options.out);
      opened = ResultFiles.create(options.out, layout, meta);
    }
    files = openResultOutput(opened, options.out, { inputBytes: size });
  }
  const skip = resuming?.records ?? 0;
  if (resuming) options.note(text.resumed(skip));

  const memo = createDecisionMemo(options.ruleSet);
  const compiled = compileRuleSet(options.ruleSet);
  const levels = compiled.levels;
  // Decisions by identity (the memo hands out one object per distinct decision, most of the time), and by content:
  // the memo may make a second, equal object (facts read in another way, a cache emptied at capacity), which must get
  // the same id, not a second entry in results.json's decisions table.
  const texts = new WeakMap<Decision, DecisionText>();
  const textsByContent = new Map<string, DecisionText>();
  const explain = (decision: Decision) => describe(decision).explanation;
  function describe(decision: Decision): DecisionText {
    let t = texts.get(decision);
    if (t) return t;
    const content = JSON.stringify(decision);
    t = textsByContent.get(content);
    if (!t) {
      const explanation = explainDecision(decision, options.lang, levels);
      const levelName = decision.level ? levels[decision.level].name[options.lang] : '';
      t = describeDecision(decision, `d${textsByContent.size + 1}`, levelName, explanation, options.lang);
      textsByContent.set(content, t);
    }
    texts.set(decision, t);
    return t;
  }

  const schema = personSchema({
    idRequired: true,
    ...(options.mapping ? { sex: options.mapping.sex } : {}),
  });
  // Item answers go into the facts only for instruments whose items some rule reads (C-SSRS item 2, say).
  const paths = compiled.rules.flatMap((r) => r.readers.map((reader) => reader.fact));
  const readsItems = (id: string) => paths.some((p) => p.startsWith(`scales.${id}.items`));
  const contexts = new Map<string | null, RowContext | null>();
  for (const [sheet, mapping] of mappings) {
    contexts.set(
      sheet,
      mapping && {
        mapping,
        decisions: new RowDecisions(),
        person: mapping.person.studentId
          ? personReader(schema, { idRequired: true })
          : personReader(
              personSchema({ idRequired: false, ...(options.mapping ? { sex: options.mapping.sex } : {}) }),
              {
                idRequired: false,
              },
            ),
        memo,
        plans: instrumentPlans(mapping, options.score, readsItems),
        strictWidth: source.kind === 'csv',
      },
    );
  }

  const tally = new Tally();
  const ids = new IdRegistry();
  const counts = { rows: 0, scored: 0, rejected: 0, blankRows: 0, duplicateIds: 0 };
  const duplicateLines: string[] = [];
  let rejectedWithRisk = 0;
  const where = (sheet: string | null, line: number) => (sheet === null ? String(line) : `${sheet}:${line}`);
  const shapes = new IdShapes(where);
  const places = new RowPlaces([...mappings.keys()]);

  const written: string[] = [];
  let index = 0;
  let sinceCheckpoint = 0;
  let lastCheckpoint = Date.now();
  const draft = () => ({ input: { file, size, sha256 }, options: options.fingerprint, records: index });
  const checkpoint = async (status: 'running' | 'interrupted') => {
    if (!files) return;
    if (status === 'interrupted') await files.suspend(draft());
    else await files.checkpoint(draft());
    sinceCheckpoint = 0;
    lastCheckpoint = Date.now();
  };
  const reject = (rejection: RowRejection, write: boolean) => {
    counts.rejected++;
    if (rejection.riskSignal) rejectedWithRisk++;
    if (!write || !files) return;
    const shown = options.pseudonymize
      ? withoutIdentity(rejection, mappings.get(rejection.record.sheet ?? null), options.key)
      : rejection;
    files.writeRejection(csvLine(rejectionCells(shown, layout, options.lang, instruments)));
  };

  try {
    let reserved = false;
    for await (const batch of source.read()) {
      if (!reserved) {
        reserved = true;
        // A tenth more than the guess: running out near the end would double the table (old and new at once).
        ids.reserve(Math.ceil(expectedRows(batch, size) * 1.1));
      }
      for (const record of batch) {
        const write = index >= skip;
        index++;
        sinceCheckpoint++;
        const sheet = record.sheet ?? null;
        if (isBlank(record)) {
          counts.blankRows++;
          continue;
        }
        // The header, and the title or notes above it (said when the file was opened): not student rows.
        if (record.line <= (headers.get(sheet)?.line ?? 0)) continue;
        counts.rows++;
        const context = contexts.get(sheet);
        if (!context) {
          reject(
            { ok: false, record, issues: [{ code: 'IMPORT_SHEET_UNMAPPED', expected: '' }], riskSignal: false },
            write,
          );
          continue;
        }
        const row = readRow(record, context);
        if (!row.ok) {
          reject(row, write);
          continue;
        }
        counts.scored++;
        const id = row.person.studentId;
        let duplicateOf: string | null = null;
        if (id !== null) {
          const firstPlace = ids.add(id, places.of(sheet, record.line));
          if (firstPlace !== 0) {
            counts.duplicateIds++;
            duplicateOf = where(places.sheet(firstPlace), places.line(firstPlace));
            if (duplicateLines.length < 3) duplicateLines.push(where(sheet, record.line));
          }
          shapes.add(id, sheet, record.line);
        }
        // A keyed hash costs more than the rest of the row: made only where it is shown (follow-up list) or written.
        const shown = tally.keeps(row.decision.level) || options.pseudonymize;
        const pseudonym = id === null || !shown ? null : pseudonymOf(options.key, id);
        tally.add(row, pseudonym);
        // Described for every row, written or not: decision ids follow first appearance, also when resuming.
        const t = describe(row.decision);
        if (write && files) {
          const extras = { student: options.pseudonymize ? pseudonym : id, duplicateOf };
          files.writeRow(rowText(row, instruments, t, extras, layout.sheets));
        }
      }
      await files?.endBatch();
      options.onProgress?.(counts.rows);
      if (options.interrupt.requested) {
        await checkpoint('interrupted');
        return outcome('interrupted');
      }
      if (index > skip && (sinceCheckpoint >= CHECKPOINT_RECORDS || Date.now() - lastCheckpoint > CHECKPOINT_MS)) {
        await checkpoint('running');
      }
    }

    if (files) {
      const summary = { ...counts, rejectedWithRisk, levels: tally.levels };
      await files.complete([...textsByContent.values()], summary, draft());
      written.push(OUTPUT_FILES.results, OUTPUT_FILES.json, OUTPUT_FILES.errors);
    }
  } catch (error) {
    // A writer thread must not outlive the import (it would keep the process alive): stopped, files as they are.
    await files?.abort();
    throw error;
  }
  return outcome(options.dryRun ? 'dry-run' : 'complete');

  function codingHints(): ImportOutcome['codingHints'] {
    if ((options.score.coding ?? 'native') !== 'native') return [];
    // Summed over sheets: each sheet has its own plans.
    const byInstrument = new Map<string, { sawLow: boolean; sawHigh: boolean; belowLow: number; aboveHigh: number }>();
    for (const context of contexts.values()) {
      for (const { definition, coding } of context?.plans ?? []) {
        const sum = byInstrument.get(definition.id) ?? { sawLow: false, sawHigh: false, belowLow: 0, aboveHigh: 0 };
        byInstrument.set(definition.id, {
          sawLow: sum.sawLow || coding.sawLow,
          sawHigh: sum.sawHigh || coding.sawHigh,
          belowLow: sum.belowLow + coding.belowLow,
          aboveHigh: sum.aboveHigh + coding.aboveHigh,
        });
      }
    }
    // Never the lowest option but one above the highest: answers counted from 1 on a 0-based instrument (and back).
    return [...byInstrument].flatMap(([instrument, c]): ImportOutcome['codingHints'] => {
      if (!c.sawLow && c.aboveHigh > 0) return [{ instrument, looks: 'one-based' as const, rows: c.aboveHigh }];
      if (!c.sawHigh && c.belowLow > 0) return [{ instrument, looks: 'zero-based' as const, rows: c.belowLow }];
      return [];
    });
  }

  function outcome(status: ImportOutcome['status']): ImportOutcome {
    return {
      status,
      source,
      sha256,
      mappings,
      counts,
      tally,
      rejectedWithRisk,
      strippedZeros: shapes.strippedZeros(),
      duplicateLines,
      instruments,
      explain,
      levels,
      ruleSetRef: compiled.ref,
      codingHints: codingHints(),
      resumedAfter: skip,
      files: written.map((name) => join(options.out, name)),
    };
  }
}

/**
 * About how many rows a file of `size` bytes holds, from the characters per record of its first batch (a guess for
 * sizing the id registry: multi-byte text makes it low, which only means one more doubling later).
 */
function expectedRows(batch: readonly SourceRecord[], size: number): number {
  let chars = 0;
  for (const record of batch) for (const field of record.fields) chars += field.length + 1;
  return chars === 0 ? 0 : Math.ceil((size / chars) * batch.length);
}

/**
 * A rejected row for errors.csv under `--pseudonymize`: the student id becomes its pseudonym and the name is left
 * out; everything else stays, so the row can still be found (by line) and fixed.
 */
function withoutIdentity(rejection: RowRejection, mapping: SheetMapping | null | undefined, key: Buffer): RowRejection {
  const fields = [...rejection.record.fields];
  const id = mapping?.person.studentId;
  if (id && (fields[id.index] ?? '').trim() !== '')
    fields[id.index] = pseudonymOf(key, (fields[id.index] ?? '').trim());
  const name = mapping?.person.name;
  if (name && name.index < fields.length) fields[name.index] = '';
  return { ...rejection, record: { ...rejection.record, fields } };
}

function checkResume(journal: Journal | undefined, options: ImportOptions, sha256: string): Journal {
  if (!journal || journal.status === 'complete' || !ResultFiles.hasPartial(options.out)) {
    throw new OutDirError('nothing-to-resume', journalPath(options.out));
  }
  if (journal.input.sha256 !== sha256 || journal.options !== options.fingerprint) {
    throw new OutDirError('changed-since', journal.input.file);
  }
  return journal;
}
