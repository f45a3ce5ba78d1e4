import type { CompiledCondition, CompiledInstrument } from './compile.ts';
import type { PositiveItemsResult, ScreenResult, SubscaleResult, ValidityResult } from './types.ts';

export interface ScreenInputs {
  readonly total: number | null;
  readonly mean: number | null;
  readonly positive: PositiveItemsResult | null;
  readonly subscales: readonly SubscaleResult[];
}

const meets = (c: { strict: boolean; value: number }, score: number): boolean =>
  c.strict ? score > c.value : score >= c.value;

/** true / false, or null when the score it reads is missing. */
function decide(c: CompiledCondition, inputs: ScreenInputs): boolean | null {
  switch (c.score) {
    case 'total':
      return inputs.total === null ? null : meets(c, inputs.total);
    case 'mean':
      return inputs.mean === null ? null : meets(c, inputs.mean);
    case 'positive-count':
      return inputs.positive === null ? null : meets(c, inputs.positive.count);
    case 'positive-mean':
      // No positive items is a known "no", not an unknown: the mean is undefined because nothing was endorsed.
      if (inputs.positive === null) return null;
      return inputs.positive.mean === null ? false : meets(c, inputs.positive.mean);
    case 'subscale':
    case 'any-subscale': {
      let unknown = false;
      for (const j of c.subscales) {
        const score = inputs.subscales[j]?.score ?? null;
        if (score === null) unknown = true;
        else if (meets(c, score)) return true;
      }
      return unknown ? null : false;
    }
  }
}

// Results are shared per outcome pattern (conditions met, undecided): screens are data, not per-row state.
const cache = new WeakMap<CompiledInstrument, Map<number, readonly ScreenResult[]>>();

/** Each screen is positive when any condition holds, null when none holds but one could not be decided. */
export function evaluateScreens(compiled: CompiledInstrument, inputs: ScreenInputs): readonly ScreenResult[] {
  // Base 3 over every condition of every screen: 0 no, 1 yes, 2 undecided.
  let key = 0;
  for (const screen of compiled.screens) {
    for (const c of screen.conditions) {
      const d = decide(c, inputs);
      key = key * 3 + (d === null ? 2 : d ? 1 : 0);
    }
  }
  let byKey = cache.get(compiled);
  if (!byKey) {
    byKey = new Map();
    cache.set(compiled, byKey);
  }
  let shared = byKey.get(key);
  if (!shared) {
    const digits: number[] = [];
    for (let rest = key, n = compiled.screens.reduce((t, s) => t + s.conditions.length, 0); n > 0; n--) {
      digits.unshift(rest % 3);
      rest = Math.floor(rest / 3);
    }
    let at = 0;
    shared = Object.freeze(
      compiled.screens.map((screen) => {
        const met: string[] = [];
        let unknown = false;
        for (const c of screen.conditions) {
          const d = digits[at++];
          if (d === 1) met.push(c.id);
          else if (d === 2) unknown = true;
        }
        return Object.freeze({
          id: screen.id,
          positive: met.length > 0 ? true : unknown ? null : false,
          met: Object.freeze(met),
        });
      }),
    );
    byKey.set(key, shared);
  }
  return shared;
}

/** The validity scale's score and whether it leaves the protocol valid (null: the scale has no score). */
export function validityOf(
  rule: NonNullable<CompiledInstrument['validity']>,
  subscales: readonly SubscaleResult[],
): ValidityResult {
  const score = subscales[rule.subscale]?.score ?? null;
  return { score, valid: score === null ? null : !meets(rule, score) };
}
