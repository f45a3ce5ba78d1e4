import type { Condition, Rule } from '../schema.ts';
import { LOW, MODERATE, MODERATE_REFER, RESCREEN } from './outcomes.ts';

/** The band of a scale's result (the chosen norm; the scales package default unless the caller picked another). */
const band = (scale: string, ...ids: string[]): Condition =>
  ids.length === 1 ? { fact: `scales.${scale}.band`, eq: ids[0] as string } : { fact: `scales.${scale}.band`, in: ids };

const LEVELS =
  'a score at or above a clinical cut-off → R2, a general psychological issue → R1 (reference/triage.md §0.1)';
const NO_ACTION = 'below every cut-off: no action by default; clinical judgement can override';

/** Without a total, blank items may still leave a cut-off decided by the answered items (scales engine/bounds.ts). */
const BLANKS =
  'read only when blank items leave the band open (with a band, the band rule says the same): decided by the scales package from the answered items, reached by the lowest total the blanks allow, never imputed';

/**
 * A cut-off that starts a band, read only where blank items left the band open: with a band (a total, or blanks that
 * cannot change it), the band's own rule says the same, and a second reason would only lengthen every explanation.
 * Read by `band`, not `total`: rules that read a total make the decision memo tell every total apart.
 */
const cutoffWithoutBand = (scale: string, cutoff: string): Condition => ({
  all: [
    { fact: `scales.${scale}.cutoffs.${cutoff}`, eq: true },
    { fact: `scales.${scale}.band`, exists: false },
  ],
});

/** A ≥ 10 cut-off of the PHQ-9 or PHQ-A: the first total of the moderate band, whose rule gives R2. */
interface TenCutoff {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly source: string;
}

/** PHQ-9 and PHQ-A share the 0–27 total and the Kroenke 2001 bands (reference/scales.md §1.1, §1.2). */
function phqRules(scale: 'phq-9' | 'phq-a', name: string, bands: string, ten: TenCutoff): Rule[] {
  return [
    {
      id: `${scale}-minimal`,
      description: { zh: `${name} 无或极轻 (0–4 分)`, en: `${name} minimal (total 0–4)` },
      source: `${bands}; ${NO_ACTION}`,
      when: band(scale, 'minimal'),
      then: { noAction: true },
    },
    {
      id: `${scale}-mild`,
      description: { zh: `${name} 轻度 (5–9 分)`, en: `${name} mild (total 5–9)` },
      source: `${bands}; below the cut-off: ${LEVELS}`,
      when: band(scale, 'mild'),
      then: LOW,
    },
    {
      id: `${scale}-moderate`,
      description: { zh: `${name} 中度 (10–14 分)`, en: `${name} moderate (total 10–14)` },
      source: `${bands}; ≥10 is the adult screening cut-off (Kroenke 2001, sens 88%, spec 88%); ${LEVELS}`,
      when: band(scale, 'moderate'),
      then: MODERATE,
    },
    {
      id: `${scale}-${ten.id}-cutoff`,
      description: {
        zh: `${name} ≥10 分（${ten.label.zh}；有空白条目：已答条目已达到）`,
        en: `${name} total ≥ 10 (${ten.label.en}; blank items: reached by the answered items)`,
      },
      source: `${ten.source}; 10 is the first total of the moderate band, so the level of ${scale}-moderate: ${LEVELS}; ${BLANKS}`,
      when: cutoffWithoutBand(scale, ten.id),
      then: MODERATE,
    },
    {
      id: `${scale}-adolescent-cutoff`,
      description: {
        zh: `${name} ≥11 分（青少年筛查界值；部分条目空白时也可判定）`,
        en: `${name} total ≥ 11 (adolescent screening cut-off; decided even with blank items)`,
      },
      source: `Richardson LP et al. Pediatrics 2010;126:1117–1123: PHQ-9 ≥11 optimal for 13–17-year-olds, sens 89.5%, spec 77.5% (reference/scales.md §0.8, §1.1, §1.2); ${LEVELS}`,
      when: { fact: `scales.${scale}.cutoffs.adolescent`, eq: true },
      then: { ...MODERATE, actions: ['full_mental_health_evaluation', 'counselling', 'rescreen'] },
    },
    {
      id: `${scale}-moderately-severe-or-severe`,
      description: {
        zh: `${name} 中重度或重度 (15–27 分)`,
        en: `${name} moderately severe or severe (total 15–27)`,
      },
      source: `${bands}; no suicide information in the total, so R2 with a referral for evaluation (R3 needs risk evidence, reference/triage.md §0.1)`,
      when: band(scale, 'moderately-severe', 'severe'),
      then: MODERATE_REFER,
    },
  ];
}

