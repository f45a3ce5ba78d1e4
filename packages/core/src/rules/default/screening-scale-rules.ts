import type { Condition, FactTest, Rule } from '../schema.ts';
import { LOW, MODERATE, MODERATE_REFER } from './outcomes.ts';
import { subscaleTest } from './subscale-test.ts';

/** The band of a scale's result, under whichever band set scoring used. */
const band = (scale: string, ...ids: string[]): Condition =>
  ids.length === 1 ? { fact: `scales.${scale}.band`, eq: ids[0] as string } : { fact: `scales.${scale}.band`, in: ids };

const LEVELS =
  'a score at or above a clinical cut-off → R2, a general psychological issue → R1 (reference/triage.md §0.1)';
const NO_ACTION = 'below every cut-off: no action by default; clinical judgement can override';
const NO_R3 =
  'no suicide information in the score, so R2 with a referral for evaluation at most (R3 needs risk evidence, reference/triage.md §0.1)';

const CESD = 'Radloff 1977 CES-D total 0–60, ≥16 "depression or at risk" (CamCOPS cesd.py; reference/scales.md §3.1)';
const CESDR = 'Eaton et al. 2004 CESD-R total 0–60, ≥16 at risk (CamCOPS cesdr.py; reference/scales.md §3.2)';
const CESDR_CAT =
  'CESD-R depression category (cesd-r.com, as coded in CamCOPS cesdr.py): anhedonia or dysphoria nearly every day for 2 weeks plus ≥4 other symptom groups at that level → major depressive episode, plus ≥3 groups at ≥5–7 days → probable, plus ≥2 → possible (reference/scales.md §3.2)';
const DASS =
  'Lovibond & Lovibond 1995 DASS bands on the doubled DASS-21 subscale (sum × 2, the DASS-42 metric; un-doubled tables are internally inconsistent): depression 0–9 / 10–13 / 14–20 / 21–27 / 28+, anxiety 0–7 / 8–9 / 10–14 / 15–19 / 20+, stress 0–14 / 15–18 / 19–25 / 26–33 / 34+ (reference/scales.md §0.10, §3.4; 龚栩 2010 Chinese DASS-21)';
const PSS =
  'PSS-10 conventional ranges 0–13 low / 14–26 moderate / 27–40 high, not from Cohen, who published no cut-offs (population mean ≈13) (reference/scales.md §3.5 ◐)';
const ISI =
  'Morin ISI bands 0–7 none / 8–14 subthreshold / 15–21 moderate clinical / 22–28 severe clinical (Bastien 2001; reference/scales.md §3.6)';

/**
 * DASS-21 doubled subscale scores (0–42), as the scales package reports them, or with blank items the subscale's band
 * when they cannot change it (`bands`: the Lovibond bands the test spans).
 */
const dass = (
  subscale: 'depression' | 'anxiety' | 'stress',
  test: Omit<FactTest, 'fact'>,
  ...bands: string[]
): Condition => subscaleTest('dass-21', subscale, test, bands);

/**
 * Depression, anxiety, stress and sleep instruments added in scales 1.1: CES-D, CESD-R, DASS-21, PSS-10, ISI.
 * Severity to R1/R2 only; their suicide items (CESD-R 14, 15) have rules in suicide-rules.ts.
 */
