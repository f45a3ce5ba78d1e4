import { describe, expect, it } from 'vitest';
import { scl90 } from '../instruments/scl-90/definition.ts';
import { sdqSelf } from '../instruments/sdq/definition.ts';
import { type BandSet, type InstrumentDefinition, instrumentSchema, type Screen } from './schema.ts';

const messages = (def: InstrumentDefinition) => {
  const r = instrumentSchema.safeParse(def);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const subscales = (def: InstrumentDefinition) => def.subscales ?? [];

describe('definition schema: references of the score extensions', () => {
  it.each([
    [
      'a composite naming a later subscale',
      { ...sdqSelf, subscales: [...subscales(sdqSelf)].reverse() },
      'is not an earlier subscale',
    ],
    [
      "a composite whose items are not its components' items",
      {
        ...sdqSelf,
        subscales: subscales(sdqSelf).map((s) => (s.id === 'externalising' ? { ...s, items: ['5'] } : s)),
      },
      "items must be the union of its components' items",
    ],
    [
      'totalFrom without the subscales missing rule',
      { ...sdqSelf, missing: { kind: 'complete', source: 'x' } },
      'goes with totalFrom',
    ],
    [
      'the subscales missing rule without totalFrom',
      { ...scl90, missing: { kind: 'subscales', source: 'x' } },
      'goes with totalFrom',
    ],
    [
      'a screen naming an unknown subscale',
      {
        ...scl90,
        screens: [
          {
            ...(scl90.screens?.[0] as Screen),
            any: [{ id: 'x', score: 'subscale', subscales: ['nope'], op: '>', value: 1 }],
          },
        ],
      },
      'unknown subscale nope',
    ],
    [
      'a positive-count condition without positiveItems',
      { ...scl90, positiveItems: undefined },
      'needs a positiveItems definition',
    ],
    [
      'mean bands without a mean',
      {
        ...scl90,
        mean: undefined,
        bandSets: [{ ...(subscales(scl90)[0]?.bandSets?.[0] as BandSet), appliesTo: 'mean' }],
      },
      'mean bands need a mean definition',
    ],
    [
      'option scores on a reversed item',
      { ...sdqSelf, items: sdqSelf.items.map((i) => (i.id === 'distress' ? { ...i, reverse: true } : i)) },
      'option scores and reversal do not mix',
    ],
    [
      'a validity scale naming an unknown subscale',
      { ...scl90, validity: { subscale: 'lie', op: '>=', value: 7, label: { zh: 'x', en: 'x' }, source: 'x' } },
      'unknown subscale lie',
    ],
  ] as [string, InstrumentDefinition, string][])('rejects %s', (_, def, message) => {
    expect(messages(def).join('\n')).toContain(message);
  });

  it('accepts the registered definitions that use every extension', () => {
    expect(messages(scl90)).toEqual([]);
    expect(messages(sdqSelf)).toEqual([]);
  });
});
