import type {
  BandSet,
  Cutoff,
  ItemDefinition,
  Localized,
  ResponseOption,
  SubscaleDefinition,
} from '../../definition/schema.ts';

/**
 * SCARED key shared by the child and parent forms: same 41 items in the same order, same options, same subscales and
 * cut-offs on the official scoring aid. Sources and confidence: ../scared-child/README.md.
 * @see Birmaher B et al. JAACAP 1997;36:545–553; JAACAP 1999;38:1230–1236
 */
const AID =
  'SCARED scoring aid (Birmaher et al., WPIC 10/95), as in the NIH FITBIR CDE SCARED*Score and the GPSC Child & Youth Mental Health Algorithm p.135';

/** 0–2 over the last 3 months. zh labels as in Chinese SCARED platform code (无/有时/经常, 从不或几乎不 …). */
export const scaredOptions: ResponseOption[] = [
  {
    value: 0,
    label: { zh: '没有或几乎没有', en: 'Not true or hardly ever true' },
    aliases: ['无', '没有', '从不', '从不或几乎不', '几乎没有', 'Not true', 'Hardly ever true'],
  },
  {
    value: 1,
    label: { zh: '有时有', en: 'Somewhat true or sometimes true' },
    aliases: ['有时', '有些', '有时如此', 'Somewhat true', 'Sometimes true', 'Sometimes'],
  },
  {
    value: 2,
    label: { zh: '经常有', en: 'Very true or often true' },
    aliases: ['经常', '常常', '经常如此', 'Very true', 'Often true', 'Often'],
  },
];

const labels: readonly (readonly [string, string])[] = [
  ['害怕时呼吸困难', 'hard to breathe when frightened'],
  ['在学校头痛', 'headaches at school'],
  ['不喜欢和不熟悉的人在一起', 'dislikes being with people not known well'],
  ['在外过夜会害怕', 'scared sleeping away from home'],
  ['担心别人是否喜欢自己', 'worries whether others like them'],
  ['害怕时感觉要晕倒', 'feels like passing out when frightened'],
  ['紧张', 'nervous'],
  ['父母走到哪里跟到哪里', 'follows mother or father everywhere'],
  ['别人说自己看起来紧张', 'others say they look nervous'],
  ['和不熟悉的人在一起时紧张', 'nervous with people not known well'],
  ['在学校肚子痛', 'stomachaches at school'],
  ['害怕时感觉要发疯', 'feels like going crazy when frightened'],
  ['担心一个人睡觉', 'worries about sleeping alone'],
  ['担心比不上别的孩子', 'worries about being as good as other children'],
  ['害怕时感觉事情不真实', 'things feel unreal when frightened'],
  ['做父母出事的噩梦', 'nightmares about something bad happening to parents'],
  ['担心上学', 'worries about going to school'],
  ['害怕时心跳加快', 'heart beats fast when frightened'],
  ['发抖', 'shaky'],
  ['做自己出事的噩梦', 'nightmares about something bad happening to them'],
  ['担心事情能否顺利', 'worries about things working out'],
  ['害怕时出很多汗', 'sweats a lot when frightened'],
  ['是个爱担心的人', 'a worrier'],
  ['无缘无故非常害怕', 'really frightened for no reason'],
  ['害怕一个人在家', 'afraid to be alone in the house'],
  ['难以和不熟悉的人说话', 'hard to talk with people not known well'],
  ['害怕时感觉窒息', 'feels like choking when frightened'],
  ['别人说自己担心太多', 'others say they worry too much'],
  ['不喜欢离开家人', 'dislikes being away from family'],
  ['害怕焦虑 (惊恐) 发作', 'afraid of having anxiety (panic) attacks'],
  ['担心父母会出事', 'worries something bad will happen to parents'],
  ['和不熟悉的人在一起时害羞', 'shy with people not known well'],
  ['担心将来', 'worries about the future'],
  ['害怕时想呕吐', 'feels like throwing up when frightened'],
  ['担心自己做得好不好', 'worries about how well they do things'],
  ['害怕上学', 'scared to go to school'],
  ['担心已经发生的事', 'worries about things that have already happened'],
  ['害怕时头晕', 'dizzy when frightened'],
  ['被人注视着做事时紧张', 'nervous doing things while others watch'],
  ['去有陌生人的聚会或场所时紧张', 'nervous going to parties or places with people not known well'],
  ['害羞', 'shy'],
];

export const scaredItems: ItemDefinition[] = labels.map(([zh, en], i) => ({ id: String(i + 1), label: { zh, en } }));

