import { type AnalysedRule, SINGLE_VALUED } from './analysed-rule.ts';
import { conflict, type Disagreement } from './messages.ts';
import type { Conjunct } from './normalize.ts';
import { implies, overlaps } from './regions.ts';
import type { DraftIssue } from './types.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a more severe rule setting `field` fires wherever `region` holds, so the tie never decides. */
function masked(region: Conjunct, field: (typeof SINGLE_VALUED)[number], rank: number, rules: readonly AnalysedRule[]) {
  return rules.some(
    (h) => h.rank > rank && h.rule.then[field] !== undefined && h.region.some((r) => implies(region, r)),
  );
}

/**
 * RULES_CONFLICT: two rules of the same level that may fire together and set different values for a single-valued
 * outcome; evaluate.ts then keeps the first in rule order. Overlaps always covered by a more severe rule that sets
 * the same outcome are not reported.
 */
export function findConflicts(rules: readonly AnalysedRule[]): DraftIssue[] {
  const issues: DraftIssue[] = [];
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) {
      if (a.rank !== b.rank || a.region.length === 0 || b.region.length === 0) continue;
      const fields = SINGLE_VALUED.filter((f) => {
        const x = a.rule.then[f];
        const y = b.rule.then[f];
        return x !== undefined && y !== undefined && !same(x, y);
      });
      if (fields.length === 0) continue;
      const shared = a.region.flatMap((x) => b.region.filter((y) => overlaps(x, y)).map((y) => [...x, ...y]));
      const open = fields.filter((f) => !shared.every((region) => masked(region, f, a.rank, rules)));
      if (shared.length === 0 || open.length === 0) continue;
      const disagreements: Disagreement[] = open.map((f) => ({
        field: f,
        first: a.rule.then[f],
        second: b.rule.then[f],
      }));
      issues.push({
        severity: 'warning',
        code: 'RULES_CONFLICT',
        rules: [a.rule.id, b.rule.id],
        message: conflict(a.rule.id, b.rule.id, a.rule.then.level, disagreements),
        at: ['rules', a.index],
      });
    }
  });
  return issues;
}
