import { Flags } from '@oclif/core';
import type { Decision } from '@triage/core';
import { BaseCommand } from '../../base-command.ts';
import { CliError } from '../../exit-codes.ts';
import { help } from '../../messages.ts';
import { formatFileIssues, loadCore, loadRuleSet, readText } from '../../rule-files.ts';

export interface RulesExplainResult {
  readonly decision: Decision;
  readonly explanation: string;
}

export default class RulesExplain extends BaseCommand<typeof RulesExplain> {
  static override summary = help.rulesExplain;
  static override flags = {
    facts: Flags.string({ required: true, summary: help.facts }),
    rules: Flags.string({ summary: help.rulesFile }),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> --facts student.json',
    '<%= config.bin %> <%= command.id %> --facts student.yaml --rules my-rules.yaml --lang zh',
  ];

  public async run(): Promise<RulesExplainResult> {
    const core = await loadCore();
    const set = await loadRuleSet(core, this.flags.rules, this.text);
    const file = this.flags.facts;
    const parsed = core.parseYamlFile(core.situationSchema, await readText(file, this.text), file);
    if (!parsed.ok) throw new CliError('CLI_RULES_INVALID', formatFileIssues(parsed.error, this.text));
    const facts = core.situationFacts(parsed.value);
    if (!facts.ok) {
      throw new CliError(
        'CLI_INVALID_ANSWERS',
        facts.error.map((d) => this.text.rules.situationInvalid(file, d)).join('\n'),
      );
    }
    const compiled = core.compileRuleSet(set);
    const decision = core.evaluateRules(
      compiled,
      facts.value,
      parsed.value.atLeast ? { atLeast: parsed.value.atLeast } : {},
    );
    const explanation = core.explainDecision(decision, this.lang, compiled.levels);
    this.log(explanation);
    return { decision, explanation };
  }
}
