import { ChatSeats } from './chat-seats.ts';
import { ANSWERED, Contacts, LEFT, MEASURED, OVERFLOWS, SERVING, WAITING } from './contacts.ts';
import { Deque, TimeQueue } from './deque.ts';
import { EventCalendar } from './event-calendar.ts';
import type { ClassModel, HotlineModel } from './model.ts';
import { Random } from './random.ts';
import { PiecewisePoisson, WEEK } from './rate-profile.ts';
import { C, Counters, H, type ReplicationTally } from './tally.ts';

// Event kinds, packed as (contact << 3) | kind.
const ARRIVAL = 0;
const DEPART = 1;
/** The end of a waiting contact's patience or of the wait before overflow. */
const TIMEOUT = 2;
const SEATS = 3;
const FOLLOW_UP_STREAM = 4;
const FOLLOW_UP_CREATE = 5;

const PHONE = 0;
const CHAT = 1;

/** Adds `by` to a statistics counter. */
function bump(a: Float64Array, i: number, by: number): void {
  a[i] = (a[i] as number) + by;
}

/** Adds `by` to an int32 count and returns the new value. */
function step(a: Int32Array, i: number, by: number): number {
  const v = (a[i] as number) + by;
  a[i] = v;
  return v;
}

export interface ReplicationOptions {
  readonly seed: number;
  /** Called now and then with the fraction of simulated time done (0–1). */
  readonly onProgress?: ((fraction: number) => void) | undefined;
}

/**
 * Runs one replication of a compiled scenario: a single-threaded event loop over a binary-heap calendar, contacts in
 * typed arrays, one FIFO queue per class and channel served by priority. Pure and deterministic given the seed.
 */
export function runReplication(model: HotlineModel, options: ReplicationOptions): ReplicationTally {
  return new Engine(model, options).run();
}

class Engine {
  private readonly m: HotlineModel;
  private readonly rng: Random;
  private readonly calendar = new EventCalendar(1024);
  private readonly onProgress: ((fraction: number) => void) | undefined;
  private readonly seed: number;
  private readonly counters: Counters;
  private readonly nClasses: number;
  private readonly followUpClass: number;
  private readonly arrivals: PiecewisePoisson;
  private readonly followUpStream: PiecewisePoisson | null;

  private readonly k = new Contacts();

  // Queues: one per class and channel (index class * 2 + channel), searched in priority order.
  private readonly queues: Deque[];
  private readonly waiting: Int32Array;
  private inboundWaiting = 0;
  private readonly seatOrder: Int32Array;
  private readonly chatOrder: Int32Array;

  // Seats.
  private capacity = 0;
  /** Seats in use: one per phone call, one per chat seat with at least one conversation. */
  private busy = 0;
  private seatStep = 0;
  private seatWeek = 0;
  private readonly chat: ChatSeats;

  // Pre-emption: the phone contacts in service per class, and the order victims are sought in.
  private readonly preemptive: boolean;
  private readonly inService: Int32Array[];
  private readonly inServiceCount: Int32Array;
  private readonly victimOrder: Int32Array;

  // Follow-ups from the case schedule: the distinct delays, a FIFO of creation times per delay, each class's delays.
  private readonly delays: Float64Array;
  private readonly pendingFollowUps: TimeQueue[];
  private readonly followUpDelays: Int32Array[];

  // Statistics.
  private lastTime = 0;
  private hourEnd = 0;
  private hourOfDay = 0;
  private events = 0;

  constructor(model: HotlineModel, options: ReplicationOptions) {
    this.m = model;
    this.seed = options.seed;
    this.rng = new Random(options.seed);
    this.onProgress = options.onProgress;
    this.nClasses = model.classes.length;
    this.followUpClass = model.classes.length > model.inbound ? model.inbound : -1;
    this.counters = new Counters(this.nClasses);
    this.arrivals = new PiecewisePoisson(model.arrivalRates, model.weekOffset, model.surges);
    this.followUpStream = model.followUpRates ? new PiecewisePoisson(model.followUpRates, model.weekOffset, []) : null;

    const nQueues = this.nClasses * 2;
    this.queues = Array.from({ length: nQueues }, () => new Deque());
    this.waiting = new Int32Array(nQueues);
    const byPriority = model.classes
      .map((c, i) => ({ i, p: c.priority }))
      .sort((a, b) => b.p - a.p || a.i - b.i)
      .map((x) => x.i);
    this.seatOrder = Int32Array.from(byPriority.flatMap((c) => [c * 2 + PHONE, c * 2 + CHAT]));
    this.chatOrder = Int32Array.from(byPriority.map((c) => c * 2 + CHAT));

    const slots = model.maxSeats + 1;
    this.chat = new ChatSeats(slots, model.chatConcurrency);

    const delays = [...new Set(model.classes.flatMap((c) => c.followUpsAfter))];
    this.delays = Float64Array.from(delays);
    this.pendingFollowUps = delays.map(() => new TimeQueue());
    this.followUpDelays = model.classes.map((c) => Int32Array.from(c.followUpsAfter, (d) => delays.indexOf(d)));

    this.preemptive = model.classes.some((c) => c.preempt);
    this.inService = model.classes.map(() => new Int32Array(this.preemptive ? slots + 1 : 0));
    this.inServiceCount = new Int32Array(this.nClasses);
    this.victimOrder = Int32Array.from(byPriority.filter((c) => !model.classes[c]?.preempt).reverse());
  }

