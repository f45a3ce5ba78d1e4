import type { RiskLevel } from '../domain/risk-level.ts';
import { durationMs } from '../workflow/duration.ts';
import { defaultWorkflowPolicy } from '../workflow/policy.ts';
import { DAY, type Surge, WEEK, type WeeklySteps, weeklySteps } from './rate-profile.ts';
import { Sampler } from './sampler.ts';
import { type HotlineScenario, WEEKDAYS } from './scenario.ts';

/** One class of contacts as the engine uses it; the follow-up class, if any, is the last. */
export interface ClassModel {
  /** Risk level, or `follow-up` for outbound follow-up calls. */
  readonly name: RiskLevel | 'follow-up';
  readonly share: number;
  readonly priority: number;
  readonly handle: Sampler;
  readonly patience: Sampler;
  readonly preempt: boolean;
  readonly transferProbability: number;
  readonly transferHold: Sampler;
  /** Offsets after an answered call at which follow-ups are created. */
  readonly followUpsAfter: readonly number[];
}

/** A scenario compiled for the engine: samplers, weekly step functions, absolute times. */
export interface HotlineModel {
  readonly classes: readonly ClassModel[];
  /** Number of inbound classes (the follow-up class comes after them). */
  readonly inbound: number;
  /** Cumulative normalised shares of the inbound classes, for picking a class with one uniform draw. */
  readonly cumulativeShares: Float64Array;
  readonly warmUp: number;
  /** Simulated time at which the run stops (warm-up + horizon). */
  readonly end: number;
  readonly serviceLevel: number;
  /** Seconds into the week (Monday 00:00 = 0) at simulated time 0. */
  readonly weekOffset: number;
  /** Arrivals per second over the week. */
  readonly arrivalRates: WeeklySteps;
  readonly surges: readonly Surge[];
  /** Seats available for contacts over the week, after shrinkage. */
  readonly seats: WeeklySteps;
  readonly maxSeats: number;
  readonly queueCapacity: number;
  /** Lines (seats in use + waiting) after which callers get a busy signal. */
  readonly lines: number;
  readonly hangUpPerPosition: number;
  readonly overflowAfter: number;
  readonly overflowQueueOver: number;
  readonly chatShare: number;
  readonly chatConcurrency: number;
  readonly chatHandleFactor: number;
  /** Follow-up calls per second over the week (from `followUps.perDay`); null when none. */
  readonly followUpRates: WeeklySteps | null;
  readonly followUpDue: number;
}

const INF = Number.POSITIVE_INFINITY;
const levelRank = (level: RiskLevel): number => Number(level.slice(1));

function arrivalRates(s: HotlineScenario): WeeklySteps {
  const a = s.arrivals;
  if (a.perHour !== undefined) return weeklySteps([[0, a.perHour / 3600]]);
  if (a.hourlyRates !== undefined) {
    const rates = a.hourlyRates;
    const perDay = (d: number): readonly number[] =>
      typeof rates[0] === 'number' ? (rates as number[]) : ((rates as number[][])[d] ?? []);
    return weeklySteps(
      Array.from({ length: 168 }, (_, i) => [i * 3600, (perDay(Math.floor(i / 24))[i % 24] ?? 0) / 3600] as const),
    );
  }
  const hours = a.hourShares ?? Array.from({ length: 24 }, () => 1);
  const days = a.weekdayShares ?? Array.from({ length: 7 }, () => 1);
  const hourSum = hours.reduce((x, y) => x + y, 0);
  const daySum = days.reduce((x, y) => x + y, 0);
  const perDay = a.perDay ?? 0;
  const points: [number, number][] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const rate = (perDay * ((hours[h] ?? 0) / hourSum) * ((7 * (days[d] ?? 0)) / daySum)) / 3600;
      points.push([d * DAY + h * 3600, rate]);
    }
  }
  return weeklySteps(points);
}

