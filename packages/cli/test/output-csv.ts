import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';

/** A CSV the import wrote: its header and rows of named cells (the UTF-8 BOM checked and stripped). */
export function readOutputCsv(path: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [head, ...records] = [...readCsv(text.slice(1), { delimiter: ',' })];
  const header = [...(head?.fields ?? [])];
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? '']))) };
}
