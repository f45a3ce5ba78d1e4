import type { InstrumentDefinition } from '../definition/schema.ts';

/** Substantive option values of one item (refusals are not answers). For the bounds tests. */
export const valuesOf = (def: InstrumentDefinition, i: number): number[] =>
  (def.items[i]?.options ?? def.options).filter((o) => !o.refusal).map((o) => o.value);

/** Every way of answering the blank (null) positions: what the bounds tests check a decided band against. */
export function completions(def: InstrumentDefinition, answers: readonly (number | null)[]): number[][] {
  let out: number[][] = [[]];
  answers.forEach((v, i) => {
    const choices = v === null ? valuesOf(def, i) : [v];
    out = out.flatMap((prefix) => choices.map((c) => [...prefix, c]));
  });
  return out;
}
