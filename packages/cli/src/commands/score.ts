import { Args, Flags } from '@oclif/core';
import type { InstrumentDefinition, ScoreIssue, ScoreOptions, ScoreValue } from '@triage/scales';
import { BaseCommand } from '../base-command.ts';
import { type Decoded, ENCODINGS, type Encoding, type EncodingLabel } from '../csv/decode.ts';
import { CliError, rowsExitCode } from '../exit-codes.ts';
import { CODINGS, findInstrument, loadScales, ROUNDINGS, type Scales } from '../instrument.ts';
import { help } from '../messages.ts';
import type { FileProblem, RowIssue } from '../responses/score-rows.ts';

/** Rejected-row lines printed before "… and N more"; --json always has them all. */
const MAX_PRINTED_ISSUES = 50;

export interface ScoreAnswersResult {
  readonly source: 'answers';
  readonly instrument: string;
  readonly version: string;
  readonly score: ScoreValue;
  /** `score.warnings` in the chosen language. */
  readonly warnings: readonly string[];
}

export interface ScoredRowResult {
  readonly line: number;
  readonly id: string | null;
  readonly score: ScoreValue;
  readonly warnings: readonly string[];
}

export interface RejectedRowResult {
  readonly line: number;
  readonly id: string | null;
  readonly issues: readonly {
    readonly code: RowIssue['code'];
    readonly item: string | null;
    /** 1-based column number, as spreadsheets count. */
    readonly column: number | null;
    readonly header: string | null;
    readonly expected: string;
    readonly message: string;
  }[];
}

export interface ScoreFileResult {
  readonly source: 'file';
  readonly instrument: string;
  readonly version: string;
  readonly file: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly delimiter: string;
  readonly columns: {
    readonly id: string | null;
    readonly items: readonly { readonly item: string; readonly column: number; readonly header: string }[];
    readonly ignored: number;
  };
  readonly summary: {
    readonly rows: number;
    readonly scored: number;
    readonly rejected: number;
    readonly blankLines: number;
    /** Scored rows with a positive or unknown critical flag. */
    readonly flagged: number;
  };
  readonly rows: readonly ScoredRowResult[];
  readonly rejected: readonly RejectedRowResult[];
}

export type ScoreResult = ScoreAnswersResult | ScoreFileResult;

export default class Score extends BaseCommand<typeof Score> {
  static override summary = help.score;
  static override description = help.scoreDescription;
  static override args = { id: Args.string({ required: true, description: help.showId }) };
  static override flags = {
    answers: Flags.string({ char: 'a', summary: help.answers }),
    file: Flags.string({ char: 'f', summary: help.file }),
    encoding: Flags.option({ options: ENCODINGS, summary: help.encoding })(),
    delimiter: Flags.string({ summary: help.delimiter }),
    coding: Flags.option({ options: CODINGS, default: 'native' as const, summary: help.coding })(),
    'band-set': Flags.string({ summary: help.bandSet }),
    'index-rounding': Flags.option({ options: ROUNDINGS, summary: help.indexRounding })(),
    'proration-rounding': Flags.option({ options: ROUNDINGS, summary: help.prorationRounding })(),
    prorate: Flags.boolean({ default: true, allowNo: true, summary: help.prorate }),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> phq-9 --answers 1,2,0,1,0,0,1,0,1',
    '<%= config.bin %> <%= command.id %> phq-9 --answers "1,好几天,0,,0,0,1,0,0" --lang zh',
    '<%= config.bin %> <%= command.id %> phq-9 --file responses.csv --json',
    '<%= config.bin %> <%= command.id %> phq-9 --file responses.csv --encoding gb18030 --coding one-based',
  ];