const GAD7 = 'Spitzer et al. 2006 GAD-7 bands 0–4 / 5–9 / 10–14 / 15–21, screen ≥10 (reference/scales.md §1.4)';
const SDS =
  'Zung SDS, Chinese norm 标准分 ≥53: 53–62 mild, 63–72 moderate, ≥73 severe; index = raw × 1.25 rounded half-up (raw 42 → 53) (reference/scales.md §0.1, §0.2, §2.1)';
const SAS =
  'Zung SAS, Chinese norm 标准分 ≥50: 50–59 mild, 60–69 moderate, ≥70 severe (reference/scales.md §0.2, §2.2); the Zung 1971 band ids (45/60/75) map mild-moderate → mild, marked-severe → moderate, extreme → severe';
const K10 =
  'K10, ABS 4817.0.55.001 bands 10–15 low, 16–21 moderate, 22–29 high, 30–50 very high (reference/scales.md §3.3)';

/**
 * Symptom-severity bands to R1/R2. Totals carry no suicide information, so no band reaches R3 by itself
 * (reference/triage.md §0.1: R3 needs intent, plan, recent behaviour, escalating psychosis or high distress without
 * capable supports); suicide items have their own rules. Every band of every instrument reaches a rule here, some
 * with `noAction`, so gap analysis passes.
 */
