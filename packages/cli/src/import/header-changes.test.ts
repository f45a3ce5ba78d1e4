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
  };
  const made = () => {
    const read: string[] = [];
    const changes = new HeaderChanges((fields) => {
      read.push(fields.join(','));
      return readings[fields.join(',')] as HeaderReading;
    });
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
});
