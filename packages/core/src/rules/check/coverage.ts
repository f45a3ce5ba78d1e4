import type { InstrumentDefinition } from '@triage/scales';
import { compileCondition, FALSE, TRUE } from '../conditions.ts';
import type { Facts } from '../facts.ts';
import type { Condition, RuleSet } from '../schema.ts';
import { itemRange } from './score-worlds.ts';

/** What a rule set reads of the instruments of one screening (see {@link ruleCoverage}). */
export interface RuleCoverage {
  /** The instruments given that some rule reads a fact of, in the order given. */
  readonly read: readonly string[];
  /** The instruments given that no rule reads any fact of: no score or answer of theirs can give a level. */
  readonly unread: readonly string[];
  /**
   * By instrument that is read: its critical flags (ids, in definition order) that no rule reads as positive, neither
   * through the flag nor through its item at every answer from the flag's minimum up.
   */
  readonly unreadCritical: readonly { readonly instrument: string; readonly flags: readonly string[] }[];
  /** The instruments the rule set reads that were not given, in rule order: what it was written for instead. */
  readonly elsewhere: readonly string[];
}

type Leaf = Extract<Condition, { fact: string }>;

/** Every test of a condition with its polarity: `negated` when under an odd number of `not`. */
function leaves(condition: Condition, negated = false, into: { leaf: Leaf; negated: boolean }[] = []) {
  if ('all' in condition) for (const c of condition.all) leaves(c, negated, into);
  else if ('any' in condition) for (const c of condition.any) leaves(c, negated, into);
  else if ('not' in condition) leaves(condition.not, !negated, into);
  else into.push({ leaf: condition, negated });
  return into;
}

/** Whether the test, taken with its polarity, holds on these facts (a negated test must come out FALSE). */
function holds(test: { leaf: Leaf; negated: boolean }, facts: Facts): boolean {
  const truth = compileCondition(test.leaf)(facts);
  return test.negated ? truth === FALSE : truth === TRUE;
}

const instrumentOf = (fact: string): string | undefined => {
  const [subject, instrument] = fact.split('.');
  return subject === 'scales' ? instrument : undefined;
};

/**
 * Whether tests let every positive critical flag through: a test on the flag itself that a positive flag satisfies, or
 * for each answer of its item at or above the flag's minimum, a test on the item that the answer satisfies.
 */
function readsPositive(
  tests: readonly { leaf: Leaf; negated: boolean }[],
  definition: InstrumentDefinition,
  flag: string,
): boolean {
  const id = definition.id;
  const flagFact = `scales.${id}.flags.${flag}`;
  const positive: Facts = { scales: { [id]: { flags: { [flag]: 'positive' } } } };
  if (tests.some((t) => t.leaf.fact === flagFact && holds(t, positive))) return true;
  for (const critical of definition.critical ?? []) {
    if (critical.id !== flag) continue;
    const item = definition.items.find((i) => i.id === critical.item);
    const itemFact = `scales.${id}.items.${critical.item}`;
    if (!item) continue;
    const { max } = itemRange(definition, item);
    const onItem = tests.filter((t) => t.leaf.fact === itemFact);
    const positives = Array.from({ length: Math.max(0, max - critical.min + 1) }, (_, i) => critical.min + i);
    const answered = (v: number): Facts => ({ scales: { [id]: { items: { [critical.item]: v } } } });
    if (positives.length > 0 && positives.every((v) => onItem.some((t) => holds(t, answered(v))))) return true;
  }
  return false;
}

/**
 * Compares a rule set with the instruments of a screening: which of them no rule reads at all, and which critical
 * flags (a self-harm item answered at or above its threshold) no rule reads as positive. A school's own rule set
 * written for PHQ-9, used on a PHQ-A file, reads nothing of it: every student would come out with no level. Pure;
 * a test counts as reading a flag when a positive flag (or each positive answer of its item) satisfies it, whatever
 * the rest of the rule's condition says: this finds rules that never look, not rules that look and cannot fire.
 * @example
 * ruleCoverage(schoolRules, [getInstrument('phq-a'), getInstrument('gad-7')]).unread; // ['phq-a', 'gad-7']
 */
export function ruleCoverage(ruleSet: RuleSet, instruments: readonly InstrumentDefinition[]): RuleCoverage {
  const tests = ruleSet.rules.flatMap((rule) => leaves(rule.when));
  const readIds = new Set(tests.flatMap((t) => instrumentOf(t.leaf.fact) ?? []));
  const given = new Set(instruments.map((d) => d.id));
  const read = instruments.filter((d) => readIds.has(d.id));
  const unreadCritical = read.flatMap((definition) => {
    const flags = [...new Set((definition.critical ?? []).map((c) => c.id))].filter(
      (flag) => !readsPositive(tests, definition, flag),
    );
    return flags.length > 0 ? [{ instrument: definition.id, flags }] : [];
  });
  return {
    read: read.map((d) => d.id),
    unread: instruments.filter((d) => !readIds.has(d.id)).map((d) => d.id),
    unreadCritical,
    elsewhere: [...readIds].filter((id) => !given.has(id)),
  };
}
