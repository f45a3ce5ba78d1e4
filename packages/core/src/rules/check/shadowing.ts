import { type AnalysedRule, contributes, outcomeCovers } from './analysed-rule.ts';
import { shadowed } from './messages.ts';
import { implies } from './regions.ts';
import type { DraftIssue } from './types.ts';

/**
 * RULES_SHADOWED: under max severity, a rule whose every firing comes with a more severe rule that sets everything
 * it sets can never change a decision. Only claimed when each alternative of its region is proven to lie inside one
 * alternative of the other rule's region; rules marked noAction or setting nothing are left alone.
 */
export function findShadowed(rules: readonly AnalysedRule[]): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const a of rules) {
    const then = a.rule.then;
    if (a.region.length === 0 || then.noAction || !contributes(then)) continue;
    const by = rules.find(
      (b) =>
        b.rank > a.rank &&
        b.region.length > 0 &&
        outcomeCovers(b.rule.then, then) &&
        a.region.every((x) => b.region.some((y) => implies(x, y))),
    );
    if (by) {
      issues.push({
        severity: 'warning',
        code: 'RULES_SHADOWED',
        rules: [a.rule.id, by.rule.id],
        message: shadowed(a.rule.id, then.level, by.rule.id, by.rule.then.level),
        at: ['rules', a.index],
      });
    }
  }
  return issues;
}
