import { Flags } from '@oclif/core';
import type { RuleSet } from '@triage/core';
import { BaseCommand } from '../../base-command.ts';
import { CliError } from '../../exit-codes.ts';
import { findInstruments, loadScales } from '../../instrument.ts';
import { readingFlags } from '../../reading-flags.ts';
import { loadCore, loadRuleSet, readText } from '../../rule-files.ts';
import { cohortHelp, cohortMessages } from '../../simulate/cohort-messages.ts';
import { parseHandleTimes } from '../../simulate/cohort-options.ts';
import type { SimulateCohortResult } from '../../simulate/cohort-run.ts';

const LEVELS = ['R0', 'R1', 'R2', 'R3', 'R4'] as const;

/** Whether YYYY-MM-DD names a day that exists: Date.parse rolls 2026-02-30 over to 2 March, a real day reads back. */
function isCalendarDay(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

export default class SimulateCohort extends BaseCommand<typeof SimulateCohort> {
  static override summary = cohortHelp.summary;
  static override description = cohortHelp.description;
  static override flags = {
    ...readingFlags,
    input: Flags.string({ char: 'f', summary: cohortHelp.input, required: true }),
    rules: Flags.string({ summary: cohortHelp.rules }),
    compare: Flags.string({ summary: cohortHelp.compare }),
    weeks: Flags.integer({ summary: cohortHelp.weeks, default: 12, min: 1, max: 520 }),
    start: Flags.string({ summary: cohortHelp.start }),
    'no-answer-rate': Flags.string({ summary: cohortHelp.noAnswerRate, default: '0' }),
    'referral-from': Flags.option({ options: LEVELS, summary: cohortHelp.referralFrom, default: 'R2' as const })(),
    'handle-time': Flags.string({ summary: cohortHelp.handleTime, multiple: true, delimiter: ',' }),
    show: Flags.integer({ summary: cohortHelp.show, default: 20, min: 0 }),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> --input screening.csv --start 2026-09-01',
    '<%= config.bin %> <%= command.id %> --input screening.csv --compare stricter.yaml --start 2026-09-01',
    '<%= config.bin %> <%= command.id %> --input grade-7.xlsx --rules a.yaml --compare b.yaml --no-answer-rate 0.2 --json',
  ];

  public async run(): Promise<SimulateCohortResult> {
    const { flags } = this;
    const text = cohortMessages(this.lang);
    const rate = Number(flags['no-answer-rate']);
    if (!(rate >= 0 && rate < 1)) throw new CliError('CLI_USAGE', text.badRate);
    const start = flags.start ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new CliError('CLI_USAGE', text.badStart(start));
    if (!isCalendarDay(start)) throw new CliError('CLI_USAGE', text.noSuchDay(start));
    const handleMinutes = parseHandleTimes(flags['handle-time'] ?? [], text);
    const delimiter = flags.delimiter === 'tab' ? '\t' : flags.delimiter;
    if (delimiter !== undefined && [...delimiter].length !== 1) throw new CliError('CLI_USAGE', this.text.badDelimiter);

    if (flags.start === undefined) this.note(text.defaultStart(start));
    const [scales, core, { runCohort }] = await Promise.all([
      loadScales(),
      loadCore(),
      import('../../simulate/cohort-run.ts'),
    ]);
    const instruments = findInstruments(scales, flags.instrument ?? [], this.text);
    const ruleSets: [RuleSet] | [RuleSet, RuleSet] = [await loadRuleSet(core, flags.rules, this.text)];
    if (flags.compare !== undefined) ruleSets.push(await loadRuleSet(core, flags.compare, this.text));
    const mapText = flags.map === undefined ? undefined : await readText(flags.map, this.text);
    const interactive =
      !flags['no-input'] &&
      !flags.json &&
      process.stdin.isTTY === true &&
      process.stderr.isTTY === true &&
      !process.env.CI;

    const { result, exitCode, output } = await runCohort({
      file: flags.input,
      lang: this.lang,
      instruments,
      all: scales.instruments,
      ruleSets,
      map: flags.map === undefined || mapText === undefined ? undefined : { file: flags.map, text: mapText },
      sheets: flags.sheet,
      encoding: flags.encoding,
      delimiter,
      score: {
        coding: flags.coding,
        ...(flags['index-rounding'] ? { indexRounding: flags['index-rounding'] } : {}),
        ...(flags['proration-rounding'] ? { prorationRounding: flags['proration-rounding'] } : {}),
      },
      settings: {
        start,
        weeks: flags.weeks,
        noAnswerRate: rate,
        referralFrom: flags['referral-from'],
        ...(handleMinutes ? { handleMinutes } : {}),
      },
      show: flags.show,
      interactive,
      note: (message, level) => this.note(message, level),
    });
    this.log(output);
    this.setExitCode(exitCode);
    return result;
  }
}
