import type {
  InstrumentDefinition,
  ItemDefinition,
  ResponseOption,
  SubscaleDefinition,
} from '../../definition/schema.ts';
import { type SdqBanded, type SdqForm, sdqBandSets } from './bands.ts';

const PRORATE = {
  kind: 'prorate',
  minAnswered: 3,
  rounding: 'half-up',
  source:
    'Scored when ≥ 3 of 5 items are answered: mean × 5, rounded half-up (floor(0.5 + x)) — gbiele/masterfile sdq.R, awell-score (reference/scales.md §0.5, §4.3 ✅)',
} as const;

const truth: ResponseOption[] = [
  { value: 0, label: { zh: '不符合', en: 'Not true' }, aliases: ['不是', '完全不符合'] },
  { value: 1, label: { zh: '有点符合', en: 'Somewhat true' }, aliases: ['有些符合', '部分符合'] },
  { value: 2, label: { zh: '完全符合', en: 'Certainly true' }, aliases: ['肯定符合', '确实符合'] },
];

/** Overall-difficulties question of the impact supplement (the gate): No, then Yes with three degrees. */
const difficulties: ResponseOption[] = [
  { value: 0, label: { zh: '没有', en: 'No' } },
  { value: 1, label: { zh: '有，轻微困难', en: 'Yes, minor difficulties' } },
  { value: 2, label: { zh: '有，明显困难', en: 'Yes, definite difficulties' } },
  { value: 3, label: { zh: '有，严重困难', en: 'Yes, severe difficulties' } },
];

/** Impact items: "not at all" and "only a little" score 0, "quite a lot" 1, "a great deal" 2. */
const impact: ResponseOption[] = [
  { value: 0, label: { zh: '完全没有', en: 'Not at all' }, score: 0 },
  { value: 1, label: { zh: '只有一点', en: 'Only a little' }, score: 0 },
  { value: 2, label: { zh: '相当多', en: 'Quite a lot' }, score: 1, aliases: ['A medium amount'] },
  { value: 3, label: { zh: '非常多', en: 'A great deal' }, score: 2 },
];

/** The 25 items by the sdqinfo variable names, in form order; reversed items are 7, 11, 14, 21, 25. */
const ITEMS: readonly [name: string, zh: string, en: string][] = [
  ['consid', '体谅他人感受', 'considerate of others'],
  ['restles', '坐立不安、过度活跃', 'restless, overactive'],
  ['somatic', '常诉头痛、肚子痛或恶心', 'headaches, stomach-aches or sickness'],
  ['shares', '乐于分享', 'shares readily'],
  ['tantrum', '常发脾气', 'temper tantrums'],
  ['loner', '较孤僻、常独自玩耍', 'rather solitary'],
  ['obeys', '通常听话', 'generally obedient'],
  ['worries', '担心很多', 'many worries'],
  ['caring', '有人受伤时乐于帮助', 'helpful if someone is hurt'],
  ['fidgety', '不停扭动、坐不住', 'constantly fidgeting'],
  ['friend', '至少有一个好朋友', 'has at least one good friend'],
  ['fights', '常打架或欺负他人', 'often fights or bullies'],
  ['unhappy', '常不开心、情绪低落', 'often unhappy or downhearted'],
  ['popular', '一般受同伴喜欢', 'generally liked by other children'],
  ['distrac', '容易分心', 'easily distracted'],
  ['clingy', '在新环境中紧张或黏人', 'nervous or clingy in new situations'],
  ['kind', '善待年幼者', 'kind to younger children'],
  ['lies', '常说谎或欺骗', 'often lies or cheats'],
  ['bullied', '被其他孩子捉弄或欺负', 'picked on or bullied'],
  ['helpout', '常主动帮助他人', 'often volunteers to help'],
  ['reflect', '做事前会先想清楚', 'thinks things out before acting'],
  ['steals', '偷东西', 'steals'],
  ['oldbest', '与大人相处比与同龄人好', 'gets on better with adults than children'],
  ['afraid', '害怕很多、容易受惊', 'many fears, easily scared'],
  ['attends', '做事有始有终、注意力好', 'sees tasks through, good attention'],
];
const REVERSED = new Set([7, 11, 14, 21, 25]);
const PROSOCIAL = [1, 4, 9, 17, 20];

const SCALES: readonly [id: SdqBanded, zh: string, en: string, items: readonly number[]][] = [
  ['emotional', '情绪症状', 'emotional symptoms', [3, 8, 13, 16, 24]],
  ['conduct', '品行问题', 'conduct problems', [5, 7, 12, 18, 22]],
  ['hyperactivity', '多动/注意不集中', 'hyperactivity/inattention', [2, 10, 15, 21, 25]],
  ['peer', '同伴交往问题', 'peer relationship problems', [6, 11, 14, 19, 23]],
  ['prosocial', '亲社会行为', 'prosocial behaviour', PROSOCIAL],
];

const IMPACT_ITEMS: Record<SdqForm, readonly [id: string, zh: string, en: string][]> = {
  self: [
    ['distress', '困扰程度', 'distress'],
    ['home', '影响家庭生活', 'interference: home life'],
    ['friendships', '影响交友', 'interference: friendships'],
    ['classroom', '影响课堂学习', 'interference: classroom learning'],
    ['leisure', '影响休闲活动', 'interference: leisure activities'],
  ],
  parent: [
    ['distress', '困扰程度', 'distress'],
    ['home', '影响家庭生活', 'interference: home life'],
    ['friendships', '影响交友', 'interference: friendships'],
    ['classroom', '影响课堂学习', 'interference: classroom learning'],
    ['leisure', '影响休闲活动', 'interference: leisure activities'],
  ],
  teacher: [
    ['distress', '困扰程度', 'distress'],
    ['friendships', '影响同伴关系', 'interference: peer relationships'],
    ['classroom', '影响课堂学习', 'interference: classroom learning'],
  ],
};

