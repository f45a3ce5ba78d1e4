import type { InstrumentDefinition } from '../../definition/schema.ts';
import { yesNoRefused } from '../shared/options.ts';

/**
 * NIMH Ask Suicide-Screening Questions (自杀风险筛查问题). Categorical, never summed: `scoring: 'asq'`.
 * Sources, confidence and decisions: ./README.md.
 * @see Horowitz LM et al. Arch Pediatr Adolesc Med 2012;166:1170–1176; NIMH ASQ toolkit
 */
export const asq: InstrumentDefinition = {
  id: 'asq',
  name: { zh: '自杀风险筛查问题', en: 'Ask Suicide-Screening Questions' },
  abbreviation: 'ASQ',
  version: '1.0.0',
  ages: { min: 10 },
  recall: { zh: '过去几周 / 过去一周 / 终生 / 此刻 (按条目)', en: 'past few weeks / past week / ever / now (by item)' },
  options: yesNoRefused,
  items: [
    { id: '1', label: { zh: '过去几周希望自己死了', en: 'past few weeks: wished you were dead' } },
    {
      id: '2',
      label: { zh: '过去几周觉得自己死了家人会更好', en: 'past few weeks: family better off if you were dead' },
    },
    { id: '3', label: { zh: '过去一周有自杀的想法', en: 'past week: thoughts of killing yourself' } },
    { id: '4', label: { zh: '曾经尝试自杀', en: 'ever tried to kill yourself' } },
    {
      id: '5',
      label: { zh: '此刻有自杀的想法 (急迫性)', en: 'thoughts of killing yourself right now (acuity)' },
      // Asked only after a positive screen on items 1–4.
      optional: true,
    },
  ],
  scoring: 'asq',
  bandSets: [],
  missing: {
    kind: 'complete',
    source: 'NIMH ASQ: no missing-item rule; blanks on items 1–4 are never read as "no" (category unknown)',
  },
  citation: [
    'Horowitz LM, Bridge JA, Teach SJ et al. Ask Suicide-Screening Questions (ASQ): a brief instrument for the pediatric emergency department. Arch Pediatr Adolesc Med 2012;166:1170–1176. doi:10.1001/archpediatrics.2012.1276',
    'Horowitz LM, Snyder DJ, Boudreaux ED et al. Validation of the ASQ for adult medical inpatients. Psychosomatics 2020;61:713–722. doi:10.1016/j.psym.2020.04.008',
  ],
  licence: {
    status: 'free',
    holder: 'National Institute of Mental Health (NIMH)',
    notice: {
      zh: 'ASQ 工具包为美国国立精神卫生研究所 (NIMH) 提供的免费资源。本包仅提供简短条目标签。',
      en: 'The ASQ toolkit is a free resource from the US National Institute of Mental Health (NIMH). Short item labels only.',
    },
    itemText: false,
    source: 'https://www.nimh.nih.gov/labs-at-nimh/asq-toolkit-materials/index.shtml ("a free resource")',
  },
};
