import { describe, expect, it } from 'vitest';
import { HeaderChanges, type HeaderReading } from './header-changes.ts';
import type { RowContext } from './read-row.ts';

// Contexts stand for themselves here: only which one is in force matters.
const context = (name: string) => ({ name }) as unknown as RowContext;

describe('HeaderChanges', () => {
  const first = context('first');
  const reordered = context('reordered');
  const other = context('other instruments');
  const readings: Record<string, HeaderReading> = {
    'GAD7_1,PHQ9_1': { ok: true, context: reordered },
    'PHQA_1,GAD7_1': { ok: false, other },
    'Q1,Q2': { ok: false, other: null },
    '学号,GAD7': { ok: false, other: null },
    '学号,GAD7 1': { ok: true, context: reordered },
  };
  const made = () => {
    const read: string[] = [];
    const changes = new HeaderChanges((fields) => {
      read.push(fields.join(','));
      return readings[fields.join(',')] as HeaderReading;
    }, new Set());
    changes.start('1班', ['PHQ9_1', 'GAD7_1'], first);
    return { changes, read };
  };

  it('reads the rows under a header that maps by it, from its line on, and back by the first header again', () => {
    const { changes, read } = made();
    expect(changes.of('1班')).toEqual({ ok: true, context: first });
    expect(changes.met('1班', 5, ['GAD7_1', 'PHQ9_1'])).toEqual({ now: { ok: true, context: reordered }, fresh: true });
    expect(changes.of('1班')).toEqual({ ok: true, context: reordered });
    // The first header again, in other words than the one in force: back to the first reading, not mapped again.
    expect(changes.met('1班', 9, ['PHQ9_1', ' GAD7_1 '])).toEqual({ now: { ok: true, context: first }, fresh: false });
    expect(changes.met('1班', 12, ['GAD7_1', 'PHQ9_1']).fresh).toBe(false);
    expect(read).toEqual(['GAD7_1,PHQ9_1']);
    // Another sheet is its own.
    expect(changes.of('2班')).toBeUndefined();
  });

  it.each([
    ['other instruments', ['PHQA_1', 'GAD7_1'], other],
    ['no instrument at all', ['Q1', 'Q2'], null],
  ])('reads no row under a header that maps %s, until a header that maps', (_, fields, own) => {
    const { changes } = made();
    changes.met('1班', 5, ['GAD7_1', 'PHQ9_1']);
    const { now } = changes.met('1班', 8, fields);
    expect(now).toMatchObject({ ok: false, line: 8, last: reordered, other: own });
    // A row repeating the header in force before brings it back, as a header that maps does.
    changes.repeated('1班', reordered);
    expect(changes.of('1班')).toEqual({ ok: true, context: reordered });
    changes.met('1班', 20, fields);
    expect(changes.met('1班', 30, ['PHQ9_1', 'GAD7_1']).now).toEqual({ ok: true, context: first });
  });

  it('reads a group row and the names row under it as one header, in force from the names row', () => {
    const { changes, read } = made();
    expect(changes.group('1班', 5, ['学号', 'GAD7'], true)).toBe(true);
    // Nothing changes until the next row says what the group row is.
    expect(changes.of('1班')).toEqual({ ok: true, context: first });
    expect(changes.below('1班', ['', '1'])).toEqual({
      joined: true,
      now: { ok: true, context: reordered },
      fresh: true,
      line: 5,
      fields: ['学号', 'GAD7 1'],
    });
    expect(changes.of('1班')).toEqual({ ok: true, context: reordered });
    // Looked for on the next row only.
    expect(changes.below('1班', ['', '1'])).toBeUndefined();
    expect(read).toEqual(['学号,GAD7', '学号,GAD7 1']);
  });

  it('reads nothing by a group row of another layout that no names row follows, and is said once', () => {
    const { changes } = made();
    changes.group('1班', 5, ['学号', 'GAD7'], true);
    // A student's row (an answer in every item) is no names row.
    const below = changes.below('1班', ['20250001', '2']);
    expect(below).toMatchObject({ joined: false, fresh: true, line: 5, now: { ok: false, line: 5, last: first } });
    expect(changes.of('1班')).toMatchObject({ ok: false, line: 5 });
    changes.repeated('1班', first);
    changes.group('1班', 9, ['学号', 'GAD7'], true);
    expect(changes.below('1班', ['20250002', '1'])?.fresh).toBe(false);
  });

  it("changes nothing by the file's own group row when no names row follows it, nor by a header that maps alone", () => {
    const { changes } = made();
    changes.group('1班', 5, ['', 'PHQ-A'], false);
    expect(changes.below('1班', ['20250001', '2'])).toMatchObject({ joined: false, now: { ok: true, context: first } });
    expect(changes.group('1班', 8, ['GAD7_1', 'PHQ9_1'], true)).toBe(false);
    expect(changes.below('1班', ['', '1'])).toBeUndefined();
  });

  it("forgets a group row when the sheet's own header of two rows is back", () => {
    const { changes } = made();
    changes.group('1班', 5, ['学号', 'GAD7'], true);
    changes.restart('1班');
    expect(changes.below('1班', ['', '1'])).toBeUndefined();
  });
});
