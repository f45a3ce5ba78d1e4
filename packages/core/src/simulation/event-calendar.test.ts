import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from './event-calendar.ts';

describe('EventCalendar', () => {
  it('pops events in time order whatever the order of scheduling, interleaved with pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.boolean()), { maxLength: 3000 }),
        (ops) => {
          const cal = new EventCalendar(4);
          const pending: number[] = [];
          let last = Number.NEGATIVE_INFINITY;
          for (const [time, popFirst] of ops) {
            if (popFirst && cal.pop()) {
              // Events scheduled later than the last pop in real engines; here only check the heap's own order.
              pending.sort((a, b) => a - b);
              expect(cal.time).toBe(pending.shift());
            }
            cal.schedule(time, pending.length);
            pending.push(time);
          }
          pending.sort((a, b) => a - b);
          while (cal.pop()) {
            expect(cal.time).toBeGreaterThanOrEqual(last);
            last = cal.time;
            expect(cal.time).toBe(pending.shift());
          }
          expect(pending).toEqual([]);
          expect(cal.peekTime()).toBe(Number.POSITIVE_INFINITY);
        },
      ),
      { numRuns: 50 },
    );
  });
});
