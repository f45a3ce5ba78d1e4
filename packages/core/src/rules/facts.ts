import type { ScoreValue } from '@triage/scales';
import type { ContactCategory, ContactChannel } from '../domain/contact.ts';
import type { Sex } from '../domain/student.ts';

/** What rules can read about one instrument's result. Absent flags are negative; absent values are unknown. */
export interface ScaleFacts {
  readonly total?: number | null;
  readonly index?: number | null;
  readonly band?: string | null;
  /**
   * The lowest band the result can be in: the band itself when decided; when blank items leave it open, the band of
   * the lowest total they allow (scales warning SCALES_BAND_BOUNDS); null when there is no band to bound. Rules read
   * it as "at least this band" only together with `band` absent, so a decided band is never counted twice.
   */
  readonly bandAtLeast?: string | null;
  readonly category?: string | null;
  readonly cutoffs?: Readonly<Record<string, boolean | null>>;
  /** Flag id → status; only positive and unknown flags appear. */
  readonly flags?: Readonly<Record<string, 'positive' | 'unknown'>>;
  /** Answers to named items in the instrument's native coding; null = blank. */
  readonly items?: Readonly<Record<string, number | null>>;
  readonly subscales?: Readonly<Record<string, number | null>>;
  /**
   * By subscale with bands: its band when it has one, else the lowest band blank items leave open (scales
   * SubscaleResult `bands`), else null. Rules read it only with the subscale's score absent, as `bandAtLeast`.
   */
  readonly subscaleBandsAtLeast?: Readonly<Record<string, string | null>>;
  /**
   * By subscale with bands: its band, from its score or, with no score, decided by blank items' bounds (every answer
   * to them gives that band: scales SubscaleResult `band`); null while the blanks leave it open. Rules testing a
   * subscale's band read it, so a blank that cannot change the band does not leave them undecided.
   */
  readonly subscaleBands?: Readonly<Record<string, string | null>>;
  readonly derived?: Readonly<Record<string, string>>;
  /** Total mean (SCL-90 总均分/GSI, MSSMHS), where the instrument defines one. */
  readonly mean?: number | null;
  /** Number of positive items (SCL-90 阳性项目数), where the instrument defines them. */
  readonly positiveItems?: number | null;
  /** Screening rule id → positive (true), negative (false) or undecided (null: a score it needs is missing). */
  readonly screens?: Readonly<Record<string, boolean | null>>;
  /** Validity (lie) scale: false when it invalidates the protocol (MHT 效度 ≥ 7), null when it could not be scored. */
  readonly valid?: boolean | null;
}

export interface PersonFacts {
  readonly age?: number;
  readonly sex?: Sex;
  readonly grade?: number;
}

export interface ContactFacts {
  readonly category?: ContactCategory;
  /** How the facts arrived: a contact's channel, or a school screening. */
  readonly channel?: ContactChannel | 'screening';
  readonly plan?: boolean;
  readonly intent?: boolean;
  readonly means?: boolean;
  readonly attemptInProgress?: boolean;
  /** Pre-triage keyword hits (e.g. 自杀, 跳楼), as ids, never the caller's words. */
  readonly keywords?: readonly string[];
}

/** Everything a rule set can read about one person at one time. */
export interface Facts {
  readonly scales?: Readonly<Record<string, ScaleFacts>>;
  readonly person?: PersonFacts;
  readonly contact?: ContactFacts;
}

/** The lower of the bands blank items leave open (scales engine/bounds.ts), or null. */
function lowestBand(score: ScoreValue): string | null {
  for (const w of score.warnings) if (w.code === 'SCALES_BAND_BOUNDS' && w.bands) return w.bands.lowest.id;
  return null;
}

/**
 * The facts of one instrument result, as rules read them.
 * @example
 * const facts: Facts = { scales: { 'phq-9': scaleFacts(score.value) }, person: { age: 15 } };
 */
export function scaleFacts(score: ScoreValue): ScaleFacts {
  const flags: Record<string, 'positive' | 'unknown'> = {};
  for (const f of score.flags) {
    // Several flags may share an id (one per item): positive wins over unknown.
    if (flags[f.id] !== 'positive') flags[f.id] = f.status;
  }
  const cutoffs: Record<string, boolean | null> = {};
  for (const c of score.cutoffs) cutoffs[c.id] = c.positive;
  const subscales: Record<string, number | null> = {};
  let atLeast: Record<string, string | null> | undefined;
  let bands: Record<string, string | null> | undefined;
  for (const s of score.subscales) {
    subscales[s.id] = s.score;
    // Only subscales with a band (or bands left open), so other instruments' facts (and decision keys) stay as they were.
    const band = s.band?.id ?? s.bands?.lowest.id;
    if (band !== undefined) {
      atLeast ??= {};
      atLeast[s.id] = band;
      bands ??= {};
      bands[s.id] = s.band?.id ?? null;
    }
  }
  const extra: {
    subscaleBandsAtLeast?: Record<string, string | null>;
    subscaleBands?: Record<string, string | null>;
    mean?: number | null;
    positiveItems?: number | null;
    screens?: Record<string, boolean | null>;
    valid?: boolean | null;
  } = {};
  // Only the instruments that define these carry them, so other instruments' facts (and decision keys) stay as they were.
  if (score.mean !== undefined) extra.mean = score.mean;
  if (score.positiveItems !== undefined) extra.positiveItems = score.positiveItems?.count ?? null;
  if (score.screens !== undefined) {
    const screens: Record<string, boolean | null> = {};
    for (const s of score.screens) screens[s.id] = s.positive;
    extra.screens = screens;
  }
  if (score.validity !== undefined) extra.valid = score.validity.valid;
  if (atLeast) extra.subscaleBandsAtLeast = atLeast;
  if (bands) extra.subscaleBands = bands;
  return {
    ...extra,
    total: score.total,
    index: score.index?.value ?? null,
    band: score.band?.id ?? null,
    bandAtLeast: score.band?.id ?? lowestBand(score),
    category: score.category,
    cutoffs,
    flags,
    ...(score.items ? { items: score.items } : {}),
    subscales,
    derived: score.derived,
  };
}
