import { createHash, createHmac } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { RuleSet } from '@triage/core';
import type { Coding, InstrumentDefinition, Lang, Rounding } from '@triage/scales';
import { encodingDisplayName } from '../csv/decode.ts';
import { isCsvDecodeError } from '../csv/decode-error.ts';
import { CliError, ExitCode, rowsExitCode } from '../exit-codes.ts';
import { normalizeHeader } from '../responses/item-columns.ts';
import { ruleCoverageWarnings } from '../rule-coverage.ts';
import { isXlsxError } from '../xlsx/xlsx-error.ts';
import { instrumentsNamedIn } from './columns.ts';
import {
  decodeFailure,
  folderFailure,
  inputFailure,
  keyOrFailure,
  reportFailure,
  resumeCommand,
  writeFailure,
} from './import-failures.ts';
import { type MappingFile, mappingFileProblems, parseMappingFile } from './mapping-file.ts';
import { mappingProblems } from './mapping-messages.ts';
import { mappingPrompter } from './mapping-prompter.ts';
import { type ImportMessages, importMessages } from './messages.ts';
import { itemsNumberedOn } from './numbered-runs.ts';
import { pathProblem } from './out-dir.ts';
import { type LockHolder, lockOutDir, type OutLock } from './out-lock.ts';
import { OUTPUT_FILES, WorkFilesError } from './output/result-files.ts';
import { renderSummary } from './render-summary.ts';
import { reportModel } from './report-model.ts';
import {
  EmptySourceError,
  type ImportOutcome,
  InputChangedError,
  MappingError,
  OutDirError,
  runImport,
} from './run-import.ts';
import type { SkippedSheet } from './skipped-sheets.ts';
import { type Source, SourceError } from './source.ts';

export interface ImportCommandOptions {
  readonly file: string;
  readonly out: string | undefined;
  readonly lang: Lang;
  readonly instruments: readonly InstrumentDefinition[];
  readonly all: readonly InstrumentDefinition[];
  readonly ruleSet: RuleSet;
  readonly map: { readonly file: string; readonly text: string } | undefined;
  readonly sheets: readonly string[] | undefined;
  readonly encoding: 'utf-8' | 'gb18030' | 'gbk' | 'big5' | 'utf-16le' | 'utf-16be' | undefined;
  readonly delimiter: string | undefined;
  readonly coding: Coding;
  readonly indexRounding?: Rounding;
  readonly prorationRounding?: Rounding;
  readonly pseudonymize: boolean;
  readonly minCell: number;
  readonly dryRun: boolean;
  readonly resume: boolean;
  readonly interactive: boolean;
  readonly version: string;
  /** Where to show a progress line (a terminal's stderr), or null for none. */
  readonly progress: NodeJS.WriteStream | null;
  /** The command line as typed (after `triage`), to say how to resume it. */
  readonly argv: readonly string[];
  readonly note: (message: string, level?: 'info' | 'warning') => void;
  readonly log: (message: string) => void;
}

