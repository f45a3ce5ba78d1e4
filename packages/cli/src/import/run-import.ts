import { createHash } from 'node:crypto';
import { createReadStream, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileRuleSet, createDecisionMemo, type Decision, type LevelScheme, type RuleSet } from '@triage/core';
import type { InstrumentDefinition, Lang, ScoreOptions } from '@triage/scales';
import { encodingDisplayName } from '../csv/decode.ts';
import { isCsvDecodeError } from '../csv/decode-error.ts';
import { isXlsxError } from '../xlsx/xlsx-error.ts';
import { type CodingHint, codingHints, skipMarkRows } from './coding-signs.ts';
import { type GroupedName, type MappingIssue, mapHeader, type SheetMapping } from './columns.ts';
import { type CopiedAnswerPlace, CopiedAnswers } from './copied-answers.ts';
import { DecisionTexts } from './decision-texts.ts';
import { ErrorColumns } from './error-columns.ts';
import { FileTotals, fileWide, type TotalsFound } from './file-totals.ts';
import { HeaderChanges, type HeaderReading, type TwoRows } from './header-changes.ts';
import { groupExample, type HeaderRow, headersOf, linesAbove, repeatsHeaderRows } from './header-row.ts';
import { answerTexts } from './header-text.ts';
import { IdRegistry, RowPlaces } from './id-registry.ts';
import { type Journal, journalPath } from './journal.ts';
import type { MappingFile } from './mapping-file.ts';
import { importMessages } from './messages.ts';
import { namedButAbsent } from './named-instruments.ts';
import { csvLine } from './output/csv-cell.ts';
import { writePrivateFile } from './output/private-file.ts';
import { OUTPUT_FILES, ResultFiles, type ResultLayout } from './output/result-files.ts';
import { openResultOutput, type ResultOutput } from './output/result-output.ts';
import { personReader, personSchema } from './person.ts';
import { pseudonymOf } from './pseudonym.ts';
import { markComplete, readJournal } from './read-journal.ts';
import {
  aboveHeader,
  headerKind,
  instrumentPlans,
  isHeaderAgain,
  isHeaderRow,
  type RowContext,
  type RowRejection,
  readRow,
  type SourceRecord,
  setAside,
  underUnmappedHeader,
  unmappedHeader,
  unreadSheetRow,
} from './read-row.ts';
import { rejectionCells, type ShownRejection, withoutIdentity } from './rejection-cells.ts';
import { isGroupRow, namesGroups } from './repeated-header.ts';
import { rowText } from './result-cells.ts';
import { RowDecisions } from './row-decisions.ts';
import { recognisesNothing, rowsOf, type SkippedSheet, sortHiddenSheets } from './skipped-sheets.ts';
import { openSource, type Source, SourceError, type SourceOptions, withHiddenSheets, withoutSheets } from './source.ts';
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
  /** The folder's lock was left by an import that ended without releasing it (killed): a trace of an import there. */
  readonly staleLock?: boolean;
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
  /**
   * report.html of a completed import (undefined: none), made once every row is written and the writer thread has
   * ended (both at once would raise the peak memory), before the journal says complete: an import is complete with
   * its report or not at all, so a kill before the end leaves one `--resume` finishes.
   */
  readonly report?: (outcome: ImportOutcome) => Promise<string | undefined>;
}

/** A header row that cannot be mapped: the import cannot start. */
export class MappingError extends Error {
  constructor(
    readonly problems: readonly { readonly sheet: string | null; readonly issues: readonly MappingIssue[] }[],
    /** The delimiter a CSV file was split by: a wrong one leaves no columns to recognise. */
    readonly delimiter?: string,
    /** The encoding a CSV file was read in when `--encoding` gave it (not detected): a wrong one reads garbage. */
    readonly givenEncoding?: string,
  ) {
    super('mapping');
  }
}

/** The file (or every sheet asked for) has no non-blank line at all. */
export class EmptySourceError extends Error {
  /** The sheets asked for with --sheet, all empty; empty when the whole file is. */
  constructor(readonly sheets: readonly string[] = []) {
    super('empty');
  }
}

