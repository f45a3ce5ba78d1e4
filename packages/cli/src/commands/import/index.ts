import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.ts';
import { CliError } from '../../exit-codes.ts';
import type { ImportSummary } from '../../import/import-command.ts';
import { findInstruments, loadScales } from '../../instrument.ts';
import { help } from '../../messages.ts';
import { readingFlags } from '../../reading-flags.ts';
import { loadCore, loadRuleSet, readText } from '../../rule-files.ts';

export default class Import extends BaseCommand<typeof Import> {
  static override summary = help.import;
  static override description = help.importDescription;
  static override args = { file: Args.string({ required: true, description: help.importFile }) };
  static override flags = {
    ...readingFlags,
    out: Flags.string({ char: 'o', summary: help.out }),
    rules: Flags.string({ summary: help.rulesFile }),
    pseudonymize: Flags.boolean({ summary: help.pseudonymize, default: false }),
    'min-cell': Flags.integer({ summary: help.minCell, default: 5, min: 1 }),
    'dry-run': Flags.boolean({ summary: help.dryRun, default: false }),
    resume: Flags.boolean({ summary: help.resume, default: false }),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> screening.csv',
    '<%= config.bin %> <%= command.id %> grade-7.xlsx --sheet "初一(1)班" --pseudonymize',
    '<%= config.bin %> <%= command.id %> export.csv --instrument sds --out results/',
    '<%= config.bin %> <%= command.id %> screening.csv --resume',
  ];

  public async run(): Promise<ImportSummary> {
    const { flags } = this;
    const delimiter = flags.delimiter === 'tab' ? '\t' : flags.delimiter;
    if (delimiter !== undefined && [...delimiter].length !== 1) throw new CliError('CLI_USAGE', this.text.badDelimiter);
    const [scales, core, { runImportCommand }] = await Promise.all([
      loadScales(),
      loadCore(),
      import('../../import/import-command.ts'),
    ]);
    const instruments = findInstruments(scales, flags.instrument ?? [], this.text);
    const ruleSet = await loadRuleSet(core, flags.rules, this.text);
    const mapText = flags.map === undefined ? undefined : await readText(flags.map, this.text);
    const interactive =
      !flags['no-input'] &&
      !flags.json &&
      process.stdin.isTTY === true &&
      process.stderr.isTTY === true &&
      !process.env.CI;
    const { summary, exitCode } = await runImportCommand({
      file: this.args.file,
      out: flags.out,
      lang: this.lang,
      instruments,
      all: scales.instruments,
      ruleSet,
      map: flags.map === undefined || mapText === undefined ? undefined : { file: flags.map, text: mapText },
      sheets: flags.sheet,
      encoding: flags.encoding,
      delimiter,
      coding: flags.coding,
      ...(flags['index-rounding'] === undefined ? {} : { indexRounding: flags['index-rounding'] }),
      ...(flags['proration-rounding'] === undefined ? {} : { prorationRounding: flags['proration-rounding'] }),
      pseudonymize: flags.pseudonymize,
      minCell: flags['min-cell'],
      dryRun: flags['dry-run'],
      resume: flags.resume,
      interactive,
      version: this.config.version,
      argv: ['import', ...this.argv],
      progress: process.stderr.isTTY && !flags.json ? process.stderr : null,
      note: (message, level) => this.note(message, level),
      log: (message) => this.log(message),
    });
    this.setExitCode(exitCode);
    return summary;
  }
}