/** The `--json` envelope of an import: what happened, counts, where the files are. No ids, names or answers. */
export interface ImportSummary {
  /** How far the import went: `complete` also when every row was rejected (errors.csv holds them all). */
  readonly status: ImportOutcome['status'];
  /** The process's exit code (see exit-codes.ts): 1 when no student row was scored, 3 when some were rejected. */
  readonly exitCode: ExitCode;
  readonly file: string;
  readonly sha256: string;
  readonly out: string | null;
  readonly source: {
    readonly kind: 'csv' | 'xlsx';
    readonly encoding?: string;
    readonly delimiter?: string;
    /** Workbooks: the sheets read, and those left unread (hidden, or nothing in them recognised) with their rows. */
    readonly sheets?: readonly string[];
    /** Workbooks: sheets among `sheets` the workbook hides, read as classes; absent when none. */
    readonly hiddenRead?: readonly string[];
    readonly skipped?: readonly SkippedSheet[];
  };
  readonly instruments: readonly string[];
  readonly ruleSet: { readonly id: string; readonly version: string; readonly hash: string };
  readonly counts: ImportOutcome['counts'] & { readonly rejectedWithRisk: number; readonly undecided: number };
  readonly levels: Readonly<Record<string, number>>;
  readonly followUp: number;
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

/** `<file name>.triage` beside the input: results stay next to the screening they came from. */
function defaultOutDir(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.triage`);
}

/** What changes results besides the input file: if any of it differs, an interrupted import cannot be resumed. */
function fingerprint(options: ImportCommandOptions, ruleHash: string, key: Buffer): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        instruments: options.instruments.map((d) => `${d.id}@${d.version}`),
        map: options.map?.text ?? null,
        rules: ruleHash,
        sheets: options.sheets ?? [],
        encoding: options.encoding ?? null,
        delimiter: options.delimiter ?? null,
        coding: options.coding,
        indexRounding: options.indexRounding ?? null,
        prorationRounding: options.prorationRounding ?? null,
        pseudonymize: options.pseudonymize,
        // Pseudonyms in the files are the key's: a resume with another key (another config folder, a key lost and
        // made again) would mix two in one file. Said by a keyed hash, never the key.
        key: options.pseudonymize ? createHmac('sha256', key).update('triage import journal').digest('hex') : null,
        lang: options.lang,
      }),
    )
    .digest('hex');
}

/** Ctrl-C or SIGTERM: the first asks the import to checkpoint and stop; a second one stops at once. */
function onInterrupt(): { requested: boolean; dispose: () => void } {
  const state = { requested: false, dispose: () => {} };
  const handler = (signal: NodeJS.Signals) => {
    if (state.requested) process.exit(signal === 'SIGINT' ? 130 : 143);
    state.requested = true;
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  state.dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  return state;
}

export async function runImportCommand(
  options: ImportCommandOptions,
): Promise<{ summary: ImportSummary; exitCode: ExitCode }> {
  const text = importMessages(options.lang);
  const core = await import('@triage/core');
  // `-` is not standard input here: the import reads its file more than once.
  if (options.file === '-' && !existsSync('-')) throw new CliError('CLI_FILE_UNREADABLE', text.notRegular('-'));
  if (!existsSync(options.file)) throw new CliError('CLI_FILE_NOT_FOUND', text.fileNotFound(options.file));
  const mapping = options.map ? parseMappingFile(options.map.text, options.map.file, core, text) : undefined;
  if (mapping && !mapping.ok) {
    throw new CliError('CLI_MAPPING_FILE', mappingFileProblems(mapping.error, options.lang));
  }
  const differ = mapping && options.map ? instrumentsDiffer(options.instruments, mapping.value) : undefined;
  if (differ && options.map) {
    const named = options.instruments.map((d) => d.id);
    throw new CliError('CLI_USAGE', text.mapInstrumentsDiffer(options.map.file, named, differ));
  }
  const out = options.out ?? defaultOutDir(options.file);
  const problem = pathProblem(options.file, out);
  if (problem?.kind === 'input-is-folder') throw new CliError('CLI_FILE_UNREADABLE', text.inputIsFolder(options.file));
  if (problem?.kind === 'input-not-regular') {
    throw new CliError('CLI_FILE_UNREADABLE', text.notRegular(options.file));
  }
  if (problem?.kind === 'out-is-file') throw new CliError('CLI_OUT_DIR', text.outDir.isFile(out));
  if (problem) throw new CliError('CLI_OUT_DIR', text.outDir.holdsInput(out, problem.name));
  checkReadable(options.file, text);
  const keyInfo = keyOrFailure(!options.dryRun, text);
  if (keyInfo.created) options.note(text.keyCreated(keyInfo.path));
  if (keyInfo.ephemeral) options.note(text.ephemeralKey, 'warning');
  if (keyInfo.exposed) options.note(text.keyExposed(keyInfo.path), 'warning');
  if (options.sheets && options.sheets.length > 0 && !/\.xls[xm]$/i.test(options.file)) {
    throw new CliError('CLI_USAGE', text.sheetOnCsv);
  }
  const compiled = core.compileRuleSet(options.ruleSet);
  const interrupt = onInterrupt();
  const locked = options.dryRun ? undefined : lockFolder(out, options, text, interrupt);
  const lock = locked?.lock;
  try {
    const progress = progressLine(options.progress, text);
    const modelOf = (done: ImportOutcome) =>
      reportModel(done, {
        file: options.file,
        lang: options.lang,
        minCell: options.minCell,
        generator: `triage ${options.version}`,
      });
    let outcome: ImportOutcome;
    let ruleWarnings: string[] = [];
    try {
      const resolveMapping = options.interactive
        ? mappingPrompter({ file: options.file, all: options.all, lang: options.lang, note: options.note })
        : undefined;
      outcome = await runImport(
        {
          file: options.file,
          out,
          lang: options.lang,
          instruments: options.instruments,
          mapping: mapping?.ok ? mapping.value : undefined,
          ruleSet: options.ruleSet,
          score: {
            coding: options.coding,
            ...(options.indexRounding ? { indexRounding: options.indexRounding } : {}),
            ...(options.prorationRounding ? { prorationRounding: options.prorationRounding } : {}),
          },
          key: keyInfo.key,
          pseudonymize: options.pseudonymize,
          dryRun: options.dryRun,
          resume: options.resume,
          staleLock: locked?.tookOver === true,
          fingerprint: fingerprint(options, compiled.ref.hash, keyInfo.key),
          interrupt,
          encoding: options.encoding,
          delimiter: options.delimiter,
          sheets: options.sheets,
          note: options.note,
          onStart: (source, mappings) => {
            describeStart(source, mappings, options, text, mapping?.ok ? mapping.value : undefined);
            // Before any row is read or written: a rule set written for other instruments stops here.
            ruleWarnings = ruleCoverageWarnings(core, options.ruleSet, {
              instruments: mappedInstruments(mappings),
              own: options.ruleSet !== core.defaultRuleSet,
              lang: options.lang,
              text,
            });
          },
          onProgress: progress.update,
          report: async (done) => {
            // Nothing imported (no student row): no report, and nothing left behind (below).
            if (done.counts.rows === 0) return undefined;
            const { renderReport } = await import('./report/render-report.ts');
            return renderReport(modelOf(done));
          },
          ...(resolveMapping ? { resolveMapping } : {}),
        },
        options.all,
      );
    } catch (error) {
      interrupt.dispose();
      throw (
        folderFailure(error, out, text) ??
        reportFailure(error, options.argv, out, text) ??
        writeFailure(error, options.argv, out, text) ??
        inputFailure(error, options.argv, options.file, out, text) ??
        asCliError(error, options, out, text)
      );
    } finally {
      progress.done();
    }

    const warnings = [...ruleWarnings, ...warningsOf(outcome, text)];
    // Said on stderr as they were found; kept for --json in the same words.
    const sheetWarnings = [
      ...(outcome.source.kind === 'xlsx' ? outcome.source.hiddenRead.map((sheet) => text.hiddenSheetRead(sheet)) : []),
      ...outcome.skipped.map((s) => text.sheetSkipped(s.sheet, s.rows, s.reason)),
    ];
    if (outcome.counts.rows === 0) {
      // Nothing was imported: leave no empty results behind that look like an import.
      if (outcome.status === 'complete') removeEmptyImport(out, lock);
      throw new CliError('CLI_NO_DATA', text.noRows(options.file));
    }
    for (const w of warnings) options.note(w, 'warning');
    const model = modelOf(outcome);
    if (outcome.status === 'interrupted') options.note(text.interrupted(resumeCommand(options.argv, out)), 'warning');
    else options.log(renderSummary(model, outcome.files, outcome.status === 'dry-run'));
    // Until here a Ctrl-C only asks (a second one exits): a completed import writes its report and says so, exit as such.
    interrupt.dispose();

    const { counts } = outcome;
    // No student row at all (none, or statistics rows and titles only such as 合计, 初一(2)班): nothing was imported.
    const exitCode =
      outcome.status === 'interrupted'
        ? ExitCode.interrupted
        : counts.rows === counts.summaryRows + counts.titleRows
          ? ExitCode.error
          : rowsExitCode(counts.scored, counts.rejected);
    const source = outcome.source;
    return {
      exitCode,
      summary: {
        status: outcome.status,
        exitCode,
        file: options.file,
        sha256: outcome.sha256,
        out: options.dryRun ? null : out,
        source:
          source.kind === 'csv'
            ? { kind: 'csv', encoding: source.dialect.encoding, delimiter: source.dialect.delimiter }
            : {
                kind: 'xlsx',
                sheets: source.sheets,
                ...(source.hiddenRead.length > 0 ? { hiddenRead: source.hiddenRead } : {}),
                skipped: outcome.skipped,
              },
        instruments: outcome.instruments.map((d) => d.id),
        ruleSet: outcome.ruleSetRef,
        counts: { ...counts, rejectedWithRisk: outcome.rejectedWithRisk, undecided: outcome.undecided },
        levels: Object.fromEntries(model.levels.map((l) => [l.id, l.count])),
        followUp: outcome.tally.followUpTotal,
        files: outcome.files,
        warnings: [...sheetWarnings, ...warnings],
      },
    };
  } finally {
    lock?.release();
  }
}

function removeEmptyImport(out: string, lock: OutLock | undefined): void {
  for (const name of Object.values(OUTPUT_FILES)) rmSync(join(out, name), { force: true });
  // The lock goes last, with the folder if that leaves it empty (something else may live there: then it stays).
  lock?.release({ removeFolder: true });
}

/**
 * The `--out` folder's lock for the whole import, or a refusal naming the folder when another import holds it:
 * nothing written, nothing removed. A lock left by an import that no longer runs is taken over, with a note.
 */
function lockFolder(
  out: string,
  options: Pick<ImportCommandOptions, 'argv' | 'note'>,
  text: ImportMessages,
  interrupt: { dispose: () => void },
): { lock: OutLock; tookOver: boolean } {
  let result: ReturnType<typeof lockOutDir>;
  try {
    result = lockOutDir(out);
  } catch (error) {
    interrupt.dispose();
    // The folder cannot be made, or the lock cannot be written in it (a full disk, a read-only folder).
    throw folderFailure(error, out, text) ?? writeFailure(error, options.argv, out, text) ?? error;
  }
  const holder = (h: LockHolder) =>
    text.outDir.busyHolder(h.pid, h.host === hostname() ? undefined : h.host, h.started);
  if (!result.ok) {
    interrupt.dispose();
    throw new CliError('CLI_OUT_BUSY', text.outDir.busy(out, result.holder && holder(result.holder)));
  }
  if (result.tookOver) options.note(text.outDir.tookOver(out, holder(result.tookOver)), 'warning');
  return { lock: result.lock, tookOver: result.tookOver !== undefined };
}

/** The input opened once and closed: one that cannot be read (no permission) is said so before anything is done. */
function checkReadable(file: string, text: ImportMessages): void {
  try {
    // A regular file (checked before): opening it cannot wait.
    closeSync(openSync(file, 'r'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new CliError('CLI_FILE_UNREADABLE', text.inputUnreadable(file, code), { cause: error });
  }
}

/** `12,000 rows…` on one line of a terminal, redrawn at most ten times a second and cleared at the end. */
function progressLine(
  stream: NodeJS.WriteStream | null,
  text: ImportMessages,
): { update: (rows: number) => void; done: () => void } {
  if (!stream) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: (rows) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r${text.progress(rows)}\u001b[K`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}

/**
 * The instruments a mapping file means (its list, and those its columns name) when `--instrument` names others: the
 * two disagree, and reading either one silently could score the wrong instrument. Undefined when they agree.
 */
function instrumentsDiffer(named: readonly InstrumentDefinition[], file: MappingFile): string[] | undefined {
  if (named.length === 0) return undefined;
  const targets = [...file.columns.values(), ...file.positions.values()].flatMap((t) =>
    t.kind === 'item' ? [t.instrument.id] : [],
  );
  const meant = [...new Set([...file.instruments.map((d) => d.id), ...targets])];
  const ids = new Set(named.map((d) => d.id));
  const same =
    meant.every((id) => ids.has(id)) && (file.instruments.length === 0 || file.instruments.length === ids.size);
  return same || meant.length === 0 ? undefined : meant;
}

/** The instruments of every mapped sheet, each once. */
function mappedInstruments(mappings: ImportOutcome['mappings']): InstrumentDefinition[] {
  const found = new Map<string, InstrumentDefinition>();
  for (const m of mappings.values()) for (const i of m?.instruments ?? []) found.set(i.definition.id, i.definition);
  return [...found.values()];
}

/** Before any row is read: how the file is read and how each sheet is mapped, with what needs a look. */
function describeStart(
  source: Source,
  mappings: ImportOutcome['mappings'],
  options: ImportCommandOptions,
  text: ImportMessages,
  mapFile: MappingFile | undefined,
): void {
  const file = options.file;
  if (source.kind === 'csv') {
    const d = source.dialect;
    options.note(
      text.readAs(file, `${encodingDisplayName(d.encoding)}${d.bom ? ' BOM' : ''}`, d.detected, d.delimiter),
    );
  } else options.note(text.readSheets(file, source.sheets));
  const classless: string[] = [];
  for (const [sheet, mapping] of mappings) {
    const where = sheet === null ? file : `${file} [${sheet}]`;
    if (!mapping) continue;
    if (!mapping.person.class) classless.push(sheet ?? '');
    const person = Object.entries(mapping.person).map(
      ([field, c]) => `${text.fieldNames[field as keyof typeof text.fieldNames]} (${c?.header.replace(/\s+/g, ' ')})`,
    );
    options.note(
      text.mapped(
        where,
        mapping.instruments.map((i) => i.definition.abbreviation),
        person,
        mapping.ignored.length,
      ),
    );
    if (mapping.how !== 'map') {
      // Columns the mapping file names are read as it says, not by position: nothing to warn about.
      const named = (c: { readonly index: number; readonly header: string }) =>
        mapFile !== undefined && (mapFile.positions.has(c.index) || mapFile.columns.has(normalizeHeader(c.header)));
      for (const { instrument, columns } of itemsNumberedOn(mapping.instruments)) {
        const byPosition = columns.filter((c) => !named(c));
        if (byPosition.length > 0) options.note(text.numberedOn(where, instrument, byPosition), 'warning');
      }
    }
    for (const c of mapping.unknownItems) {
      const said = c.suicide
        ? text.suicideItem(where, c, c.instrument.toUpperCase(), c.suicide.readBy)
        : text.unknownItem(where, c, c.instrument.toUpperCase(), c.item);
      options.note(said, 'warning');
    }
    if (mapping.unmatchedKeys?.length) options.note(text.unmatchedKeys(where, mapping.unmatchedKeys), 'warning');
    if (!mapping.person.studentId) options.note(text.noIdColumn(where), 'warning');
    if (options.instruments.length > 0) {
      const used = new Set(mapping.instruments.map((i) => i.definition.id));
      const others = instrumentsNamedIn(
        mapping.ignored.map((c) => c.header),
        options.all.filter((d) => !used.has(d.id)),
      );
      if (others.length > 0)
        options.note(
          text.otherInstruments(
            where,
            others.map((d) => d.abbreviation),
          ),
          'warning',
        );
    }
    const only = mapping.instruments[0];
    if (mapping.how === 'count' && only) {
      options.note(text.byCount(where, only.definition.abbreviation, only.items.length), 'warning');
    }
  }
  // Once per file: a workbook of twenty class sheets says it once.
  if (classless.length > 0) {
    options.note(text.noClassColumn(file, source.kind === 'csv' ? null : classless), 'warning');
  }
}

/** Warnings the user must see after the import: problems found across rows. */
/**
 * A class that Excel made a date of (`7-1` typed into a cell formatted General): as the workbook reader gives one
 * (2025-07-01), or as a CSV saved from Excel writes it (2025/7/1, 7月1日, 1-Jul).
 */
const DATE_AS_CLASS =
  /(?:^|\s)(\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}月\d{1,2}日|\d{1,2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))$/;