/** The input file changed (size or modification time) while it was read: its results would mix two versions. */
export class InputChangedError extends Error {
  constructor() {
    super('input changed');
  }
}

/** The import folder holds another file's results, or there is nothing to resume: a usage problem. */
export class OutDirError extends Error {
  constructor(
    readonly code: 'other-file' | 'nothing-to-resume' | 'complete' | 'changed-since',
    readonly detail: string,
  ) {
    super(code);
  }
}

export interface ImportOutcome {
  readonly status: 'complete' | 'interrupted' | 'dry-run';
  /** The file as read: a workbook without its skipped sheets. */
  readonly source: Source;
  /** Workbook sheets not read: hidden, or nothing in them recognised (see skipped-sheets.ts). */
  readonly skipped: readonly SkippedSheet[];
  readonly sha256: string;
  readonly mappings: ReadonlyMap<string | null, SheetMapping | null>;
  /** Sheets not read because their header holds other instruments than the first sheet's: those (abbreviations). */
  readonly otherInstruments: ReadonlyMap<string, readonly string[]>;
  /**
   * `summaryRows`: statistics rows (合计, 平均分 …), `titleRows`: titles merged across the table (初一(2)班), set aside in
   * errors.csv, neither scored nor rejected. `headerRows`: the file's own header again (under each class of a stacked
   * sheet), and `blankRows`: not counted in `rows`, written nowhere.
   */
  readonly counts: {
    rows: number;
    scored: number;
    rejected: number;
    summaryRows: number;
    titleRows: number;
    headerRows: number;
    blankRows: number;
    duplicateIds: number;
  };
  readonly tally: Tally;
  readonly rejectedWithRisk: number;
  /** Rows errors.csv holds with every cell withheld under `--pseudonymize` (see {@link withoutIdentity}). */
  readonly withheldRows: number;
  /** Scored rows whose level blank items may keep too low (a rule that could set a higher one left undecided). */
  readonly undecided: number;
  readonly strippedZeros: ReturnType<IdShapes['strippedZeros']>;
  /** Every student id is a short number (see {@link IdShapes.onlyShortNumbers}). */
  readonly shortIds: boolean;
  readonly duplicateLines: readonly string[];
  readonly instruments: readonly InstrumentDefinition[];
  readonly explain: (decision: Decision) => string;
  readonly levels: LevelScheme;
  readonly ruleSetRef: { readonly id: string; readonly version: string; readonly hash: string };
  /** Per instrument: the answers look coded one lower or one higher than the instrument's own coding. */
  readonly codingHints: readonly CodingHint[];
  /** Per instrument, rows with a skip mark (`-3`, `(跳过)`) read as not asked. */
  readonly skipMarks: readonly { readonly abbreviation: string; readonly rows: number }[];
  /** Answer cells read as blank: a merged range filled them from another row or column (copied-answers.ts). */
  readonly copiedAnswers: { readonly cells: number; readonly first: CopiedAnswerPlace | undefined };
  /** The platform's own total and standard score columns, each compared with the computed scores (file-totals.ts). */
  readonly fileTotals: readonly TotalsFound[];
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

function mapSheet(
  header: readonly string[],
  options: ImportOptions,
  all: readonly InstrumentDefinition[],
  grouped?: readonly (GroupedName | undefined)[],
) {
  const { candidates, named } = instrumentCandidates(options, all);
  const explicit = options.mapping ? { explicit: options.mapping.columns, explicitAt: options.mapping.positions } : {};
  return mapHeader(header, { candidates, named, known: all, ...explicit, ...(grouped ? { grouped } : {}) });
}

function mapSheets(
  headers: Map<string | null, HeaderRow>,
  options: ImportOptions,
  all: readonly InstrumentDefinition[],
): { mappings: Map<string | null, SheetMapping | MappingIssue[]> } {
  const mappings = new Map<string | null, SheetMapping | MappingIssue[]>();
  for (const [sheet, header] of headers) {
    const mapped = mapSheet(header.fields, options, all, header.grouped);
    // A stray quote made one cell of the rest of the header line: that is the problem, not what is missing after it.
    const quote: MappingIssue[] = header.unterminated
      ? [{ code: 'header-quote', column: header.fields.length - 1 }]
      : [];
    mappings.set(sheet, mapped.ok ? mapped.value : quote.length > 0 ? quote : [...mapped.error]);
  }
  return { mappings };
}

/**
 * A later sheet's mapping with its instruments in the first sheet's order (results have one column layout, and a
 * class may have put GAD-7 before PHQ-A), or null when it holds other instruments than the first.
 */
function alignInstruments(sheet: SheetMapping, first: SheetMapping): SheetMapping | null {
  const ids = (m: SheetMapping) => m.instruments.map((i) => i.definition.id);
  if (ids(sheet).length !== ids(first).length || !ids(first).every((id) => ids(sheet).includes(id))) return null;
  const instruments = first.instruments.map(
    ({ definition }) =>
      sheet.instruments.find((i) => i.definition.id === definition.id) as (typeof sheet.instruments)[number],
  );
  return { ...sheet, instruments };
}

/**
 * The import pipeline: read → map → validate → score → triage → files. Every data row ends up in results or in
 * errors. Output files are written as `*.partial` with checkpoints in a journal, so an interrupted import resumes where
 * it was, and a completed one is renamed into place at the end.
 */
export async function runImport(options: ImportOptions, all: readonly InstrumentDefinition[]): Promise<ImportOutcome> {
  const text = importMessages(options.lang);
  const started = statSync(options.file);
  const size = started.size;
  const sha256 = await sha256Of(options.file);
  const file = basename(options.file);
  const opened = await openSource(options.file, { ...options, visibleOnly: true });
  const skipped: SkippedSheet[] = [];
  const leaveUnread = async (sheet: string, reason: SkippedSheet['reason']) => {
    const rows = await rowsOf(opened, sheet);
    skipped.push({ sheet, rows, reason });
    options.note(text.sheetSkipped(sheet, rows, reason), 'warning');
  };

  // Map every sheet first: a file whose header cannot be read stops here, before anything is written.
  const answers = answerTexts(instrumentCandidates(options, all).candidates);
  const visible = await headersOf(opened, (fields, grouped) => mapSheet(fields, options, all, grouped).ok, answers);
  const hidden = await sortHiddenSheets(opened, visible, {
    answers,
    instrumentsOf: (fields, grouped) => {
      const mapped = mapSheet(fields, options, all, grouped);
      return mapped.ok ? mapped.value.instruments.map((i) => i.definition.id) : undefined;
    },
  });
  for (const sheet of hidden.unread) await leaveUnread(sheet, 'hidden');
  for (const sheet of hidden.read) options.note(text.hiddenSheetRead(sheet), 'warning');
  const headers = hidden.headers;
  if (headers.size === 0) throw new EmptySourceError(options.sheets ?? []);
  const { mappings: raw } = mapSheets(headers, options, all);
  // Sheets in which nothing is recognised (instructions beside the classes), unless --sheet named them or no sheet is
  // more: then the mapping problem is said as it is.
  const blank = [...raw].filter(
    ([sheet, m]) =>
      sheet !== null &&
      Array.isArray(m) &&
      recognisesNothing(headers.get(sheet)?.fields ?? [], m, { answers, mapping: options.mapping }),
  );
  if ((options.sheets ?? []).length === 0 && blank.length < raw.size) {
    for (const [sheet] of blank) {
      raw.delete(sheet);
      headers.delete(sheet);
      if (sheet !== null) await leaveUnread(sheet, 'no-columns');
    }
  }
  const source = withoutSheets(withHiddenSheets(opened, hidden.read), new Set(skipped.map((s) => s.sheet)));
  // Lines above the header: a title or notes, skipped; or students' rows (a class pasted above the header, a sort that
  // moved the header down), rejected as they are read; or, above such rows, a header that cannot be read (the class
  // pasted above came with a header of its own, PHQA1 … PHQA9 without c and d): the rows under it are its rows, never
  // read by the header below, and urgent as under any header that cannot be read (QA, session 15).
  const studentsAbove = new Map<string | null, ReadonlySet<number>>();
  const headersAbove = new Map<string | null, ReadonlySet<number>>();
  for (const [sheet, header] of headers) {
    const mapping = raw.get(sheet);
    if (!mapping || Array.isArray(mapping)) continue;
    const above = linesAbove(header, mapping, answers);
    studentsAbove.set(sheet, above.students);
    headersAbove.set(sheet, above.headers);
  }
  for (const [sheet, header] of headers) {
    const where = sheet === null ? options.file : `${options.file} [${sheet}]`;
    const students = studentsAbove.get(sheet)?.size ?? 0;
    const headerLines = headersAbove.get(sheet)?.size ?? 0;
    const line = header.from ?? header.line;
    if (header.above > students + headerLines) {
      options.note(text.linesAboveHeader(where, line, header.above - students - headerLines));
    }
    // Under a header above, they are said as its rows when it is met.
    if (students > 0 && headerLines === 0) options.note(text.studentsAboveHeader(where, line, students), 'warning');
    if (header.from === undefined) continue;
    const mapping = raw.get(sheet);
    const example = mapping && !Array.isArray(mapping) ? groupExample(header, mapping, answers) : undefined;
    options.note(text.twoRowHeader(where, header.from, header.line, example));
  }
  for (const [sheet, result] of raw) {
    // Asking how to map columns a stray quote merged cannot help: the file must be fixed.
    if (!Array.isArray(result) || !options.resolveMapping || result.some((i) => i.code === 'header-quote')) continue;
    const resolved = await options.resolveMapping(sheet, headers.get(sheet)?.fields ?? [], result);
    if (resolved) raw.set(sheet, resolved);
  }
  const mapped = [...raw.values()].filter((m): m is SheetMapping => !Array.isArray(m));
  const first = mapped[0];
  if (!first) {
    const problems = [...raw].map(([sheet, issues]) => ({ sheet, issues: issues as MappingIssue[] }));
    const csv = source.kind === 'csv' ? source.dialect : undefined;
    const given = csv && !csv.detected ? encodingDisplayName(csv.encoding) : undefined;
    throw new MappingError(problems, csv?.delimiter, given);
  }
  const absent = namedButAbsent(options, mapped);
  if (absent.length > 0) throw new MappingError([{ sheet: [...raw.keys()][0] ?? null, issues: absent }]);
  const mappings = new Map<string | null, SheetMapping | null>();
  for (const [sheet, m] of raw) mappings.set(sheet, Array.isArray(m) ? null : alignInstruments(m, first));
  const instruments = first.instruments.map((i) => i.definition);
  options.onStart?.(source, mappings);

  // The output folder: resume, replace, or refuse.
  const journal = readJournal(options.out);
  const resuming = options.resume ? checkResume(journal, options, sha256) : undefined;
  if (!options.resume && journal && journal.input.file !== file) {
    throw new OutDirError('other-file', journal.input.file);
  }
  // errors.csv repeats rejected rows under their own headers: the first mapped sheet's, then names later ones add.
  const errorColumns = new ErrorColumns(
    headers.get([...mappings].find(([, m]) => m !== null)?.[0] ?? null)?.fields ?? [],
  );
  for (const [sheet, m] of mappings) if (m) errorColumns.add(sheet, headers.get(sheet)?.fields ?? []);
  const layout: ResultLayout = {
    instruments,
    sheets: source.kind === 'xlsx',
    pseudonymize: options.pseudonymize,
    sourceHeader: errorColumns.header,
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
      // A fresh run: an older import's results must not sit beside this one's partial files looking current, nor its
      // journal: first, so that a kill before this run's first checkpoint never leaves this run's partial files under
      // the journal of another (a later --resume would cut them at its sizes and append).
      rmSync(journalPath(options.out), { force: true });
      ResultFiles.discardPartial(options.out);
      ResultFiles.discardComplete(options.out);
      opened = ResultFiles.create(options.out, layout, meta);
    }
    files = openResultOutput(opened, options.out, { inputBytes: size });
  }
  const skip = resuming?.records ?? 0;
  // A dry run writes nothing and reads the whole file: it only says where --resume would go on (QA round 24, 6).
  if (resuming) options.note(options.dryRun ? text.resumeDryRun(skip) : text.resumed(skip));
  else if (options.resume) options.note(text.resumedFromStart);

