import { z } from 'zod';
import { riskLevelSchema } from '../domain/risk-level.ts';
import { clockSeconds, DURATION_PATTERN, durationSeconds } from './duration.ts';

/**
 * A duration: seconds as a number, or a string of number-unit pairs (`90s`, `15m`, `1h30m`, `2d18h`). Parsed to
 * seconds.
 */
const duration = z.union([
  z.number().nonnegative().finite(),
  z
    .string()
    .regex(DURATION_PATTERN, 'a duration: seconds, or a string such as 90s, 15m, 1h30m, 2d')
    .transform(durationSeconds),
]);
const positiveDuration = duration.refine((s) => s > 0, 'a duration above zero');

/** A distribution of durations (handle time, patience, hold). `mean` and `sd` are durations. */
const distributionSchema = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('exponential'), mean: positiveDuration }).strict(),
  /** Lognormal by its mean and standard deviation (not those of the underlying normal). */
  z.object({ dist: z.literal('lognormal'), mean: positiveDuration, sd: positiveDuration }).strict(),
  /** Resampled uniformly from observed durations (a bootstrap). */
  z.object({ dist: z.literal('empirical'), samples: z.array(duration).min(1) }).strict(),
  z.object({ dist: z.literal('fixed'), value: duration }).strict(),
]);
export type Distribution = z.infer<typeof distributionSchema>;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const weekdaySchema = z.enum(WEEKDAYS);

const clock = z
  .string()
  .refine((s) => !Number.isNaN(clockSeconds(s)), 'a time of day HH:MM such as 08:00')
  .transform(clockSeconds);
const share = z.number().nonnegative().finite();

const surgeSchema = z
  .object({
    /** Start, measured from the end of the warm-up (the first reported instant): `3d18h`. */
    start: duration,
    length: positiveDuration,
    /** The arrival rate during the surge is the usual rate times this. */
    multiplier: z.number().nonnegative().finite(),
  })
  .strict();

const arrivalsSchema = z
  .object({
    /** Constant rate per hour (the analytic cases), or … */
    perHour: z.number().positive().finite().optional(),
    /** … or contacts per hour for each hour of the day: 24 numbers (every day), or 7 lists of 24 (Monday first), or … */
    hourlyRates: z.union([z.array(share).length(24), z.array(z.array(share).length(24)).length(7)]).optional(),
    /** … mean contacts per day, spread over the hours by `hourShares` and over the week by `weekdayShares`. */
    perDay: z.number().positive().finite().optional(),
    /** 24 relative weights, 00:00–01:00 first; normalised. Default: flat. */
    hourShares: z
      .array(share)
      .length(24)
      .refine((a) => a.some((x) => x > 0), 'at least one hour with a share above zero')
      .optional(),
    /** 7 relative weights, Monday first; normalised to a mean of 1, so `perDay` stays the mean over the week. */
    weekdayShares: z
      .array(share)
      .length(7)
      .refine((a) => a.some((x) => x > 0), 'at least one day with a share above zero')
      .optional(),
    surges: z.array(surgeSchema).default([]),
  })
  .strict()
  .refine(
    (a) => [a.perHour, a.perDay, a.hourlyRates].filter((x) => x !== undefined).length === 1,
    'exactly one of perHour, hourlyRates and perDay',
  )
  .refine(
    (a) => a.perDay !== undefined || (a.hourShares === undefined && a.weekdayShares === undefined),
    'hourShares and weekdayShares apply only with perDay',
  );

const classSchema = z
  .object({
    level: riskLevelSchema,
    /** Share of inbound contacts; the shares of all classes are normalised. */
    share: z.number().positive().finite(),
    /** Higher is served first; default: the level's rank (R4 = 4 … R0 = 0). Follow-ups always come last. */
    priority: z.number().int().min(0).max(100).optional(),
    handle: distributionSchema,
    /** Time a caller waits before hanging up; `infinite` (the default) never hangs up. */
    patience: z.union([z.literal('infinite'), distributionSchema]).default('infinite'),
    /**
     * Pre-emptive priority: when no seat is free, an arriving contact of this class takes the seat of the lowest-priority
     * phone contact in service, which goes back to the head of its queue and later resumes where it stopped.
     */
    preempt: z.boolean().default(false),
    /** Warm transfer to 110/120: with this probability the seat stays held for `hold` after the handle time. */
    transfer: z
      .object({ probability: z.number().min(0).max(1), hold: distributionSchema })
      .strict()
      .optional(),
  })
  .strict();