function warningsOf(outcome: ImportOutcome, text: ImportMessages): string[] {
  const codings = outcome.codingHints.map((h) => text.codingHint(h.abbreviation, h.looks, h.rows, h.yesNo));
  const warnings: string[] = [];
  for (const [sheet, mapping] of outcome.mappings) {
    if (mapping === null && sheet !== null) {
      const other = outcome.otherInstruments.get(sheet);
      const first = outcome.instruments.map((d) => d.abbreviation);
      warnings.push(other ? text.sheetOtherInstruments(sheet, other, first) : text.sheetUnmapped(sheet));
    }
  }
  for (const t of outcome.fileTotals) {
    if (t.differ === 0 || !t.first) continue;
    const example = text.fileTotalExample(t.first.where, t.first.file, t.first.computed);
    warnings.push(text.fileTotals(t.header, t.differ, t.compared, example, t.summedAsWritten > 0, t.measure));
  }
  if (outcome.counts.duplicateIds > 0)
    warnings.push(text.duplicates(outcome.counts.duplicateIds, outcome.duplicateLines));
  if (outcome.strippedZeros) {
    const z = outcome.strippedZeros;
    warnings.push(text.leadingZeros(z.count, z.length, z.lines));
  }
  if (outcome.shortIds) {
    const headers = [...outcome.mappings.values()].flatMap((m) =>
      m?.person.studentId ? [m.person.studentId.header] : [],
    );
    warnings.push(text.shortIds([...new Set(headers)]));
  }
  const dated = [...outcome.tally.byGradeAndClass.values()].flatMap((classes) =>
    // By-class keys hold the grade before the class (`初一 2025-07-01`).
    [...classes.keys()].flatMap((name) => DATE_AS_CLASS.exec(name)?.[1] ?? []),
  );
  if (dated[0] !== undefined) warnings.push(text.classesAsDates(dated.length, dated[0]));
  const otherYear = outcome.tally.otherYearClasses;
  if (otherYear) warnings.push(text.classOtherGrade(otherYear.count, otherYear.class, otherYear.grade));
  if (outcome.withheldRows > 0) warnings.push(text.withheldRows(outcome.withheldRows));
  if (outcome.rejectedWithRisk > 0) warnings.push(text.riskInRejected(outcome.rejectedWithRisk));
  if (outcome.undecided > 0) warnings.push(text.undecided(outcome.undecided));
  warnings.push(...codings);
  for (const m of outcome.skipMarks) warnings.push(text.skipMarks(m.abbreviation, m.rows));
  const copied = outcome.copiedAnswers;
  if (copied.first) warnings.push(text.copiedAnswers(copied.cells, copied.first));
  return warnings;
}