  run(): ReplicationTally {
    const m = this.m;
    const cal = this.calendar;
    const end = m.end;
    this.startSeats();
    const first = this.arrivals.next(0, this.rng, end);
    if (first < end) cal.schedule(first, ARRIVAL);
    if (this.followUpStream) {
      const f = this.followUpStream.next(0, this.rng, end);
      if (f < end) cal.schedule(f, FOLLOW_UP_STREAM);
    }
    const progress = this.onProgress;
    while (cal.pop()) {
      const t = cal.time;
      if (t > end) break;
      const e = cal.event;
      this.account(t);
      switch (e & 7) {
        case ARRIVAL:
          this.onArrival(t);
          break;
        case DEPART:
          this.onDepart(e >>> 3, t);
          break;
        case TIMEOUT:
          this.onTimeout(e >>> 3, t);
          break;
        case SEATS:
          this.onSeats(t);
          break;
        case FOLLOW_UP_STREAM: {
          const next = this.followUpStream?.next(t, this.rng, end) ?? Number.POSITIVE_INFINITY;
          if (next < end) cal.schedule(next, FOLLOW_UP_STREAM);
          this.onFollowUp(t);
          break;
        }
        case FOLLOW_UP_CREATE:
          this.onScheduledFollowUp(e >>> 3, t);
          break;
      }
      if ((++this.events & 0xffff) === 0 && progress) progress(t / end);
    }
    this.account(end);
    this.finish();
    progress?.(1);
    return this.counters.toTally(
      this.seed,
      m.classes.map((c) => c.name),
      this.events,
    );
  }

  // ── events ──────────────────────────────────────────────────────────────────────────────────────────────────────

  private onArrival(t: number): void {
    const m = this.m;
    const rng = this.rng;
    const next = this.arrivals.next(t, rng, m.end);
    if (next < m.end) this.calendar.schedule(next, ARRIVAL);

    const u = rng.uniform();
    const shares = m.cumulativeShares;
    let c = 0;
    while (c < m.inbound - 1 && u >= (shares[c] as number)) c++;
    const ch = m.chatShare > 0 && rng.uniform() < m.chatShare ? CHAT : PHONE;
    const measured = t >= m.warmUp;
    const n = this.nClasses;
    const by = this.counters.byClass;
    const hour = Math.floor(t / 3600) % 24;
    if (measured) {
      bump(by, C.offered * n + c, 1);
      bump(this.counters.byHour, H.offered * 24 + hour, 1);
    }
    const id = this.k.alloc(c, ch, t, measured);
    if (this.serveNow(id, t)) return;
    const klass = m.classes[c] as ClassModel;
    // Barging in comes before any busy signal or overflow: the pre-empting caller is never turned away.
    if (klass.preempt && ch === PHONE && this.preempt(id, t)) return;

    const waiting = this.inboundWaiting;
    if (waiting >= m.overflowQueueOver) {
      this.leaveOnArrival(id, C.overflowed);
      return;
    }
    if (waiting >= m.queueCapacity || this.busy + waiting >= m.lines) {
      this.leaveOnArrival(id, C.balked);
      return;
    }
    if (m.hangUpPerPosition > 0) {
      const position = this.positionOf(klass.priority) + 1;
      if (rng.uniform() < position * m.hangUpPerPosition) {
        this.leaveOnArrival(id, C.balked);
        return;
      }
    }
    this.enqueue(id, c * 2 + ch);
    const patience = t + klass.patience.sample(rng);
    const overflow = t + m.overflowAfter;
    const deadline = Math.min(overflow, patience);
    if (deadline < m.end) {
      if (overflow < patience) this.k.flags[id] = (this.k.flags[id] as number) | OVERFLOWS;
      this.k.deadline[id] = deadline;
      this.calendar.schedule(deadline, (id << 3) | TIMEOUT);
    }
  }

