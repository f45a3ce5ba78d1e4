import type { InstrumentDefinition } from '../../definition/schema.ts';
import {
  scaredCitation,
  scaredCutoffs,
  scaredItems,
  scaredOptions,
  scaredSubscales,
  scaredTotalBands,
} from '../shared/scared-key.ts';

/**
 * Screen for Child Anxiety Related Emotional Disorders, child self-report (儿童焦虑性情绪障碍筛查表, 儿童版).
 * 41 items 0–2, total 0–82 (≥25, >30) and five subscales with the scoring aid's cut-offs 7/9/5/8/3, each flag on its
 * own. No reverse or critical items. Sources and confidence: ./README.md.
 * @see Birmaher B et al. J Am Acad Child Adolesc Psychiatry 1999;38:1230–1236
 */
export const scaredChild: InstrumentDefinition = {
  id: 'scared-child',
  name: {
    zh: '儿童焦虑性情绪障碍筛查表 (儿童自评版)',
    en: 'Screen for Child Anxiety Related Emotional Disorders (child)',
  },
  abbreviation: 'SCARED-C',
  version: '1.0.0',
  ages: { min: 8, max: 18 },
  recall: { zh: '最近三个月', en: 'last 3 months' },
  options: scaredOptions,
  items: scaredItems,
  scoring: 'sum',
  subscales: scaredSubscales,
  bandSets: [scaredTotalBands],
  cutoffs: scaredCutoffs,
  missing: {
    kind: 'complete',
    source:
      'No published missing-item rule (reference/scales.md §4.1 ❓); every item required, and a subscale is null when one of its items is blank',
  },
  citation: scaredCitation,
  licence: {
    status: 'unclear',
    holder: 'Boris Birmaher et al., Western Psychiatric Institute and Clinic, University of Pittsburgh',
    notice: {
      zh: 'SCARED 由匹兹堡大学 Birmaher 等编制，通常免费分发；未找到书面许可条款，商业或电子化使用前请向作者确认。',
      en: 'The SCARED (Birmaher et al., University of Pittsburgh) is commonly distributed free of charge; no written licence terms were found, so confirm with the authors before commercial or electronic use.',
    },
    itemText: false,
    source:
      'reference/scales.md §11 ❓; secondary listings say "Price: Free … typically free to use for not-for-profit organizations" (socialsuitehq.com) ◐',
  },
};
