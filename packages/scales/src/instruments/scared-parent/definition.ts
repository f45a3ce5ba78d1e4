import type { InstrumentDefinition } from '../../definition/schema.ts';
import { scaredChild } from '../scared-child/definition.ts';

/**
 * Screen for Child Anxiety Related Emotional Disorders, parent report on the child (儿童焦虑性情绪障碍筛查表, 家长版).
 * Same key as the child form (`../shared/scared-key.ts`); `ages` are the child's.
 * 41 items 0–2, total 0–82 (≥25, >30) and five subscales with the scoring aid's cut-offs 7/9/5/8/3, each flag on its
 * own. No reverse or critical items. Sources and confidence: ./README.md.
 * @see Birmaher B et al. J Am Acad Child Adolesc Psychiatry 1999;38:1230–1236
 */
export const scaredParent: InstrumentDefinition = {
  ...scaredChild,
  id: 'scared-parent',
  name: {
    zh: '儿童焦虑性情绪障碍筛查表 (家长版)',
    en: 'Screen for Child Anxiety Related Emotional Disorders (parent)',
  },
  abbreviation: 'SCARED-P',
};
