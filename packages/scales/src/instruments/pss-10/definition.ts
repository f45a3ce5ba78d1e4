import type { InstrumentDefinition } from '../../definition/schema.ts';

/**
 * Perceived Stress Scale, 10 items (知觉压力量表), 0–4, items 4, 5, 7 and 8 reverse-keyed (4 − x), total 0–40.
 * Cohen published no cut-offs; the 0–13/14–26/27–40 ranges are a widely used convention and are labelled as such.
 * Sources and confidence: ./README.md.
 * @see Cohen S, Kamarck T, Mermelstein R. J Health Soc Behav 1983;24:385–396
 */
export const pss10: InstrumentDefinition = {
  id: 'pss-10',
  name: { zh: '知觉压力量表 (10项)', en: 'Perceived Stress Scale (10-item)' },
  abbreviation: 'PSS-10',
  version: '1.0.0',
  ages: { min: 12 },
  recall: { zh: '过去一个月', en: 'last month' },
  options: [
    { value: 0, label: { zh: '从不', en: 'Never' }, aliases: ['从来没有', '没有'] },
    { value: 1, label: { zh: '偶尔', en: 'Almost never' }, aliases: ['几乎从不', '很少'] },
    { value: 2, label: { zh: '有时', en: 'Sometimes' }, aliases: ['有时候'] },
    { value: 3, label: { zh: '时常', en: 'Fairly often' }, aliases: ['经常', '常常', '相当频繁'] },
    { value: 4, label: { zh: '总是', en: 'Very often' }, aliases: ['非常频繁', '很经常', '总是如此'] },
  ],
  items: [
    { id: '1', label: { zh: '因意外的事而心烦', en: 'upset by something unexpected' } },
    { id: '2', label: { zh: '无法掌控生活中重要的事', en: 'unable to control important things' } },
    { id: '3', label: { zh: '感到紧张和有压力', en: 'nervous and stressed' } },
    {
      id: '4',
      label: { zh: '有信心处理个人问题', en: 'confident handling personal problems' },
      reverse: true,
    },
    { id: '5', label: { zh: '事情顺心如意', en: 'things going your way' }, reverse: true },
    { id: '6', label: { zh: '无法应付所有必须做的事', en: 'could not cope with all there was to do' } },
    {
      id: '7',
      label: { zh: '能控制生活中的烦恼', en: 'able to control irritations' },
      reverse: true,
    },
    { id: '8', label: { zh: '觉得一切尽在掌握', en: 'on top of things' }, reverse: true },
    { id: '9', label: { zh: '因无法控制的事而生气', en: 'angered by things outside your control' } },
    { id: '10', label: { zh: '困难堆积到无法克服', en: 'difficulties piling up too high to overcome' } },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'conventional',
      label: { zh: '常用分段 (非原作者界值)', en: 'conventional ranges (not from the author)' },
      appliesTo: 'total',
      source:
        'Widely used 0–13 low / 14–26 moderate / 27–40 high (bio-protocol 9885768, profound-tips); Cohen published no cut-offs (US norms: Cohen & Janicki-Deverts 2012)',
      bands: [
        { id: 'low', min: 0, label: { zh: '低压力', en: 'low stress' }, positive: false },
        { id: 'moderate', min: 14, label: { zh: '中等压力', en: 'moderate stress' }, positive: false },
        { id: 'high', min: 27, label: { zh: '高压力', en: 'high perceived stress' }, positive: true },
      ],
    },
  ],
  missing: {
    kind: 'complete',
    source: 'No published missing-item rule confirmed (reference/scales.md §3.5); every item required',
  },
  citation: [
    'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav 1983;24:385–396',
    'Cohen S, Williamson G. Perceived stress in a probability sample of the United States. In: Spacapan S, Oskamp S, eds. The Social Psychology of Health. Newbury Park, CA: Sage; 1988:31–67',
  ],
  licence: {
    status: 'free-with-conditions',
    holder: 'Sheldon Cohen; American Sociological Association (J Health Soc Behav)',
    notice: {
      zh: '非营利研究与教学使用免费；营利性使用须获美国社会学会 (ASA) 与作者许可 (一次性收费)。',
      en: 'Free for non-profit research and education; for-profit use needs permission from the American Sociological Association and the author (one-time fee).',
    },
    itemText: false,
    source:
      'reference/scales.md §3.5, §11 [RUNYON] ◐: "Profit related use … requires the permission of both the ASA and the author"',
  },
};
