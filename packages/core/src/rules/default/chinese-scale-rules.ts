import type { Condition, Rule } from '../schema.ts';
import { LOW, LOW_RESCREEN, MODERATE, MODERATE_REFER } from './outcomes.ts';
import { subscaleTest } from './subscale-test.ts';

const NO_ACTION = 'no action by default; clinical judgement can override';

/** SCL-90 factor ids (scales scl-90/definition.ts), the ten of the Chinese score sheet including 其他. */
const SCL_FACTORS = [
  'somatization',
  'obsessive-compulsive',
  'interpersonal-sensitivity',
  'depression',
  'anxiety',
  'hostility',
  'phobic-anxiety',
  'paranoid-ideation',
  'psychoticism',
  'additional',
] as const;
/** MSSMHS factor ids (scales mssmhs/definition.ts). */
export const MSS_FACTORS = [
  'obsessive-compulsive',
  'paranoia',
  'hostility',
  'interpersonal-sensitivity',
  'depression',
  'anxiety',
  'academic-pressure',
  'maladjustment',
  'emotional-instability',
  'psychological-imbalance',
] as const;
/** MHT content scales (scales mht/definition.ts); the lie scale is read through `valid`. */
const MHT_SCALES = [
  'learning-anxiety',
  'social-anxiety',
  'loneliness',
  'self-blame',
  'oversensitivity',
  'somatic-symptoms',
  'phobic-tendency',
  'impulsivity',
] as const;

/** Any factor ≥ `min`: its score, or with blank items its band when they cannot change it (`bands`: those ≥ `min`). */
const anyFactor = (scale: string, factors: readonly string[], min: number, bands: readonly string[]): Condition => ({
  any: factors.map((f) => subscaleTest(scale, f, { gte: min }, bands)),
});
const everyFactorBelow = (scale: string, factors: readonly string[], max: number): Condition[] =>
  factors.map((f) => ({ fact: `scales.${scale}.subscales.${f}`, lt: max }));

/** SCL-90 factor bands ≥ 3 (scales shared/cn-severity.ts sclFactorBands: normal 1, attention 2, marked 3). */
const SCL_MARKED = ['marked'];
/** MSSMHS bands (scales mssmhs/definition.ts, factors and total mean alike) from each mean up: 2, 3, 4. */
const MSS_FROM = {
  2: ['mild', 'moderate', 'relatively-severe', 'severe'],
  3: ['moderate', 'relatively-severe', 'severe'],
  4: ['relatively-severe', 'severe'],
} as const;
/**
 * The MSSMHS total mean against `test`, or with blank items its band (the total band set reads the mean) when they
 * cannot change it; as {@link subscaleTest} for the total.
 */
const mssMean = (test: { readonly lt: number } | { readonly gte: number }, bands: readonly string[]): Condition => ({
  any: [
    {
      all: [
        { fact: 'scales.mssmhs.mean', exists: true },
        { fact: 'scales.mssmhs.mean', ...test },
      ],
    },
    { fact: 'scales.mssmhs.band', in: [...bands] },
  ],
});
/** MHT content scale bands ≥ 8 (scales mht/definition.ts: low, average 4, high 8). */
const MHT_HIGH = ['high'];

const SCL =
  'Chinese SCL-90 (1–5 base, total 90–450): screen positive when 总分 >160, or 阳性项目数 >43, or any of the ten factor means ≥2; factor ≥2 needs attention, ≥3 marked (reference/scales.md §0.3, §6.1 ◐ [SCL-R], [SCL-I18N])';
const SCL_NORM =
  'these are Chinese adult-norm limits (norm total 129.96 ± 38.76), not cut-offs validated against diagnosis, and Chinese school practice follows a positive screen with a second-stage screen (二级筛查) before the warning list (reference/scales.md §7); so R1 with rescreen, as for the SDS mild band';
const MSS =
  '王极盛 1997 MSSMHS (1–5 base): factor mean or total mean (总均分 = total ÷ 60) 2–2.99 mild, 3–3.99 moderate, 4–4.99 relatively severe, 5 severe; ≥2 needs attention (reference/scales.md §0.4, §6.3)';
const MHT =
  'MHT (周步成): eight content scales on raw scores, high "8分以上" (≥8) needs a targeted guidance plan; lie scale (even items 82–100) "7分以上" (≥7) → discard the protocol and retest, read through the scales package\'s validity result (reference/scales.md §6.2)';

