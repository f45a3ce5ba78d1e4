import type { Condition, Rule } from '../schema.ts';
import { LOW, MODERATE, MODERATE_REFER } from './outcomes.ts';
import { subscaleTest } from './subscale-test.ts';

const LEVELS =
  'a score at or above a clinical cut-off → R2, a general psychological issue → R1 (reference/triage.md §0.1)';
const NO_ACTION = 'below every cut-off: no action by default; clinical judgement can override';

/** The child and parent SCARED share one key (scales shared/scared-key.ts): every rule reads both. */
const SCARED = ['scared-child', 'scared-parent'] as const;
const SDQ = ['sdq-self', 'sdq-parent', 'sdq-teacher'] as const;

const eitherBand = (scales: readonly string[], ...ids: string[]): Condition => ({
  any: scales.map((s) =>
    ids.length === 1 ? { fact: `scales.${s}.band`, eq: ids[0] as string } : { fact: `scales.${s}.band`, in: ids },
  ),
});
const eitherCutoff = (scales: readonly string[], cutoff: string): Condition => ({
  any: scales.map((s) => ({ fact: `scales.${s}.cutoffs.${cutoff}`, eq: true })),
});

const AID =
  'SCARED scoring aid (Birmaher et al. 1999; NIH FITBIR CDE): total ≥25 may indicate an anxiety disorder, >30 is more specific; subscale cut-offs panic/somatic 7, generalized anxiety 9, separation 5, social 8, school avoidance 3 (reference/scales.md §0.9, §4.1)';
/** Subscale ids and the aid's cut-offs (scales shared/scared-key.ts). */
const SCARED_SUBSCALES: readonly (readonly [string, number])[] = [
  ['panic-somatic', 7],
  ['generalized-anxiety', 9],
  ['separation-anxiety', 5],
  ['social-anxiety', 8],
  ['school-avoidance', 3],
];

const SDQ_BANDS =
  'SDQ total difficulties bands per form (Goodman; awell-score sdq_standards.ts): three bands normal / borderline / abnormal (≈80 / 10 / 10 % of a UK community sample; self 0–15 / 16–19 / 20+, parent 0–13 / 14–16 / 17+, teacher 0–11 / 12–15 / 16+) and four bands close to average / slightly raised / high / very high (≈80 / 10 / 5 / 5 %) (reference/scales.md §4.3)';

/** Child and adolescent screens added in scales 1.1: SCARED (child, parent) and SDQ (self, parent, teacher). */
export const childScaleRules: Rule[] = [
  {
    id: 'scared-below-cutoff',
    description: { zh: 'SCARED 总分 <25：低于界值', en: 'SCARED total < 25: below the cut-off' },
    source: `${AID}; ${NO_ACTION} (a subscale at its cut-off still reaches scared-subscale-elevated)`,
    when: eitherBand(SCARED, 'below-cutoff'),
    then: { noAction: true },
  },
  {
    id: 'scared-subscale-elevated',
    description: {
      zh: 'SCARED 任一分量表达到界值（惊恐/躯体化 ≥7、广泛性焦虑 ≥9、分离焦虑 ≥5、社交焦虑 ≥8、学校回避 ≥3）',
      en: 'SCARED a subscale at its cut-off (panic/somatic ≥ 7, generalized ≥ 9, separation ≥ 5, social ≥ 8, school avoidance ≥ 3)',
    },
    source: `${AID}; each subscale flag stands on its own (the vendor rule requiring total ≥30 is not the aid's). A subscale flag "may indicate" one disorder, below the total cut-off that identifies an anxiety disorder, so R1 (${LEVELS}); a total ≥25 reaches R2 through the total rules whatever the subscales`,
    when: {
      any: SCARED.flatMap((s) =>
        // The aid's cut-off is the band `elevated` (scales shared/scared-key.ts), decided with blank items by bounds.
        SCARED_SUBSCALES.map(([id, min]) => subscaleTest(s, id, { gte: min }, ['elevated'])),
      ),
    },
    then: LOW,
  },
  {
    id: 'scared-possible-anxiety-disorder',
    description: {
      zh: 'SCARED 总分 ≥25：可能存在焦虑障碍（部分条目空白时也可判定）',
      en: 'SCARED total ≥ 25: may indicate an anxiety disorder (decided even with blank items)',
    },
    source: `${AID}; 25 is the published total cut-off (sens/spec optimum, Birmaher 1999), so ${LEVELS}`,
    when: { any: [eitherBand(SCARED, 'possible-anxiety-disorder'), eitherCutoff(SCARED, 'anxiety-disorder')] },
    then: MODERATE,
  },
  {
    id: 'scared-more-specific',
    description: {
      zh: 'SCARED 总分 ≥31（>30，特异性更高）：焦虑障碍可能性较高',
      en: 'SCARED total ≥ 31 (> 30, more specific): anxiety disorder more likely',
    },
    source: `${AID}; a total above 30 is more specific for an anxiety disorder, so R2 with a referral for evaluation; no suicide information, so not R3 (reference/triage.md §0.1)`,
    when: { any: [eitherBand(SCARED, 'more-specific'), eitherCutoff(SCARED, 'more-specific')] },
    then: MODERATE_REFER,
  },
  {
    id: 'sdq-close-to-average',
    description: {
      zh: 'SDQ 困难总分正常（三级：正常；四级：接近平均）',
      en: 'SDQ total difficulties normal (three bands: normal; four bands: close to average)',
    },
    source: `${SDQ_BANDS}; ${NO_ACTION}`,
    when: eitherBand(SDQ, 'normal', 'close-to-average'),
    then: { noAction: true },
  },
  {
    id: 'sdq-borderline',
    description: {
      zh: 'SDQ 困难总分临界（三级：临界；四级：略高）',
      en: 'SDQ total difficulties borderline (three bands: borderline; four bands: slightly raised)',
    },
    source: `${SDQ_BANDS}; borderline (the next 10 %) is below the caseness band, so R1 (${LEVELS})`,
    when: eitherBand(SDQ, 'borderline', 'slightly-raised'),
    then: LOW,
  },
  {
    id: 'sdq-abnormal',
    description: {
      zh: 'SDQ 困难总分异常（三级：异常；四级：高）',
      en: 'SDQ total difficulties abnormal (three bands: abnormal; four bands: high)',
    },
    source: `${SDQ_BANDS}; the abnormal band (top ≈10 %) is the SDQ caseness cut-off, so ${LEVELS}`,
    when: eitherBand(SDQ, 'abnormal', 'high'),
    then: MODERATE,
  },
  {
    id: 'sdq-very-high',
    description: {
      zh: 'SDQ 困难总分很高（四级分类，最高约5%）',
      en: 'SDQ total difficulties very high (four bands, top ≈5 %)',
    },
    source: `${SDQ_BANDS}; the top band adds a referral for evaluation; no suicide information, so not R3 (reference/triage.md §0.1). Under the three-band default the same totals are "abnormal" (sdq-abnormal)`,
    when: eitherBand(SDQ, 'very-high'),
    then: MODERATE_REFER,
  },
];