  public async run(): Promise<ScoreResult> {
    const { flags, text } = this;
    if ((flags.answers === undefined) === (flags.file === undefined))
      throw new CliError('CLI_USAGE', text.needOneSource);
    if (flags.file === undefined) {
      const fileOnly = (['encoding', 'delimiter'] as const).filter((f) => flags[f] !== undefined);
      if (fileOnly.length) throw new CliError('CLI_USAGE', text.fileOnlyFlags(fileOnly.map((f) => `--${f}`)));
    }
    if (flags.delimiter !== undefined && flags.delimiter !== 'tab' && [...flags.delimiter].length !== 1) {
      throw new CliError('CLI_USAGE', text.badDelimiter);
    }
    const scales = await loadScales();
    const definition = findInstrument(scales, this.args.id, text);
    const bandSet = flags['band-set'];
    if (bandSet !== undefined && !definition.bandSets.some((s) => s.id === bandSet)) {
      const known = definition.bandSets.map((s) => s.id);
      throw new CliError('CLI_UNKNOWN_BAND_SET', text.unknownBandSet(bandSet, definition.abbreviation, known));
    }
    const options: ScoreOptions = {
      coding: flags.coding,
      prorate: flags.prorate,
      ...(bandSet === undefined ? {} : { bandSet }),
      ...(flags['index-rounding'] === undefined ? {} : { indexRounding: flags['index-rounding'] }),
      ...(flags['proration-rounding'] === undefined ? {} : { prorationRounding: flags['proration-rounding'] }),
    };
    return flags.answers === undefined
      ? this.scoreFile(scales, definition, flags.file as string, options)
      : this.scoreAnswers(scales, definition, flags.answers, options);
  }

  private async scoreAnswers(
    scales: Scales,
    definition: InstrumentDefinition,
    answers: string,
    options: ScoreOptions,
  ): Promise<ScoreAnswersResult> {
    const [{ parseAnswersFlag }, { renderScore, warningMessages }] = await Promise.all([
      import('../responses/answers-flag.ts'),
      import('../render/score-result.ts'),
    ]);
    const result = scales.scoreInstrument(definition, parseAnswersFlag(answers), options);
    if (!result.ok) {
      const lines = result.error.issues.map((issue) => this.text.invalidAnswers(scales.formatIssue(issue, this.lang)));
      throw new CliError('CLI_INVALID_ANSWERS', lines.join('\n'));
    }
    this.log(renderScore(result.value, definition, this.text, this.lang, this.color));
    return {
      source: 'answers',
      instrument: definition.id,
      version: definition.version,
      score: result.value,
      warnings: warningMessages(result.value, this.lang),
    };
  }

