import type { RuleSet } from '@triage/core';
import { getInstrument, type InstrumentDefinition, type Lang } from '@triage/scales';
import { CliError } from './exit-codes.ts';
import type { ImportMessages } from './import/messages.ts';
import type { Core } from './rule-files.ts';

/**
 * What a rule set misses of a screening's instruments, as warnings: instruments it reads nothing of, critical items
 * whose positive answer it never reads. A rule set the user gave (`own`) that reads none of them is an error
 * (CLI_RULES_MISMATCH, exit 2): every student would come out "no rule fired". The default set is never refused: it
 * deliberately has no rule for RCADS-25 (no published cut-off), whose scores are still worth importing.
 */
export function ruleCoverageWarnings(
  core: Core,
  ruleSet: RuleSet,
  options: {
    readonly instruments: readonly InstrumentDefinition[];
    readonly own: boolean;
    readonly lang: Lang;
    readonly text: ImportMessages;
  },
): string[] {
  const { instruments, text } = options;
  const coverage = core.ruleCoverage(ruleSet, instruments);
  const abbreviation = (id: string) => instruments.find((d) => d.id === id)?.abbreviation ?? id;
  if (options.own && coverage.read.length === 0 && coverage.unread.length > 0) {
    const names = coverage.elsewhere.map((id) => getInstrument(id)?.abbreviation ?? id);
    throw new CliError('CLI_RULES_MISMATCH', text.rulesReadNone(ruleSet.id, coverage.unread.map(abbreviation), names));
  }
  const warnings: string[] = [];
  if (coverage.unread.length > 0) warnings.push(text.rulesReadNothingOf(ruleSet.id, coverage.unread.map(abbreviation)));
  for (const { instrument, flags } of coverage.unreadCritical) {
    const critical = instruments.find((d) => d.id === instrument)?.critical ?? [];
    const labels = flags.map((f) => critical.find((c) => c.id === f)?.label[options.lang] ?? f);
    warnings.push(text.rulesCriticalUnread(ruleSet.id, abbreviation(instrument), labels));
  }
  return warnings;
}
