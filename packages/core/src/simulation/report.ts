import { type Estimate, estimate } from './confidence.ts';
import type { ClassCounter, HourlyCounter, ReplicationTally } from './tally.ts';

/** KPIs of one class (or of all inbound contacts), each a mean over replications with its 95% CI. */
export interface ClassKpis {
  /** Risk level, `follow-up`, or `all` (every inbound contact; follow-ups excluded). */
  readonly class: string;
  /** Contacts per replication over the reported period. */
  readonly offered: Estimate | null;
  readonly answered: Estimate | null;
  /** Answered within the threshold ÷ offered. */
  readonly serviceLevel: Estimate | null;
  /** Average wait of the answered, seconds. */
  readonly averageAnswerSeconds: Estimate | null;
  /** Not answered on arrival ÷ offered: P(wait > 0). */
  readonly waitProbability: Estimate | null;
  /** Abandoned ÷ offered. */
  readonly abandonRate: Estimate | null;
  /** Overflowed to the backup centre ÷ offered. */
  readonly overflowRate: Estimate | null;
  /** Busy signal or hang-up at the position announcement ÷ offered. */
  readonly balkRate: Estimate | null;
  /** Still waiting, never answered, when the run ended (per replication). */
  readonly inSystemAtEnd: Estimate | null;
  readonly transfers: Estimate | null;
  readonly preempted: Estimate | null;
  /** Follow-ups only: started after their due time, or still waiting past it ÷ created. */
  readonly overdueRate: Estimate | null;
}

/** One hour of the day, pooled over every day and replication. */
export interface HourProfile {
  readonly hour: number;
  /** Mean contacts offered in this hour per day. */
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  /** Answered within the threshold ÷ offered (null when none offered). */
  readonly serviceLevel: number | null;
  /** Seat time in use ÷ seat time available (null when no seat was on). */
  readonly occupancy: number | null;
  /** Mean seats available in this hour. */
  readonly seats: number;
}

/** What `simulateHotline` reports. */
export interface HotlineReport {
  readonly scenario: string | null;
  readonly replications: number;
  readonly seed: number;
  /** Seeds of the replications, in order: any one can be re-run alone. */
  readonly seeds: readonly number[];
  readonly horizonSeconds: number;
  readonly warmUpSeconds: number;
  readonly serviceLevelSeconds: number;
  readonly overall: ClassKpis;
  readonly classes: readonly ClassKpis[];
  /** P(an R4 contact is not answered at once); null when the scenario has no R4 class. */
  readonly r4WaitProbability: Estimate | null;
  /** Seat time in use ÷ seat time available. */
  readonly occupancy: Estimate | null;
  readonly hourly: readonly HourProfile[];
  /** Events processed, all replications. */
  readonly events: number;
}

type Counts = Readonly<Record<ClassCounter, number>>;

const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

function kpis(name: string, perReplication: readonly Counts[]): ClassKpis {
  const over = (f: (c: Counts) => number) => estimate(perReplication.map(f));
  return {
    class: name,
    offered: over((c) => c.offered),
    answered: over((c) => c.answered),
    serviceLevel: over((c) => ratio(c.answeredWithin, c.offered)),
    averageAnswerSeconds: over((c) => ratio(c.waitSum, c.answered)),
    waitProbability: over((c) => ratio(c.offered - c.answeredAtOnce, c.offered)),
    abandonRate: over((c) => ratio(c.abandoned, c.offered)),
    overflowRate: over((c) => ratio(c.overflowed, c.offered)),
    balkRate: over((c) => ratio(c.balked, c.offered)),
    inSystemAtEnd: over((c) => c.inSystem),
    transfers: over((c) => c.transfers),
    preempted: over((c) => c.preempted),
    overdueRate: name === 'follow-up' ? over((c) => ratio(c.overdue, c.offered)) : null,
  };
}

function sum(counts: readonly Counts[]): Counts {
  const total: Record<string, number> = {};
  for (const c of counts) for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
  return total as Counts;
}

/** Summarises replication tallies: KPIs per class and overall with 95% CIs, occupancy, the hourly profile. */
export function summarize(
  tallies: readonly ReplicationTally[],
  meta: Pick<HotlineReport, 'scenario' | 'seed' | 'horizonSeconds' | 'warmUpSeconds' | 'serviceLevelSeconds'>,
): HotlineReport {
  const names = tallies[0]?.classes.map((c) => c.name) ?? [];
  const classes = names.map((name, i) =>
    kpis(
      name,
      tallies.map((t) => t.classes[i]?.counts as Counts),
    ),
  );
  const inbound = tallies.map((t) => sum(t.classes.filter((c) => c.name !== 'follow-up').map((c) => c.counts)));
  const r4 = names.indexOf('R4');
  const hourTotal = (t: ReplicationTally, k: HourlyCounter) => t.hourly.reduce((s, h) => s + h[k], 0);
  const days = (meta.horizonSeconds / 86_400) * tallies.length;
  return {
    ...meta,
    replications: tallies.length,
    seeds: tallies.map((t) => t.seed),
    overall: kpis('all', inbound),
    classes,
    r4WaitProbability: r4 < 0 ? null : (classes[r4]?.waitProbability ?? null),
    occupancy: estimate(tallies.map((t) => ratio(hourTotal(t, 'busy'), hourTotal(t, 'seats')))),
    hourly: Array.from({ length: 24 }, (_, hour) => {
      const pooled = (k: HourlyCounter) => tallies.reduce((s, t) => s + (t.hourly[hour]?.[k] ?? 0), 0);
      const offered = pooled('offered');
      const seats = pooled('seats');
      return {
        hour,
        offered: offered / days,
        answered: pooled('answered') / days,
        abandoned: pooled('abandoned') / days,
        serviceLevel: offered > 0 ? pooled('answeredWithin') / offered : null,
        occupancy: seats > 0 ? pooled('busy') / seats : null,
        seats: seats / 3600 / days,
      };
    }),
    events: tallies.reduce((s, t) => s + t.events, 0),
  };
}