  const memo = createDecisionMemo(options.ruleSet);
  const compiled = compileRuleSet(options.ruleSet);
  const levels = compiled.levels;
  const decisionTexts = new DecisionTexts(options.ruleSet, levels, options.lang);
  const explain = (decision: Decision) => decisionTexts.describe(decision).explanation;

  const schema = personSchema({
    idRequired: true,
    ...(options.mapping ? { sex: options.mapping.sex } : {}),
  });
  // Item answers go into the facts only for instruments whose items some rule reads (C-SSRS item 2, say).
  const paths = compiled.rules.flatMap((r) => r.readers.map((reader) => reader.fact));
  const readsItems = (id: string) => paths.some((p) => p.startsWith(`scales.${id}.items`));
  // Every reading made, a sheet's own and those of headers in the middle of its data (their answers' coding counts).
  const contexts: RowContext[] = [];
  const copiedAnswers = new CopiedAnswers();
  const totals = new Map<RowContext, FileTotals>();
  /** `read`: rows are read by it (else only where its critical items are is looked at). */
  const contextOf = (mapping: SheetMapping, read = true): RowContext => {
    const context: RowContext = {
      mapping,
      decisions: new RowDecisions(),
      person: mapping.person.studentId
        ? personReader(schema, { idRequired: true })
        : personReader(personSchema({ idRequired: false, ...(options.mapping ? { sex: options.mapping.sex } : {}) }), {
            idRequired: false,
          }),
      memo,
      plans: instrumentPlans(mapping, options.score, readsItems),
      strictWidth: source.kind === 'csv',
      copiedAnswers,
    };
    if (!read) return context;
    contexts.push(context);
    const check = FileTotals.of(context.mapping, context.plans);
    if (check) totals.set(context, check);
    return context;
  };
  // A header in the middle of the data is mapped as the sheet's own was (header-changes.ts): read by when it holds the
  // file's instruments, in their order (results have one column layout), else its rows are not read. Item headers that
  // name no instrument (Q1, 第1题) are the file's instruments', as with --instrument naming them, rather than the
  // instrument that happens to have as many items.
  const layouts = new HeaderChanges((fields, grouped): HeaderReading => {
    const own = mapSheet(fields, options, all, grouped);
    const guessed = !own.ok || own.value.how === 'count';
    const named = guessed ? mapSheet(fields, { ...options, instruments }, all, grouped) : own;
    const mapped = named.ok ? named : own;
    if (!mapped.ok) return { ok: false, other: null };
    const aligned = alignInstruments(mapped.value, first);
    return aligned ? { ok: true, context: contextOf(aligned) } : { ok: false, other: contextOf(mapped.value, false) };
  }, answers);
  for (const [sheet, mapping] of mappings) {
    if (!mapping) continue;
    const context = contextOf(mapping);
    const fields = headers.get(sheet)?.fields ?? [];
    layouts.start(sheet, fields, context);
    errorColumns.addLater(context, fields);
  }
  const said = instruments.map((d) => d.abbreviation).join(' + ');
  // Sheets not read: where their critical items are, to mark a row urgent (see unreadSheetRow). By the sheet's own
  // header, read as any instruments; else by the first sheet's columns from the first row (no header was found).
  const unreadSheets = new Map<string | null, { readonly context: RowContext; readonly header: number }>();
  const otherInstruments = new Map<string, readonly string[]>();
  const unnamed = { ...options, instruments: [], mapping: undefined };
  for (const [sheet, mapping] of mappings) {
    if (mapping) continue;
    const header = headers.get(sheet);
    if (!header) continue;
    const own = raw.get(sheet);
    // Mapped again with every instrument only when its own mapping failed (a wide header costs its mapping).
    const anyInstrument = own && !Array.isArray(own) ? undefined : mapSheet(header.fields, unnamed, all);
    const read = own && !Array.isArray(own) ? own : anyInstrument?.ok ? anyInstrument.value : undefined;
    if (read) {
      unreadSheets.set(sheet, { context: contextOf(read, false), header: header.line });
      if (sheet !== null)
        otherInstruments.set(
          sheet,
          read.instruments.map((i) => i.definition.abbreviation),
        );
    } else unreadSheets.set(sheet, { context: contextOf(first, false), header: 0 });
  }

