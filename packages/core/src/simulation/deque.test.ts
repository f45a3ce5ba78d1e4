import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deque, TimeQueue } from './deque.ts';

describe('ring buffers', () => {
  it('Deque behaves as an array with push, unshift and shift, across growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('push', 'unshift', 'shift'), fc.integer()), { maxLength: 500 }),
        (ops) => {
          const deque = new Deque(2);
          const model: number[] = [];
          for (const [op, value] of ops) {
            if (op === 'push') {
              deque.push(value);
              model.push(value);
            } else if (op === 'unshift') {
              deque.unshift(value);
              model.unshift(value);
            } else expect(deque.shift()).toBe(model.shift() ?? -1);
            expect(deque.length).toBe(model.length);
          }
          expect(Array.from({ length: deque.length }, (_, i) => deque.at(i))).toEqual(model);
        },
      ),
    );
  });

  it('TimeQueue is a FIFO across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ noNaN: true }), { nil: undefined }), { maxLength: 500 }), (ops) => {
        const queue = new TimeQueue();
        const model: number[] = [];
        for (const value of ops) {
          if (value === undefined) expect(queue.shift()).toEqual(model.shift() ?? Number.NaN);
          else {
            queue.push(value);
            model.push(value);
          }
          expect(queue.length).toBe(model.length);
          expect(queue.peek()).toEqual(model[0] ?? Number.NaN);
        }
      }),
    );
  });
});
