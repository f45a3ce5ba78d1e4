/** A growable ring buffer of int32 (contact ids): FIFO with push to the front for resumed contacts. */
export class Deque {
  private items: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity = 64) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length++) & (this.items.length - 1)] = value;
  }

  unshift(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = value;
    this.length++;
  }

  /** Removes and returns the first item; -1 when empty. */
  shift(): number {
    if (this.length === 0) return -1;
    const value = this.items[this.head] as number;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return value;
  }

  /** The item `i` places from the front. */
  at(i: number): number {
    return this.items[(this.head + i) & (this.items.length - 1)] as number;
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) items[i] = this.at(i);
    this.items = items;
    this.head = 0;
  }
}

/** A growable FIFO of times (float64), for events that are due in the order they were created. */
export class TimeQueue {
  private items = new Float64Array(64);
  private head = 0;
  length = 0;

  push(time: number): void {
    if (this.length === this.items.length) {
      const items = new Float64Array(this.items.length * 2);
      for (let i = 0; i < this.length; i++) items[i] = this.items[(this.head + i) & (this.items.length - 1)] as number;
      this.items = items;
      this.head = 0;
    }
    this.items[(this.head + this.length++) & (this.items.length - 1)] = time;
  }

  /** The first time, without removing it; NaN when empty. */
  peek(): number {
    return this.length === 0 ? Number.NaN : (this.items[this.head] as number);
  }

  shift(): number {
    const time = this.peek();
    if (this.length > 0) {
      this.head = (this.head + 1) & (this.items.length - 1);
      this.length--;
    }
    return time;
  }
}