  const tally = new Tally();
  const ids = new IdRegistry();
  const counts = {
    rows: 0,
    scored: 0,
    rejected: 0,
    summaryRows: 0,
    titleRows: 0,
    headerRows: 0,
    blankRows: 0,
    duplicateIds: 0,
  };
  const duplicateLines: string[] = [];
  let rejectedWithRisk = 0;
  let withheldRows = 0;
  let undecided = 0;
  const where = (sheet: string | null, line: number) => (sheet === null ? String(line) : `${sheet}:${line}`);
  const shapes = new IdShapes(where);
  const places = new RowPlaces([...mappings.keys()]);

  const written: string[] = [];
  let index = 0;
  let sinceCheckpoint = 0;
  let lastCheckpoint = Date.now();
  // While a resume reads past the records already written, the files hold `skip` records, not `index`.
  const draft = () => ({ input: { file, size, sha256 }, options: options.fingerprint, records: Math.max(index, skip) });
  const checkpoint = async (status: 'running' | 'interrupted') => {
    if (!files) return;
    if (status === 'interrupted') await files.suspend(draft());
    else await files.checkpoint(draft());
    sinceCheckpoint = 0;
    lastCheckpoint = Date.now();
  };
  /**
   * `mapping`: the columns the row was read by (null: none known, every cell withheld under `--pseudonymize`);
   * `layout`: where errors.csv puts its cells (see ErrorColumns).
   */
  const reject = (
    rejection: RowRejection,
    write: boolean,
    read: { readonly mapping: SheetMapping | null; readonly layout: unknown },
  ) => {
    const aside = setAside(rejection);
    if (aside) counts[aside]++;
    else counts.rejected++;
    if (rejection.riskSignal) rejectedWithRisk++;
    if (!files) return;
    const shown: ShownRejection = options.pseudonymize
      ? withoutIdentity(rejection, read.mapping, options.key)
      : rejection;
    // Counted also for rows a resumed import wrote before: the warning is about the whole errors.csv.
    if (shown.withheld) withheldRows++;
    if (!write) return;
    const fields = errorColumns.cells(read.layout, shown.record.fields);
    const placed = fields === shown.record.fields ? shown : { ...shown, record: { ...shown.record, fields } };
    files.writeRejection(csvLine(rejectionCells(placed, layout, options.lang, instruments)));
  };

