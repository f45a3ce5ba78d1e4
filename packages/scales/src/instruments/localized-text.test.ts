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
