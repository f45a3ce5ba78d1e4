import { existsSync } from 'node:fs';
import {
  type CohortComparison,
  type CohortError,
  type CohortProjection,
  type CohortSettingsInput,
  compareCohorts,
  compileRuleSet,
  projectCohort,
  type RuleSet,
  type RuleSetRef,
} from '@triage/core';
import type { InstrumentDefinition, Lang, ScoreOptions } from '@triage/scales';
import { CliError, type ExitCode, rowsExitCode } from '../exit-codes.ts';
import { codingHints, skipMarkRows } from '../import/coding-signs.ts';
import { keyOrFailure } from '../import/import-failures.ts';
import { mappingFileProblems, parseMappingFile } from '../import/mapping-file.ts';
import { mappingPrompter } from '../import/mapping-prompter.ts';
import { importMessages } from '../import/messages.ts';
import type { SkippedSheet } from '../import/skipped-sheets.ts';
import { ruleCoverageWarnings } from '../rule-coverage.ts';
import { type CohortMessages, cohortMessages } from './cohort-messages.ts';
import { readCohort } from './cohort-read.ts';
import { renderComparison, renderProjection } from './cohort-render.ts';

/** The `--json` result: what was read (counts only), the rule sets, the projection and the comparison. */
export interface SimulateCohortResult {
  readonly input: {
    readonly file: string;
    readonly kind: 'csv' | 'xlsx';
    readonly encoding?: string;
    /** Workbooks: the sheets read, and those left unread (hidden, or nothing in them recognised) with their rows. */
    readonly sheets?: readonly string[];
    /** Workbooks: sheets among `sheets` the workbook hides, read as classes; absent when none. */
    readonly hiddenRead?: readonly string[];
    readonly skipped?: readonly SkippedSheet[];
    readonly instruments: readonly string[];
  };
  readonly counts: { readonly rows: number; readonly scored: number; readonly rejected: number };
  /** Every warning the terminal shows (stderr), in the same words and order: sheets left unread, rule coverage, … */
  readonly warnings: readonly string[];
  readonly rules: RuleSetRef;
  readonly projection: CohortProjection;
  /** With --compare: the second rule set, its projection, who changes level (pseudonyms) and the delta B − A. */
  readonly compare?: Omit<CohortComparison, 'a' | 'b'> & {
    readonly rules: RuleSetRef;
    readonly projection: CohortProjection;
  };
}

export interface CohortRunOptions {
  readonly file: string;
  readonly lang: Lang;
  readonly instruments: readonly InstrumentDefinition[];
  readonly all: readonly InstrumentDefinition[];
  readonly ruleSets: readonly [RuleSet] | readonly [RuleSet, RuleSet];
  readonly map: { readonly file: string; readonly text: string } | undefined;
  readonly sheets: readonly string[] | undefined;
  readonly encoding: 'utf-8' | 'gb18030' | 'gbk' | 'big5' | 'utf-16le' | 'utf-16be' | undefined;
  readonly delimiter: string | undefined;
  readonly score: ScoreOptions;
  readonly settings: CohortSettingsInput;
  /** Changed students listed by pseudonym on the terminal. */
  readonly show: number;
  readonly interactive: boolean;
  readonly note: (message: string, level?: 'info' | 'warning') => void;
}

function settingsError(error: CohortError, text: CohortMessages): CliError {
  const detail =
    error.code === 'CORE_COHORT_INVALID_OPTIONS'
      ? error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      : `${error.code} at ${error.index}`;
  return new CliError('CLI_USAGE', text.invalidOptions(detail));
}

/** Two labels that tell the rule sets apart: their ids, or A and B when both have the same id. */
function labelsOf(a: RuleSet, b: RuleSet): { a: string; b: string } {
  return a.id === b.id ? { a: `A (${a.id})`, b: `B (${b.id})` } : { a: a.id, b: b.id };
}

/**
 * `triage simulate cohort`: read the screening with the import's reader and mapping, triage each row with one or two
 * rule sets, project (and compare) the workload, render it. Writes no file; students appear only as pseudonyms.
 */
