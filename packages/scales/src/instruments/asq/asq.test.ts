import { describe, expect, it } from 'vitest';
import { answersJsonSchema } from '../../answers-schema.ts';
import { instrumentSchema } from '../../definition/schema.ts';
import { scoreInstrument } from '../../engine/score.ts';
import type { FlagStatus, WarningCode } from '../../engine/types.ts';
import { asq } from './definition.ts';

type Reply = 'yes' | 'no' | 'refused' | 'blank';
type Category = 'negative' | 'non-acute-positive' | 'positive-acuity-unknown' | 'acute-positive' | 'unknown';

interface ExpectedFlag {
  id: string;
  item: string;
  status: FlagStatus;
}
interface Expected {
  category: Category;
  flags: ExpectedFlag[];
  warnings: { code: WarningCode; items: string[] }[];
}

const CODE: Record<Reply, number | null> = { yes: 1, no: 0, refused: 9, blank: null };
const REPLIES: readonly Reply[] = ['yes', 'no', 'refused', 'blank'];
const SCREEN = ['1', '2', '3', '4'] as const;

/**
 * The NIMH pathway, written from the toolkit wording (README, "Verification"), not from the engine:
 * "yes" to any of Q1–4, or a refusal to answer, is a positive screen; after a positive screen Q5 "yes" is an acute
 * positive (imminent risk) and Q5 "no" a non-acute positive; all "no" is negative.
 * Cases the pathway does not cover are decided as follows (reference/scales.md §0.12; README "Decisions"):
 * - a blank on Q1–4 is never read as "no": without a positive answer the category is unknown;
 * - a Q5 "yes" is acute even when Q1–4 were all "no" (asked out of turn, but it cannot be ignored);
 * - a Q5 refusal is a refusal to answer, so a positive screen (the ED pathway routes refusal to non-acute positive);
 * - after a positive screen, Q5 refused or blank leaves the acuity unknown: positive of unknown acuity, never the
 *   non-acute positive that only a Q5 "no" says.
 */
function pathway(replies: readonly Reply[]): Expected {
  const screen = replies.slice(0, 4);
  const acuity = replies[4] as Reply;
  const positive = screen.some((r) => r === 'yes' || r === 'refused') || acuity === 'refused';
  const flags: ExpectedFlag[] = [];
  const warnings: Expected['warnings'] = [];
  screen.forEach((r, i) => {
    const item = SCREEN[i] as string;
    if (r === 'yes') flags.push({ id: 'asq-endorsed', item, status: 'positive' });
    if (r === 'refused') flags.push({ id: 'asq-refused', item, status: 'positive' });
    if (r === 'blank') flags.push({ id: 'asq-unanswered', item, status: 'unknown' });
  });
  const refused = SCREEN.filter((_, i) => screen[i] === 'refused');
  if (refused.length > 0) warnings.push({ code: 'SCALES_REFUSED', items: refused });

  if (acuity === 'yes') {
    if (!positive) warnings.push({ code: 'SCALES_SKIPPED_ANSWERED', items: ['5'] });
    flags.push({ id: 'asq-acute', item: '5', status: 'positive' });
    return { category: 'acute-positive', flags, warnings };
  }
  if (positive) {
    if (acuity !== 'no') flags.push({ id: 'asq-acuity-unknown', item: '5', status: 'unknown' });
    if (acuity === 'refused') warnings.push({ code: 'SCALES_REFUSED_ACUITY', items: ['5'] });
    return { category: acuity === 'no' ? 'non-acute-positive' : 'positive-acuity-unknown', flags, warnings };
  }
  return { category: screen.includes('blank') ? 'unknown' : 'negative', flags, warnings };
}

/** Every combination of yes/no/refused/blank on items 1–5: 4^5 = 1024 rows (incl. all 2^5 yes/no rows). */
const TABLE = (function table(prefix: Reply[]): Reply[][] {
  if (prefix.length === 5) return [prefix];
  return REPLIES.flatMap((r) => table([...prefix, r]));
})([]).map((replies) => ({
  replies,
  name: replies.map((r, i) => `${i + 1}:${r}`).join(' '),
  answers: Object.fromEntries(replies.map((r, i) => [String(i + 1), CODE[r]])),
}));

