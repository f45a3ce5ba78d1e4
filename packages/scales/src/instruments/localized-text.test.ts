import { describe, expect, it } from 'vitest';
import { instruments } from '../registry.ts';

/** Every `{ zh, en }` text of a definition, with where it is. */
function localizedTexts(value: unknown, path: string, found: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) localizedTexts(v, `${path}[${i}]`, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.zh === 'string' && typeof record.en === 'string') found.push([path, record.en]);
    else for (const [key, v] of Object.entries(record)) localizedTexts(v, `${path}.${key}`, found);
  }
  return found;
}

describe('instrument definitions: English texts', () => {
  it.each(instruments.map((d) => [d.id, d] as const))('%s: no Chinese in an English label', (_id, definition) => {
    const han = localizedTexts(definition, definition.id).filter(([, en]) => /\p{Script=Han}/u.test(en));
    expect(han).toEqual([]);
  });
});

// QA round 21, 11: SDS, SAS, CES-D, PSS-10 and SDQ said "(reversed)" in their item labels, and `triage scales show`
// and the instrument docs, which mark `reverse: true` items themselves, then said it twice.
describe('instrument definitions: reverse keying lives in the item, not in its label', () => {
  it.each(instruments.map((d) => [d.id, d] as const))('%s: no item label says it is reversed', (_id, definition) => {
    const said = definition.items.filter((item) => /reverse|反向/i.test(`${item.label.en} ${item.label.zh}`));
    expect(said.map((item) => item.id)).toEqual([]);
  });
});
