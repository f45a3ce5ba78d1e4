import { compileCondition, FALSE, type Predicate, TRUE } from '../conditions.ts';
import type { Condition, FactTest } from '../schema.ts';

/** One test that must come out TRUE (`holds`) or FALSE (`!holds`): a test on an absent fact is neither. */
export interface Literal {
  readonly fact: string;
  readonly test: FactTest;
  readonly holds: boolean;
  /** Identity of the literal, for de-duplication. */
  readonly key: string;
  /** The engine's own compiled test, so the checker and the evaluator cannot disagree on what a test means. */
  readonly predicate: Predicate;
  /** The truth value the literal asks of the predicate. */
  readonly wants: typeof TRUE | typeof FALSE;
}

/** A conjunction of literals: one alternative of a condition's region. */
export type Conjunct = readonly Literal[];

/** Beyond this many alternatives a condition is not analysed (RULES_TOO_COMPLEX). */
export const MAX_CONJUNCTS = 256;

function literal(test: FactTest, holds: boolean): Literal {
  const key = `${holds ? '+' : '-'}${JSON.stringify(test)}`;
  return { fact: test.fact, test, holds, key, predicate: compileCondition(test), wants: holds ? TRUE : FALSE };
}

function and(a: readonly Conjunct[], b: readonly Conjunct[], max: number): Conjunct[] | null {
  if (a.length * b.length > max) return null;
  return a.flatMap((x) =>
    b.map((y) => {
      const keys = new Set(x.map((l) => l.key));
      return [...x, ...y.filter((l) => !keys.has(l.key))];
    }),
  );
}

/**
 * The region where `condition` is TRUE (`holds`) or FALSE (`!holds`), as a disjunction of conjunctions of literals.
 * Three-valued: `not` swaps TRUE and FALSE and keeps UNKNOWN, so a negation is pushed down to the tests as
 * "must be FALSE", which (unlike "not TRUE") needs the fact to be present. Null when the expansion exceeds `max`.
 */
export function toDnf(condition: Condition, holds = true, max = MAX_CONJUNCTS): Conjunct[] | null {
  if ('not' in condition) return toDnf(condition.not, !holds, max);
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    // all is TRUE when every part is TRUE and FALSE when one is; any is the dual.
    const conjunctive = 'all' in condition === holds;
    let result: Conjunct[] = conjunctive ? [[]] : [];
    for (const part of parts) {
      const sub = toDnf(part, holds, max);
      if (!sub) return null;
      const next = conjunctive ? and(result, sub, max) : [...result, ...sub];
      if (!next || next.length > max) return null;
      result = next;
    }
    return result;
  }
  return [[literal(condition, holds)]];
}