const run = (answers: Parameters<typeof scoreInstrument>[1]) => {
  const r = scoreInstrument(asq, answers);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('ASQ definition', () => {
  it('is a valid instrument definition: categorical, no bands, item 5 optional', () => {
    expect(() => instrumentSchema.parse(asq)).not.toThrow();
    expect(() => answersJsonSchema(asq)).not.toThrow();
    expect(asq.scoring).toBe('asq');
    expect(asq.bandSets).toEqual([]);
    expect(asq.items.map((i) => [i.id, i.optional === true])).toEqual([
      ['1', false],
      ['2', false],
      ['3', false],
      ['4', false],
      ['5', true],
    ]);
  });

  it('the table holds every yes/no combination and every refusal and blank position', () => {
    expect(TABLE).toHaveLength(1024);
    expect(TABLE.filter((row) => row.replies.every((r) => r === 'yes' || r === 'no'))).toHaveLength(32);
  });
});

describe('ASQ full input table against the NIMH pathway', () => {
  const rows = TABLE.map((row) => ({
    ...row,
    ...pathway(row.replies),
  }));

  it.each(rows)('$name → $category', ({ answers, category, flags, warnings }) => {
    const r = run(answers);
    expect(r.category).toBe(category);
    expect(r.flags.map(({ id, item, status }) => ({ id, item, status }))).toEqual(flags);
    expect(r.warnings).toEqual(warnings);
    // Never a sum.
    expect(r.total).toBeNull();
    expect(r.index).toBeNull();
    expect(r.band).toBeNull();
  });
});

describe('ASQ input forms', () => {
  it('reads Chinese and English labels and aliases, keyed or in order', () => {
    expect(run(['否', 'No', '没有', 'n']).category).toBe('negative');
    expect(run(['否', '否', '是', '否', '否']).category).toBe('non-acute-positive');
    expect(run({ 1: 'yes', 2: 'no', 3: 'no', 4: 'no', 5: 'Yes' }).category).toBe('acute-positive');
    expect(run(['拒答', '否', '否', '否']).flags[0]).toMatchObject({ id: 'asq-refused', status: 'positive' });
    // A refusal is an answer, not a missing item.
    expect(run(['拒答', '否', '否', '否']).missing).toEqual([]);
    expect(run([null, '否', '否', '否']).missing).toEqual(['1']);
    expect(run(['no', 'no', 'no', 'Refused to answer', 'no']).category).toBe('non-acute-positive');
  });

  // QA round 15, 3: item 5 left blank after a yes says nothing of acuity.
  it('a yes on items 1–4 with item 5 blank or left out is positive of unknown acuity, not non-acute', () => {
    expect(run(['否', '是', '否', '否', null]).category).toBe('positive-acuity-unknown');
    expect(run(['yes', 'no', 'no', 'no']).category).toBe('positive-acuity-unknown');
    expect(run(['yes', 'no', 'no', 'no', '拒答']).category).toBe('positive-acuity-unknown');
  });

  it('accepts four answers (item 5 is asked only after a positive screen) but not three', () => {
    expect(run([0, 0, 0, 0]).category).toBe('negative');
    const short = scoreInstrument(asq, [0, 0, 0]);
    expect(short.ok ? null : short.error.issues[0]?.code).toBe('SCALES_ITEM_COUNT');
  });

  it.each([
    [[2, 0, 0, 0], 'SCALES_ITEM_OUT_OF_RANGE'],
    [['maybe', 0, 0, 0], 'SCALES_UNKNOWN_LABEL'],
    [{ 6: 1 }, 'SCALES_UNKNOWN_ITEM'],
  ])('rejects %j with %s', (answers, code) => {
    const r = scoreInstrument(asq, answers);
    expect(r.ok ? null : r.error.issues[0]?.code).toBe(code);
  });
});

describe('ASQ: Q5 refused after four no (README "Decisions")', () => {
  // The pathway never asks Q5 here; asked and refused, it is a refusal to answer, which the toolkit screens positive.
  it('is a positive of unknown acuity, never negative', () => {
    const r = scoreInstrument(asq, [0, 0, 0, 0, 9]);
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
    expect(r.value.category).toBe('positive-acuity-unknown');
    expect(r.value.flags.map((f) => [f.id, f.item, f.status])).toEqual([['asq-acuity-unknown', '5', 'unknown']]);
    expect(r.value.warnings).toEqual([{ code: 'SCALES_REFUSED_ACUITY', items: ['5'] }]);
    expect(r.value.flags[0]?.label.en).toBe('refused: risk unknown');
  });
});

describe('ASQ refusal in a file coded from 0 or from 1', () => {
  it.each(['one-based', 'zero-based'] as const)('reads 9 as a refusal in %s coding, as in native coding', (coding) => {
    // Yes/no answered as text: in one-based coding a number on a yes/no question says nothing certain (below).
    const no = coding === 'one-based' ? '否' : 0;
    const r = scoreInstrument(asq, [no, no, no, no, 9], { coding });
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
    expect(r.value.category).toBe('positive-acuity-unknown');
    expect(r.value.warnings).toContainEqual({ code: 'SCALES_REFUSED_ACUITY', items: ['5'] });
  });

  it('still rejects a code that is neither an answer nor a refusal in one-based coding', () => {
    const r = scoreInstrument(asq, ['否', '否', '否', '否', 8], { coding: 'one-based' });
    expect(r.ok).toBe(false);
  });

  // QA round 16, HIGH: 问卷星's 按序号 numbers 是/否 by the order the form lists them (是 first: 是 = 1). Read as 否 = 1,
  // a student who said yes came out negative and every "no" positive.
  it('refuses a yes/no answered as a number in one-based coding: each item unknown, so flagged unknown', () => {
    const r = scoreInstrument(asq, [1, 2, 1, 1, 1], { coding: 'one-based' });
    if (r.ok) throw new Error('scored');
    expect(r.error.issues.map((i) => [i.code, i.item])).toEqual(
      ['1', '2', '3', '4', '5'].map((item) => ['SCALES_YES_NO_NUMBER', item]),
    );
    expect(r.error.flags.length).toBeGreaterThan(0);
    expect(r.error.flags.every((f) => f.status === 'unknown')).toBe(true);
  });

  it('reads yes/no numbers in native coding (0 no, 1 yes) and as text in any coding', () => {
    expect(scoreInstrument(asq, [0, 0, 0, 0, 0]).ok).toBe(true);
    const r = scoreInstrument(asq, ['是', '否', '否', '否', '否'], { coding: 'one-based' });
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
    expect(r.value.category).toBe('non-acute-positive');
  });
});
