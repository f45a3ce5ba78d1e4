import type { BandSet, InstrumentDefinition, Localized } from '../../definition/schema.ts';

const SOURCE =
  'Lovibond & Lovibond 1995 severity labels on the DASS-42 metric (DASS-21 subscale sum × 2); DASS-PHN, psyctest.cn (龚栩 2010 Chinese DASS-21), reference/scales.md §0.10';

/** Lovibond severity bands on the doubled score. Moderate and above count as positive (≥ 87th percentile). */
function lovibond(subscale: Localized, mins: readonly [number, number, number, number]): BandSet {
  const [mild, moderate, severe, extreme] = mins;
  return {
    id: 'lovibond-1995',
    label: { zh: `${subscale.zh}严重程度 (×2 后)`, en: `${subscale.en} severity (after ×2)` },
    appliesTo: 'total',
    source: SOURCE,
    bands: [
      { id: 'normal', min: 0, label: { zh: '正常', en: 'normal' }, positive: false },
      { id: 'mild', min: mild, label: { zh: '轻度', en: 'mild' }, positive: false },
      { id: 'moderate', min: moderate, label: { zh: '中度', en: 'moderate' }, positive: true },
      { id: 'severe', min: severe, label: { zh: '重度', en: 'severe' }, positive: true },
      { id: 'extremely-severe', min: extreme, label: { zh: '极重度', en: 'extremely severe' }, positive: true },
    ],
  };
}

/**
 * Depression Anxiety Stress Scales, 21-item short form (抑郁-焦虑-压力量表简版). Three subscales of 7 items, each
 * sum × 2 (the DASS-42 metric) before the Lovibond severity bands are applied. `total` is the plain sum of the 21
 * items (0–63) and carries no bands. Sources and confidence: ./README.md.
 * @see Lovibond SH, Lovibond PF. Manual for the Depression Anxiety Stress Scales, 2nd ed. Sydney: Psychology Foundation, 1995
 */
export const dass21: InstrumentDefinition = {
  id: 'dass-21',
  name: { zh: '抑郁-焦虑-压力量表简版', en: 'Depression Anxiety Stress Scales (21-item)' },
  abbreviation: 'DASS-21',
  version: '1.0.0',
  ages: { min: 17 },
  recall: { zh: '过去一周', en: 'past week' },
  options: [
    {
      value: 0,
      label: { zh: '不符合', en: 'Did not apply to me at all' },
      aliases: ['完全不符合', '从不', 'Never', 'Did not apply'],
    },
    {
      value: 1,
      label: { zh: '有时符合', en: 'Applied to me to some degree, or some of the time' },
      aliases: ['有时符合，程度较轻', '有时', 'Sometimes', 'Some of the time'],
    },
    {
      value: 2,
      label: { zh: '常常符合', en: 'Applied to me to a considerable degree, or a good part of time' },
      aliases: ['经常符合', '经常符合，程度较重', '常常', '经常', 'Often', 'A good part of time'],
    },
    {
      value: 3,
      label: { zh: '总是符合', en: 'Applied to me very much, or most of the time' },
      aliases: ['总是符合，非常符合', '总是', '几乎总是', 'Almost always', 'Most of the time'],
    },
  ],
  items: [
    { id: '1', label: { zh: '难以平静下来', en: 'hard to wind down' } },
    { id: '2', label: { zh: '口干', en: 'dryness of mouth' } },
    { id: '3', label: { zh: '感受不到任何积极情绪', en: 'no positive feeling at all' } },
    { id: '4', label: { zh: '呼吸困难', en: 'breathing difficulty' } },
    { id: '5', label: { zh: '难以主动去做事', en: 'hard to work up the initiative' } },
    { id: '6', label: { zh: '对事情反应过度', en: 'over-reacted to situations' } },
    { id: '7', label: { zh: '颤抖', en: 'trembling' } },
    { id: '8', label: { zh: '神经高度紧张、耗费精力', en: 'using a lot of nervous energy' } },
    { id: '9', label: { zh: '担心会恐慌或出丑的场合', en: 'worried about situations of panic' } },
    { id: '10', label: { zh: '觉得没有什么可期待', en: 'nothing to look forward to' } },
    { id: '11', label: { zh: '烦躁不安', en: 'getting agitated' } },
    { id: '12', label: { zh: '难以放松', en: 'difficult to relax' } },
    { id: '13', label: { zh: '情绪低落、沮丧', en: 'down-hearted and blue' } },
    { id: '14', label: { zh: '无法容忍被打扰', en: 'intolerant of interruptions' } },
    { id: '15', label: { zh: '快要恐慌', en: 'close to panic' } },
    { id: '16', label: { zh: '对什么都提不起热情', en: 'unable to become enthusiastic' } },
    { id: '17', label: { zh: '觉得自己没什么价值', en: 'not worth much as a person' } },
    { id: '18', label: { zh: '容易被激怒', en: 'rather touchy' } },
    { id: '19', label: { zh: '没有运动也感到心跳异常', en: 'aware of heart action without exertion' } },
    { id: '20', label: { zh: '无缘无故感到害怕', en: 'scared without good reason' } },
    { id: '21', label: { zh: '觉得生活没有意义', en: 'life was meaningless' } },
  ],
  scoring: 'sum',
  subscales: [
    {
      id: 'depression',
      label: { zh: '抑郁', en: 'Depression' },
      items: ['3', '5', '10', '13', '16', '17', '21'],
      method: 'sum',
      multiplier: 2,
      bandSets: [lovibond({ zh: '抑郁', en: 'depression' }, [10, 14, 21, 28])],
    },
    {
      id: 'anxiety',
      label: { zh: '焦虑', en: 'Anxiety' },
      items: ['2', '4', '7', '9', '15', '19', '20'],
      method: 'sum',
      multiplier: 2,
      bandSets: [lovibond({ zh: '焦虑', en: 'anxiety' }, [8, 10, 15, 20])],
    },
    {
      id: 'stress',
      label: { zh: '压力', en: 'Stress' },
      items: ['1', '6', '8', '11', '12', '14', '18'],
      method: 'sum',
      multiplier: 2,
      bandSets: [lovibond({ zh: '压力', en: 'stress' }, [15, 19, 26, 34])],
    },
  ],
  bandSets: [],
  missing: {
    kind: 'complete',
    source:
      'No published missing-item rule confirmed (reference/scales.md §3.4); every item required. Each subscale is null when one of its items is blank',
  },
  citation: [
    'Lovibond SH, Lovibond PF. Manual for the Depression Anxiety Stress Scales. 2nd ed. Sydney: Psychology Foundation; 1995',
    '龚栩, 谢熹瑶, 徐蕊, 罗跃嘉. 抑郁-焦虑-压力量表简体中文版(DASS-21)在中国大学生中的测试报告. 中国临床心理学杂志 2010;18(4):443–446',
  ],
  licence: {
    status: 'free-with-conditions',
    holder: 'Psychology Foundation of Australia (S.H. & P.F. Lovibond)',
    notice: {
      zh: 'DASS 属公有领域，可免费下载与复制，但不得修改或出售牟利；电子分发需注明 DASS 网站。部分译本另有许可。',
      en: 'The DASS is in the public domain and may be downloaded and copied without restriction, but not modified or sold for profit; cite the DASS website. Some translations carry their own licences.',
    },
    itemText: false,
    source:
      'UNSW DASS website ("may be downloaded and copied without restriction … may not be modified or sold for profit"), reference/scales.md §11 [DASS-PD]; Chinese translation rights not checked, so short labels only',
  },
};
