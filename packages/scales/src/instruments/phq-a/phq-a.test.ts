import { describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { Answer, Answers, ScoreOptions } from '../../engine/types.ts';
import { phqA } from './definition.ts';

const score = (answers: Answers, options: ScoreOptions = {}) => {
  const r = scoreInstrument(phqA, answers, options);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Nine symptom answers, then supplements a (past year), b (difficulty), c (past-month ideation), d (attempt). */
const row = (symptoms: Answer[], supplements: Answer[] = [0, 0, 0, 0]): Answer[] => [...symptoms, ...supplements];
const flag = (r: ReturnType<typeof score>, id: string) => r.flags.find((f) => f.id === id)?.status;

describe('PHQ-A definition', () => {
  it('is a valid instrument definition', () => {
    expect(instrumentSchema.parse(phqA)).toEqual(phqA);
  });

  it('keeps the teen item order (1 feeling down/irritable, 2 little interest, 4 appetite, 5 tired)', () => {
    expect(phqA.items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd']);
    expect(phqA.items[0]?.label.en).toContain('irritable');
    expect(phqA.items[1]?.label.en).toBe('little interest or pleasure');
    expect(phqA.items[3]?.label.en).toContain('appetite');
    expect(phqA.items[4]?.label.en).toContain('tired');
  });

  it('scores only items 1–9 and carries the LOINC teen codes', () => {
    expect(phqA.items.filter((i) => i.scored !== false).map((i) => i.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(phqA.loinc).toEqual({ panel: '89206-7', total: '89204-2' });
    expect(phqA.licence.status).toBe('unclear');
    expect(phqA.licence.itemText).toBe(false);
  });
});

describe('PHQ-A symptom items score as PHQ-9 (reference/scales.md §1.2, §8)', () => {
  it.each([
    { symptoms: [0, 0, 0, 0, 0, 0, 0, 0, 1], total: 1, band: 'minimal', syndrome: 'none', item9: 'positive' },
    { symptoms: [2, 2, 2, 2, 2, 0, 0, 0, 0], total: 10, band: 'moderate', syndrome: 'major-depressive-syndrome' },
    { symptoms: [2, 0, 2, 2, 2, 2, 0, 0, 0], total: 10, band: 'moderate', syndrome: 'major-depressive-syndrome' },
    { symptoms: [2, 0, 2, 0, 0, 0, 0, 0, 0], total: 4, band: 'minimal', syndrome: 'other-depressive-syndrome' },
    { symptoms: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, band: 'minimal', syndrome: 'none' },
    {
      symptoms: [3, 3, 3, 3, 3, 3, 3, 3, 3],
      total: 27,
      band: 'severe',
      syndrome: 'major-depressive-syndrome',
      item9: 'positive',
    },
  ])('$symptoms → $total $band', ({ symptoms, total, band, syndrome, item9 }) => {
    const r = score(row(symptoms));
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
    expect(r.derived.syndrome).toBe(syndrome);
    expect(flag(r, 'self-harm-thoughts')).toBe(item9);
  });

  it.each([
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
  ])('band boundary at total %i is %s', (total, band) => {
    const symptoms = Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.min(3, Math.max(0, total - 3 * i)) : 0));
    expect(symptoms.reduce((a, b) => a + b, 0)).toBe(total);
    const r = score(row(symptoms));
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it.each([
    [9, false, false],
    [10, true, false],
    [11, true, true],
  ])('total %i: ≥10 cut-off %s, adolescent ≥11 cut-off %s', (total, ten, eleven) => {
    const symptoms = Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.min(3, Math.max(0, total - 3 * i)) : 0));
    expect(score(row(symptoms)).cutoffs).toEqual([
      { id: 'elevated', min: 10, positive: ten },
      { id: 'adolescent', min: 11, positive: eleven },
    ]);
  });
});

describe('PHQ-A supplements (a–d): asked, never summed; c and d are critical', () => {
  it('does not add the supplements to the total', () => {
    const symptoms = [1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(score(row(symptoms, [0, 0, 0, 0])).total).toBe(8);
    expect(score(row(symptoms, [1, 3, 1, 1])).total).toBe(8);
  });

  it.each([
    { supplements: [0, 0, 0, 0], item9: 0, flags: [] },
    { supplements: [1, 3, 0, 0], item9: 0, flags: [] },
    { supplements: [0, 0, 1, 0], item9: 0, flags: [['serious-suicidal-ideation', 'c', 'positive']] },
    { supplements: [0, 0, 0, 1], item9: 0, flags: [['lifetime-suicide-attempt', 'd', 'positive']] },
    {
      supplements: [0, 0, 1, 1],
      item9: 2,
      flags: [
        ['self-harm-thoughts', '9', 'positive'],
        ['serious-suicidal-ideation', 'c', 'positive'],
        ['lifetime-suicide-attempt', 'd', 'positive'],
      ],
    },
    { supplements: [0, 0, null, 0], item9: 0, flags: [['serious-suicidal-ideation', 'c', 'unknown']] },
    { supplements: [0, 0, 0, ''], item9: 0, flags: [['lifetime-suicide-attempt', 'd', 'unknown']] },
    {
      supplements: [null, null, null, null],
      item9: 0,
      flags: [
        ['serious-suicidal-ideation', 'c', 'unknown'],
        ['lifetime-suicide-attempt', 'd', 'unknown'],
      ],
    },
  ])('supplements $supplements, item 9 = $item9 → $flags', ({ supplements, item9, flags }) => {
    const r = score(row([0, 0, 0, 0, 0, 0, 0, 0, item9], supplements));
    expect(r.flags.map((f) => [f.id, f.item, f.status])).toEqual(flags);
    // Blank supplements never count as missing scored items.
    expect(r.missing).toEqual([]);
    expect(r.total).toBe(item9);
  });

  it('a critical supplement is positive even when the total is minimal and item 9 is 0', () => {
    const r = score(row([0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 1]));
    expect(r.band?.id).toBe('minimal');
    expect(r.flags).toEqual([
      {
        id: 'lifetime-suicide-attempt',
        item: 'd',
        status: 'positive',
        label: { zh: '补充题d：曾经尝试自杀', en: 'supplement d: lifetime suicide attempt' },
      },
    ]);
  });

  it('keyed answers without the supplements → c and d unknown, total still scored', () => {
    const r = score({ 1: 1, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 });
    expect(r.total).toBe(2);
    expect(r.flags.map((f) => [f.item, f.status])).toEqual([
      ['c', 'unknown'],
      ['d', 'unknown'],
    ]);
  });

  it.each([
    [9, '13'],
    [10, '13'],
    [12, '13'],
  ])('an array of %i answers is rejected: c and d must be present (blank allowed)', (length, expected) => {
    const r = scoreInstrument(
      phqA,
      Array.from({ length }, () => 0),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues).toEqual([{ code: 'SCALES_ITEM_COUNT', expected, received: String(length) }]);
  });

  it.each([
    ['c', 2],
    ['d', 3],
    ['a', 2],
    ['b', 4],
  ])('supplement %s rejects %i', (item, value) => {
    const r = scoreInstrument(phqA, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, [item]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ code: 'SCALES_ITEM_OUT_OF_RANGE', item });
  });
});

describe('PHQ-A labels (zh and en)', () => {
  it('reads Chinese option and yes/no labels', () => {
    const r = score(
      row(
        ['完全不会', '好几天', '一半以上的天数', '几乎每天', '有几天', '0', '1', '2', '完全不会'],
        ['是', '非常困难', '否', '是'],
      ),
    );
    expect(r.total).toBe(10);
    expect(r.flags.map((f) => [f.item, f.status])).toEqual([['d', 'positive']]);
  });

  it('reads English option and yes/no labels', () => {
    const r = score(
      row(
        [
          'Not at all',
          'Several days',
          'More than half the days',
          'Nearly every day',
          'not at all',
          0,
          0,
          0,
          'Several days',
        ],
        ['No', 'Somewhat difficult', 'Yes', 'no'],
      ),
    );
    expect(r.total).toBe(7);
    expect(r.flags.map((f) => [f.item, f.status])).toEqual([
      ['9', 'positive'],
      ['c', 'positive'],
    ]);
  });

  it('rejects an unknown label on a supplement', () => {
    const r = scoreInstrument(phqA, row([0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, '也许', 0]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues).toEqual([expect.objectContaining({ code: 'SCALES_UNKNOWN_LABEL', item: 'c' })]);
  });
});

describe('PHQ-A missing symptom items (Arrieta 2017, as PHQ-9)', () => {
  const eightSummingTo4 = [1, 1, 1, 1, 0, 0, 0, 0, null];

  it.each([
    ['none', 4.5, 'minimal'],
    ['half-up', 5, 'mild'],
    ['truncate', 4, 'minimal'],
    ['half-even', 4, 'minimal'],
  ] as const)('8 answered summing to 4 with %s rounding → %d %s', (rounding, total, band) => {
    const r = score(row(eightSummingTo4), { prorationRounding: rounding });
    expect(r.prorated).toBe(true);
    expect(r.total).toBe(total);
    expect(r.band?.id).toBe(band);
    expect(r.warnings).toEqual([{ code: 'SCALES_PRORATED', items: ['9'] }]);
  });

  it('never imputes item 9: blank → unknown flag beside a prorated total', () => {
    const r = score(row(eightSummingTo4));
    expect(r.flags.map((f) => [f.id, f.status])).toEqual([['self-harm-thoughts', 'unknown']]);
  });

  it('7 answered summing to 9 → 11.571…, moderate', () => {
    const r = score(row([3, 3, 3, 0, 0, 0, 0, null, null]));
    expect(r.total).toBeCloseTo(11.571, 3);
    expect(r.band?.id).toBe('moderate');
  });

  it('3 symptom items missing → no total, but the critical supplements are still read', () => {
    const r = score(row([null, null, null, 0, 0, 0, 0, 0, 0], [0, 0, 1, 0]));
    expect(r.total).toBeNull();
    expect(r.band).toBeNull();
    // Even 3 on every blank item could not reach 10: the cut-offs are decided without a total.
    expect(r.cutoffs.map((c) => c.positive)).toEqual([false, false]);
    // 0–9: minimal or mild, so no band.
    expect(r.warnings[0]).toEqual({ code: 'SCALES_NOT_SCORABLE', items: ['1', '2', '3'] });
    expect(r.warnings[1]).toMatchObject({
      code: 'SCALES_BAND_BOUNDS',
      bands: { lowest: { id: 'minimal' }, highest: { id: 'mild' } },
    });
    expect(r.flags.map((f) => [f.item, f.status])).toEqual([['c', 'positive']]);
  });

  it('prorate: false requires every symptom item', () => {
    expect(score(row(eightSummingTo4), { prorate: false }).total).toBeNull();
  });
});
