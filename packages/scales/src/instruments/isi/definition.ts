import type { InstrumentDefinition, ResponseOption } from '../../definition/schema.ts';

const option = (value: number, zh: string, en: string, aliases: string[] = []): ResponseOption => ({
  value,
  label: { zh, en },
  ...(aliases.length ? { aliases } : {}),
});

/** Items 1–3: severity of the sleep problem. zh labels as in Chinese ISI forms (无/轻度/中度/重度/极重度). */
const severity: ResponseOption[] = [
  option(0, '无', 'None', ['没有']),
  option(1, '轻度', 'Mild', ['轻']),
  option(2, '中度', 'Moderate', ['中']),
  option(3, '重度', 'Severe', ['重']),
  option(4, '极重度', 'Very severe', ['极重', '非常严重']),
];

/** Item 4: satisfaction with the current sleep pattern. */
const satisfaction: ResponseOption[] = [
  option(0, '很满意', 'Very satisfied', ['非常满意']),
  option(1, '满意', 'Satisfied'),
  option(2, '一般', 'Moderately satisfied', ['比较满意', '中等满意']),
  option(3, '不满意', 'Dissatisfied'),
  option(4, '很不满意', 'Very dissatisfied', ['非常不满意']),
];

/** Items 5–7: noticeable to others, worried/distressed, interference ("not at all" … "very much"). */
const degree = (none: string, noneEn: string, mostEn: string): ResponseOption[] => [
  option(0, none, noneEn, ['没有', '一点也不', 'Not at all']),
  option(1, '轻微', 'A little', ['一点', '有一点']),
  option(2, '有些', 'Somewhat', ['有一些']),
  option(3, '较多', 'Much', ['比较多']),
  option(4, '很多', mostEn, ['非常多', '非常', 'Very much']),
];

/**
 * Insomnia Severity Index (失眠严重指数), 7 items 0–4, total 0–28, Morin's bands 0–7/8–14/15–21/22–28. Item text and
 * translations are licensed by Mapi Research Trust: only short labels ship. Sources and confidence: ./README.md.
 * @see Bastien CH, Vallières A, Morin CM. Sleep Med 2001;2:297–307; Morin CM et al. Sleep 2011;34:601–608
 */
export const isi: InstrumentDefinition = {
  id: 'isi',
  name: { zh: '失眠严重指数', en: 'Insomnia Severity Index' },
  abbreviation: 'ISI',
  version: '1.0.0',
  ages: { min: 12 },
  recall: { zh: '最近两周', en: 'last 2 weeks' },
  options: severity,
  items: [
    { id: '1', label: { zh: '入睡困难', en: 'difficulty falling asleep' } },
    { id: '2', label: { zh: '睡眠维持困难', en: 'difficulty staying asleep' } },
    { id: '3', label: { zh: '早醒', en: 'waking up too early' } },
    {
      id: '4',
      label: { zh: '对当前睡眠模式的满意度', en: 'satisfaction with current sleep pattern' },
      options: satisfaction,
    },
    {
      id: '5',
      label: { zh: '睡眠问题在别人看来的明显程度', en: 'noticeable to others' },
      options: degree('一点也不明显', 'Not at all noticeable', 'Very much noticeable'),
    },
    {
      id: '6',
      label: { zh: '对睡眠问题的担心/苦恼', en: 'worried or distressed about sleep' },
      options: degree('一点也不担心', 'Not at all worried', 'Very much worried'),
    },
    {
      id: '7',
      label: { zh: '睡眠问题对日间功能的干扰', en: 'interference with daily functioning' },
      options: degree('没有干扰', 'Not at all interfering', 'Very much interfering'),
    },
  ],
  scoring: 'sum',
  bandSets: [
    {
      id: 'morin',
      label: { zh: 'Morin 严重程度分级', en: 'Morin severity categories' },
      appliesTo: 'total',
      source: 'Bastien, Vallières & Morin 2001; Morin et al. 2011; awell-score isi README (0–7 / 8–14 / 15–21 / 22–28)',
      bands: [
        {
          id: 'none',
          min: 0,
          label: { zh: '无临床意义的失眠', en: 'no clinically significant insomnia' },
          positive: false,
        },
        { id: 'subthreshold', min: 8, label: { zh: '亚临床失眠', en: 'subthreshold insomnia' }, positive: false },
        {
          id: 'moderate',
          min: 15,
          label: { zh: '临床失眠 (中度)', en: 'clinical insomnia (moderate)' },
          positive: true,
        },
        { id: 'severe', min: 22, label: { zh: '临床失眠 (重度)', en: 'clinical insomnia (severe)' }, positive: true },
      ],
    },
  ],
  cutoffs: [
    {
      id: 'community',
      min: 10,
      label: { zh: '社区人群失眠筛查阳性 (≥10)', en: 'community insomnia case (≥10)' },
      ages: [18, 120],
      source: 'Morin CM et al. Sleep 2011;34:601–608: ≥10 in a community sample (sens 86.1%, spec 87.7%)',
    },
    {
      id: 'adolescent',
      min: 9,
      label: { zh: '青少年失眠筛查阳性 (≥9)', en: 'adolescent insomnia case (≥9)' },
      ages: [12, 19],
      source:
        'Chung KF, Kan KK, Yeung WF. Sleep Med 2011;12:463–470: Chinese ISI in 1516 Hong Kong adolescents aged 12–19, optimal cut-off 9 (sens 0.87, spec 0.75)',
    },
  ],
  missing: {
    kind: 'complete',
    source: 'awell-score isi README: "A score is only calculated when all 7 items have an answer"',
  },
  citation: [
    'Bastien CH, Vallières A, Morin CM. Validation of the Insomnia Severity Index as an outcome measure for insomnia research. Sleep Med 2001;2:297–307',
    'Morin CM, Belleville G, Bélanger L, Ivers H. The Insomnia Severity Index: psychometric indicators to detect insomnia cases and evaluate treatment response. Sleep 2011;34:601–608',
    'Chung KF, Kan KK, Yeung WF. Assessing insomnia in adolescents: comparison of Insomnia Severity Index, Athens Insomnia Scale and Sleep Quality Index. Sleep Med 2011;12:463–470',
  ],
  licence: {
    status: 'permission-required',
    holder: 'Charles M. Morin (© 1993–2006), distributed by Mapi Research Trust (ePROVIDE)',
    notice: {
      zh: '© Charles M. Morin。ISI 及其译本由 Mapi Research Trust (ePROVIDE) 授权分发，使用须获许可；本软件包只提供计分规则与简短标签，请自备已获授权的题目文本。',
      en: '© Charles M. Morin. The ISI and its translations are licensed through Mapi Research Trust (ePROVIDE) and need permission; this package ships the scoring key and short labels only, so supply your own licensed item text.',
    },
    itemText: false,
    source:
      'eprovide.mapi-trust.org/instruments/insomnia-severity-index; thoracic.org ISI page (reference/scales.md §3.6 [EPROVIDE], [ATS])',
  },
};
