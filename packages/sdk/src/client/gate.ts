import type { Sleep } from './sleep.ts';

/**
 * The client-wide gate every attempt passes: at most `maxConcurrency` attempts in flight, and none started while
 * a 429's `Retry-After` pause is running (one rate-limited call pauses all calls of the client).
 */
export class RequestGate {
  readonly #max: number;
  readonly #sleep: Sleep;
  readonly #now: () => number;
  #active = 0;
  #pausedUntil = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(options: { readonly maxConcurrency: number; readonly sleep: Sleep; readonly now: () => number }) {
    this.#max = Math.max(1, Math.floor(options.maxConcurrency));
    this.#sleep = options.sleep;
    this.#now = options.now;
  }

  /** Attempts in flight right now. */
  get active(): number {
    return this.#active;
  }

  /** Holds new attempts until `until` (epoch ms); a later pause extends, an earlier one never shortens. */
  pauseUntil(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  /** Takes a slot at once when one is free and no pause runs; `false` means {@link acquire} must wait. */
  tryAcquire(): boolean {
    if (this.#active >= this.#max || (this.#pausedUntil !== 0 && this.#pausedUntil > this.#now())) return false;
    this.#active++;
    return true;
  }

  /** Waits for the pause to end and a free slot; rejects with the signal's reason on abort. */
  async acquire(signal: AbortSignal): Promise<void> {
    for (;;) {
      await this.#waitForPause(signal);
      await this.#takeSlot(signal);
      if (this.#pausedUntil <= this.#now()) return;
      // A 429 elsewhere started a pause while this attempt queued: give the slot back and wait again.
      this.release();
    }
  }

  /** Frees the slot taken by {@link acquire}. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }

  async #waitForPause(signal: AbortSignal): Promise<void> {
    // Each pause value is waited for once: an injected fake sleep (tests) must not turn this into a busy loop.
    let waitedFor = 0;
    while (this.#pausedUntil > this.#now() && this.#pausedUntil !== waitedFor) {
      waitedFor = this.#pausedUntil;
      await this.#sleep(waitedFor - this.#now(), signal);
    }
    if (signal.aborted) throw signal.reason;
  }

  #takeSlot(signal: AbortSignal): Promise<void> {
    if (this.#active < this.#max) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // The slot is handed over by release() without decrementing, so `active` stays exact.
      const onTurn = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const index = this.#waiting.indexOf(onTurn);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal.reason);
      };
      this.#waiting.push(onTurn);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