function asCliError(
  error: unknown,
  options: Pick<ImportCommandOptions, 'file' | 'resume'>,
  out: string,
  text: ImportMessages,
): unknown {
  const { file } = options;
  if (error instanceof MappingError)
    return new CliError(
      'CLI_MAPPING',
      mappingProblems(error.problems, file, text, error.delimiter, error.givenEncoding),
      { cause: error },
    );
  if (error instanceof OutDirError) {
    if (error.code === 'other-file')
      return new CliError('CLI_OUT_DIR', text.outDir.otherFile(out, error.detail), { cause: error });
    if (error.code === 'nothing-to-resume')
      return new CliError('CLI_NOTHING_TO_RESUME', text.outDir.nothingToResume(error.detail), { cause: error });
    if (error.code === 'complete')
      return new CliError('CLI_NOTHING_TO_RESUME', text.outDir.alreadyComplete(error.detail), { cause: error });
    return new CliError('CLI_NOTHING_TO_RESUME', text.outDir.changedSince(error.detail), { cause: error });
  }
  if (error instanceof WorkFilesError) {
    // Not resuming, the files it was writing went away under it: the folder removed (or emptied) while importing.
    if (!options.resume) return new CliError('CLI_OUT_WRITE', text.outDir.removedWhileWriting(out), { cause: error });
    const message = text.outDir.workFiles(out, error.path, error.code === 'missing');
    return new CliError('CLI_NOTHING_TO_RESUME', message, { cause: error });
  }
  if (error instanceof InputChangedError) {
    return new CliError('CLI_FILE_UNREADABLE', text.inputChanged(file), { cause: error });
  }
  if (error instanceof EmptySourceError) {
    const message = error.sheets.length > 0 ? text.xlsx.emptySheets(file, error.sheets) : text.emptyFile(file);
    return new CliError('CLI_NO_DATA', message, { cause: error });
  }
  return readFailure(error, file, text);
}