export async function runCohort(
  options: CohortRunOptions,
): Promise<{ result: SimulateCohortResult; exitCode: ExitCode; output: string }> {
  const text = cohortMessages(options.lang);
  const importText = importMessages(options.lang);
  if (!existsSync(options.file)) throw new CliError('CLI_FILE_NOT_FOUND', importText.fileNotFound(options.file));
  if (options.sheets && options.sheets.length > 0 && !/\.xls[xm]$/i.test(options.file)) {
    throw new CliError('CLI_USAGE', importText.sheetOnCsv);
  }
  const core = await import('@triage/core');
  const mapping = options.map ? parseMappingFile(options.map.text, options.map.file, core, importText) : undefined;
  if (mapping && !mapping.ok) {
    throw new CliError('CLI_MAPPING_FILE', mappingFileProblems(mapping.error, options.lang));
  }
  // The import's key when there is one, so pseudonyms match its lists; never a new key file for a simulation.
  const key = keyOrFailure(false, importText);
  const resolveMapping = options.interactive
    ? mappingPrompter({ file: options.file, all: options.all, lang: options.lang, note: options.note })
    : undefined;

  const coverage: string[] = [];
  // Checked once the sheets are mapped, before a row is read (as `triage import` does); said after the read, with
  // the other warnings. A set the user gave that reads none of the instruments throws CLI_RULES_MISMATCH here.
  const onMapped = (ids: readonly string[]) => {
    const screened = ids.flatMap((id) => options.all.find((d) => d.id === id) ?? []);
    for (const ruleSet of options.ruleSets) {
      const missed = ruleCoverageWarnings(core, ruleSet, {
        instruments: screened,
        own: ruleSet !== core.defaultRuleSet,
        lang: options.lang,
        text: importText,
      });
      coverage.push(...missed);
    }
  };
  const read = await readCohort(
    {
      file: options.file,
      instruments: options.instruments,
      all: options.all,
      mapping: mapping?.ok ? mapping.value : undefined,
      ruleSets: options.ruleSets,
      score: options.score,
      key: options.ruleSets.length > 1 ? key.key : undefined,
      encoding: options.encoding,
      delimiter: options.delimiter,
      sheets: options.sheets,
      ...(resolveMapping ? { resolveMapping } : {}),
      onMapped,
    },
    importText,
  );
  // Said on stderr and kept for --json in the same words and order.
  const skippedSheets = [
    ...(read.source.kind === 'xlsx' ? read.source.hiddenRead.map((sheet) => importText.hiddenSheetRead(sheet)) : []),
    ...read.skipped.map((s) => importText.sheetSkipped(s.sheet, s.rows, s.reason)),
  ];
  // Headers in another layout said as the import says them; rows not read (above a header, under one that cannot be
  // read) warned of with the rejected rows they are counted as.
  const newHeaders = read.headerNotes.flatMap((n) =>
    n.kind === 'new-header' ? [importText.newHeader(n.where, n.line)] : [],
  );
  const unreadRows = read.headerNotes.flatMap((n) =>
    n.kind === 'students-above'
      ? [text.studentsAbove(n.where, n.line, n.rows)]
      : n.kind === 'header-unmapped'
        ? [text.headerUnmapped(n.where, n.line)]
        : [],
  );
  // What import says of the answers' coding and 问卷星's skip marks, said here too: a file coded 1–4 read as 0–3
  // projects every student too high.
  const codings =
    (options.score.coding ?? 'native') === 'native'
      ? codingHints(read.plans).map((h) => importText.codingHint(h.abbreviation, h.looks, h.rows, h.yesNo))
      : [];
  const skipMarks = skipMarkRows(read.plans).map((m) => importText.skipMarks(m.abbreviation, m.rows));
  const afterRead = [
    ...(read.counts.rejectedWithRisk > 0 ? [text.riskInRejected(read.counts.rejectedWithRisk)] : []),
    ...codings,
    ...skipMarks,
    ...(read.copiedAnswers.first ? [importText.copiedAnswers(read.copiedAnswers.cells, read.copiedAnswers.first)] : []),
    ...coverage,
    ...(read.unmappedSheets.length > 0 ? [text.unmappedSheets(read.unmappedSheets)] : []),
    ...unreadRows,
  ];
  for (const w of skippedSheets) options.note(w, 'warning');
  for (const n of newHeaders) options.note(n);
  options.note(text.read(options.file, read.counts));
  for (const w of afterRead) options.note(w, 'warning');
  const warnings = [...skippedSheets, ...afterRead];
  if (key.ephemeral && options.ruleSets.length > 1) options.note(text.ephemeralKey);
  if (key.exposed && options.ruleSets.length > 1) options.note(importText.keyExposed(key.path), 'warning');

  const [a, b] = options.ruleSets;
  const refA = compileRuleSet(a).ref;
  const [studentsA = [], studentsB = []] = read.cohorts;
  const source = read.source;
  const input: SimulateCohortResult['input'] = {
    file: options.file,
    ...(source.kind === 'csv'
      ? { kind: 'csv', encoding: source.dialect.encoding }
      : {
          kind: 'xlsx',
          sheets: source.sheets,
          ...(source.hiddenRead.length > 0 ? { hiddenRead: source.hiddenRead } : {}),
          skipped: read.skipped,
        }),
    instruments: read.instruments,
  };
  const counts = { rows: read.counts.rows, scored: read.counts.scored, rejected: read.counts.rejected };
  const exitCode = rowsExitCode(counts.scored, counts.rejected);

  if (!b) {
    const projection = projectCohort(studentsA, options.settings);
    if (!projection.ok) throw settingsError(projection.error, text);
    const output = renderProjection(projection.value, a.id, text);
    return { result: { input, counts, warnings, rules: refA, projection: projection.value }, exitCode, output };
  }
  const compared = compareCohorts(studentsA, studentsB, options.settings);
  if (!compared.ok) throw settingsError(compared.error, text);
  const { a: projection, b: projectionB, ...comparison } = compared.value;
  const labels = labelsOf(a, b);
  const output = [
    renderProjection(projection, labels.a, text),
    '',
    renderProjection(projectionB, labels.b, text),
    '',
    renderComparison(compared.value, labels, { text, show: options.show }),
  ].join('\n');
  return {
    result: {
      input,
      counts,
      warnings,
      rules: refA,
      projection,
      compare: { rules: compileRuleSet(b).ref, projection: projectionB, ...comparison },
    },
    exitCode,
    output,
  };
}
