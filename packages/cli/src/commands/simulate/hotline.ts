import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.ts';
import { CliError } from '../../exit-codes.ts';
import { loadCore, readText } from '../../rule-files.ts';
import { hotlineHelp, hotlineMessages } from '../../simulate/hotline-messages.ts';
import type { SimulateHotlineResult } from '../../simulate/hotline-render.ts';

export default class SimulateHotline extends BaseCommand<typeof SimulateHotline> {
  static override summary = hotlineHelp.summary;
  static override description = hotlineHelp.description;
  static override flags = {
    scenario: Flags.string({ summary: hotlineHelp.scenario, required: true }),
    // Two at least: each KPI is a mean with its 95% confidence interval, which one replication cannot give.
    replications: Flags.integer({ summary: hotlineHelp.replications, default: 10, min: 2 }),
    seed: Flags.integer({ summary: hotlineHelp.seed, default: 1, min: 0 }),
    html: Flags.string({ summary: hotlineHelp.html }),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> --scenario examples/simulate/city-line-5-seats.yaml',
    '<%= config.bin %> <%= command.id %> --scenario provincial.yaml --replications 20 --seed 7 --html hourly.html',
    '<%= config.bin %> <%= command.id %> --scenario provincial.yaml --json',
  ];

  public async run(): Promise<SimulateHotlineResult> {
    const { flags } = this;
    const text = hotlineMessages(this.lang);
    const file = flags.scenario;
    const [core, source, { progressBar }, { renderHotline }] = await Promise.all([
      loadCore(),
      readText(file, this.text),
      import('../../simulate/hotline-progress.ts'),
      import('../../simulate/hotline-render.ts'),
    ]);
    const parsed = core.parseYamlFile(core.hotlineScenarioSchema, source, file);
    if (!parsed.ok) {
      const lines = parsed.error.map((i) => text.scenarioAt(i.file, i.line, i.column, i.path, i.message));
      throw new CliError('CLI_SCENARIO_INVALID', lines.join('\n'));
    }
    // A typo such as perDay: 1e12 would run for days and fill the memory: refuse by the expected size, before running.
    const work = core.estimateHotlineWork(parsed.value, flags.replications);
    const limits = core.HOTLINE_LIMITS;
    if (!(work.contactsPerReplication <= limits.contactsPerReplication)) {
      const days = Math.round(((parsed.value.warmUp + parsed.value.horizon) / 86_400) * 10) / 10;
      throw new CliError(
        'CLI_SCENARIO_INVALID',
        text.tooManyPerReplication(file, work, limits.contactsPerReplication, days),
      );
    }
    if (!(work.contacts <= limits.contacts)) {
      throw new CliError('CLI_SCENARIO_INVALID', text.tooManyInAll(file, work, limits.contacts));
    }
    const bar = progressBar(process.stderr, (p) => text.progress(p.replication + 1, p.replications));
    const report = core.simulateHotline(parsed.value, {
      replications: flags.replications,
      seed: flags.seed,
      onProgress: bar.update,
    });
    bar.done();
    if (flags.html) await this.writeChart(flags.html, report, text);
    this.log(renderHotline(report, text));
    if (flags.html) this.note(text.htmlWritten(flags.html));
    return { scenarioFile: file, html: flags.html ?? null, report };
  }

  private async writeChart(
    file: string,
    report: SimulateHotlineResult['report'],
    text: ReturnType<typeof hotlineMessages>,
  ): Promise<void> {
    const [{ renderHotlineHtml }, { writePrivateFile }] = await Promise.all([
      import('../../simulate/hotline-chart.ts'),
      import('../../import/output/private-file.ts'),
    ]);
    try {
      writePrivateFile(file, renderHotlineHtml(report, text, this.lang));
    } catch (error) {
      throw new CliError('CLI_FILE_UNREADABLE', text.cannotWrite(file), { cause: error });
    }
  }
}
