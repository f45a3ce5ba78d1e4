import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { examples } from './examples.ts';
import { type DomainObjectName, domainJsonSchemas, domainSchemas } from './json-schema.ts';

const names = Object.keys(domainSchemas) as DomainObjectName[];
const jsonSchemas = domainJsonSchemas();

/** Every property name in a JSON Schema, with its dotted location. */
function propertyNames(schema: unknown, at = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s) => propertyNames(s, at));
  if (!schema || typeof schema !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [prop, sub] of Object.entries(value)) out.push(`${at}${prop}`, ...propertyNames(sub, `${at}${prop}.`));
    } else out.push(...propertyNames(value, at));
  }
  return out;
}

describe('domainJsonSchemas', () => {
  it('covers every top-level object', () => {
    expect(Object.keys(jsonSchemas).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s converts to draft 2020-12 with a title and a bilingual description', (name) => {
    const schema = jsonSchemas[name];
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(schema.description).toMatch(/[\u4e00-\u9fff].* — [A-Z]/);
  });

  it.each(names)('%s: the example validates with zod and with the JSON Schema, and round-trips', (name) => {
    const parsed = domainSchemas[name].parse(examples[name]);
    const again = domainSchemas[name].parse(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
    expect(parsed).toEqual(examples[name]);
    const fromJson = z.fromJSONSchema(jsonSchemas[name]);
    expect(fromJson.safeParse(examples[name]).error?.issues).toBeUndefined();
    expect(fromJson.safeParse({ ...examples[name], phone: '0' }).success).toBe(false);
  });

  it('has no field for personal contact details; names only on institutions', () => {
    const found = names.flatMap((n) => propertyNames(jsonSchemas[n]).map((p) => `${n}.${p}`));
    expect(found.filter((p) => /phone|mobile|tel|address|email|wechat|idcard/i.test(p))).toEqual([]);
    expect(found.filter((p) => /name$/i.test(p)).sort()).toEqual([
      'referral.to.name',
      'station.name',
      'team.name',
      'workOrder.target.name',
    ]);
  });
});