  private onFollowUp(t: number): void {
    const c = this.followUpClass;
    const measured = t >= this.m.warmUp;
    if (measured) bump(this.counters.byClass, C.offered * this.nClasses + c, 1);
    const id = this.k.alloc(c, PHONE, t, measured);
    if (!this.serveNow(id, t)) this.enqueue(id, c * 2 + PHONE);
  }

  /**
   * Follow-ups from the case schedule wait in one FIFO per delay: answers come in time order, so each FIFO is sorted
   * and only its head needs a place on the calendar (a few entries instead of thousands: a shallower heap).
   */
  private scheduleFollowUp(delay: number, t: number): void {
    const at = t + (this.delays[delay] as number);
    if (at >= this.m.end) return;
    const queue = this.pendingFollowUps[delay] as TimeQueue;
    if (queue.length === 0) this.calendar.schedule(at, (delay << 3) | FOLLOW_UP_CREATE);
    queue.push(at);
  }

  private onScheduledFollowUp(delay: number, t: number): void {
    const queue = this.pendingFollowUps[delay] as TimeQueue;
    queue.shift();
    if (queue.length > 0) this.calendar.schedule(queue.peek(), (delay << 3) | FOLLOW_UP_CREATE);
    this.onFollowUp(t);
  }

  private onDepart(id: number, t: number): void {
    if (this.k.state[id] !== SERVING || this.k.endAt[id] !== t) return;
    if (this.k.channel[id] === PHONE) {
      if (this.preemptive) this.removeInService(id);
      this.k.release(id);
      this.busy--;
      this.fillSeats(t);
      return;
    }
    const slot = this.k.seatOf[id] as number;
    this.k.release(id);
    if (this.chat.remove(slot)) {
      this.busy--;
      this.fillSeats(t);
    } else {
      this.fillChatSeat(slot, t);
    }
  }

  private onTimeout(id: number, t: number): void {
    if (this.k.state[id] !== WAITING || this.k.deadline[id] !== t) return;
    this.k.state[id] = LEFT;
    const c = this.k.cls[id] as number;
    step(this.waiting, c * 2 + (this.k.channel[id] as number), -1);
    this.inboundWaiting--;
    const flags = this.k.flags[id] as number;
    if (flags & MEASURED) {
      const n = this.nClasses;
      if (flags & OVERFLOWS) bump(this.counters.byClass, C.overflowed * n + c, 1);
      else {
        bump(this.counters.byClass, C.abandoned * n + c, 1);
        bump(this.counters.byHour, H.abandoned * 24 + (Math.floor((this.k.arrived[id] as number) / 3600) % 24), 1);
      }
    }
  }

