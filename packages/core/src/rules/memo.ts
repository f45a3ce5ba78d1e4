import { compileReader, type Reader } from './conditions.ts';
import { compileRuleSet, type Decision, type EvaluateOptions, evaluateRules } from './evaluate.ts';
import type { Facts } from './facts.ts';
import type { RuleSet } from './schema.ts';

/** {@link evaluateRules} with a cache: the same facts, as far as any rule can see them, give the same decision. */
export interface DecisionMemo {
  evaluate(facts: Facts, options?: EvaluateOptions): Decision;
  /** Evaluations answered from the cache, and those that ran the rules. */
  readonly stats: { readonly hits: number; readonly misses: number };
}

function encode(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'number':
      return `#${value}`;
    case 'string':
      return `s${value.length}:${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    default:
      return `j${JSON.stringify(value)}`;
  }
}

/**
 * What a decision depends on, as one string: every fact any rule reads, which instruments and subjects are present
 * (a missing fact only counts as undetermined where its instrument was given), and every unknown critical flag (the
 * unknown-critical policy reads them all). Two fact sets with the same key get the same decision from `evaluateRules`.
 */
function keyOf(readers: readonly Reader[], facts: Facts, options: EvaluateOptions): string {
  let key = options.atLeast ?? '-';
  for (const read of readers) key += `|${encode(read(facts))}`;
  key += `|p${facts.person === undefined ? 0 : 1}c${facts.contact === undefined ? 0 : 1}`;
  const scales = facts.scales;
  if (scales) {
    // In the caller's order, unsorted: facts built the same way give the same key; others only miss the cache.
    for (const id in scales) {
      const scale = scales[id];
      key += `|${encode(id)}`;
      if (scale === undefined) continue;
      if (scale.category === 'unknown') key += '?';
      for (const flag in scale.flags) if (scale.flags[flag] === 'unknown') key += `~${encode(flag)}`;
    }
  }
  return key;
}

/**
 * A cache in front of a rule set for bulk work (a screening of 100,000 students has a few thousand distinct fact
 * patterns). Decisions are shared between callers and must not be mutated; they are equal, field by field, to what
 * `evaluateRules` returns for the same facts. The cache empties itself when it reaches `capacity` entries.
 * @example
 * const memo = createDecisionMemo(defaultRuleSet);
 * const decision = memo.evaluate({ scales: { 'phq-a': scaleFacts(score) }, person: { age: 15 } });
 */
export function createDecisionMemo(ruleSet: RuleSet, options: { readonly capacity?: number } = {}): DecisionMemo {
  const compiled = compileRuleSet(ruleSet);
  const capacity = options.capacity ?? 50_000;
  const paths = [...new Set(compiled.rules.flatMap((rule) => rule.readers.map((r) => r.fact)))];
  const readers = paths.map(compileReader);
  const cache = new Map<string, Decision>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    evaluate(facts, evaluateOptions = {}) {
      const key = keyOf(readers, facts, evaluateOptions);
      const cached = cache.get(key);
      if (cached) {
        stats.hits++;
        return cached;
      }
      stats.misses++;
      const decision = evaluateRules(compiled, facts, evaluateOptions);
      if (cache.size >= capacity) cache.clear();
      cache.set(key, decision);
      return decision;
    },
  };
}
