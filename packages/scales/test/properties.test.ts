import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InstrumentDefinition, instruments, scoreInstrument } from '../src/index.ts';
import { instrumentSchema } from '../src/schemas.ts';

/** Substantive (non-refusal) option values of one item, read from the definition, not from the engine. */
function itemValues(def: InstrumentDefinition, id: string): number[] {
  const item = def.items.find((i) => i.id === id);
  const options = item?.options ?? def.options;
  return options.filter((o) => !o.refusal).map((o) => o.value);
}

function answersArbitrary(def: InstrumentDefinition) {
  return fc.tuple(...def.items.map((item) => fc.constantFrom(...itemValues(def, item.id))));
}

const sumInstruments = instruments.filter((d) => d.scoring === 'sum');

describe.each(instruments.map((d) => [d.id, d] as const))('%s definition', (_id, def) => {
  it('is valid against the definition schema', () => {
    expect(() => instrumentSchema.parse(def)).not.toThrow();
  });

  it('scores deterministically', () => {
    fc.assert(
      fc.property(answersArbitrary(def), (answers) => {
        expect(scoreInstrument(def, answers)).toEqual(scoreInstrument(def, answers));
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(sumInstruments.map((d) => [d.id, d] as const))('%s properties', (_id, def) => {
  const scored = def.items.filter((i) => i.scored !== false);
  const reversed = (id: string, v: number) => {
    const values = itemValues(def, id);
    const item = def.items.find((i) => i.id === id);
    // An option's own score, where it has one (CESD-R "nearly every day for 2 weeks" 4 scores 3).
    const own = (item?.options ?? def.options).find((o) => o.value === v)?.score;
    if (own !== undefined) return own;
    return item?.reverse ? Math.min(...values) + Math.max(...values) - v : v;
  };
  const lowest = scored.reduce((s, i) => s + Math.min(...itemValues(def, i.id)), 0);
  const highest = scored.reduce((s, i) => s + Math.max(...itemValues(def, i.id)), 0);

  it(`total stays within ${lowest}–${highest} and equals the key applied once`, () => {
    fc.assert(
      fc.property(answersArbitrary(def), (answers) => {
        const r = scoreInstrument(def, answers);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        const expected = def.items.reduce(
          (s, item, i) => (item.scored === false ? s : s + reversed(item.id, answers[i] as number)),
          0,
        );
        expect(r.value.total).toBe(expected);
        expect(r.value.total).toBeGreaterThanOrEqual(lowest);
        expect(r.value.total).toBeLessThanOrEqual(highest);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in each item after reversal', () => {
    fc.assert(
      fc.property(answersArbitrary(def), fc.nat({ max: def.items.length - 1 }), (answers, position) => {
        const item = def.items[position];
        if (!item || item.scored === false) return;
        const values = itemValues(def, item.id);
        // Move the item one step in the direction that raises its keyed score.
        const step = item.reverse ? -1 : 1;
        const next = (answers[position] as number) + step;
        if (!values.includes(next)) return;
        const raised = [...answers];
        raised[position] = next;
        const before = scoreInstrument(def, answers);
        const after = scoreInstrument(def, raised);
        if (!before.ok || !after.ok) throw new Error('valid answers rejected');
        const gain = reversed(item.id, next) - reversed(item.id, answers[position] as number);
        expect(after.value.total).toBe((before.value.total as number) + gain);
        const order = (r: typeof before) => {
          const band = r.ok ? r.value.band : null;
          return def.bandSets.find((s) => s.id === band?.set)?.bands.findIndex((b) => b.id === band?.id) ?? -1;
        };
        expect(order(after)).toBeGreaterThanOrEqual(order(before));
      }),
      { numRuns: 500 },
    );
  });

  it('never imputes a critical item: blank → unknown flag', () => {
    for (const critical of def.critical ?? []) {
      const answers: (number | null)[] = def.items.map((i) => Math.min(...itemValues(def, i.id)));
      answers[def.items.findIndex((i) => i.id === critical.item)] = null;
      const r = scoreInstrument(def, answers);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.flags).toContainEqual(expect.objectContaining({ id: critical.id, status: 'unknown' }));
    }
  });
});