/** Chinese school-screening instruments added in scales 1.1: SCL-90, MSSMHS (王极盛), MHT (周步成). */
export const chineseScaleRules: Rule[] = [
  {
    id: 'scl-90-below-screen',
    description: {
      zh: 'SCL-90 筛查阴性：总分 ≤160、阳性项目数 ≤43 且各因子分 <2',
      en: 'SCL-90 screen negative: total ≤ 160, positive items ≤ 43 and every factor < 2',
    },
    source: `${SCL}; reads the scales package's screen result (cn-screen), whose boundaries are documented with the SCL-90 definition; ${NO_ACTION}`,
    when: { fact: 'scales.scl-90.screens.cn-screen', eq: false },
    then: { noAction: true },
  },
  {
    id: 'scl-90-screen-positive',
    description: {
      zh: 'SCL-90 筛查阳性：总分 >160、阳性项目数 >43 或任一因子分 ≥2',
      en: 'SCL-90 screen positive: total > 160, positive items > 43 or any factor ≥ 2',
    },
    source: `${SCL}; reads the scales package's screen result (cn-screen), decided even with blank items when a complete factor meets it; ${SCL_NORM} (reference/triage.md §0.1: general psychological issue → R1)`,
    when: { fact: 'scales.scl-90.screens.cn-screen', eq: true },
    then: LOW_RESCREEN,
  },
  {
    id: 'scl-90-factor-marked',
    description: {
      zh: 'SCL-90 任一因子分 ≥3（中等及以上，明显异常）',
      en: 'SCL-90 any factor ≥ 3 (moderate or worse on average, marked)',
    },
    source: `${SCL}; a factor mean ≥3 means the symptoms of that dimension are on average "中等" or worse, more than a norm deviation: significant distress → R2 (reference/triage.md §0.1); no suicide information in a factor, so not R3 (items 15 and 59 have their own rule)`,
    when: anyFactor('scl-90', SCL_FACTORS, 3, SCL_MARKED),
    then: MODERATE,
  },
  {
    id: 'mssmhs-normal',
    description: {
      zh: 'MSSMHS 总均分 <2 且各因子分 <2：正常',
      en: 'MSSMHS total mean < 2 and every factor < 2: normal',
    },
    source: `${MSS}; ${NO_ACTION}`,
    when: {
      any: [
        { all: [mssMean({ lt: 2 }, ['normal']), ...everyFactorBelow('mssmhs', MSS_FACTORS, 2)] },
        // The scales package's screen is exactly "a factor or the total mean ≥ 2", decided with blank items by their
        // bounds: negative is normal. Read beside the scores, not instead of them, for facts made without screens;
        // a band test per factor beside each score would double the rule checker's alternatives per factor.
        { fact: 'scales.mssmhs.screens.attention', eq: false },
      ],
    },
    then: { noAction: true },
  },
  {
    id: 'mssmhs-mild',
    description: {
      zh: 'MSSMHS 需要关注：任一因子分或总均分 ≥2（轻度及以上）',
      en: 'MSSMHS needs attention: a factor or the total mean ≥ 2 (mild or worse)',
    },
    source: `${MSS}; the ≥2 "attention" limit is a norm limit, not a diagnostic cut-off, so mild → R1 with a second-stage screen (reference/triage.md §0.1; reference/scales.md §7)`,
    when: { any: [mssMean({ gte: 2 }, MSS_FROM[2]), anyFactor('mssmhs', MSS_FACTORS, 2, MSS_FROM[2])] },
    then: LOW_RESCREEN,
  },
  {
    id: 'mssmhs-moderate',
    description: {
      zh: 'MSSMHS 中等程度问题：任一因子分或总均分 ≥3',
      en: 'MSSMHS moderate: a factor or the total mean ≥ 3',
    },
    source: `${MSS}; a moderate problem is significant distress → R2 (reference/triage.md §0.1)`,
    when: { any: [mssMean({ gte: 3 }, MSS_FROM[3]), anyFactor('mssmhs', MSS_FACTORS, 3, MSS_FROM[3])] },
    then: MODERATE,
  },
  {
    id: 'mssmhs-severe',
    description: {
      zh: 'MSSMHS 较重或严重问题：任一因子分或总均分 ≥4',
      en: 'MSSMHS relatively severe or severe: a factor or the total mean ≥ 4',
    },
    source: `${MSS}; R2 with a referral for evaluation; no suicide item, so not R3 (reference/triage.md §0.1)`,
    when: { any: [mssMean({ gte: 4 }, MSS_FROM[4]), anyFactor('mssmhs', MSS_FACTORS, 4, MSS_FROM[4])] },
    then: MODERATE_REFER,
  },
  {
    id: 'mht-invalid-protocol',
    description: {
      zh: 'MHT 答卷无效（效度量表 ≥7 分）：择期重测（不据此定级）',
      en: 'MHT invalid protocol (lie scale ≥ 7): retest (sets no level)',
    },
    source: `${MHT}. An invalid protocol says nothing about risk either way, so this rule sets no level and asks for a retest; scores still reported keep their own rules, because a high lie score means problems were more likely under-reported`,
    when: { fact: 'scales.mht.valid', eq: false },
    then: { actions: ['rescreen'] },
  },
  {
    id: 'mht-content-high',
    description: {
      zh: 'MHT 任一内容量表高分 (≥8)',
      en: 'MHT a content scale high (≥ 8)',
    },
    source: `${MHT}. The flag is on raw scores (the manual's 标准分 norm tables were not found) and marks an anxiety tendency, not a clinical cut-off: a general psychological issue → R1 (reference/triage.md §0.1). The total (0–90) has no confirmed cut-off and is not read`,
    when: anyFactor('mht', MHT_SCALES, 8, MHT_HIGH),
    then: LOW,
  },
];
