import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PackedBatch, RowPacker, unpackRows } from './packed-rows.ts';
import { SharedText } from './row-text.ts';
import { writtenText } from './written-text.ts';

/** A structured clone, as postMessage makes, so nothing is shared with the packing side. */
const sent = (batch: PackedBatch): PackedBatch => structuredClone(batch);

describe('RowPacker and unpackRows', () => {
  const texts = Array.from({ length: 12 }, (_, i) => new SharedText(`,t${i},"é ${i}"`));
  const shared = fc.constantFrom(...texts);
  // Any text, astral characters and empty strings too: the rows' own texts travel as one string, cut by length.
  const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
  const part = fc.oneof(shared, text(6));
  const row = fc.record({
    sheet: fc.option(text(5), { nil: undefined }),
    line: fc.integer({ min: 1, max: 2 ** 31 }),
    student: fc.option(text(14), { nil: null }),
    duplicateOf: fc.option(text(8), { nil: null }),
    person: fc.record({ csv: shared, json: shared }),
    scores: fc.array(fc.record({ csv: part, json: part }), { maxLength: 4 }),
    decision: fc.record({ csv: shared, reasons: shared, json: shared }),
  });

  it('gives back every row, in order, writing the same bytes, across batches and forgotten texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(row, { maxLength: 30 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        (batches, maxHeld) => {
          for (const t of texts) t.sentTo = undefined;
          const packer = new RowPacker(maxHeld);
          const held = new Map<number, SharedText>();
          const out: string[] = [];
          for (const rows of batches) {
            for (const r of rows) packer.row(r);
            packer.rejection('rejected');
            for (const r of unpackRows(sent(packer.take()), held)) out.push(writtenText(r));
            expect(held.size).toBeLessThanOrEqual(maxHeld + texts.length);
          }
          expect(out).toEqual(batches.flat().map(writtenText));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps rejections apart from rows, and is empty after a take', () => {
    const packer = new RowPacker(10);
    expect(packer.empty).toBe(true);
    packer.rejection('a');
    expect(packer.empty).toBe(false);
    const batch = packer.take();
    expect(batch.rejections).toEqual(['a']);
    expect(batch.numbers.length).toBe(0);
    expect(packer.empty).toBe(true);
  });
});
