import type { InstrumentDefinition, ResponseOption } from '../../definition/schema.ts';

/**
 * CESD-R frequency options, coded 0–4 as in CamCOPS; "nearly every day for 2 weeks" (4) scores 3, like 5–7 days,
 * so the total runs 0–60 while the depression-category algorithm still reads the 4.
 * @see CamCOPS cesdr.py (reference/scales.md §3.2 ✅)
 */
const options: ResponseOption[] = [
  {
    value: 0,
    label: { zh: '没有或少于1天', en: 'Not at all or less than 1 day' },
    aliases: ['没有', 'Not at all', '<1 day'],
  },
  { value: 1, label: { zh: '1–2天', en: '1–2 days' }, aliases: ['1-2天', '1-2 days'] },
  { value: 2, label: { zh: '3–4天', en: '3–4 days' }, aliases: ['3-4天', '3-4 days'] },
  { value: 3, label: { zh: '5–7天', en: '5–7 days' }, aliases: ['5-7天', '5-7 days'] },
  {
    value: 4,
    label: { zh: '近两周几乎每天', en: 'Nearly every day for 2 weeks' },
    aliases: ['几乎每天', 'Nearly every day'],
    score: 3,
  },
];

/** Short labels after CamCOPS cesdr.py column comments (not the item wording). */
const labels: readonly [zh: string, en: string][] = [
  ['食欲差', 'poor appetite'],
  ['无法摆脱忧郁', 'unshakable blues'],
  ['注意力难以集中', 'poor concentration'],
  ['感到抑郁', 'depressed'],
  ['睡眠不安', 'restless sleep'],
  ['感到悲伤', 'sad'],
  ['提不起劲', 'could not get going'],
  ['没有什么让自己高兴', 'nothing made me happy'],
  ['觉得自己是坏人', 'felt a bad person'],
  ['失去兴趣', 'loss of interest'],
  ['睡得过多', 'oversleeping'],
  ['动作迟缓', 'moving slowly'],
  ['坐立不安', 'fidgety'],
  ['希望自己死了', 'wished were dead'],
  ['想伤害自己', 'wanted to hurt self'],
  ['疲倦', 'tiredness'],
  ['不喜欢自己', 'disliked self'],
  ['非有意体重下降', 'unintended weight loss'],
  ['难以入睡', 'difficulty getting to sleep'],
  ['无法专注于重要的事', 'lack of focus'],
];

/**
 * Center for Epidemiologic Studies Depression Scale – Revised (CESD-R): 20 items coded 0–4, option 4 scored 3,
 * total 0–60, ≥16 at risk; depression category by the cesd-r.com algorithm (`derived.category`). Items 14 and 15
 * (death wish, self-harm) are critical. Sources and confidence: ./README.md.
 * @see Eaton WW et al. 2004; CamCOPS cesdr.py
 */
export const cesdR: InstrumentDefinition = {
  id: 'cesd-r',
  name: { zh: '流调中心抑郁量表修订版', en: 'Center for Epidemiologic Studies Depression Scale – Revised' },
  abbreviation: 'CESD-R',
  version: '1.0.0',
  ages: { min: 12 },
  recall: { zh: '过去一周（第4项：近两周）', en: 'past week (option 4: nearly every day for 2 weeks)' },
  options,
  items: labels.map(([zh, en], i) => ({ id: String(i + 1), label: { zh, en } })),
  scoring: 'sum',
  bandSets: [],
  cutoffs: [
    {
      id: 'at-risk',
      min: 16,
      label: { zh: '有抑郁风险 (≥16)', en: 'depression or at risk (≥ 16)' },
      source: 'CamCOPS cesdr.py DEPRESSION_RISK_THRESHOLD = 16 (reference/scales.md §3.2 ✅)',
    },
  ],
  critical: [
    {
      id: 'cesd-r-death-wish',
      item: '14',
      min: 1,
      label: { zh: '希望自己死了（有任何天数）', en: 'wished were dead (any days)' },
      source: 'CESD-R item 14, suicidal symptom group (reference/scales.md §3.2 ✅ labels [CAMCOPS]; §0.12)',
    },
    {
      id: 'cesd-r-self-harm',
      item: '15',
      min: 1,
      label: { zh: '想伤害自己（有任何天数）', en: 'wanted to hurt self (any days)' },
      source: 'CESD-R item 15, suicidal symptom group (reference/scales.md §3.2 ✅ labels [CAMCOPS]; §0.12)',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No missing-item rule found for the CESD-R (reference/scales.md §3.2); CamCOPS scores complete forms only',
  },
  derived: ['cesd-r-category'],
  citation: [
    'Eaton WW, Muntaner C, Smith C, Tien A, Ybarra M. Center for Epidemiologic Studies Depression Scale: review and revision (CESD and CESD-R). In: Maruish ME, ed. The Use of Psychological Testing for Treatment Planning and Outcomes Assessment. 3rd ed. Mahwah, NJ: Lawrence Erlbaum; 2004:363–377',
  ],
  licence: {
    status: 'free',
    holder: 'William W. Eaton et al. (cesd-r.com)',
    notice: {
      zh: 'CESD-R 为公共领域量表，可免费使用（cesd-r.com）。本包只提供计分规则和简短标签；未核实任何中文译本的权利。',
      en: 'The CESD-R is in the public domain and free to use (cesd-r.com). This package ships the scoring key and short labels only; no Chinese translation’s rights were checked.',
    },
    itemText: false,
    source:
      'cesd-r.com/cesdr: "The CESD-R is in the public domain so it is free to use in your research" (checked for this work; reference/scales.md §11 had ❓)',
  },
};
