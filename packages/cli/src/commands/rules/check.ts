import { Args } from '@oclif/core';
import type { RuleCheckReport } from '@triage/core';
import { BaseCommand } from '../../base-command.ts';
import { CliError } from '../../exit-codes.ts';
import { help } from '../../messages.ts';
import { formatFileIssues, loadCore, readText } from '../../rule-files.ts';

export default class RulesCheck extends BaseCommand<typeof RulesCheck> {
  static override summary = help.rulesCheck;
  static override args = { file: Args.string({ required: true, description: help.rulesCheckFile }) };
  static override examples = ['<%= config.bin %> <%= command.id %> my-rules.yaml'];

  public async run(): Promise<RuleCheckReport> {
    const core = await loadCore();
    const file = this.args.file;
    const source = await readText(file, this.text);
    const parsed = core.parseRuleSet(source, file);
    if (!parsed.ok) {
      throw new CliError('CLI_RULES_INVALID', formatFileIssues(parsed.error, this.text));
    }
    const report = core.checkRules(parsed.value, { text: source, file });
    const t = this.text.rules;
    for (const issue of report.issues) {
      const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
      this.note(
        `${where}: ${t.severity[issue.severity]} ${issue.code} [${issue.rules.join(', ')}] ${issue.message[this.lang]}`,
      );
    }
    this.note(t.checked(report.errors, report.warnings, parsed.value.rules.length));
    if (report.errors > 0) this.setExitCode(1);
    return report;
  }
}