/** Seats on at each moment of the week (shifts summed, then shrinkage applied and rounded). */
function seatSteps(s: HotlineScenario): WeeklySteps {
  const effective = (n: number) => Math.round(n * (1 - s.shrinkage));
  if (typeof s.seats === 'number') return weeklySteps([[0, effective(s.seats)]]);
  const intervals: [number, number, number][] = [];
  for (const shift of s.seats.shifts) {
    for (const day of shift.days ?? WEEKDAYS) {
      const from = WEEKDAYS.indexOf(day) * DAY + shift.start;
      intervals.push([from, from + shift.length, shift.seats]);
    }
  }
  const staffed = (x: number) =>
    intervals.reduce((n, [from, to, seats]) => {
      // A shift may run past the end of the week (Sunday night) into Monday.
      const on = (x >= from && x < to) || (x + WEEK >= from && x + WEEK < to);
      return on ? n + seats : n;
    }, 0);
  const cuts = new Set<number>([0]);
  for (const [from, to] of intervals) {
    cuts.add(from % WEEK);
    cuts.add(to % WEEK);
  }
  return weeklySteps([...cuts].map((c) => [c, effective(staffed(c))]));
}

function followUpRates(s: HotlineScenario): WeeklySteps | null {
  const f = s.followUps;
  if (!f || f.perDay === 0) return null;
  const [from, to] = f.hours ?? [0, DAY];
  // A window such as 22:00–06:00 runs past midnight; equal ends mean all day.
  const open = to > from ? to - from : to < from ? DAY - from + to : DAY;
  const on = (tod: number) => (to > from ? tod >= from && tod < to : to < from ? tod >= from || tod < to : true);
  const cuts = new Set<number>([0]);
  for (let d = 0; d < 7; d++) {
    cuts.add(d * DAY + from);
    cuts.add((d * DAY + to) % WEEK);
  }
  return weeklySteps([...cuts].map((c) => [c, on(c % DAY) ? f.perDay / open : 0]));
}

/** Offsets (seconds) after an answered call of `level` at which follow-ups are created. */
function followUpOffsets(s: HotlineScenario, level: RiskLevel): readonly number[] {
  const after = s.followUps?.after;
  if (after === undefined) return [];
  if (after === 'workflow') return defaultWorkflowPolicy.followUps[level].long_term.map((d) => durationMs(d) / 1000);
  return after[level] ?? [];
}

/** Compiles a validated scenario for the engine. Pure. */
export function compileScenario(s: HotlineScenario): HotlineModel {
  const never = Sampler.of('infinite');
  const total = s.classes.reduce((sum, c) => sum + c.share, 0);
  const classes: ClassModel[] = s.classes.map((c) => ({
    name: c.level,
    share: c.share / total,
    priority: c.priority ?? levelRank(c.level),
    handle: Sampler.of(c.handle),
    patience: Sampler.of(c.patience),
    preempt: c.preempt,
    transferProbability: c.transfer?.probability ?? 0,
    transferHold: c.transfer ? Sampler.of(c.transfer.hold) : never,
    followUpsAfter: followUpOffsets(s, c.level),
  }));
  const inbound = classes.length;
  if (s.followUps) {
    classes.push({
      name: 'follow-up',
      share: 0,
      priority: -1,
      handle: Sampler.of(s.followUps.handle),
      patience: never,
      preempt: false,
      transferProbability: 0,
      transferHold: never,
      followUpsAfter: [],
    });
  }
  let cumulative = 0;
  const cumulativeShares = Float64Array.from(classes.slice(0, inbound), (c) => (cumulative += c.share));
  cumulativeShares[inbound - 1] = 1;
  const seats = seatSteps(s);
  return {
    classes,
    inbound,
    cumulativeShares,
    warmUp: s.warmUp,
    end: s.warmUp + s.horizon,
    serviceLevel: s.serviceLevel,
    weekOffset: WEEKDAYS.indexOf(s.startDay) * DAY,
    arrivalRates: arrivalRates(s),
    surges: s.arrivals.surges.map((g) => ({
      from: s.warmUp + g.start,
      to: s.warmUp + g.start + g.length,
      multiplier: g.multiplier,
    })),
    seats,
    maxSeats: Math.max(...seats.values),
    queueCapacity: s.queue.capacity ?? INF,
    lines: s.queue.lines ?? INF,
    hangUpPerPosition: s.queue.hangUpPerPosition ?? 0,
    overflowAfter: s.overflow?.afterWait ?? INF,
    overflowQueueOver: s.overflow?.whenQueueOver ?? INF,
    chatShare: s.chat?.share ?? 0,
    chatConcurrency: s.chat?.concurrency ?? 1,
    chatHandleFactor: s.chat?.handleFactor ?? 1,
    followUpRates: followUpRates(s),
    followUpDue: s.followUps?.due ?? INF,
  };
}
