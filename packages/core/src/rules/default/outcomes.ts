import type { Outcome } from '../schema.ts';

/**
 * Default follow-up schedules by level, offsets from the decision. reference/triage.md §0.1 gives them as proposed
 * defaults (no retrieved standard fixes them): R4 ≤24 h then 72 h, 7 d, 14 d, 30 d; R3 24 h, 72 h, weekly ×4;
 * R2 weekly then bi-weekly; R1 one optional check at 2–4 weeks (the 4-week end, as UK/Victorian code E);
 * R0 a closure confirmation (回访), here after a week.
 */
export const FOLLOW_UP = {
  R4: ['PT24H', 'PT72H', 'P7D', 'P14D', 'P30D'],
  R3: ['PT24H', 'PT72H', 'P7D', 'P14D', 'P21D', 'P28D'],
  R2: ['P7D', 'P14D', 'P28D', 'P42D'],
  R1: ['P28D'],
  R0: ['P7D'],
} satisfies Record<string, NonNullable<Outcome['followUp']>>;

/**
 * Referral targets, as ids a service maps to its own partners (reference/triage.md §0.1, "Referral targets").
 * Work-order targets are institution kinds of the domain model (station, school, hospital, agency, police, ambulance).
 */
export const REFERRAL = {
  police: 'police-110',
  ambulance: 'ambulance-120',
  psychiatricEmergency: 'psychiatric-emergency',
  crisisTeam: 'crisis-team',
  schoolPsychology: 'school-psychology-centre',
  outpatient: 'outpatient-mental-health',
  schoolCounsellor: 'school-counsellor',
  onlineCounselling: 'online-counselling',
  partnerAgency: 'partner-agency',
} as const;

/** Low level (R1): counselling and the resource list, a short-term case (reference/triage.md §0.1 R1). */
export const LOW: Outcome = {
  level: 'R1',
  actions: ['counselling', 'resource_list'],
  referrals: [REFERRAL.schoolCounsellor],
  followUp: FOLLOW_UP.R1,
  caseTerm: 'short_term',
};

/** R1 with a second-stage screen (二级筛查: interview, teacher observation) before a student enters a warning list. */
export const LOW_RESCREEN: Outcome = { ...LOW, actions: ['counselling', 'resource_list', 'rescreen'] };

/** A short screener above its cut-off (R1): give the full instrument (reference/scales.md §1.3). */
export const RESCREEN: Outcome = {
  level: 'R1',
  actions: ['rescreen'],
  followUp: FOLLOW_UP.R1,
  caseTerm: 'short_term',
};

/**
 * Moderate level (R2) for a screening score at a clinical cut-off: counselling, a re-test and a work order to the
 * school within 72 h (reference/triage.md §0.1 R2; UK/Victorian code D). Case term left to judgement.
 */
export const MODERATE: Outcome = {
  level: 'R2',
  actions: ['counselling', 'rescreen'],
  referrals: [REFERRAL.schoolCounsellor],
  workOrders: [{ target: 'school', due: 'PT72H' }],
  followUp: FOLLOW_UP.R2,
};

/** Moderate level (R2) for a high band: a full evaluation through a referral work order within 72 h. */
export const MODERATE_REFER: Outcome = {
  level: 'R2',
  actions: ['full_mental_health_evaluation', 'counselling'],
  referrals: [REFERRAL.outpatient],
  workOrders: [{ target: 'hospital', due: 'PT72H' }],
  followUp: FOLLOW_UP.R2,
};

/**
 * High level (R3) from a screening answer: a brief suicide safety assessment within 24 h, a safety plan, the guardian
 * told, the resource list (reference/triage.md §0.1 R3 and §1.7; UK MHTS code C ≤24 h, §1.1).
 */
export const HIGH_SCREEN: Outcome = {
  level: 'R3',
  actions: ['brief_suicide_safety_assessment', 'safety_plan', 'guardian_notification', 'resource_list'],
  referrals: [REFERRAL.schoolPsychology],
  workOrders: [{ target: 'school', due: 'PT24H' }],
  followUp: FOLLOW_UP.R3,
  caseTerm: 'long_term',
};

/**
 * High level (R3) from stated intent, a plan or a high-risk triage: crisis assessment within 4 h, safety plan, means
 * restriction, guardian and supervisor told (reference/triage.md §0.1 R3; UK MHTS code B ≤4 h, §1.1).
 */
export const HIGH_CRISIS: Outcome = {
  level: 'R3',
  actions: [
    'safety_plan',
    'means_restriction_counselling',
    'supervisor_alert',
    'guardian_notification',
    'full_mental_health_evaluation',
    'resource_list',
  ],
  referrals: [REFERRAL.crisisTeam, REFERRAL.psychiatricEmergency],
  workOrders: [{ target: 'hospital', due: 'PT4H' }],
  followUp: FOLLOW_UP.R3,
  caseTerm: 'long_term',
};
