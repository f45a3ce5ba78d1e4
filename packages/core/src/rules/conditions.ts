import type { Facts } from './facts.ts';
import type { Condition, FactTest } from './schema.ts';

type Value = unknown;
/** Reads one fact path; compiled once per test so evaluation does no string work. */
export type Reader = (facts: Facts) => Value;
export type Predicate = (facts: Facts) => Truth;

export function compileReader(path: string): Reader {
  const keys = path.split('.');
  return (facts) => {
    let node: unknown = facts;
    for (let i = 0; i < keys.length; i++) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[keys[i] as string];
    }
    return node;
  };
}

const isNumber = (v: Value): v is number => typeof v === 'number' && !Number.isNaN(v);
const present = (v: Value) => v !== undefined && v !== null;

/**
 * Three-valued: a test on an absent or null fact is UNKNOWN, never false, so `not` cannot turn a blank into a
 * "no". Kleene logic combines them; a rule fires only on TRUE.
 */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

function compare(read: Reader, ok: (v: Value) => boolean): Predicate {
  return (f) => {
    const v = read(f);
    if (!present(v)) return UNKNOWN;
    return ok(v) ? TRUE : FALSE;
  };
}

function compileTest(test: FactTest): Predicate {
  const read = compileReader(test.fact);
  if (test.exists !== undefined) {
    const want = test.exists;
    return (f) => (present(read(f)) === want ? TRUE : FALSE);
  }
  if (test.eq !== undefined) {
    const want = test.eq;
    return compare(read, (v) => v === want);
  }
  if (test.ne !== undefined) {
    const want = test.ne;
    return compare(read, (v) => v !== want);
  }
  if (test.in !== undefined) {
    const set = new Set<Value>(test.in);
    return compare(read, (v) => set.has(v));
  }
  if (test.notIn !== undefined) {
    const set = new Set<Value>(test.notIn);
    return compare(read, (v) => !set.has(v));
  }
  if (test.contains !== undefined) {
    const want = test.contains;
    return compare(read, (v) => Array.isArray(v) && v.includes(want));
  }
  if (test.between !== undefined) {
    const [lo, hi] = test.between;
    return compare(read, (v) => isNumber(v) && v >= lo && v <= hi);
  }
  if (test.gte !== undefined) {
    const n = test.gte;
    return compare(read, (v) => isNumber(v) && v >= n);
  }
  if (test.gt !== undefined) {
    const n = test.gt;
    return compare(read, (v) => isNumber(v) && v > n);
  }
  if (test.lte !== undefined) {
    const n = test.lte;
    return compare(read, (v) => isNumber(v) && v <= n);
  }
  if (test.lt !== undefined) {
    const n = test.lt;
    return compare(read, (v) => isNumber(v) && v < n);
  }
  throw new Error(`test on ${test.fact} has no operator`);
}

/**
 * Which facts a missing value leaves open: with it, a test on a fact it says no to reads FALSE instead of UNKNOWN (an
 * instrument nobody took). The rule engine uses it to tell a rule left open by given facts from one open only on
 * facts about nothing given.
 */
export type Bears = (fact: string, facts: Facts) => boolean;

/** Turns a condition tree into one closure returning TRUE, FALSE or UNKNOWN. */
export function compileCondition(condition: Condition, bears?: Bears): Predicate {
  const compile = (c: Condition) => compileCondition(c, bears);
  if ('all' in condition) {
    const parts = condition.all.map(compile);
    return (f) => {
      let result: Truth = TRUE;
      for (const p of parts) {
        const t = p(f);
        if (t === FALSE) return FALSE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compile);
    return (f) => {
      let result: Truth = FALSE;
      for (const p of parts) {
        const t = p(f);
        if (t === TRUE) return TRUE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('not' in condition) {
    const inner = compile(condition.not);
    return (f) => {
      const t = inner(f);
      return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
    };
  }
  const test = compileTest(condition);
  if (!bears) return test;
  const fact = condition.fact;
  return (f) => {
    const t = test(f);
    return t === UNKNOWN && !bears(fact, f) ? FALSE : t;
  };
}

/** Every fact path a condition reads, in order, without duplicates. */
export function factPaths(condition: Condition, into: string[] = []): string[] {
  if ('all' in condition) for (const c of condition.all) factPaths(c, into);
  else if ('any' in condition) for (const c of condition.any) factPaths(c, into);
  else if ('not' in condition) factPaths(condition.not, into);
  else if (!into.includes(condition.fact)) into.push(condition.fact);
  return into;
}
