import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdRegistry, RowPlaces } from './id-registry.ts';

/** The reference: what IdRegistry promises, with a string per id. */
class Reference {
  private readonly first = new Map<string, number>();
  add(id: string, line: number): number {
    const seen = this.first.get(id);
    if (seen !== undefined) return seen;
    this.first.set(id, line);
    return 0;
  }
  get count(): number {
    return this.first.size;
  }
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Ids as schools write them, drawn from small pools so duplicates are common. */
const id = fc.oneof(
  digits(1, 4), // short, often with leading zeros: "0123" beside "123"
  digits(1, 4).map((d) => `1${d}`),
  digits(11, 12), // 12-digit school numbers, some with a leading 0
  digits(14, 14).map((d) => `1${d}`), // 15 digits: the largest kept exactly
  digits(15, 15).map((d) => `9${d}`), // 16 digits: past exact doubles, hashed
  digits(15, 15).map((d) => `0${d}`),
  fc.constantFrom('张三', '李四', '王五', '学号1', 'S001', 's001', 'G110101200901011234', ' 1', '1 ', '1.0', '1e3'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

describe('IdRegistry', () => {
  it('behaves as a Map from id to the line it was first seen on', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 400 }), fc.integer({ min: 0, max: 3 }), (ids, capacityLog) => {
        const registry = new IdRegistry(1 << capacityLog);
        const reference = new Reference();
        ids.forEach((value, i) => {
          const line = i + 2;
          expect(registry.add(value, line), value).toBe(reference.add(value, line));
        });
        expect(registry.count).toBe(reference.count);
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact through many resizes (100k ids)', () => {
    const registry = new IdRegistry();
    const reference = new Reference();
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const n = 202500000000 + i * 7;
      ids.push(i % 4 === 0 ? String(n) : i % 4 === 1 ? `0${n}` : i % 4 === 2 ? `学生${n}` : `${n}${n}`);
    }
    // Collected, not asserted one by one: 200k expect() calls would be most of the test's time.
    const wrong: string[] = [];
    ids.forEach((value, i) => {
      if (registry.add(value, i + 1) !== reference.add(value, i + 1)) wrong.push(value);
    });
    expect(registry.count).toBe(100_000);
    // Every one again: found, with its first line.
    ids.forEach((value, i) => {
      if (registry.add(value, 200_000 + i) !== i + 1) wrong.push(value);
    });
    expect(wrong).toEqual([]);
    expect(registry.count).toBe(reference.count);
  });

  it('returns the first line of a duplicate, however often it repeats', () => {
    const registry = new IdRegistry();
    expect(registry.add('20250101', 2)).toBe(0);
    expect(registry.add('20250102', 3)).toBe(0);
    expect(registry.add('20250101', 7)).toBe(2);
    expect(registry.add('20250101', 9)).toBe(2);
    expect(registry.count).toBe(2);
  });

  it.each([
    ['0123', '123'],
    ['00123', '0123'],
    ['123456789012345', '0123456789012345'],
    ['1234567890123456', '1234567890123457'],
    ['张三', '张四'],
    ['S001', 's001'],
    ['1', '1.0'],
    ['1', ' 1'],
  ])('tells %j and %j apart', (a, b) => {
    const registry = new IdRegistry();
    expect(registry.add(a, 1)).toBe(0);
    expect(registry.add(b, 2)).toBe(0);
    expect(registry.add(a, 3)).toBe(1);
    expect(registry.add(b, 4)).toBe(2);
  });

  it.each([0, 1, 3, 1000, 4097])('works from any starting capacity (%i)', (capacity) => {
    const registry = new IdRegistry(capacity);
    for (let i = 0; i < 5000; i++) expect(registry.add(String(i + 1), i + 1)).toBe(0);
    for (let i = 0; i < 5000; i++) expect(registry.add(String(i + 1), 0)).toBe(i + 1);
    expect(registry.count).toBe(5000);
  });

  it('keeps places of sheets past the first (ordinal × 2^32 + line)', () => {
    const registry = new IdRegistry();
    const place = 40 * 2 ** 32 + 1_048_576;
    expect(registry.add('S1', place)).toBe(0);
    expect(registry.add('S1', 5)).toBe(place);
  });

  it('returns the first place however places jump (rejected rows, long records, new sheets, any order)', () => {
    const place = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.boolean(), place), { maxLength: 300 }), (rows) => {
        const registry = new IdRegistry(4);
        const reference = new Reference();
        let line = 1;
        for (const [value, next, jump] of rows) {
          // Mostly the next line, as in a file; sometimes anywhere.
          line = next ? line + 1 : jump;
          expect(registry.add(value, line), value).toBe(reference.add(value, line));
        }
        expect(registry.count).toBe(reference.count);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps ids of many schools far apart, and numbers beside hashes, in one column', () => {
    const registry = new IdRegistry();
    const reference = new Reference();
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Runs of close numbers, a school far from the last one now and then, a hashed id in between.
      const value = i % 997 === 0 ? `G${i}` : String(100_000_000_000_000 - (i % 3) * 2 ** 40 + i);
      if (registry.add(value, i + 2) !== reference.add(value, i + 2)) wrong.push(value);
    }
    for (let i = 0; i < 20_000; i += 7) {
      const value = i % 997 === 0 ? `G${i}` : String(100_000_000_000_000 - (i % 3) * 2 ** 40 + i);
      if (registry.add(value, 1) !== i + 2) wrong.push(value);
    }
    expect(wrong).toEqual([]);
  });
  it('keeps every id and its first line across a reserve in the middle', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.nat(300), fc.nat(5000), (ids, at, room) => {
        const registry = new IdRegistry(2);
        const reference = new Reference();
        ids.forEach((value, i) => {
          if (i === at) registry.reserve(room);
          expect(registry.add(value, i + 1)).toBe(reference.add(value, i + 1));
        });
        expect(registry.count).toBe(reference.count);
      }),
    );
  });
});

describe('RowPlaces', () => {
  it('gives back the sheet and line of a place, past 2^21 lines too', () => {
    const csv = new RowPlaces([null]);
    expect(csv.line(csv.of(null, 3_000_000))).toBe(3_000_000);
    expect(csv.sheet(csv.of(null, 3_000_000))).toBeNull();
    const book = new RowPlaces(['初一1班', '初一2班', '初一3班']);
    const place = book.of('初一3班', 1_048_576);
    expect([book.sheet(place), book.line(place)]).toEqual(['初一3班', 1_048_576]);
    expect(book.of('初一1班', 7)).toBe(7);
  });
});