function cutBands(condition: Localized, min: number): BandSet {
  return {
    id: 'birmaher-aid',
    label: { zh: `官方计分说明界值 (≥${min})`, en: `official scoring aid cut-off (≥${min})` },
    appliesTo: 'total',
    source: `${AID}: a score of ${min} on these items "may indicate" the disorder; no total-score condition`,
    bands: [
      {
        id: 'below-cutoff',
        min: 0,
        label: { zh: `低于界值 (<${min})`, en: `below cut-off (<${min})` },
        positive: false,
      },
      {
        id: 'elevated',
        min,
        label: { zh: `可能提示${condition.zh} (≥${min})`, en: `may indicate ${condition.en} (≥${min})` },
        positive: true,
      },
    ],
  };
}

function subscale(
  id: string,
  label: Localized,
  items: readonly number[],
  cut: number,
  condition: Localized,
): SubscaleDefinition {
  return { id, label, items: items.map(String), method: 'sum', bandSets: [cutBands(condition, cut)] };
}

/**
 * Five subscales with the official aid's cut-offs 7/9/5/8/3. Each flag stands on its own: the vendor rule that also
 * requires a total ≥ 30 (reference/scales.md §0.9, [VALANT]) is not the aid's and is not applied.
 */
export const scaredSubscales: SubscaleDefinition[] = [
  subscale(
    'panic-somatic',
    { zh: '惊恐/躯体化', en: 'Panic disorder / significant somatic symptoms' },
    [1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38],
    7,
    { zh: '惊恐障碍或显著躯体症状', en: 'panic disorder or significant somatic symptoms' },
  ),
  subscale(
    'generalized-anxiety',
    { zh: '广泛性焦虑', en: 'Generalized anxiety disorder' },
    [5, 7, 14, 21, 23, 28, 33, 35, 37],
    9,
    { zh: '广泛性焦虑障碍', en: 'generalized anxiety disorder' },
  ),
  subscale(
    'separation-anxiety',
    { zh: '分离性焦虑', en: 'Separation anxiety disorder' },
    [4, 8, 13, 16, 20, 25, 29, 31],
    5,
    { zh: '分离性焦虑障碍', en: 'separation anxiety disorder' },
  ),
  subscale('social-anxiety', { zh: '社交恐怖', en: 'Social anxiety disorder' }, [3, 10, 26, 32, 39, 40, 41], 8, {
    zh: '社交焦虑障碍',
    en: 'social anxiety disorder',
  }),
  subscale('school-avoidance', { zh: '学校恐怖', en: 'Significant school avoidance' }, [2, 11, 17, 36], 3, {
    zh: '显著的学校回避',
    en: 'significant school avoidance',
  }),
];

/** Total 0–82: ≥25 may indicate an anxiety disorder; >30 (≥31 on the integer total) is more specific. */
export const scaredTotalBands: BandSet = {
  id: 'birmaher-aid',
  label: { zh: '官方计分说明 (总分 25 / >30)', en: 'official scoring aid (total 25 / >30)' },
  appliesTo: 'total',
  source: `${AID}: total ≥25 may indicate an anxiety disorder; scores higher than 30 are more specific`,
  bands: [
    { id: 'below-cutoff', min: 0, label: { zh: '低于界值 (<25)', en: 'below cut-off (<25)' }, positive: false },
    {
      id: 'possible-anxiety-disorder',
      min: 25,
      label: { zh: '可能存在焦虑障碍 (25–30)', en: 'may indicate an anxiety disorder (25–30)' },
      positive: true,
    },
    {
      id: 'more-specific',
      min: 31,
      label: { zh: '焦虑障碍可能性较高 (>30, 特异性更高)', en: 'anxiety disorder more likely (>30, more specific)' },
      positive: true,
    },
  ],
};

export const scaredCutoffs: Cutoff[] = [
  {
    id: 'anxiety-disorder',
    min: 25,
    label: { zh: '可能存在焦虑障碍 (≥25)', en: 'may indicate an anxiety disorder (≥25)' },
    source: `${AID}; Birmaher et al. 1999 (JAACAP 38:1230–1236)`,
  },
  {
    id: 'more-specific',
    min: 31,
    label: { zh: '特异性更高 (>30)', en: 'more specific (>30)' },
    source: `${AID}: "scores higher than 30 are more specific"`,
  },
];

export const scaredCitation = [
  'Birmaher B, Khetarpal S, Brent D, et al. The Screen for Child Anxiety Related Emotional Disorders (SCARED): scale construction and psychometric characteristics. J Am Acad Child Adolesc Psychiatry 1997;36:545–553',
  'Birmaher B, Brent DA, Chiappetta L, Bridge J, Monga S, Baugher M. Psychometric properties of the Screen for Child Anxiety Related Emotional Disorders (SCARED): a replication study. J Am Acad Child Adolesc Psychiatry 1999;38:1230–1236',
  '王凯, 等. 儿童焦虑性情绪障碍筛查表的中国城市常模. 中国组织工程研究与临床康复 2005;9(4):254–256',
];
