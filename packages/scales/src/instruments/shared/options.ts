import type { ResponseOption } from '../../definition/schema.ts';

/**
 * PHQ/GAD frequency options over the last two weeks, 0–3.
 * zh wording as in the Chinese PHQ-9/GAD-7 forms; aliases are variants seen in school-platform exports.
 * @see Kroenke et al. 2001; Spitzer et al. 2006 (reference/scales.md §1.1, §1.4)
 */
export const phqFrequency: ResponseOption[] = [
  { value: 0, label: { zh: '完全不会', en: 'Not at all' }, aliases: ['完全没有', '没有', '从不'] },
  { value: 1, label: { zh: '好几天', en: 'Several days' }, aliases: ['有几天', '几天'] },
  {
    value: 2,
    label: { zh: '一半以上的天数', en: 'More than half the days' },
    aliases: ['一半以上天数', '超过一半的天数', '超过一半天数', '一半以上'],
  },
  { value: 3, label: { zh: '几乎每天', en: 'Nearly every day' }, aliases: ['几乎天天', '每天'] },
];

/** Yes/no items: 0 no, 1 yes. */
export const yesNo: ResponseOption[] = [
  { value: 0, label: { zh: '否', en: 'No' }, aliases: ['没有', '无', 'n', 'false'] },
  { value: 1, label: { zh: '是', en: 'Yes' }, aliases: ['有', 'y', 'true'] },
];

/** Yes/no with an explicit refusal (ASQ), coded 9 as survey convention for "refused". */
export const yesNoRefused: ResponseOption[] = [
  ...yesNo,
  {
    value: 9,
    label: { zh: '拒绝回答', en: 'Refused to answer' },
    aliases: ['拒答', 'refused', 'declined'],
    refusal: true,
  },
];

/** PHQ-9 item 10 / PHQ-A functional difficulty, 0–3, not scored. */
export const phqDifficulty: ResponseOption[] = [
  { value: 0, label: { zh: '毫无困难', en: 'Not difficult at all' }, aliases: ['没有困难'] },
  { value: 1, label: { zh: '有些困难', en: 'Somewhat difficult' }, aliases: ['有点困难'] },
  { value: 2, label: { zh: '非常困难', en: 'Very difficult' }, aliases: ['很困难'] },
  { value: 3, label: { zh: '极度困难', en: 'Extremely difficult' }, aliases: ['极其困难'] },
];

/**
 * Zung SDS/SAS frequency options, 1–4 in the published coding (reversal is per item, not per option set).
 * zh labels as in the Chinese SDS/SAS forms; aliases are variants seen in Chinese platform exports and English copies.
 * @see Zung 1965 (SDS), Zung 1971 (SAS); reference/scales.md §2
 */
export const zungFrequency: ResponseOption[] = [
  {
    value: 1,
    label: { zh: '没有或很少时间', en: 'A little of the time' },
    aliases: ['没有或很少时间有', 'None or a little of the time', 'A little or none of the time'],
  },
  {
    value: 2,
    label: { zh: '小部分时间', en: 'Some of the time' },
    aliases: ['少部分时间', '有时有'],
  },
  {
    value: 3,
    label: { zh: '相当多时间', en: 'Good part of the time' },
    aliases: ['大部分时间', '大部分时间有', 'A good part of the time'],
  },
  {
    value: 4,
    label: { zh: '绝大部分或全部时间', en: 'Most of the time' },
    aliases: ['绝大部分或全部时间都有', 'Most or all of the time'],
  },
];

/**
 * Kessler K10/K6 frequency options over the last 30 days, in the Australian (ABS) coding 1–5.
 * zh primary labels follow the Hong Kong K10 wording (无/偶尔/有时/经常/总是) with 无 → 几乎没有; aliases are the
 * "time-fraction" renderings (小部分时间 …) and other variants seen on Chinese web forms.
 * @see ABS 4817.0.55.001, Table D (reference/scales.md §3.3)
 */
export const kesslerFrequency: ResponseOption[] = [
  {
    value: 1,
    label: { zh: '几乎没有', en: 'None of the time' },
    aliases: ['没有', '无', '从不', '从来没有', '完全没有', 'none'],
  },
  {
    value: 2,
    label: { zh: '偶尔', en: 'A little of the time' },
    aliases: ['很少', '较少', '小部分时间', '少部分时间', '一小部分时间', 'a little'],
  },
  { value: 3, label: { zh: '有时', en: 'Some of the time' }, aliases: ['部分时间', '一部分时间', '有时候', 'some'] },
  {
    value: 4,
    label: { zh: '经常', en: 'Most of the time' },
    aliases: ['大部分时间', '大多数时间', '多数时间', 'most'],
  },
  {
    value: 5,
    label: { zh: '总是', en: 'All of the time' },
    aliases: ['所有时间', '全部时间', '一直', '一直如此', '总是如此', '几乎总是', 'all'],
  },
];

/**
 * The same options in the US coding 0–4 (K6 as scored in the NHIS; K10 as scored in the US).
 * @see IPUMS NHIS PDISTRESSK6; ABS 4817.0.55.001 ("In the US … 0 … to 4") (reference/scales.md §3.3)
 */
export const kesslerFrequencyZeroBased: ResponseOption[] = kesslerFrequency.map((o) => ({ ...o, value: o.value - 1 }));
