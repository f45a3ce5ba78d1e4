import { describe, expect, it } from 'vitest';
import { answersJsonSchema } from '../../answers-schema.ts';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { ScoreValue } from '../../engine/types.ts';
import { cssrsScreener } from './definition.ts';

type Reply = 'y' | 'n' | '-';
type Level = 'none' | 'low' | 'moderate' | 'high' | 'unknown';

const IDS = ['1', '2', '3', '4', '5', '6', '6b'] as const;
const CODE: Record<Reply, number | null> = { y: 1, n: 0, '-': null };

/** "y n - - - n -" → answers keyed by item id; "-" is a blank. */
function answers(path: string): Record<string, number | null> {
  const replies = path.split(' ') as Reply[];
  return Object.fromEntries(IDS.map((id, i) => [id, CODE[replies[i] ?? '-']]));
}

const run = (input: Parameters<typeof scoreInstrument>[1]): ScoreValue => {
  const r = scoreInstrument(cssrsScreener, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const itemsWith = (r: ScoreValue, status: 'positive' | 'unknown') =>
  r.flags.filter((f) => f.status === status).map((f) => f.item);

describe('C-SSRS screener definition', () => {
  it('is a valid instrument definition: categorical, no bands', () => {
    expect(() => instrumentSchema.parse(cssrsScreener)).not.toThrow();
    expect(() => answersJsonSchema(cssrsScreener)).not.toThrow();
    expect(cssrsScreener.scoring).toBe('cssrs-screener');
    expect(cssrsScreener.bandSets).toEqual([]);
  });

  it('maps items to the LOINC codes of the HL7 BHP C-SSRS QuestionnaireResponse example', () => {
    expect(Object.fromEntries(cssrsScreener.items.map((i) => [i.id, i.loinc]))).toEqual({
      '1': '93246-7',
      '2': '93247-5',
      '3': '93248-3',
      '4': '93249-1',
      '5': '93250-9',
      '6': '93267-3',
      '6b': '93269-9',
    });
  });

  it('marks the skip-logic items optional: 3–5 (skipped when 2 = no) and 6b (asked when 6 = yes)', () => {
    expect(cssrsScreener.items.filter((i) => i.optional).map((i) => i.id)).toEqual(['3', '4', '5', '6b']);
  });
});

describe('C-SSRS screener: every triage path', () => {
  // Items: 1 2 3 4 5 6 6b. Expected values written by hand from the triage sources in README.md.
  it.each([
    // No risk
    { path: 'n n - - - n -', level: 'none', positive: [], unknown: [] },
    // Low: ideation items 1–2
    { path: 'n y n n n n -', level: 'low', positive: ['2'], unknown: [] },
    { path: 'y y n n n n -', level: 'low', positive: ['1', '2'], unknown: [] },
    // Moderate: item 3, or behaviour more than 3 months ago
    { path: 'y y y n n n -', level: 'moderate', positive: ['1', '2', '3'], unknown: [] },
    { path: 'n n - - - y n', level: 'moderate', positive: ['6'], unknown: [] },
    { path: 'y y n n n y n', level: 'moderate', positive: ['1', '2', '6'], unknown: [] },
    // High: items 4–5 (intent), or behaviour within 3 months
    { path: 'y y n y n n -', level: 'high', positive: ['1', '2', '4'], unknown: [] },
    { path: 'y y n n y n -', level: 'high', positive: ['1', '2', '5'], unknown: [] },
    { path: 'y y y y y n -', level: 'high', positive: ['1', '2', '3', '4', '5'], unknown: [] },
    { path: 'n n - - - y y', level: 'high', positive: ['6', '6b'], unknown: [] },
    { path: 'y y y n n y y', level: 'high', positive: ['1', '2', '3', '6', '6b'], unknown: [] },
    // Skip logic: item 2 = no skips 3–5 without unknown flags; 6 = no skips 6b
    { path: 'y n - - - n -', level: 'low', positive: ['1'], unknown: [] },
    { path: 'y n - - - y n', level: 'moderate', positive: ['1', '6'], unknown: [] },
    { path: 'n n - - - n n', level: 'none', positive: [], unknown: [] },
    // Blanks are never "no": unknown flags, the level is what the given answers establish, `unknown` when none
    { path: 'n y - - - n -', level: 'low', positive: ['2'], unknown: ['3', '4', '5'] },
    { path: 'n - - - - n -', level: 'unknown', positive: [], unknown: ['2', '3', '4', '5'] },
    { path: '- n - - - n -', level: 'unknown', positive: [], unknown: ['1'] },
    { path: 'n n - - - - -', level: 'unknown', positive: [], unknown: ['6'] },
    { path: 'n n - - - y -', level: 'moderate', positive: ['6'], unknown: ['6b'] },
    { path: '- - - - - - -', level: 'unknown', positive: [], unknown: ['1', '2', '3', '4', '5', '6'] },
  ] as const)('$path → $level', ({ path, level, positive, unknown }) => {
    const r = run(answers(path));
    expect(r.category).toBe(level);
    expect(itemsWith(r, 'positive')).toEqual(positive);
    expect(itemsWith(r, 'unknown')).toEqual(unknown);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['n n y - - n -', 'moderate', ['3']],
    ['n n - y - n -', 'high', ['4']],
    ['n n n n n n -', 'none', ['3', '4', '5']],
  ] as const)('items 3–5 answered although 2 = no (%s) still count, with a warning', (path, level, items) => {
    const r = run(answers(path));
    expect(r.category).toBe(level);
    expect(r.warnings).toEqual([{ code: 'SCALES_SKIPPED_ANSWERED', items }]);
  });
});

/**
 * Triage from the sources (README "Verification"), highest item wins: Q4/Q5 or behaviour within 3 months → high;
 * Q3, or behaviour longer ago → moderate; Q1/Q2 → low. Items 3–5 answered out of turn count (skip-answered policy).
 * 6b "yes" is behaviour within 3 months even if item 6 is not "yes" (answered out of turn, it still counts).
 * No level and a blank the flow asks (1, 2, 6; 3–5 unless 2 = no; 6b after 6 = yes) → unknown, never none.
 */
function triage(replies: readonly Reply[]): Level {
  const [q1, q2, q3, q4, q5, q6, q6b] = replies;
  if (q4 === 'y' || q5 === 'y' || q6b === 'y') return 'high';
  if (q3 === 'y' || q6 === 'y') return 'moderate';
  if (q1 === 'y' || q2 === 'y') return 'low';
  const askedBlank = q1 === '-' || q2 === '-' || q6 === '-' || (q2 !== 'n' && (q3 === '-' || q4 === '-' || q5 === '-'));
  return askedBlank ? 'unknown' : 'none';
}

const ALL = (function table(prefix: Reply[]): Reply[][] {
  if (prefix.length === 7) return [prefix];
  return (['y', 'n', '-'] as const).flatMap((r) => table([...prefix, r]));
})([]);

describe('C-SSRS screener: all 3^7 inputs', () => {
  it('matches the triage and is never a sum', () => {
    expect(ALL).toHaveLength(2187);
    const mismatches: string[] = [];
    for (const replies of ALL) {
      const r = run(answers(replies.join(' ')));
      if (r.category !== triage(replies)) mismatches.push(`${replies.join(' ')}: ${r.category}`);
      expect(r.total).toBeNull();
      expect(r.index).toBeNull();
      expect(r.band).toBeNull();
      // Every blank the flow would have asked is reported as unknown.
      const asked = (id: string) =>
        ['1', '2', '6'].includes(id) ||
        (['3', '4', '5'].includes(id) && replies[1] !== 'n') ||
        (id === '6b' && replies[5] === 'y');
      const blanks = IDS.filter((id, i) => replies[i] === '-' && asked(id));
      expect(itemsWith(r, 'unknown')).toEqual(blanks);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['y y y n n n n', 3, 'moderate'],
    ['n y n y n n n', 2, 'high'],
    ['y y n n n n n', 2, 'low'],
    ['n n - - - y y', 2, 'high'],
  ] as const)(
    '%s has %i "yes" answers but is %s: the category follows the highest item, not the count',
    (path, yeses, level) => {
      expect(path.split(' ').filter((r) => r === 'y')).toHaveLength(yeses);
      const r = run(answers(path));
      expect(r.category).toBe(level);
      expect(r.total).toBeNull();
    },
  );
});

describe('C-SSRS screener: 6b answered out of turn', () => {
  it('counts a 6b "yes" after a 6 "no" or blank as recent behaviour, with a warning', () => {
    const r = run(answers('n n - - - n y'));
    expect(r.category).toBe('high');
    expect(r.flags).toContainEqual(expect.objectContaining({ id: 'cssrs-endorsed', item: '6b', status: 'positive' }));
    expect(r.warnings).toContainEqual({ code: 'SCALES_SKIPPED_ANSWERED', items: ['6b'] });
  });
});

describe('C-SSRS screener input forms', () => {
  it('accepts answers in order, six when item 6 is no, and yes/no labels', () => {
    expect(run([0, 0, null, null, null, 0]).category).toBe('none');
    expect(run(['否', '是', '是', '否', '否', '是', '否']).category).toBe('moderate');
    expect(run({ 1: 'yes', 2: 'no', 6: 'yes', '6b': 'yes' }).category).toBe('high');
  });

  it.each([
    [[0, 0, 0, 0, 0], 'SCALES_ITEM_COUNT'],
    [[0, 0, 0, 0, 0, 2], 'SCALES_ITEM_OUT_OF_RANGE'],
    [{ 7: 1 }, 'SCALES_UNKNOWN_ITEM'],
  ])('rejects %j with %s', (input, code) => {
    const r = scoreInstrument(cssrsScreener, input);
    expect(r.ok ? null : r.error.issues[0]?.code).toBe(code);
  });
});