/** A file that cannot be read (encoding, not a spreadsheet or text, a broken workbook) as a CLI error; else `error`. */
export function readFailure(error: unknown, file: string, text: ImportMessages): unknown {
  if (isCsvDecodeError(error)) {
    return decodeFailure(error, file, text);
  }
  if (error instanceof SourceError) {
    const message =
      error.code === 'old-excel'
        ? text.oldExcel(file, extname(file).toLowerCase() === '.et')
        : error.code === 'utf-32'
          ? text.utf32(file)
          : text.notText(file);
    return new CliError('CLI_FILE_UNREADABLE', message, { cause: error });
  }
  if (isXlsxError(error)) {
    // A --sheet the workbook does not have, or one that names two: the flag's value is wrong (exit 2), not the file.
    if (error.code === 'XLSX_NO_SUCH_SHEET')
      return new CliError('CLI_USAGE', text.xlsx.noSuchSheet(file, error.missing, error.sheets), { cause: error });
    if (error.code === 'XLSX_AMBIGUOUS_SHEET') {
      const message = text.xlsx.ambiguousSheet(file, error.missing[0] ?? '', error.sheets);
      return new CliError('CLI_USAGE', message, { cause: error });
    }
    return new CliError('CLI_XLSX', text.xlsx.invalid(file, error.reason, error.damage), { cause: error });
  }
  return error;
}
