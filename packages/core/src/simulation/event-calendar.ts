/**
 * The future-event list: a binary min-heap of (time, event) pairs in typed arrays, so scheduling and popping allocate
 * nothing. `event` is an int32 the engine packs (kind and contact). Equal times pop in an order fixed by the sequence of
 * operations, hence identical on every machine.
 */
export class EventCalendar {
  private times: Float64Array;
  private events: Int32Array;
  private count = 0;
  /** Time of the event last popped. */
  time = 0;
  /** Payload of the event last popped. */
  event = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.events = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the next event, Infinity when there is none. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Number.POSITIVE_INFINITY;
  }

  schedule(time: number, event: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const events = this.events;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt <= time) break;
      times[i] = pt;
      events[i] = events[parent] as number;
      i = parent;
    }
    times[i] = time;
    events[i] = event;
  }

  /** Removes the earliest event into `time` and `event`; false when the calendar is empty. */
  pop(): boolean {
    const n = this.count;
    if (n === 0) return false;
    const times = this.times;
    const events = this.events;
    this.time = times[0] as number;
    this.event = events[0] as number;
    const last = --this.count;
    if (last === 0) return true;
    const t = times[last] as number;
    const e = events[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (times[right] as number) < (times[child] as number)) child = right;
      const ct = times[child] as number;
      if (ct >= t) break;
      times[i] = ct;
      events[i] = events[child] as number;
      i = child;
    }
    times[i] = t;
    events[i] = e;
    return true;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const events = new Int32Array(this.events.length * 2);
    times.set(this.times);
    events.set(this.events);
    this.times = times;
    this.events = events;
  }
}