  /** The file as text; a file that is missing, unreadable or not valid text (with its line) as a CLI error. */
  private async readText(file: string, encoding: EncodingLabel | undefined): Promise<Decoded> {
    const [{ readCsvText, Utf32TextError }, { isCsvDecodeError }, { importMessages }, { decodeFailure }] =
      await Promise.all([
        import('../csv/read-csv-text.ts'),
        import('../csv/decode-error.ts'),
        import('../import/messages.ts'),
        import('../import/import-failures.ts'),
      ]);
    try {
      return await readCsvText(file, { encoding });
    } catch (error) {
      if (error instanceof Utf32TextError) {
        throw new CliError('CLI_ENCODING', importMessages(this.lang).utf32(file), { cause: error });
      }
      if (isCsvDecodeError(error)) {
        throw decodeFailure(error, file, importMessages(this.lang));
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new CliError('CLI_FILE_NOT_FOUND', this.text.fileNotFound(file), { cause: error });
      throw new CliError('CLI_FILE_UNREADABLE', this.text.fileUnreadable(file), { cause: error });
    }
  }

  private fileProblem(file: string, problem: FileProblem, definition: InstrumentDefinition): CliError {
    const { text } = this;
    switch (problem.code) {
      case 'empty':
        return new CliError('CLI_NO_DATA', text.emptyFile(file));
      case 'no-rows':
        return new CliError('CLI_NO_DATA', text.noRows(file));
      case 'unterminated-quote':
        return new CliError('CLI_CSV_SYNTAX', text.unterminatedQuote(file, problem.line));
      case 'columns': {
        const lines = problem.issues.map((issue) => {
          if (issue.code === 'duplicate-item') return text.duplicateItem(file, issue.item, issue.columns);
          if (issue.code === 'header-looks-like-data') return text.headerLooksLikeData(file);
          return text.missingItems(file, definition.abbreviation, issue.items);
        });
        return new CliError('CLI_COLUMNS', lines.join('\n'));
      }
    }
  }

  private issueMessage(scales: Scales, file: string, line: number, issue: RowIssue): string {
    const at = { file, line, ...(issue.column ? { column: issue.column.index + 1, header: issue.column.header } : {}) };
    const what =
      issue.code === 'CLI_FIELD_COUNT'
        ? this.text.fieldCount(issue.fields ?? 0, issue.expected)
        : scales.formatIssue(
            { code: issue.code, expected: issue.expected, ...(issue.item ? { item: issue.item } : {}) } as ScoreIssue,
            this.lang,
          );
    return this.text.rowProblem(at, what);
  }

  private async scoreFile(
    scales: Scales,
    definition: InstrumentDefinition,
    file: string,
    options: ScoreOptions,
  ): Promise<ScoreFileResult> {
    const [{ detectDelimiter }, { scoreCsvText }, { renderScoreTable, warningMessages }] = await Promise.all([
      import('../csv/read-csv.ts'),
      import('../responses/score-rows.ts'),
      import('../render/score-result.ts'),
    ]);
    const { flags, text, lang } = this;
    const decoded = await this.readText(file, flags.encoding);
    const { encoding, bom, detected } = decoded;
    const delimiter =
      flags.delimiter === undefined
        ? detectDelimiter(decoded.text)
        : flags.delimiter === 'tab'
          ? '\t'
          : flags.delimiter;
    this.note(text.readAs({ file, encoding, bom, detected, delimiter }));

    const outcome = scoreCsvText(decoded.text, { delimiter, definition, known: scales.instruments, score: options });
    if (!outcome.ok) throw this.fileProblem(file, outcome.error, definition);
    const { columns, scored, rejected, blankLines } = outcome.value;
    this.note(
      text.columnsFound({
        file,
        items: columns.items.length,
        id: columns.id?.header ?? null,
        ignored: columns.ignored,
      }),
    );
    for (const c of columns.unknownItems) {
      this.note(text.unknownItemColumn(file, c.index + 1, c.header, c.item, definition.abbreviation), 'warning');
    }

    const rows = scored.map(
      (r): ScoredRowResult => ({ line: r.line, id: r.id, score: r.score, warnings: warningMessages(r.score, lang) }),
    );
    const rejectedRows = rejected.map(
      (r): RejectedRowResult => ({
        line: r.line,
        id: r.id,
        issues: r.issues.map((issue) => ({
          code: issue.code,
          item: issue.item ?? null,
          column: issue.column ? issue.column.index + 1 : null,
          header: issue.column?.header ?? null,
          expected: issue.expected,
          message: this.issueMessage(scales, file, r.line, issue),
        })),
      }),
    );
    if (rows.length > 0) {
      const table = rows.map((r) => ({ label: r.id ?? text.line(r.line), score: r.score }));
      this.log(renderScoreTable(table, text, lang, this.color));
    }
    const messages = rejectedRows.flatMap((r) => r.issues.map((i) => i.message));
    for (const message of messages.slice(0, MAX_PRINTED_ISSUES)) this.note(message, 'rejected');
    if (messages.length > MAX_PRINTED_ISSUES) this.note(text.moreRejected(messages.length - MAX_PRINTED_ISSUES));
    const summary = {
      rows: rows.length + rejectedRows.length,
      scored: rows.length,
      rejected: rejectedRows.length,
      blankLines,
      flagged: rows.filter((r) => r.score.flags.length > 0).length,
    };
    this.note(text.summary(file, summary));
    this.setExitCode(rowsExitCode(summary.scored, summary.rejected));
    return {
      source: 'file',
      instrument: definition.id,
      version: definition.version,
      file,
      encoding,
      bom,
      delimiter,
      columns: {
        id: columns.id?.header ?? null,
        items: columns.items.map((c) => ({ item: c.item, column: c.index + 1, header: c.header })),
        ignored: columns.ignored,
      },
      summary,
      rows,
      rejected: rejectedRows,
    };
  }
}
