/**
 * Seats in chat mode: each holds up to `concurrency` conversations and takes no calls until its last one ends. Seats are
 * slots 0…max−1 with a load each; the open ones are kept in a dense list (few: at most the seats on).
 */
export class ChatSeats {
  private readonly load: Int32Array;
  private readonly open: Int32Array;
  private openCount = 0;
  private readonly free: Int32Array;
  private freeCount: number;

  constructor(
    slots: number,
    private readonly concurrency: number,
  ) {
    this.load = new Int32Array(slots);
    this.open = new Int32Array(slots);
    this.free = Int32Array.from({ length: slots }, (_, i) => slots - 1 - i);
    this.freeCount = slots;
  }

  /** The fullest open seat that still has room (packing keeps whole seats free for calls); -1 when none. */
  withRoom(): number {
    const k = this.concurrency;
    let best = -1;
    let bestLoad = 0;
    for (let i = 0; i < this.openCount; i++) {
      const slot = this.open[i] as number;
      const load = this.load[slot] as number;
      if (load < k && load > bestLoad) {
        best = slot;
        bestLoad = load;
      }
    }
    return best;
  }

  hasRoom(slot: number): boolean {
    return (this.load[slot] as number) < this.concurrency;
  }

  /** A seat newly switched to chat, with no conversation yet. */
  openSeat(): number {
    const slot = this.free[--this.freeCount] as number;
    this.open[this.openCount++] = slot;
    return slot;
  }

  add(slot: number): void {
    this.load[slot] = (this.load[slot] as number) + 1;
  }

  /** Ends one conversation on the seat; true when that was its last (the seat is closed and free for calls). */
  remove(slot: number): boolean {
    const load = (this.load[slot] as number) - 1;
    this.load[slot] = load;
    if (load > 0) return false;
    for (let i = 0; i < this.openCount; i++) {
      if (this.open[i] === slot) {
        this.open[i] = this.open[--this.openCount] as number;
        break;
      }
    }
    this.free[this.freeCount++] = slot;
    return true;
  }
}