/** Abbreviations SDQ-S/-P/-T as in the literature, so column headers of the three forms cannot be confused. */
const FORMS: Record<SdqForm, { id: string; abbr: string; zh: string; en: string; ages: { min: number; max: number } }> =
  {
    self: {
      id: 'sdq-self',
      abbr: 'SDQ-S',
      zh: '自评（11–17岁）',
      en: 'self-report, 11–17',
      ages: { min: 11, max: 17 },
    },
    parent: {
      id: 'sdq-parent',
      abbr: 'SDQ-P',
      zh: '家长评（4–17岁）',
      en: 'parent report, 4–17',
      ages: { min: 4, max: 17 },
    },
    teacher: {
      id: 'sdq-teacher',
      abbr: 'SDQ-T',
      zh: '教师评（4–17岁）',
      en: 'teacher report, 4–17',
      ages: { min: 4, max: 17 },
    },
  };

function sdq(form: SdqForm): InstrumentDefinition {
  const about = FORMS[form];
  const items: ItemDefinition[] = ITEMS.map(([, zh, en], i) => ({
    id: String(i + 1),
    label: { zh, en },
    ...(REVERSED.has(i + 1) ? { reverse: true } : {}),
    // Prosocial is not a difficulty: it never enters the total difficulties.
    ...(PROSOCIAL.includes(i + 1) ? { scored: false } : {}),
  }));
  // The impact supplement is on the extended form only: every item of it may be left out.
  items.push({
    id: 'difficulties',
    label: { zh: '总体上是否有困难（影响补充问卷）', en: 'overall difficulties (impact supplement)' },
    scored: false,
    optional: true,
    options: difficulties,
  });
  for (const [id, zh, en] of IMPACT_ITEMS[form]) {
    items.push({ id, label: { zh, en }, scored: false, optional: true, options: impact });
  }
  const subscales: SubscaleDefinition[] = SCALES.map(([id, zh, en, list]) => ({
    id,
    label: { zh, en },
    items: list.map(String),
    method: 'sum',
    missing: PRORATE,
    bandSets: sdqBandSets(form, id),
  }));
  subscales.push(
    {
      id: 'externalising',
      label: { zh: '外化问题（品行＋多动）', en: 'externalising (conduct + hyperactivity)' },
      items: ['5', '7', '12', '18', '22', '2', '10', '15', '21', '25'],
      method: 'sum',
      from: ['conduct', 'hyperactivity'],
    },
    {
      id: 'internalising',
      label: { zh: '内化问题（情绪＋同伴）', en: 'internalising (emotional + peer)' },
      items: ['3', '8', '13', '16', '24', '6', '11', '14', '19', '23'],
      method: 'sum',
      from: ['emotional', 'peer'],
    },
    {
      id: 'impact',
      label: { zh: '影响评分', en: 'impact score' },
      items: IMPACT_ITEMS[form].map(([id]) => id),
      method: 'sum',
      gate: {
        item: 'difficulties',
        min: 1,
        source:
          'Impact is 0 when the respondent answers "No" to the overall-difficulties question (sdqinfo scoring; awell-score NOT_AT_ALL; reference/scales.md §4.3 ❓ → checked in [AWELL], [GBIELE])',
      },
      bandSets: sdqBandSets(form, 'impact'),
    },
  );
  return {
    id: about.id,
    name: { zh: `长处和困难问卷 ${about.zh}`, en: `Strengths and Difficulties Questionnaire, ${about.en}` },
    abbreviation: about.abbr,
    version: '1.0.0',
    ages: about.ages,
    recall: { zh: '过去六个月', en: 'last six months' },
    options: truth,
    items,
    scoring: 'sum',
    subscales,
    totalFrom: ['emotional', 'conduct', 'hyperactivity', 'peer'],
    bandSets: sdqBandSets(form, 'total'),
    defaultBandSet: 'three-band',
    missing: {
      kind: 'subscales',
      source:
        'Total difficulties = emotional + conduct + hyperactivity + peer, missing if any of them is missing ([AWELL], [SDQ-SCRIBD]; reference/scales.md §4.3 ✅)',
    },
    citation: [
      'Goodman R. The Strengths and Difficulties Questionnaire: a research note. J Child Psychol Psychiatry 1997;38:581–586',
      'Goodman A, Goodman R. Strengths and Difficulties Questionnaire as a dimensional measure of child mental health. J Am Acad Child Adolesc Psychiatry 2009;48:400–403',
    ],
    licence: {
      status: 'permission-required',
      holder: 'Youth in Mind (Robert Goodman)',
      notice: {
        zh: 'SDQ 版权属于 Youth in Mind。纸质版可免费用于非营利用途，但只有 Youth in Mind 可制作电子版，其他电子使用须联系其授权。本包只提供计分规则，不含条目原文。',
        en: 'The SDQ is © Youth in Mind. Paper copies are free for non-profit use, but only Youth in Mind may create electronic versions; other electronic use needs their permission. This package ships the scoring key only, no item wording.',
      },
      itemText: false,
      source: 'reference/scales.md §4.3 and §11 ✅ [SDQ-WIKI]; sdqinfo.org terms as quoted by pmhc-mds.com',
    },
  };
}

/** SDQ self-report (11–17). Sources and confidence: ./README.md. @see Goodman 1997; sdqinfo.org scoring */
export const sdqSelf: InstrumentDefinition = sdq('self');
/** SDQ parent report (4–17). */
export const sdqParent: InstrumentDefinition = sdq('parent');
/** SDQ teacher report (4–17). */
export const sdqTeacher: InstrumentDefinition = sdq('teacher');
