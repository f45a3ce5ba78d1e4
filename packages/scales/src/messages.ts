import type { ScoreIssue, ScoreIssueCode, ScoreWarning, WarningCode } from './engine/types.ts';

/** Languages of user-facing text. */
export type Lang = 'zh' | 'en';

type Params = {
  item: string;
  expected: string;
  items: string;
  coding: string;
  lowest: string;
  highest: string;
  subscale: string;
  option: string;
};
type Template = (p: Params) => string;

const issues: Record<ScoreIssueCode, Record<Lang, Template>> = {
  SCALES_ITEM_COUNT: {
    zh: (p) => `答案数量不对：应为 ${p.expected} 个答案`,
    en: (p) => `wrong number of answers: expected ${p.expected}`,
  },
  SCALES_UNKNOWN_ITEM: {
    zh: (p) => `没有条目 ${p.item}：应为以下之一：${p.expected}`,
    en: (p) => `no item ${p.item}: expected one of ${p.expected}`,
  },
  SCALES_ITEM_OUT_OF_RANGE: {
    zh: (p) => `第${p.item}题的答案超出范围：应为 ${p.expected}${p.coding ? `（${p.coding} 编码）` : ''}`,
    en: (p) => `item ${p.item}: answer out of range, expected ${p.expected}${p.coding ? ` (${p.coding} coding)` : ''}`,
  },
  SCALES_UNKNOWN_LABEL: {
    zh: (p) => `第${p.item}题的答案无法识别：应为 ${p.expected} 或选项文字`,
    en: (p) => `item ${p.item}: unrecognised answer, expected ${p.expected} or an option label`,
  },
  SCALES_YES_NO_NUMBER: {
    zh: (p) =>
      `第${p.item}题是“是/否”题，在 ${p.coding} 编码下以数字作答：1 是“是”还是“否”取决于问卷中选项的先后，无法判断；请以选项文字（是/否）导出`,
    en: (p) =>
      `item ${p.item}: a yes/no question answered as a number under ${p.coding} coding: whether 1 means yes or no depends on the order the form lists them, which the number does not say; export the answers as option text (是/否, yes/no)`,
  },
  SCALES_UNKNOWN_BAND_SET: {
    zh: (p) => `没有这个常模：可选 ${p.expected}`,
    en: (p) => `unknown norm set: expected one of ${p.expected}`,
  },
  SCALES_INVALID_OPTION: {
    zh: (p) => (p.option ? `选项 ${p.option} 的值无效：应为 ${p.expected} 之一` : `选项应为对象，可含 ${p.expected}`),
    en: (p) =>
      p.option ? `option ${p.option}: expected one of ${p.expected}` : `options: expected an object with ${p.expected}`,
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
  SCALES_BAND_BOUNDS: {
    zh: (p) =>
      p.lowest === p.highest
        ? `第${p.items}题无论怎样作答，分级都是「${p.lowest}」：据此判定分级（总分仍为空）`
        : `第${p.items}题的作答可使分级在「${p.lowest}」到「${p.highest}」之间：分级未定`,
    en: (p) =>
      p.lowest === p.highest
        ? `item(s) ${p.items}: whatever the answers, the band is "${p.lowest}", so the band is given (still no total)`
        : `item(s) ${p.items}: the answers could put the band anywhere from "${p.lowest}" to "${p.highest}": band undecided`,
  },
  SCALES_SUBSCALE_BAND_BOUNDS: {
    zh: (p) =>
      p.lowest === p.highest
        ? `因子 ${p.subscale}：第${p.items}题无论怎样作答，分级都是「${p.lowest}」：据此判定分级（因子分仍为空）`
        : `因子 ${p.subscale}：第${p.items}题的作答可使分级在「${p.lowest}」到「${p.highest}」之间：分级未定`,
    en: (p) =>
      p.lowest === p.highest
        ? `subscale ${p.subscale}, item(s) ${p.items}: whatever the answers, the band is "${p.lowest}", so the band is given (still no score)`
        : `subscale ${p.subscale}, item(s) ${p.items}: the answers could put the band anywhere from "${p.lowest}" to "${p.highest}": band undecided`,
  },
  SCALES_REFUSED: {
    zh: (p) => `第${p.items}题拒绝回答，按阳性处理`,
    en: (p) => `item(s) ${p.items} refused: treated as positive`,
  },
  SCALES_REFUSED_ACUITY: {
    zh: (p) => `第${p.items}题（此刻是否有自杀想法）拒绝回答：筛查按阳性处理，急性程度未知（需当面补问）`,
    en: (p) =>
      `item ${p.items} (suicidal thoughts right now) refused: a positive screen of unknown acuity (ask in person)`,
  },
  SCALES_SKIPPED_ANSWERED: {
    zh: (p) => `第${p.items}题按流程应跳过但已作答，已计入`,
    en: (p) => `item(s) ${p.items} answered though the form skips them: counted`,
  },
  SCALES_INVALID_PROTOCOL: {
    zh: () => '效度量表得分达到作废标准：结果不可信，应择期重测',
    en: () => 'validity scale at the invalid-protocol threshold: results are not trustworthy, retest',
  },
};

/** Categories of the categorical screeners (ASQ, C-SSRS screener) and the values of derived results. */
const outcomes: Record<string, Record<Lang, string>> = {
  negative: { zh: '阴性', en: 'negative' },
  'non-acute-positive': { zh: '非急性阳性', en: 'non-acute positive' },
  'acute-positive': { zh: '急性阳性', en: 'acute positive' },
  'positive-acuity-unknown': {
    zh: '阳性，急性程度未知（第5题未答或拒答）',
    en: 'positive, acuity unknown (item 5 not answered)',
  },
  unknown: { zh: '无法判断（有缺答，按有风险处理）', en: 'unknown (items missing: treat as risk)' },
  none: { zh: '无', en: 'none' },
  low: { zh: '低风险', en: 'low risk' },
  moderate: { zh: '中风险', en: 'moderate risk' },
  high: { zh: '高风险', en: 'high risk' },
  'major-depressive-syndrome': { zh: '重性抑郁综合征', en: 'major depressive syndrome' },
  'other-depressive-syndrome': { zh: '其他抑郁综合征', en: 'other depressive syndrome' },
  'major-depressive-episode': { zh: '符合重性抑郁发作标准', en: 'meets criteria for a major depressive episode' },
  'probable-major-depressive-episode': { zh: '很可能为重性抑郁发作', en: 'probable major depressive episode' },
  'possible-major-depressive-episode': { zh: '可能为重性抑郁发作', en: 'possible major depressive episode' },
  subthreshold: { zh: '阈下抑郁症状', en: 'subthreshold depressive symptoms' },
  'non-clinical': { zh: '无临床意义', en: 'no clinical significance' },
};

const derivedNames: Record<string, Record<Lang, string>> = {
  syndrome: { zh: '抑郁综合征（PHQ 诊断算法）', en: 'depressive syndrome (PHQ algorithm)' },
  category: { zh: '抑郁分类（CESD-R 算法）', en: 'depression category (CESD-R algorithm)' },
};

const params = (p: Partial<Params>): Params => ({
  item: '',
  expected: '',
  items: '',
  coding: '',
  lowest: '',
  highest: '',
  subscale: '',
  option: '',
  ...p,
});

/**
 * One line explaining what is wrong with an answer, without echoing the answer itself (answers stay out of terminals).
 */
export function formatIssue(issue: ScoreIssue, lang: Lang): string {
  return issues[issue.code][lang](
    params({
      item: issue.item ?? '',
      expected: issue.expected,
      coding: issue.coding ?? '',
      option: issue.option ?? '',
    }),
  );
}

export function formatWarning(warning: ScoreWarning, lang: Lang): string {
  const items = (warning.items ?? []).join(lang === 'zh' ? '、' : ', ');
  const bands = warning.bands;
  const subscale = warning.subscale ?? '';
  return warnings[warning.code][lang](
    params(
      bands
        ? { items, subscale, lowest: bands.lowest.label[lang], highest: bands.highest.label[lang] }
        : { items, subscale },
    ),
  );
}

/** A categorical screener's outcome (`ScoreValue.category`) or a derived value, in words. Unknown ids pass through. */
export function formatOutcome(id: string, lang: Lang): string {
  return outcomes[id]?.[lang] ?? id;
}

/** The name of a derived result (`ScoreValue.derived` key), in words. */
export function formatDerivedName(key: string, lang: Lang): string {
  return derivedNames[key]?.[lang] ?? key;
}
