import type { Band, BandSet } from '../../definition/schema.ts';

/** The SDQ forms this package scores; each has its own cut-offs. */
export type SdqForm = 'self' | 'parent' | 'teacher';
/** The scales that have bands. */
export type SdqBanded = 'total' | 'emotional' | 'conduct' | 'hyperactivity' | 'peer' | 'prosocial' | 'impact';

const SOURCE_3 =
  'Original three-band cut-offs (80% normal / 10% borderline / 10% abnormal, UK community sample): awell-score sdq_standards.ts ORIGINAL_THREE_BAND_CATEGORISATION (reference/scales.md §4.3 ✅ [AWELL])';
const SOURCE_4 =
  'Newer four-band cut-offs (80% close to average / 10% slightly raised / 5% high / 5% very high): awell-score sdq_standards.ts NEWER_FOUR_BAND_CATEGORISATION (reference/scales.md §4.3 ✅ [AWELL], teacher also [PMC4830858])';

/** Lower bounds of each band, ascending. Prosocial runs the other way: its lowest scores are the abnormal ones. */
const THREE: Record<SdqForm, Record<SdqBanded, readonly number[]>> = {
  self: {
    total: [0, 16, 20],
    emotional: [0, 6, 7],
    conduct: [0, 4, 5],
    hyperactivity: [0, 6, 7],
    peer: [0, 4, 6],
    prosocial: [0, 5, 6],
    impact: [0, 1, 2],
  },
  parent: {
    total: [0, 14, 17],
    emotional: [0, 4, 5],
    conduct: [0, 3, 4],
    hyperactivity: [0, 6, 7],
    peer: [0, 3, 4],
    prosocial: [0, 5, 6],
    impact: [0, 1, 2],
  },
  teacher: {
    total: [0, 12, 16],
    emotional: [0, 5, 6],
    conduct: [0, 3, 4],
    hyperactivity: [0, 6, 7],
    peer: [0, 4, 5],
    prosocial: [0, 5, 6],
    impact: [0, 1, 2],
  },
};

const FOUR: Record<SdqForm, Record<SdqBanded, readonly number[]>> = {
  self: {
    total: [0, 15, 18, 20],
    emotional: [0, 5, 6, 7],
    conduct: [0, 4, 5, 6],
    hyperactivity: [0, 6, 7, 8],
    peer: [0, 3, 4, 5],
    prosocial: [0, 5, 6, 7],
    impact: [0, 1, 2, 3],
  },
  parent: {
    total: [0, 14, 17, 20],
    emotional: [0, 4, 5, 7],
    conduct: [0, 3, 4, 6],
    hyperactivity: [0, 6, 8, 9],
    peer: [0, 3, 4, 5],
    prosocial: [0, 6, 7, 8],
    impact: [0, 1, 2, 3],
  },
  teacher: {
    total: [0, 12, 16, 19],
    emotional: [0, 4, 5, 6],
    conduct: [0, 3, 4, 5],
    hyperactivity: [0, 6, 8, 9],
    peer: [0, 3, 5, 6],
    prosocial: [0, 4, 5, 6],
    impact: [0, 1, 2, 3],
  },
};

type Named = Pick<Band, 'id' | 'label' | 'positive'>;
const band = (id: string, zh: string, en: string, positive: boolean): Named => ({ id, label: { zh, en }, positive });

const threeUp = [
  band('normal', '正常', 'normal', false),
  band('borderline', '临界', 'borderline', false),
  band('abnormal', '异常', 'abnormal', true),
];
const fourUp = [
  band('close-to-average', '接近平均', 'close to average', false),
  band('slightly-raised', '略高', 'slightly raised', false),
  band('high', '高', 'high', true),
  band('very-high', '很高', 'very high', true),
];
const fourDown = [
  band('very-low', '很低', 'very low', true),
  band('low', '低', 'low', true),
  band('slightly-lowered', '略低', 'slightly lowered', false),
  band('close-to-average', '接近平均', 'close to average', false),
];

function set(id: string, zh: string, en: string, source: string, names: readonly Named[], mins: readonly number[]) {
  const bands = names.map((n, i) => ({ ...n, min: mins[i] as number }));
  return { id, label: { zh, en }, appliesTo: 'total', source, bands } satisfies BandSet;
}

/** The three-band and four-band sets of one scale of one form; three-band first (the default). */
export function sdqBandSets(form: SdqForm, scale: SdqBanded): BandSet[] {
  const three = scale === 'prosocial' ? threeUp.toReversed() : threeUp;
  return [
    set('three-band', '三级分类（原版）', 'three bands (original)', SOURCE_3, three, THREE[form][scale]),
    set(
      'four-band',
      '四级分类（新版）',
      'four bands (newer)',
      SOURCE_4,
      scale === 'prosocial' ? fourDown : fourUp,
      FOUR[form][scale],
    ),
  ];
}
