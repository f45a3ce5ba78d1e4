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