  /** A header in the middle of a sheet's data, in another layout: in force from its line (header-changes.ts). */
  const meetHeader = (record: SourceRecord, mapping: SheetMapping, write: boolean) => {
    const sheet = record.sheet ?? null;
    // Instrument names over the items, person words beside (GAD-7 before PHQ-A): a header's group row, its names row
    // next (see metTwoRows).
    if (namesGroups(record.fields, mapping) && layouts.group(sheet, record.line, record.fields, true)) {
      counts.headerRows++;
      return;
    }
    const { now, fresh } = layouts.met(sheet, record.line, record.fields);
    const where = `${options.file}${sheet === null ? '' : ` [${sheet}]`}`;
    if (now.ok) {
      counts.headerRows++;
      if (fresh) {
        errorColumns.addLater(now.context, record.fields);
        options.note(text.newHeader(where, record.line));
      }
      return;
    }
    if (fresh) {
      errorColumns.addLater(now.layout, record.fields);
      options.note(text.headerUnmapped(where, record.line), 'warning');
    }
    counts.rows++;
    reject(unmappedHeader(record, said), write, { mapping: now.other?.mapping ?? null, layout: now.layout });
  };

  /**
   * The row under a group row (see HeaderChanges.below): true when the two are a header, in force from here. Else a
   * group row that cannot be read alone is in force as a header that cannot be read, said as one.
   */
  const metTwoRows = (twoRows: TwoRows, sheet: string | null) => {
    const where = `${options.file}${sheet === null ? '' : ` [${sheet}]`}`;
    const { now, fresh } = twoRows;
    if (twoRows.joined) counts.headerRows++;
    if (fresh) {
      errorColumns.addLater(now.ok ? now.context : now.layout, twoRows.fields);
      if (now.ok) options.note(text.newHeader(where, twoRows.line));
      else options.note(text.headerUnmapped(where, twoRows.line), 'warning');
    }
    return twoRows.joined;
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
        const own = layouts.of(sheet);
        if (!own) {
          counts.rows++;
          const where = unreadSheets.get(sheet);
          const context = where && record.line > where.header ? where.context : null;
          reject(unreadSheetRow(record, context), write, { mapping: null, layout: sheet });
          continue;
        }
        const header = headers.get(sheet) as HeaderRow;
        // The header, and the title or notes above it (said when the file was opened): not student rows. A sheet
        // whose header could not be read has none: its first row may be a student's (a class pasted without one).
        // A student's row above it is rejected: the header below may not be its own.
        if (record.line <= header.line) {
          if (headersAbove.get(sheet)?.has(record.line) && own.ok) {
            meetHeader(record, own.context.mapping, write);
            continue;
          }
          // The sheet's own header: its reading in force from here, after any header above that could not be read.
          if (record.line === (header.from ?? header.line)) layouts.restart(sheet);
          if (!studentsAbove.get(sheet)?.has(record.line)) continue;
          counts.rows++;
          if (!own.ok) {
            const rejection = underUnmappedHeader(record, own.line, own.other);
            reject(rejection, write, { mapping: own.other?.mapping ?? null, layout: own.layout });
          } else {
            const layout = { mapping: own.context.mapping, layout: own.context };
            reject(aboveHeader(record, own.context, header.line), write, layout);
          }
          continue;
        }
        // A header of two rows repeated under each class (the group row, then the names): no student row; the sheet's
        // own reading is back (after a class under another header too).
        if (header.rows && repeatsHeaderRows(record.fields, header.rows)) {
          counts.headerRows++;
          layouts.restart(sheet);
          continue;
        }
        // The row under a group row (GAD-7 over the first items): the names row of a header of two rows, or not.
        const twoRows = layouts.below(sheet, record.fields);
        if (twoRows && metTwoRows(twoRows, sheet)) continue;
        const now = twoRows?.now ?? own;
        // Under a header that cannot be read, no row is read: only the next header is looked for, as the last
        // header that could be read tells one.
        if (!now.ok) {
          const kind = headerKind(record.fields, now.last);
          if (kind === 'repeat') {
            counts.headerRows++;
            layouts.repeated(sheet, now.last);
          } else if (kind === 'again') meetHeader(record, now.last.mapping, write);
          else {
            counts.rows++;
            // Never read by the columns of another header: its answers may sit anywhere.
            const rejection = underUnmappedHeader(record, now.line, now.other);
            reject(rejection, write, { mapping: now.other?.mapping ?? null, layout: now.layout });
          }
          continue;
        }
        const { context } = now;
        const row = readRow(record, context);
        // The header again under each class of a stacked sheet: no student row, as the header itself is not one.
        if (isHeaderRow(row)) {
          counts.headerRows++;
          // The file's group row again, written otherwise: the row under it may name the items in another order.
          if (isGroupRow(record.fields, context.mapping)) layouts.group(sheet, record.line, record.fields, false);
          continue;
        }
        // A header in another layout: mapped, and the rows under it read by it, or not at all.
        if (isHeaderAgain(row)) {
          meetHeader(record, context.mapping, write);
          continue;
        }
        counts.rows++;
        if (!row.ok) {
          reject(row, write, { mapping: context.mapping, layout: context });
          continue;
        }
        counts.scored++;
        totals.get(context)?.check(row, where(sheet, record.line));
        const id = row.person.studentId;
        let duplicateOf: string | null = null;
        if (id !== null) {
          // Within a school: the same 学号 in two schools of one file is two students, never a duplicate.
          const school = row.person.school;
          const firstPlace = ids.add(school === null ? id : `${school}\u0000${id}`, places.of(sheet, record.line));
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
        const t = decisionTexts.describe(row.decision);
        if (t.unsettled) undecided++;
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

    // A sync client or an export saving over the file while it was read: what was read is neither the file hashed at
    // the start nor the one there now. Never recorded as either.
    const ended = statSync(options.file, { throwIfNoEntry: false });
    if (ended?.size !== started.size || ended.mtimeMs !== started.mtimeMs) throw new InputChangedError();
    if (files) {
      const summary = { ...counts, rejectedWithRisk, levels: tally.levels };
      written.push(OUTPUT_FILES.results, OUTPUT_FILES.json, OUTPUT_FILES.errors);
      await files.complete(decisionTexts.table, summary, draft());
      const report = await options.report?.(outcome('complete'));
      if (report !== undefined) {
        writePrivateFile(join(options.out, OUTPUT_FILES.report), report);
        written.push(OUTPUT_FILES.report);
      }
      markComplete(options.out);
    }
  } catch (error) {
    // A writer thread must not outlive the import (it would keep the process alive): stopped, files as they are.
    await files?.abort();
    // The input cannot be read on from here (its encoding, a damaged workbook): `--resume` would stop at the same
    // place, so the students' rows written so far are not left behind in partial files nothing will finish.
    if (files && unreadableInput(error)) ResultFiles.discardUnfinished(options.out);
    throw error;
  }
  return outcome(options.dryRun ? 'dry-run' : 'complete');

  function outcome(status: ImportOutcome['status']): ImportOutcome {
    return {
      status,
      source,
      skipped,
      sha256,
      mappings,
      otherInstruments,
      counts,
      tally,
      rejectedWithRisk,
      withheldRows,
      undecided,
      strippedZeros: shapes.strippedZeros(),
      shortIds: shapes.onlyShortNumbers(),
      duplicateLines,
      instruments,
      explain,
      levels,
      ruleSetRef: compiled.ref,
      // Only where the answers are read in the instrument's own coding: `--coding` says how they are coded.
      codingHints: (options.score.coding ?? 'native') === 'native' ? codingHints(contexts.map((c) => c.plans)) : [],
      skipMarks: skipMarkRows(contexts.map((c) => c.plans)),
      copiedAnswers: { cells: copiedAnswers.cells, first: copiedAnswers.first },
      fileTotals: fileWide([...totals.values()].flatMap((t) => t.found())),
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

/** The checkpoint to resume from; undefined when the import stopped before its first one (it starts again). */
function checkResume(journal: Journal | undefined, options: ImportOptions, sha256: string): Journal | undefined {
  // Killed before its first checkpoint: partial files (any of them), or only its lock, no journal. Nothing of them can
  // be trusted: start again, however early the kill came (QA round 24, 5: refused, or started again, by timing).
  if (!journal && (ResultFiles.hasAnyPartial(options.out) || options.staleLock === true)) return undefined;
  if (journal?.status === 'complete') throw new OutDirError('complete', options.out);
  if (!journal) throw new OutDirError('nothing-to-resume', journalPath(options.out));
  if (journal.input.sha256 !== sha256 || journal.options !== options.fingerprint) {
    throw new OutDirError('changed-since', journal.input.file);
  }
  ResultFiles.recover(options.out);
  if (!ResultFiles.hasPartial(options.out)) throw new OutDirError('nothing-to-resume', journalPath(options.out));
  return journal;
}

/** An error of the input's own content, the same on every run over the same file. */
function unreadableInput(error: unknown): boolean {
  return (
    isCsvDecodeError(error) || isXlsxError(error) || error instanceof SourceError || error instanceof InputChangedError
  );
}
