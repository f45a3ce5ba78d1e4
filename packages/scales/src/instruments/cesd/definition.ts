import type { InstrumentDefinition } from '../../definition/schema.ts';

/**
 * CES-D frequency options over the past week, 0–3. zh labels as in Chinese CES-D forms (偶尔或无 … 多数时间或持续);
 * aliases are the other renderings seen in Chinese app code (少有 / 时常有 / 几乎一直有) and English short forms.
 */
const cesdFrequency = [
  {
    value: 0,
    label: { zh: '偶尔或无（少于1天）', en: 'Rarely or none of the time (less than 1 day)' },
    aliases: ['偶尔或无', '很少或没有', '很少或没有（少于1天）', '少于1天', 'Rarely or none of the time', 'Rarely'],
  },
  {
    value: 1,
    label: { zh: '有时（1–2天）', en: 'Some or a little of the time (1–2 days)' },
    aliases: [
      '有时',
      '少有',
      '少有（1-2天）',
      '有时（1-2天）',
      '1-2天',
      '1–2天',
      'Some or a little of the time',
      'Some',
    ],
  },
  {
    value: 2,
    label: { zh: '时常或一半时间（3–4天）', en: 'Occasionally or a moderate amount of time (3–4 days)' },
    aliases: [
      '时常或一半时间',
      '时常有',
      '时常有（3-4天）',
      '时常或一半时间（3-4天）',
      '经常',
      '3-4天',
      '3–4天',
      'Occasionally or a moderate amount of time',
      'Occasionally',
    ],
  },
  {
    value: 3,
    label: { zh: '多数时间或持续（5–7天）', en: 'Most or all of the time (5–7 days)' },
    aliases: [
      '多数时间或持续',
      '几乎一直有',
      '几乎一直有（5-7天）',
      '多数时间或持续（5-7天）',
      '持续',
      '5-7天',
      '5–7天',
      'Most or all of the time',
      'Most',
    ],
  },
];

/**
 * Center for Epidemiologic Studies Depression Scale (流调中心抑郁量表), 20 items 0–3, items 4, 8, 12 and 16
 * reverse-keyed, total 0–60, ≥16 "at risk". No suicide item, so no critical items. Sources and confidence: ./README.md.
 * @see Radloff LS. Appl Psychol Meas 1977;1:385–401
 */
export const cesd: InstrumentDefinition = {
  id: 'cesd',
  name: { zh: '流调中心抑郁量表', en: 'Center for Epidemiologic Studies Depression Scale' },
  abbreviation: 'CES-D',
  version: '1.0.0',
  ages: { min: 12 },
  recall: { zh: '过去一周', en: 'past week' },
  options: cesdFrequency,
  items: [
    { id: '1', label: { zh: '被平时不烦的事困扰', en: 'bothered by things that usually do not bother me' } },
    { id: '2', label: { zh: '不想吃东西、胃口差', en: 'poor appetite' } },
    { id: '3', label: { zh: '即使家人朋友帮忙也摆脱不了苦闷', en: 'could not shake off the blues' } },
    {
      id: '4',
      label: { zh: '觉得自己和别人一样好', en: 'felt as good as other people' },
      reverse: true,
    },
    { id: '5', label: { zh: '难以集中注意力', en: 'trouble keeping my mind on things' } },
    { id: '6', label: { zh: '情绪低落', en: 'felt depressed' } },
    { id: '7', label: { zh: '做任何事都很费力', en: 'everything was an effort' } },
    { id: '8', label: { zh: '对未来充满希望', en: 'hopeful about the future' }, reverse: true },
    { id: '9', label: { zh: '觉得生活是失败的', en: 'thought my life had been a failure' } },
    { id: '10', label: { zh: '感到害怕', en: 'felt fearful' } },
    { id: '11', label: { zh: '睡眠不安稳', en: 'restless sleep' } },
    { id: '12', label: { zh: '感到快乐', en: 'was happy' }, reverse: true },
    { id: '13', label: { zh: '比平时话少', en: 'talked less than usual' } },
    { id: '14', label: { zh: '感到孤独', en: 'felt lonely' } },
    { id: '15', label: { zh: '觉得别人不友好', en: 'people were unfriendly' } },
    { id: '16', label: { zh: '享受生活', en: 'enjoyed life' }, reverse: true },
    { id: '17', label: { zh: '哭过', en: 'had crying spells' } },
    { id: '18', label: { zh: '感到忧愁', en: 'felt sad' } },
    { id: '19', label: { zh: '觉得别人不喜欢自己', en: 'felt that people disliked me' } },
    { id: '20', label: { zh: '提不起劲做事', en: 'could not get going' } },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'radloff-1977',
      label: { zh: 'CES-D 筛查界值 (≥16)', en: 'CES-D screening threshold (≥16)' },
      appliesTo: 'total',
      source:
        'Radloff 1977; ≥16 "depression or at risk of depression" (CamCOPS cesd.py DEPRESSION_RISK_THRESHOLD; APA CES-D page; Lewinsohn et al. 1997)',
      bands: [
        { id: 'below-threshold', min: 0, label: { zh: '低于界值', en: 'below threshold' }, positive: false },
        { id: 'at-risk', min: 16, label: { zh: '抑郁或有抑郁风险', en: 'depression or at risk' }, positive: true },
      ],
    },
  ],
  cutoffs: [
    {
      id: 'at-risk',
      min: 16,
      label: { zh: '筛查阳性 (≥16)', en: 'screen positive (≥16)' },
      source:
        'Radloff 1977; Lewinsohn PM et al. Psychol Aging 1997;12:277–287 (≥16); CamCOPS cesd.py. Chinese adolescent studies also use 20 or 28 (not encoded)',
    },
  ],
  missing: {
    kind: 'prorate',
    maxMissing: 4,
    source:
      'Common research practice (≤4 of 20 missing → mean of answered × 20), reference/scales.md §3.1 ❓; not from Radloff 1977. Use prorate: false to require every item',
  },
  citation: [
    'Radloff LS. The CES-D Scale: a self-report depression scale for research in the general population. Appl Psychol Meas 1977;1:385–401',
    'Lewinsohn PM, Seeley JR, Roberts RE, Allen NB. Center for Epidemiologic Studies Depression Scale (CES-D) as a screening instrument for depression among community-residing older adults. Psychol Aging 1997;12:277–287',
  ],
  licence: {
    status: 'free',
    holder: 'US National Institute of Mental Health (public domain)',
    notice: {
      zh: 'CES-D 由美国国立精神卫生研究院 (NIMH) 编制，属公有领域，可免费使用；请引用 Radloff 1977。',
      en: 'The CES-D was developed at the US National Institute of Mental Health and is in the public domain; cite Radloff 1977.',
    },
    itemText: false,
    source:
      'Public domain as a US federal (NIMH Center for Epidemiologic Studies) work, per reference/scales.md §11 ❓ and the CES-D/CESD-R literature; short labels only ship (no verified Chinese wording)',
  },
};
