import type { BandSet, InstrumentDefinition, ItemDefinition, SubscaleDefinition } from '../../definition/schema.ts';

const range = (from: number, to: number, step = 1): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/**
 * Content-scale flags on the raw scale score: "3分以下" low, "8分以上" high. 以上/以下 include the number itself
 * (the convention written into PRC law, Civil Code art. 1259), so low is ≤ 3 and high is ≥ 8.
 */
const contentBands: BandSet = {
  id: 'content-flags',
  label: { zh: '内容量表高低分', en: 'content-scale flags' },
  appliesTo: 'total',
  source:
    'TEST007 and SDC-PHP: 高分 8分以上, 低分 3分以下, on raw scale scores (reference/scales.md §6.2 ✅; raw vs 标准分 ❓)',
  bands: [
    { id: 'low', min: 0, label: { zh: '低分（3分及以下）', en: 'low (≤ 3)' }, positive: false },
    { id: 'average', min: 4, label: { zh: '中等（4–7分）', en: 'average (4–7)' }, positive: false },
    { id: 'high', min: 8, label: { zh: '高分（8分及以上）', en: 'high (≥ 8)' }, positive: true },
  ],
};

const content: readonly [id: string, zh: string, en: string, items: readonly number[]][] = [
  ['learning-anxiety', '学习焦虑', 'learning anxiety', range(1, 15)],
  ['social-anxiety', '对人焦虑', 'social anxiety', range(16, 25)],
  ['loneliness', '孤独倾向', 'loneliness', range(26, 35)],
  ['self-blame', '自责倾向', 'self-blame', range(36, 45)],
  ['oversensitivity', '过敏倾向', 'oversensitivity', range(46, 55)],
  ['somatic-symptoms', '身体症状', 'somatic symptoms', range(56, 70)],
  ['phobic-tendency', '恐怖倾向', 'phobic tendency', range(71, 80)],
  ['impulsivity', '冲动倾向', 'impulsivity', range(81, 99, 2)],
];
/** 效度量表 (测谎): the even items 82–100. Not part of the total. */
const LIE = range(82, 100, 2);

const scaleOf = new Map(content.flatMap(([, zh, en, items]) => items.map((n) => [n, { zh, en }] as const)));

const options = [
  { value: 0, label: { zh: '否', en: 'No' }, aliases: ['不是', '不是的', 'b', 'n', 'false'] },
  { value: 1, label: { zh: '是', en: 'Yes' }, aliases: ['是的', 'a', 'y', 'true'] },
];

// No item wording ships (rights unclear): items are named by number and scale.
const items: ItemDefinition[] = range(1, 100).map((n): ItemDefinition => {
  const scale = scaleOf.get(n);
  if (scale) return { id: String(n), label: { zh: `第${n}题（${scale.zh}）`, en: `item ${n} (${scale.en})` } };
  return { id: String(n), label: { zh: `第${n}题（效度）`, en: `item ${n} (validity)` }, scored: false };
});

const subscales: SubscaleDefinition[] = [
  ...content.map(
    ([id, zh, en, list]): SubscaleDefinition => ({
      id,
      label: { zh, en },
      items: list.map(String),
      method: 'sum',
      bandSets: [contentBands],
    }),
  ),
  {
    id: 'validity',
    label: { zh: '效度量表（测谎）', en: 'validity (lie) scale' },
    items: LIE.map(String),
    method: 'sum',
  },
];

/**
 * 心理健康诊断测验 (MHT, 周步成, from 铃木清's 不安倾向诊断测验): 100 yes/no items, eight content scales, a
 * validity (lie) scale, total = Σ of the 90 content items (0–90). A lie score of 7 or more invalidates the protocol
 * (scores are still reported, with `validity.valid: false` and a warning). Sources and confidence: ./README.md.
 * @see 周步成. 心理健康诊断测验 (MHT) 手册. 华东师范大学
 */
export const mht: InstrumentDefinition = {
  id: 'mht',
  name: { zh: '心理健康诊断测验', en: 'Mental Health Test (Chinese anxiety-tendency test)' },
  abbreviation: 'MHT',
  version: '1.0.0',
  ages: { min: 9, max: 18 },
  recall: { zh: '平时的情况', en: 'usual state (no fixed period)' },
  options,
  items,
  scoring: 'sum',
  subscales,
  validity: {
    subscale: 'validity',
    op: '>=',
    value: 7,
    label: { zh: '效度量表 7分以上：答卷作废，择期重测', en: 'lie scale 7 or more: discard and retest' },
    source:
      '效度量表得分在7分以上者可考虑将该份答卷作废 ([MHT-YXJY], [TEST007]; reference/scales.md §6.2 ✅); 以上 read as ≥',
  },
  screens: [
    {
      id: 'content-high',
      label: { zh: '任一内容量表高分（≥8）', en: 'any content scale high (≥ 8)' },
      any: [
        {
          id: 'content',
          score: 'any-subscale',
          subscales: content.map(([id]) => id),
          op: '>=',
          value: 8,
        },
      ],
      source: '高分（8分以上）: needs a targeted plan ([TEST007], [SDC-PHP]; reference/scales.md §6.2 ✅)',
    },
  ],
  bandSets: [],
  missing: {
    kind: 'complete',
    source:
      'Every question must be answered ("每一问题都要回答", [TEST007]); no missing-item rule (reference/scales.md §6.2)',
  },
  citation: ['周步成 等. 心理健康诊断测验 (MHT) 手册. 上海: 华东师范大学心理学系'],
  licence: {
    status: 'unclear',
    holder: '周步成 / 华东师范大学',
    notice: {
      zh: '心理健康诊断测验 (MHT) 为已出版的测验，使用权利不明。本包只提供计分规则，不含条目原文；请使用您有权使用的测验文本。',
      en: 'The MHT is a published test whose usage rights are unclear. This package ships the scoring key only, no item wording; use a form you are licensed to use.',
    },
    itemText: false,
    source: 'reference/scales.md §11 (MHT, MSSMHS: no item text until cleared)',
  },
};
