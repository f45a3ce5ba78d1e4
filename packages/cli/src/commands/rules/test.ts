import { Args, Flags } from '@oclif/core';
import type { RuleTestReport } from '@triage/core';
import { BaseCommand } from '../../base-command.ts';
import { CliError } from '../../exit-codes.ts';
import { help } from '../../messages.ts';
import { formatFileIssues, loadCore, loadRuleSet, readText } from '../../rule-files.ts';

export default class RulesTest extends BaseCommand<typeof RulesTest> {
  static override summary = help.rulesTest;
  static override args = { file: Args.string({ required: true, description: help.rulesTestFile }) };
  static override flags = { rules: Flags.string({ summary: help.rulesFile }) };
  static override examples = [
    '<%= config.bin %> <%= command.id %> my-rules.tests.yaml --rules my-rules.yaml',
    '<%= config.bin %> <%= command.id %> default-rule-set.tests.yaml',
  ];

  public async run(): Promise<
    Omit<RuleTestReport, 'cases'> & { cases: { name: string; passed: boolean; failures: readonly string[] }[] }
  > {
    const core = await loadCore();
    const set = await loadRuleSet(core, this.flags.rules, this.text);
    const parsed = core.parseRuleTests(await readText(this.args.file, this.text), this.args.file);
    if (!parsed.ok) throw new CliError('CLI_RULES_INVALID', formatFileIssues(parsed.error, this.text));
    const report = core.runRuleTests(set, parsed.value);
    const t = this.text.rules;
    for (const c of report.cases) {
      if (c.passed) continue;
      this.log(t.caseFailed(c.name));
      for (const f of c.failures) this.log(`      ${f}`);
    }
    for (const w of report.warnings) this.note(w, 'warning');
    this.log(t.tested(report.passed, report.failed));
    const total = set.rules.length;
    this.log(t.coverage(total - report.unexercised.length, total));
    if (report.unexercised.length > 0) this.log(t.unexercised(report.unexercised));
    if (report.failed > 0) this.setExitCode(1);
    // Decisions stay out of --json: they repeat the facts of every case.
    return { ...report, cases: report.cases.map(({ name, passed, failures }) => ({ name, passed, failures })) };
  }
}
