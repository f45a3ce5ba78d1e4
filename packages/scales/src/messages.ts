import type { ScoreIssue, ScoreIssueCode, ScoreWarning, WarningCode } from './engine/types.ts';

/** Languages of user-facing text. */
export type Lang = 'zh' | 'en';

type Template = (p: { item: string; expected: string; items: string }) => string;

const issues: Record<ScoreIssueCode, Record<Lang, Template>> = {
  SCALES_ITEM_COUNT: {
    zh: (p) => `答案数量不对：应为 ${p.expected}`,
    en: (p) => `wrong number of answers: expected ${p.expected}`,
  },
  SCALES_UNKNOWN_ITEM: {
    zh: (p) => `没有条目 ${p.item}：应为 ${p.expected}`,
    en: (p) => `no item ${p.item}: expected ${p.expected}`,
  },
  SCALES_ITEM_OUT_OF_RANGE: {
    zh: (p) => `第${p.item}题的答案超出范围：应为 ${p.expected}`,
    en: (p) => `item ${p.item}: answer out of range, expected ${p.expected}`,
  },
  SCALES_UNKNOWN_LABEL: {
    zh: (p) => `第${p.item}题的答案无法识别：应为 ${p.expected}`,
    en: (p) => `item ${p.item}: unrecognised answer, expected ${p.expected}`,
  },
  SCALES_UNKNOWN_BAND_SET: {
    zh: (p) => `没有这个常模：可选 ${p.expected}`,
    en: (p) => `unknown norm set: expected one of ${p.expected}`,
  },
};

const warnings: Record<WarningCode, Record<Lang, Template>> = {
  SCALES_PRORATED: {
    zh: (p) => `第${p.items}题缺答，总分按已答题目的均分折算`,
    en: (p) => `item(s) ${p.items} missing: total prorated from the answered items`,
  },
  SCALES_NOT_SCORABLE: {
    zh: (p) => `第${p.items}题缺答，超出计分规则允许的缺答数，不计总分`,
    en: (p) => `item(s) ${p.items} missing: more than the scoring rule allows, no total`,
  },
  SCALES_REFUSED: {
    zh: (p) => `第${p.items}题拒绝回答，按阳性处理`,
    en: (p) => `item(s) ${p.items} refused: treated as positive`,
  },
  SCALES_SKIPPED_ANSWERED: {
    zh: (p) => `第${p.items}题按流程应跳过但已作答，已计入`,
    en: (p) => `item(s) ${p.items} answered though the form skips them: counted`,
  },
};

/**
 * One line explaining what is wrong with an answer, without echoing the answer itself (answers stay out of terminals).
 */
export function formatIssue(issue: ScoreIssue, lang: Lang): string {
  return issues[issue.code][lang]({ item: issue.item ?? '', expected: issue.expected, items: '' });
}

export function formatWarning(warning: ScoreWarning, lang: Lang): string {
  return warnings[warning.code][lang]({
    item: '',
    expected: '',
    items: (warning.items ?? []).join(lang === 'zh' ? '、' : ', '),
  });
}