  private startSeats(): void {
    const { starts, values } = this.m.seats;
    const offset = this.m.weekOffset;
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] as number) <= offset) i++;
    this.seatStep = i;
    this.seatWeek = -offset;
    this.capacity = values[i] as number;
    this.scheduleSeatChange();
  }

  private scheduleSeatChange(): void {
    const { starts } = this.m.seats;
    if (starts.length < 2) return;
    const nextStep = this.seatStep + 1;
    const at = this.seatWeek + (nextStep < starts.length ? (starts[nextStep] as number) : WEEK);
    if (at < this.m.end) this.calendar.schedule(at, SEATS);
  }

  private onSeats(t: number): void {
    const { values } = this.m.seats;
    if (++this.seatStep === values.length) {
      this.seatStep = 0;
      this.seatWeek += WEEK;
    }
    const before = this.capacity;
    this.capacity = values[this.seatStep] as number;
    this.scheduleSeatChange();
    // Fewer seats: those in use finish their contacts first. More: serve the queue.
    if (this.capacity > before) this.fillSeats(t);
  }

  // ── seats and queues ───────────────────────────────────────────────────────────────────────────────────────────

  /** Starts a contact at once if a seat (or a chat seat with room) is free. */
  private serveNow(id: number, t: number): boolean {
    if (this.k.channel[id] === PHONE) {
      if (this.busy >= this.capacity) return false;
      this.busy++;
      this.startPhone(id, t);
      return true;
    }
    if (this.busy <= this.capacity) {
      const slot = this.chat.withRoom();
      if (slot >= 0) {
        this.startChat(id, slot, t);
        return true;
      }
    }
    if (this.busy >= this.capacity) return false;
    this.busy++;
    this.startChat(id, this.chat.openSeat(), t);
    return true;
  }

  /** Gives free seats to the waiting, highest priority first. */
  private fillSeats(t: number): void {
    const order = this.seatOrder;
    while (this.busy < this.capacity) {
      const q = this.firstWaiting(order);
      if (q < 0) return;
      const id = this.dequeue(q);
      if ((q & 1) === PHONE) {
        this.busy++;
        this.startPhone(id, t);
      } else {
        // A chat seat with room left over from a time of fewer seats comes before a new one.
        let slot = this.chat.withRoom();
        if (slot < 0) {
          slot = this.chat.openSeat();
          this.busy++;
        }
        this.startChat(id, slot, t);
        this.fillChatSeat(slot, t);
      }
    }
  }

  /** Gives a chat seat's free conversation slots to waiting chats. */
  private fillChatSeat(slot: number, t: number): void {
    const order = this.chatOrder;
    while (this.chat.hasRoom(slot) && this.busy <= this.capacity) {
      const q = this.firstWaiting(order);
      if (q < 0) return;
      this.startChat(this.dequeue(q), slot, t);
    }
  }

  /** The first queue in `order` with someone waiting, or −1. */
  private firstWaiting(order: Int32Array): number {
    for (let i = 0; i < order.length; i++) {
      const q = order[i] as number;
      if ((this.waiting[q] as number) > 0) return q;
    }
    return -1;
  }

  private enqueue(id: number, q: number): void {
    this.k.state[id] = WAITING;
    this.queues[q]?.push(id);
    step(this.waiting, q, 1);
    if ((this.k.cls[id] as number) !== this.followUpClass) this.inboundWaiting++;
  }

  /** The first waiting contact of a queue that has one, dropping those that left. */
  private dequeue(q: number): number {
    const queue = this.queues[q] as Deque;
    for (;;) {
      const id = queue.shift();
      if (this.k.state[id] === WAITING) {
        step(this.waiting, q, -1);
        if ((this.k.cls[id] as number) !== this.followUpClass) this.inboundWaiting--;
        return id;
      }
      this.k.release(id);
    }
  }

  /** Inbound contacts waiting whose priority is at least `priority`: those ahead of a new arrival. */
  private positionOf(priority: number): number {
    let ahead = 0;
    const classes = this.m.classes;
    for (let c = 0; c < this.m.inbound; c++) {
      if ((classes[c]?.priority ?? 0) >= priority) {
        ahead += (this.waiting[c * 2 + PHONE] as number) + (this.waiting[c * 2 + CHAT] as number);
      }
    }
    return ahead;
  }

  // ── service ────────────────────────────────────────────────────────────────────────────────────────────────────

  private startPhone(id: number, t: number): void {
    if (this.preemptive) this.addInService(id);
    this.startService(id, t, 1);
  }

  private startChat(id: number, slot: number, t: number): void {
    this.k.seatOf[id] = slot;
    this.chat.add(slot);
    this.startService(id, t, this.m.chatHandleFactor);
  }

  private startService(id: number, t: number, factor: number): void {
    this.k.state[id] = SERVING;
    this.k.deadline[id] = Number.NaN;
    const flags = this.k.flags[id] as number;
    let duration: number;
    if (flags & ANSWERED) {
      duration = this.k.remaining[id] as number;
    } else {
      this.k.flags[id] = flags | ANSWERED;
      const c = this.k.cls[id] as number;
      const klass = this.m.classes[c];
      if (klass === undefined) return;
      duration = klass.handle.sample(this.rng) * factor;
      const transfer = klass.transferProbability > 0 && this.rng.uniform() < klass.transferProbability;
      if (transfer) duration += klass.transferHold.sample(this.rng);
      if (flags & MEASURED) this.countAnswer(id, c, t - (this.k.arrived[id] as number), transfer);
      const delays = this.followUpDelays[c] as Int32Array;
      for (let i = 0; i < delays.length; i++) this.scheduleFollowUp(delays[i] as number, t);
    }
    const endAt = t + duration;
    this.k.endAt[id] = endAt;
    this.calendar.schedule(endAt, (id << 3) | DEPART);
  }

  private countAnswer(id: number, c: number, wait: number, transfer: boolean): void {
    const n = this.nClasses;
    const by = this.counters.byClass;
    const within = wait <= this.m.serviceLevel;
    bump(by, C.answered * n + c, 1);
    bump(by, C.waitSum * n + c, wait);
    if (within) bump(by, C.answeredWithin * n + c, 1);
    if (wait === 0) bump(by, C.answeredAtOnce * n + c, 1);
    if (transfer) bump(by, C.transfers * n + c, 1);
    if (c === this.followUpClass) {
      if (wait > this.m.followUpDue) bump(by, C.overdue * n + c, 1);
      return;
    }
    const hour = Math.floor((this.k.arrived[id] as number) / 3600) % 24;
    const byHour = this.counters.byHour;
    bump(byHour, H.answered * 24 + hour, 1);
    if (within) bump(byHour, H.answeredWithin * 24 + hour, 1);
  }

  /** Takes the seat of the lowest-priority phone contact in service, if any ranks below the arrival. */
  private preempt(id: number, t: number): boolean {
    const priority = this.m.classes[this.k.cls[id] as number]?.priority ?? 0;
    for (let i = 0; i < this.victimOrder.length; i++) {
      const c = this.victimOrder[i] as number;
      if ((this.m.classes[c]?.priority ?? 0) >= priority) return false;
      const count = this.inServiceCount[c] as number;
      if (count === 0) continue;
      // The one that started last has the most work left to lose least.
      const victim = this.inService[c]?.[count - 1] as number;
      this.removeInService(victim);
      this.k.remaining[victim] = (this.k.endAt[victim] as number) - t;
      this.k.endAt[victim] = Number.NaN;
      this.queues[c * 2 + PHONE]?.unshift(victim);
      this.k.state[victim] = WAITING;
      step(this.waiting, c * 2 + PHONE, 1);
      if (c !== this.followUpClass) this.inboundWaiting++;
      if ((this.k.flags[victim] as number) & MEASURED) bump(this.counters.byClass, C.preempted * this.nClasses + c, 1);
      this.startPhone(id, t);
      return true;
    }
    return false;
  }

  private addInService(id: number): void {
    const c = this.k.cls[id] as number;
    const list = this.inService[c] as Int32Array;
    const count = this.inServiceCount[c] as number;
    list[count] = id;
    this.k.servicePos[id] = count;
    this.inServiceCount[c] = count + 1;
  }

  private removeInService(id: number): void {
    const c = this.k.cls[id] as number;
    const list = this.inService[c] as Int32Array;
    const last = (this.inServiceCount[c] as number) - 1;
    const pos = this.k.servicePos[id] as number;
    const moved = list[last] as number;
    list[pos] = moved;
    this.k.servicePos[moved] = pos;
    this.inServiceCount[c] = last;
  }

  // ── contacts and statistics ────────────────────────────────────────────────────────────────────────────────────

  private leaveOnArrival(id: number, counter: number): void {
    if ((this.k.flags[id] as number) & MEASURED) {
      bump(this.counters.byClass, counter * this.nClasses + (this.k.cls[id] as number), 1);
    }
    this.k.release(id);
  }

  /** Adds seat time in use and available since the last event, split by hour of day, after the warm-up only. */
  private account(t: number): void {
    let from = this.lastTime;
    if (t <= from) return;
    this.lastTime = t;
    const warmUp = this.m.warmUp;
    if (t <= warmUp) return;
    if (from < warmUp) from = warmUp;
    const byHour = this.counters.byHour;
    const busy = this.busy;
    const seats = this.capacity;
    while (from < t) {
      // The hour being filled is cached: most events fall in the same hour as the one before.
      if (from >= this.hourEnd) {
        const hourIndex = Math.floor(from / 3600);
        this.hourEnd = (hourIndex + 1) * 3600;
        this.hourOfDay = hourIndex % 24;
      }
      const to = Math.min(this.hourEnd, t);
      const h = this.hourOfDay;
      bump(byHour, H.busy * 24 + h, busy * (to - from));
      bump(byHour, H.seats * 24 + h, seats * (to - from));
      from = to;
    }
  }

  /** Counts the contacts still waiting at the end, and follow-ups left waiting past their due time. */
  private finish(): void {
    const n = this.nClasses;
    const by = this.counters.byClass;
    for (let id = 0; id < this.k.used; id++) {
      if (this.k.state[id] !== WAITING) continue;
      const flags = this.k.flags[id] as number;
      if (!(flags & MEASURED) || flags & ANSWERED) continue;
      const c = this.k.cls[id] as number;
      bump(by, C.inSystem * n + c, 1);
      if (c === this.followUpClass && this.m.end - (this.k.arrived[id] as number) > this.m.followUpDue) {
        bump(by, C.overdue * n + c, 1);
      }
    }
  }
}