export const screeningScaleRules: Rule[] = [
  {
    id: 'cesd-below-threshold',
    description: { zh: 'CES-D 低于界值 (0–15 分)', en: 'CES-D below threshold (total 0–15)' },
    source: `${CESD}; ${NO_ACTION}`,
    when: band('cesd', 'below-threshold'),
    then: { noAction: true },
  },
  {
    id: 'cesd-at-risk',
    description: {
      zh: 'CES-D ≥16 分：抑郁或有抑郁风险（部分条目空白时也可判定）',
      en: 'CES-D total ≥ 16: depression or at risk (decided even with blank items)',
    },
    source: `${CESD}; ≥16 is the published screening cut-off, so ${LEVELS}. Chinese adolescent studies also use 20 or 28 (not encoded)`,
    when: {
      any: [band('cesd', 'at-risk'), { fact: 'scales.cesd.cutoffs.at-risk', eq: true }],
    },
    then: MODERATE,
  },
  {
    id: 'cesd-r-below-cutoff',
    description: { zh: 'CESD-R <16 分：低于界值', en: 'CESD-R total < 16: below the cut-off' },
    source: `${CESDR}; ${NO_ACTION}`,
    when: { fact: 'scales.cesd-r.cutoffs.at-risk', eq: false },
    then: { noAction: true },
  },
  {
    id: 'cesd-r-at-risk',
    description: { zh: 'CESD-R ≥16 分：有抑郁风险', en: 'CESD-R total ≥ 16: at risk of depression' },
    source: `${CESDR}; ≥16 is the published screening cut-off, so ${LEVELS}`,
    when: { fact: 'scales.cesd-r.cutoffs.at-risk', eq: true },
    then: MODERATE,
  },
  {
    id: 'cesd-r-possible-episode',
    description: {
      zh: 'CESD-R 分类：可能的重性抑郁发作',
      en: 'CESD-R category: possible major depressive episode',
    },
    source: `${CESDR_CAT}; a possible episode meets the DSM-based symptom pattern, a clinical finding like a score at a clinical cut-off, so ${LEVELS} (it can occur with a total under 16)`,
    when: { fact: 'scales.cesd-r.derived.category', eq: 'possible-major-depressive-episode' },
    then: MODERATE,
  },
  {
    id: 'cesd-r-probable-or-major-episode',
    description: {
      zh: 'CESD-R 分类：很可能的或符合重性抑郁发作',
      en: 'CESD-R category: probable major depressive episode or meets criteria for one',
    },
    source: `${CESDR_CAT}; R2 with a referral for evaluation; ${NO_R3}`,
    when: {
      fact: 'scales.cesd-r.derived.category',
      in: ['probable-major-depressive-episode', 'major-depressive-episode'],
    },
    then: MODERATE_REFER,
  },
  {
    id: 'dass-21-normal',
    description: {
      zh: 'DASS-21 三个分量表（×2 后）均在正常范围：抑郁 ≤9、焦虑 ≤7、压力 ≤14',
      en: 'DASS-21 every subscale (× 2) normal: depression ≤ 9, anxiety ≤ 7, stress ≤ 14',
    },
    source: `${DASS}; ${NO_ACTION}`,
    when: {
      all: [
        dass('depression', { lte: 9 }, 'normal'),
        dass('anxiety', { lte: 7 }, 'normal'),
        dass('stress', { lte: 14 }, 'normal'),
      ],
    },
    then: { noAction: true },
  },
  {
    id: 'dass-21-mild',
    description: {
      zh: 'DASS-21 任一分量表轻度（×2 后）：抑郁 10–13、焦虑 8–9 或压力 15–18',
      en: 'DASS-21 mild on a subscale (× 2): depression 10–13, anxiety 8–9 or stress 15–18',
    },
    source: `${DASS}; mild is below the moderate band (≥ 87th percentile), so R1: ${LEVELS}`,
    when: {
      any: [
        dass('depression', { between: [10, 13] }, 'mild'),
        dass('anxiety', { between: [8, 9] }, 'mild'),
        dass('stress', { between: [15, 18] }, 'mild'),
      ],
    },
    then: LOW,
  },
  {
    id: 'dass-21-moderate',
    description: {
      zh: 'DASS-21 任一分量表中度（×2 后）：抑郁 14–20、焦虑 10–14 或压力 19–25',
      en: 'DASS-21 moderate on a subscale (× 2): depression 14–20, anxiety 10–14 or stress 19–25',
    },
    source: `${DASS}; moderate is the first band the scales package counts as positive, so ${LEVELS}`,
    when: {
      any: [
        dass('depression', { between: [14, 20] }, 'moderate'),
        dass('anxiety', { between: [10, 14] }, 'moderate'),
        dass('stress', { between: [19, 25] }, 'moderate'),
      ],
    },
    then: MODERATE,
  },
  {
    id: 'dass-21-severe',
    description: {
      zh: 'DASS-21 任一分量表重度或极重度（×2 后）：抑郁 ≥21、焦虑 ≥15 或压力 ≥26',
      en: 'DASS-21 severe or extremely severe on a subscale (× 2): depression ≥ 21, anxiety ≥ 15 or stress ≥ 26',
    },
    source: `${DASS}; ${NO_R3}`,
    when: {
      any: [
        dass('depression', { gte: 21 }, 'severe', 'extremely-severe'),
        dass('anxiety', { gte: 15 }, 'severe', 'extremely-severe'),
        dass('stress', { gte: 26 }, 'severe', 'extremely-severe'),
      ],
    },
    then: MODERATE_REFER,
  },
  {
    id: 'pss-10-low-or-moderate',
    description: { zh: 'PSS-10 低或中等压力 (0–26 分)', en: 'PSS-10 low or moderate stress (total 0–26)' },
    source: `${PSS}; the moderate range holds most students (the population mean is about 13), so it is not a finding: no action by default; clinical judgement can override`,
    when: band('pss-10', 'low', 'moderate'),
    then: { noAction: true },
  },
  {
    id: 'pss-10-high',
    description: { zh: 'PSS-10 高压力 (27–40 分)', en: 'PSS-10 high perceived stress (total 27–40)' },
    source: `${PSS}; perceived stress is not a disorder and these ranges are not a validated clinical cut-off, so high stress is a general psychological issue → R1, never R2 (reference/triage.md §0.1)`,
    when: band('pss-10', 'high'),
    then: LOW,
  },
  {
    id: 'isi-no-insomnia',
    description: {
      zh: 'ISI 无临床意义的失眠或亚临床 (0–14 分)',
      en: 'ISI no clinically significant or subthreshold insomnia (total 0–14)',
    },
    source: `${ISI}; ${NO_ACTION} (totals 9–14 meet the adolescent case cut-off: rule isi-adolescent-case)`,
    when: band('isi', 'none', 'subthreshold'),
    then: { noAction: true },
  },
  {
    id: 'isi-adolescent-case',
    description: {
      zh: 'ISI ≥9 分：青少年失眠筛查阳性（部分条目空白时也可判定）',
      en: 'ISI total ≥ 9: adolescent insomnia case (decided even with blank items)',
    },
    source:
      'Chung, Kan & Yeung 2011 (Sleep Med 12:463): Chinese ISI in 1,516 Hong Kong adolescents, optimal cut-off 9 (sens 0.87, spec 0.75); the adult community cut-off ≥10 (Morin 2011, reference/scales.md §3.6) is implied. A case of insomnia below the clinical bands is a general psychological issue → R1 (reference/triage.md §0.1)',
    when: { fact: 'scales.isi.cutoffs.adolescent', eq: true },
    then: LOW,
  },
  {
    id: 'isi-moderate',
    description: { zh: 'ISI 临床失眠（中度，15–21 分）', en: 'ISI clinical insomnia, moderate (total 15–21)' },
    source: `${ISI}; 15+ is clinical insomnia, so ${LEVELS}`,
    when: band('isi', 'moderate'),
    then: MODERATE,
  },
  {
    id: 'isi-severe',
    description: { zh: 'ISI 临床失眠（重度，22–28 分）', en: 'ISI clinical insomnia, severe (total 22–28)' },
    source: `${ISI}; ${LEVELS}, with a referral for evaluation; ${NO_R3}`,
    when: band('isi', 'severe'),
    then: MODERATE_REFER,
  },
];
