/** Counters kept per class, in this order. */
const CLASS_COUNTERS = [
  /** Contacts that arrived in the reported period (follow-ups: created). */
  'offered',
  /** First answered in the reported period, whenever they arrived after the warm-up. */
  'answered',
  'answeredWithin',
  /** Answered on arrival, with no wait at all. */
  'answeredAtOnce',
  /** Sum of the waits of the answered, seconds. */
  'waitSum',
  'abandoned',
  'overflowed',
  /** Busy signal (queue full) or a hang-up on hearing the queue position. */
  'balked',
  /** Offered, never answered and still waiting when the run ends. */
  'inSystem',
  /** Times a contact in service was interrupted by a pre-empting one. */
  'preempted',
  /** Warm transfers to 110/120. */
  'transfers',
  /** Follow-ups started after their due time, or still waiting past it at the end. */
  'overdue',
] as const;
export type ClassCounter = (typeof CLASS_COUNTERS)[number];

/** Counters kept per hour of day (by arrival for contacts; by clock for seat time). Inbound contacts only. */
const HOURLY_COUNTERS = [
  'offered',
  'answered',
  'answeredWithin',
  'abandoned',
  /** Seat-seconds in use. */
  'busy',
  /** Seat-seconds available (after shrinkage). */
  'seats',
] as const;
export type HourlyCounter = (typeof HOURLY_COUNTERS)[number];

/** What one replication counted, as plain data. */
export interface ReplicationTally {
  readonly seed: number;
  readonly classes: readonly { readonly name: string; readonly counts: Readonly<Record<ClassCounter, number>> }[];
  /** 24 entries, 00:00–01:00 first. */
  readonly hourly: readonly Readonly<Record<HourlyCounter, number>>[];
  /** Events taken off the calendar (stale ones included: they cost time too). */
  readonly events: number;
}

/** Per-class and per-hour counters in flat typed arrays, indexed `counter * n + index`. */
export class Counters {
  readonly byClass: Float64Array;
  readonly byHour: Float64Array;

  constructor(readonly classes: number) {
    this.byClass = new Float64Array(CLASS_COUNTERS.length * classes);
    this.byHour = new Float64Array(HOURLY_COUNTERS.length * 24);
  }

  toTally(seed: number, names: readonly string[], events: number): ReplicationTally {
    const n = this.classes;
    return {
      seed,
      classes: names.map((name, c) => ({
        name,
        counts: Object.fromEntries(CLASS_COUNTERS.map((k, i) => [k, this.byClass[i * n + c] as number])) as Record<
          ClassCounter,
          number
        >,
      })),
      hourly: Array.from(
        { length: 24 },
        (_, h) =>
          Object.fromEntries(HOURLY_COUNTERS.map((k, i) => [k, this.byHour[i * 24 + h] as number])) as Record<
            HourlyCounter,
            number
          >,
      ),
      events,
    };
  }
}

/** Index of a class counter's block in {@link Counters.byClass} (the order of {@link CLASS_COUNTERS}). */
export const C = {
  offered: 0,
  answered: 1,
  answeredWithin: 2,
  answeredAtOnce: 3,
  waitSum: 4,
  abandoned: 5,
  overflowed: 6,
  balked: 7,
  inSystem: 8,
  preempted: 9,
  transfers: 10,
  overdue: 11,
} as const satisfies Record<ClassCounter, number>;
/** Index of an hourly counter's block in {@link Counters.byHour} (the order of {@link HOURLY_COUNTERS}). */
export const H = {
  offered: 0,
  answered: 1,
  answeredWithin: 2,
  abandoned: 3,
  busy: 4,
  seats: 5,
} as const satisfies Record<HourlyCounter, number>;
