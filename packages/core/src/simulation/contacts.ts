/** Contact states. LEFT: abandoned or overflowed but still referenced by its queue (freed when the queue drops it). */
const FREE = 0;
export const WAITING = 1;
export const SERVING = 2;
export const LEFT = 3;

/** Contact flags. */
export const MEASURED = 1;
export const ANSWERED = 2;
export const OVERFLOWS = 4;

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/**
 * The contacts in the system, one typed array per attribute indexed by contact id (structure of arrays: no object per
 * caller). Ids are reused through a free list, so memory follows the contacts present, not the horizon.
 */
export class Contacts {
  size = 256;
  cls = new Int32Array(256);
  channel = new Uint8Array(256);
  state = new Uint8Array(256);
  flags = new Uint8Array(256);
  arrived = new Float64Array(256);
  /** When a waiting contact times out (abandons or overflows); NaN once it is answered. */
  deadline = new Float64Array(256);
  /** When the service in progress ends; a DEPART event at any other time is stale (pre-empted). */
  endAt = new Float64Array(256);
  /** Service left after a pre-emption. */
  remaining = new Float64Array(256);
  /** The chat seat a chat is on. */
  seatOf = new Int32Array(256);
  /** Position in its class's in-service list (pre-emption). */
  servicePos = new Int32Array(256);
  private freeIds = new Int32Array(256);
  private freeCount = 0;
  /** One past the highest id ever handed out. */
  used = 0;

  alloc(c: number, ch: number, t: number, measured: boolean): number {
    let id: number;
    if (this.freeCount > 0) id = this.freeIds[--this.freeCount] as number;
    else {
      id = this.used++;
      if (id === this.size) this.grow();
    }
    this.cls[id] = c;
    this.channel[id] = ch;
    this.flags[id] = measured ? MEASURED : 0;
    this.arrived[id] = t;
    this.deadline[id] = Number.NaN;
    this.state[id] = WAITING;
    return id;
  }

  release(id: number): void {
    this.state[id] = FREE;
    this.freeIds[this.freeCount++] = id;
  }

  private grow(): void {
    const n = this.size * 2;
    this.cls = grown(this.cls, n);
    this.channel = grown(this.channel, n);
    this.state = grown(this.state, n);
    this.flags = grown(this.flags, n);
    this.arrived = grown(this.arrived, n);
    this.deadline = grown(this.deadline, n);
    this.endAt = grown(this.endAt, n);
    this.remaining = grown(this.remaining, n);
    this.seatOf = grown(this.seatOf, n);
    this.servicePos = grown(this.servicePos, n);
    this.freeIds = grown(this.freeIds, n);
    this.size = n;
  }
}