export const severityRules: Rule[] = [
  ...phqRules(
    'phq-9',
    'PHQ-9',
    'Kroenke, Spitzer & Williams 2001 PHQ-9 bands 0–4 / 5–9 / 10–14 / 15–19 / 20–27 (reference/scales.md §1.1)',
    {
      id: 'adult',
      label: { zh: '成人筛查界值', en: 'adult screening cut-off' },
      source:
        'Kroenke K et al. J Gen Intern Med 2001;16:606–613: PHQ-9 ≥10, sens 88%, spec 88% (reference/scales.md §1.1)',
    },
  ),
  ...phqRules(
    'phq-a',
    'PHQ-A',
    'PHQ-A is scored as the PHQ-9, same 0–27 bands (Johnson et al. 2002; NYS OMH guide ◐, reference/scales.md §1.2)',
    {
      id: 'elevated',
      label: { zh: '症状升高', en: 'elevated' },
      source: 'NYS OMH collaborative-care guide: PHQ-9/PHQ-A 0–27, ≥10 elevated (reference/scales.md §1.2, ◐)',
    },
  ),
  {
    id: 'phq-2-negative',
    description: { zh: 'PHQ-2 阴性 (0–2 分)', en: 'PHQ-2 negative (total 0–2)' },
    source: `Kroenke et al. 2003 PHQ-2 cut-off ≥3 (reference/scales.md §1.3); ${NO_ACTION}`,
    when: band('phq-2', 'negative'),
    then: { noAction: true },
  },
  {
    id: 'phq-2-positive',
    description: { zh: 'PHQ-2 阳性 (≥3 分)：做完整 PHQ-9', en: 'PHQ-2 positive (total ≥ 3): give the full PHQ-9' },
    source:
      'Kroenke et al. 2003 PHQ-2 cut-off ≥3 (adolescents: sens 74%, spec 75%, Richardson 2010); a positive PHQ-2 → administer the full PHQ-9 (reference/scales.md §1.3)',
    when: band('phq-2', 'positive'),
    then: RESCREEN,
  },
  {
    id: 'gad-2-negative',
    description: { zh: 'GAD-2 阴性 (0–2 分)', en: 'GAD-2 negative (total 0–2)' },
    source: `Kroenke et al. 2007 GAD-2 cut-off ≥3 (reference/scales.md §1.5); ${NO_ACTION}`,
    when: band('gad-2', 'negative'),
    then: { noAction: true },
  },
  {
    id: 'gad-2-positive',
    description: { zh: 'GAD-2 阳性 (≥3 分)：做完整 GAD-7', en: 'GAD-2 positive (total ≥ 3): give the full GAD-7' },
    source:
      'Kroenke et al. 2007 GAD-2 cut-off ≥3, sens 86%, spec 83% (reference/scales.md §1.5); follow a positive two-item screen with the full instrument, as for the PHQ-2 (§1.3)',
    when: band('gad-2', 'positive'),
    then: RESCREEN,
  },
  {
    id: 'gad-7-minimal',
    description: { zh: 'GAD-7 无或极轻 (0–4 分)', en: 'GAD-7 minimal (total 0–4)' },
    source: `${GAD7}; ${NO_ACTION}`,
    when: band('gad-7', 'minimal'),
    then: { noAction: true },
  },
  {
    id: 'gad-7-mild',
    description: { zh: 'GAD-7 轻度 (5–9 分)', en: 'GAD-7 mild (total 5–9)' },
    source: `${GAD7}; below the cut-off: ${LEVELS}`,
    when: band('gad-7', 'mild'),
    then: LOW,
  },
  {
    id: 'gad-7-moderate',
    description: { zh: 'GAD-7 中度 (10–14 分)', en: 'GAD-7 moderate (total 10–14)' },
    source: `${GAD7}; ${LEVELS}`,
    when: band('gad-7', 'moderate'),
    then: MODERATE,
  },
  {
    id: 'gad-7-screen-cutoff',
    description: {
      zh: 'GAD-7 ≥10 分：筛查阳性（有空白条目：已答条目已达到）',
      en: 'GAD-7 total ≥ 10: screen positive (blank items: reached by the answered items)',
    },
    source: `Spitzer RL et al. Arch Intern Med 2006;166:1092–1097: GAD-7 ≥10, sens 89%, spec 82% for GAD (reference/scales.md §1.4); 10 is the first total of the moderate band, so as gad-7-moderate: ${LEVELS}; ${BLANKS}`,
    when: cutoffWithoutBand('gad-7', 'screen'),
    then: MODERATE,
  },
  {
    id: 'gad-7-severe',
    description: { zh: 'GAD-7 重度 (15–21 分)', en: 'GAD-7 severe (total 15–21)' },
    source: `${GAD7}; ${LEVELS}, with a referral for evaluation`,
    when: band('gad-7', 'severe'),
    then: MODERATE_REFER,
  },
  {
    id: 'sds-normal',
    description: { zh: 'SDS 标准分 <53：无抑郁', en: 'SDS index < 53: normal' },
    source: `${SDS}; ${NO_ACTION}`,
    when: band('sds', 'normal'),
    then: { noAction: true },
  },
  {
    id: 'sds-mild',
    description: { zh: 'SDS 轻度抑郁 (标准分 53–62)', en: 'SDS mild (index 53–62)' },
    source: `${SDS}; the 53 cut is a population norm (raw normal upper limit 41), not a cut-off validated against diagnosis, so mild → R1 like the PHQ-9 mild band (reference/triage.md §0.1)`,
    when: band('sds', 'mild'),
    then: LOW,
  },
  {
    id: 'sds-moderate',
    description: { zh: 'SDS 中度抑郁 (标准分 63–72)', en: 'SDS moderate (index 63–72)' },
    source: `${SDS}; ${LEVELS}`,
    when: band('sds', 'moderate'),
    then: MODERATE,
  },
  {
    id: 'sds-severe',
    description: { zh: 'SDS 重度抑郁 (标准分 ≥73)', en: 'SDS severe (index ≥ 73)' },
    source: `${SDS}; ${LEVELS}, with a referral for evaluation`,
    when: band('sds', 'severe'),
    then: MODERATE_REFER,
  },
  {
    id: 'sas-normal',
    description: {
      zh: 'SAS 无焦虑 (标准分 <50；Zung 1971 分级 <45)',
      en: 'SAS normal (index < 50; Zung 1971 bands < 45)',
    },
    source: `${SAS}; ${NO_ACTION}`,
    when: band('sas', 'normal'),
    then: { noAction: true },
  },
  {
    id: 'sas-mild',
    description: {
      zh: 'SAS 轻度焦虑 (标准分 50–59；Zung 1971 分级 45–59)',
      en: 'SAS mild (index 50–59; Zung 1971 bands 45–59)',
    },
    source: `${SAS}; a population norm, so mild → R1 as for the SDS (reference/triage.md §0.1)`,
    when: band('sas', 'mild', 'mild-moderate'),
    then: LOW,
  },
  {
    id: 'sas-moderate',
    description: {
      zh: 'SAS 中度焦虑 (标准分 60–69；Zung 1971 分级 60–74)',
      en: 'SAS moderate (index 60–69; Zung 1971 bands 60–74)',
    },
    source: `${SAS}; ${LEVELS}`,
    when: band('sas', 'moderate', 'marked-severe'),
    then: MODERATE,
  },
  {
    id: 'sas-severe',
    description: {
      zh: 'SAS 重度焦虑 (标准分 ≥70；Zung 1971 分级 ≥75)',
      en: 'SAS severe (index ≥ 70; Zung 1971 bands ≥ 75)',
    },
    source: `${SAS}; ${LEVELS}, with a referral for evaluation`,
    when: band('sas', 'severe', 'extreme'),
    then: MODERATE_REFER,
  },
  {
    id: 'k10-low',
    description: { zh: 'K10 低心理困扰 (10–15 分)', en: 'K10 low distress (total 10–15)' },
    source: `${K10}; ${NO_ACTION}`,
    when: band('k10', 'low'),
    then: { noAction: true },
  },
  {
    id: 'k10-moderate',
    description: { zh: 'K10 中等心理困扰 (16–21 分)', en: 'K10 moderate distress (total 16–21)' },
    source: `${K10}; below the ABS "high" band and under 20 "likely well" on the CRUfAD scale (◐), so R1 (reference/triage.md §0.1)`,
    when: band('k10', 'moderate'),
    then: LOW,
  },
  {
    id: 'k10-high',
    description: { zh: 'K10 高心理困扰 (22–29 分)', en: 'K10 high distress (total 22–29)' },
    source: `${K10}; significant distress → R2 (reference/triage.md §0.1)`,
    when: band('k10', 'high'),
    then: MODERATE,
  },
  {
    id: 'k10-very-high',
    description: { zh: 'K10 很高心理困扰 (30–50 分)', en: 'K10 very high distress (total 30–50)' },
    source: `${K10}; ≥30 also "severe" on the CRUfAD scale (◐). R2 with a referral, not R3: the K10 has no suicide item and does not show absent supports (reference/triage.md §0.1 R3, UK MHTS code C §1.1)`,
    when: band('k10', 'very-high'),
    then: MODERATE_REFER,
  },
  {
    id: 'k6-no-spd',
    description: { zh: 'K6 <13 分：无严重心理困扰', en: 'K6 total < 13: no serious psychological distress' },
    source:
      'Kessler et al. 2003 K6 ≥13 = serious psychological distress (reference/scales.md §3.3); the 5–12 "moderate" vendor band is ◐ and not adopted; no action by default',
    when: band('k6', 'no-spd'),
    then: { noAction: true },
  },
  {
    id: 'k6-spd',
    description: { zh: 'K6 ≥13 分：严重心理困扰', en: 'K6 total ≥ 13: serious psychological distress' },
    source: `Kessler et al. 2003 K6 ≥13 = serious psychological distress (reference/scales.md §3.3; validated in adults); ${LEVELS}`,
    when: band('k6', 'spd'),
    then: MODERATE_REFER,
  },
];
