import { describe, expect, it } from 'vitest';
import { getInstrument, instruments } from '../src/index.ts';
import { answersJsonSchema, answersSchema } from '../src/schemas.ts';

const phq9 = getInstrument('PHQ9');
if (!phq9) throw new Error('phq-9 not registered');

describe('answers schema', () => {
  it('accepts native values, labels and blanks; rejects out-of-range values and unknown items', () => {
    const schema = answersSchema(phq9);
    expect(
      schema.safeParse({ 1: 0, 2: '好几天', 3: 'Nearly every day', 4: null, 5: 1, 6: 1, 7: 1, 8: 1, 9: 0 }).success,
    ).toBe(true);
    expect(schema.safeParse({ 1: 4, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 }).success).toBe(false);
    expect(schema.safeParse({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 11: 0 }).success).toBe(false);
  });

  it.each(instruments.map((d) => [d.id, d] as const))('%s exports a JSON Schema naming every item', (_id, def) => {
    const json = answersJsonSchema(def) as { properties: Record<string, unknown>; required?: string[] };
    expect(Object.keys(json.properties)).toEqual(def.items.map((i) => i.id));
    expect(json.required ?? []).toEqual(def.items.filter((i) => !i.optional).map((i) => i.id));
  });
});
