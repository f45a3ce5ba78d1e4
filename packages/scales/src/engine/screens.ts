import { decideOver, type TotalBounds } from './bounds.ts';
import type { CompiledCondition, CompiledInstrument } from './compile.ts';
import type { PositiveItemsResult, ScreenResult, SubscaleResult, ValidityResult } from './types.ts';

export interface ScreenInputs {
  readonly total: number | null;
  readonly mean: number | null;
  readonly positive: PositiveItemsResult | null;
  readonly subscales: readonly SubscaleResult[];
  /**
   * With no total because of blank items (engine/bounds.ts): the lowest and highest total, and positive-item count,
   * every answer to the blanks allows; and by subscale, the bounds of each one left without a score.
   */
  readonly bounds?: {
    readonly total: TotalBounds | null;
    /** Scored items, for the total mean. */
    readonly items: number;
    readonly positiveCount: TotalBounds | null;
    readonly subscales: readonly (TotalBounds | null)[] | null;
  };
}

const meets = (c: { strict: boolean; value: number }, score: number): boolean =>
  c.strict ? score > c.value : score >= c.value;

/** Decided over the bounds blank items leave: met by the lowest score (every completion), or not by the highest (none). */
const over = (c: CompiledCondition, bounds: TotalBounds | null | undefined): boolean | null =>
  bounds ? decideOver(bounds, (score) => meets(c, score)) : null;

/**
 * true / false, or null when the score it reads is missing and the blank items leave the condition open: a condition
 * every answer to the blanks meets is true, one none of them meets is false (engine/bounds.ts). Nothing is imputed.
 */
function decide(c: CompiledCondition, inputs: ScreenInputs): boolean | null {
  const { bounds } = inputs;
  switch (c.score) {
    case 'total':
      return inputs.total === null ? over(c, bounds?.total) : meets(c, inputs.total);
    case 'mean': {
      if (inputs.mean !== null) return meets(c, inputs.mean);
      const total = bounds?.total;
      // total ÷ n as score.ts divides it, at both ends.
      return total ? over(c, { low: total.low / bounds.items, high: total.high / bounds.items }) : null;
    }
    case 'positive-count':
      return inputs.positive === null ? over(c, bounds?.positiveCount) : meets(c, inputs.positive.count);
    case 'positive-mean':
      // No positive items is a known "no", not an unknown: the mean is undefined because nothing was endorsed.
      // Not bounded: blank items change both the count and the sum it divides.
      if (inputs.positive === null) return null;
      return inputs.positive.mean === null ? false : meets(c, inputs.positive.mean);
    case 'subscale':
    case 'any-subscale': {
      let unknown = false;
      for (const j of c.subscales) {
        const score = inputs.subscales[j]?.score ?? null;
        const d = score === null ? over(c, bounds?.subscales?.[j]) : meets(c, score);
        if (d === true) return true;
        if (d === null) unknown = true;
      }
      return unknown ? null : false;
    }
  }
}

// Results are shared per outcome pattern (conditions met, undecided): screens are data, not per-row state.
const cache = new WeakMap<CompiledInstrument, Map<number, readonly ScreenResult[]>>();

/**
 * Each screen is positive when any condition holds (for every answer to blank items), negative when none can hold,
 * null when none is sure to hold but one could.
 */
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

/**
 * The validity scale's score and whether it leaves the protocol valid; with blank items on the scale (no score),
 * still decided when every answer to them gives the same verdict, else null.
 */
export function validityOf(
  rule: NonNullable<CompiledInstrument['validity']>,
  subscales: readonly SubscaleResult[],
  bounds: readonly (TotalBounds | null)[] | null,
): ValidityResult {
  const score = subscales[rule.subscale]?.score ?? null;
  if (score !== null) return { score, valid: !meets(rule, score) };
  const b = bounds?.[rule.subscale];
  const invalid = b ? decideOver(b, (s) => meets(rule, s)) : null;
  return { score, valid: invalid === null ? null : !invalid };
}
