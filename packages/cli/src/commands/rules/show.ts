import { Flags } from '@oclif/core';
import type { RuleSet } from '@triage/core';
import { BaseCommand } from '../../base-command.ts';
import { help } from '../../messages.ts';
import { loadCore, loadRuleSet } from '../../rule-files.ts';
import { formatTable } from '../../terminal.ts';

export interface RulesShowResult {
  readonly ruleSet: RuleSet;
}

export default class RulesShow extends BaseCommand<typeof RulesShow> {
  static override summary = help.rulesShow;
  static override flags = { rules: Flags.string({ summary: help.rulesFile }) };
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --lang zh'];

  public async run(): Promise<RulesShowResult> {
    const core = await loadCore();
    const set = await loadRuleSet(core, this.flags.rules, this.text);
    const h = this.text.rules.header;
    const rows = set.rules.map((r) => [
      r.id,
      r.then.noAction ? '—' : (r.then.level ?? ''),
      `${r.description[this.lang]}: ${core.describeCondition(r.when, this.lang)}`,
      (r.then.actions ?? []).join(', '),
      r.source ?? '',
    ]);
    this.log(`${set.name[this.lang]} ${set.version}`);
    this.log(formatTable([[h.id, h.level, h.when, h.actions, h.source], ...rows]));
    return { ruleSet: set };
  }
}