const shiftSchema = z
  .object({
    start: clock,
    length: positiveDuration.refine((s) => s <= 86_400, 'at most 24h'),
    seats: z.number().int().nonnegative(),
    /** Days the shift starts on; default every day. A shift may run past midnight. */
    days: z.array(weekdaySchema).min(1).optional(),
  })
  .strict();

const followUpsSchema = z
  .object({
    /** Outbound follow-up calls generated as a Poisson stream, this many per day on average … */
    perDay: z.number().nonnegative().finite().default(0),
    /** … only during these hours (start, end as HH:MM); default all day. */
    hours: z.tuple([clock, clock]).optional(),
    /**
     * … and from the case workflow: after an answered call of a level, one follow-up at each offset; `workflow` takes
     * the offsets of the default workflow policy (long-term cases).
     */
    after: z.union([z.literal('workflow'), z.partialRecord(riskLevelSchema, z.array(duration))]).default({}),
    handle: distributionSchema,
    /** A follow-up not started within this time of its creation is overdue. */
    due: positiveDuration,
  })
  .strict();

/**
 * A hotline scenario: arrivals, risk classes, seats and the options of a real line. Durations are seconds or strings
 * such as `15m`; times of day are `HH:MM`; the simulated clock starts on `startDay` at 00:00.
 * @see reference/triage.md §0.3 (features), §3.5 (defaults)
 */
export const hotlineScenarioSchema = z
  .object({
    name: z.string().optional(),
    /** Reported period (after the warm-up). */
    horizon: positiveDuration,
    /** Simulated before the reported period and discarded, so the line does not start empty. */
    warmUp: duration.default(0),
    startDay: weekdaySchema.default('mon'),
    /** Service-level threshold t: answered within t. */
    serviceLevel: duration.default(20),
    arrivals: arrivalsSchema,
    classes: z.array(classSchema).min(1),
    /** A constant number of seats, or shifts (seats summed over the shifts on at each moment). */
    seats: z.union([z.number().int().positive(), z.object({ shifts: z.array(shiftSchema).min(1) }).strict()]),
    /** Fraction of rostered seat time not available for contacts (breaks, training, admin): seats × (1 − s), rounded. */
    shrinkage: z.number().min(0).max(0.95).default(0),
    queue: z
      .object({
        /** Busy signal (balking) when this many contacts are already waiting; default: unlimited. */
        capacity: z.number().int().nonnegative().optional(),
        /** Busy signal when this many lines are in use: seats busy plus contacts waiting (a trunk limit). */
        lines: z.number().int().positive().optional(),
        /** With position announcements, a caller told "you are number k" hangs up at once with probability k × this. */
        hangUpPerPosition: z.number().min(0).max(1).optional(),
      })
      .strict()
      .default({}),
    overflow: z
      .object({
        /** To the backup centre once a contact has waited this long … */
        afterWait: duration.optional(),
        /** … or at once when this many contacts are already waiting on arrival. */
        whenQueueOver: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    chat: z
      .object({
        /** Share of inbound contacts that come by chat (the rest by phone). */
        share: z.number().min(0).max(1),
        /** Conversations one seat holds at once; a seat in chat mode takes no calls. */
        concurrency: z.number().int().min(1).max(20),
        /** Chat handle time = the class's handle time × this (conversations are slower). */
        handleFactor: z.number().positive().finite().default(1),
      })
      .strict()
      .optional(),
    followUps: followUpsSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const levels = s.classes.map((c) => c.level);
    levels.forEach((level, i) => {
      if (levels.indexOf(level) !== i) {
        ctx.addIssue({ code: 'custom', path: ['classes', i, 'level'], message: `${level} is listed twice` });
      }
    });
  });

/** A scenario as written (durations may be strings). */
export type HotlineScenarioInput = z.input<typeof hotlineScenarioSchema>;
/** A validated scenario: every duration in seconds, defaults filled in. */
export type HotlineScenario = z.output<typeof hotlineScenarioSchema>;

export { WEEKDAYS };
