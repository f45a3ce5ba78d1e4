import { getInstrument, type InstrumentDefinition, scoreInstrument } from '@triage/scales';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decision, evaluateRules } from '../evaluate.ts';
import { scaleFacts } from '../facts.ts';
import { levelRank } from '../levels.ts';
import { defaultRuleSet } from './default-rule-set.ts';

/** The instruments whose default rules read subscale scores (subscale-floor-rules.ts), as QA round 11 found them. */
const SUBSCALED = ['dass-21', 'scl-90', 'mssmhs', 'scared-child', 'scared-parent', 'mht'] as const;

const definitionOf = (id: string): InstrumentDefinition => {
  const d = getInstrument(id);
  if (!d) throw new Error(id);
  return d;
};
/** Answer values of an item, lowest first, without refusals. */
const valuesOf = (d: InstrumentDefinition, index: number): number[] =>
  ((d.items[index]?.options ?? d.options) as readonly { value: number; refusal?: boolean }[])
    .filter((o) => !o.refusal)
    .map((o) => o.value)
    .sort((a, b) => a - b);
/** Positions of items that are not critical: a blank critical item escalates on purpose (unknown-critical). */
const ordinary = (d: InstrumentDefinition): number[] => {
  const critical = new Set((d.critical ?? []).map((c) => c.item));
  return d.items.flatMap((item, i) => (critical.has(item.id) ? [] : [i]));
};

const decide = (id: string, answers: readonly (number | null)[]) => {
  const r = scoreInstrument(definitionOf(id), answers, { includeItems: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const facts = scaleFacts(r.value);
  return { facts, decision: evaluateRules(defaultRuleSet, { scales: { [id]: facts } }) };
};
const rank = (d: Decision) => (d.level ? levelRank(d.level) : -1);
/** Rules a blank left undecided that could set a higher level: what makes the CLI say "not decided" (decision-texts.ts). */
const openRules = (d: Decision) =>
  d.undetermined.filter((id) => {
    const level = defaultRuleSet.rules.find((r) => r.id === id)?.then.level;
    return level !== undefined && levelRank(level) > rank(d);
  });
const blankAt = (answers: readonly number[], i: number) => answers.map((v, j) => (j === i ? null : v));

describe('one blank ordinary item, every other answer at the lowest option (QA round 11 MEDIUM-2)', () => {
  const rows = SUBSCALED.flatMap((id) => {
    const d = definitionOf(id);
    return ordinary(d).map((i) => [id, d.items[i]?.id as string, i] as const);
  });

  it.each(rows)('%s item %s blank: decided as the complete row, nothing undetermined', (id, _, i) => {
    const d = definitionOf(id);
    const lowest = d.items.map((__, j) => valuesOf(d, j)[0] as number);
    const complete = decide(id, lowest).decision;
    const { facts, decision } = decide(id, blankAt(lowest, i));
    // Only the subscale band (decided by the bounds) is read: the score stays unknown, nothing is imputed.
    expect(Object.values(facts.subscales ?? {})).toContain(null);
    expect(decision.level).toBe(complete.level);
    expect(decision.fired.map((f) => f.id)).toEqual(complete.fired.map((f) => f.id));
    expect(decision.undetermined).toEqual([]);
  });
});

describe('a blank that really leaves a band open stays undecided', () => {
  it.each([
    // DASS-21 stress items 1, 6, 8: 0 + 3 + 2 = 5 answered, item 1 blank → 10–16 (× 2), normal or mild.
    ['dass-21', [null, 0, 0, 0, 0, 3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'dass-21-mild'],
    // SCL-90 somatization (12 items): 11 at 3 and item 1 blank → mean 34/12–38/12 (2.83–3.17), attention or marked.
    [
      'scl-90',
      Array.from({ length: 90 }, (_, i) =>
        i === 0 ? null : [4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58].includes(i + 1) ? 3 : 1,
      ),
      'scl-90-factor-marked',
    ],
    // MHT learning anxiety: 7 of its items yes and one blank → 7 or 8, average or high.
    ['mht', null, 'mht-content-high'],
  ] as const)('%s: %s', (id, given, rule) => {
    let answers: (number | null)[];
    if (given) answers = [...given];
    else {
      // MHT: the first content scale's first eight items, seven yes, the eighth blank (found from the key, not typed).
      const d = definitionOf(id);
      const items = (d.subscales?.[0]?.items ?? []).slice(0, 8).map((item) => d.items.findIndex((x) => x.id === item));
      answers = d.items.map((__, j) => (j === items[7] ? null : items.includes(j) ? 1 : 0));
    }
    const { facts, decision } = decide(id, answers);
    expect(Object.values(facts.subscaleBands ?? {})).toContain(null);
    expect(decision.undetermined).toContain(rule);
    expect(openRules(decision)).toContain(rule);
  });

  it('SCARED (child) panic/somatic 6 answered and item 38 blank: 6–8, below or at its cut-off of 7', () => {
    const d = definitionOf('scared-child');
    const answers = d.items.map((item): number | null =>
      item.id === '38' ? null : ['1', '6', '9'].includes(item.id) ? 2 : 0,
    );
    const { facts, decision } = decide('scared-child', answers);
    expect(facts.subscaleBands?.['panic-somatic']).toBeNull();
    expect(openRules(decision)).toContain('scared-subscale-elevated');
  });

  it('MSSMHS depression factor: five at 3 and one blank → mean 16/6–20/6, mild or moderate', () => {
    const d = definitionOf('mssmhs');
    const items = new Set((d.subscales ?? []).find((s) => s.id === 'depression')?.items ?? []);
    const first = [...items][0];
    const answers = d.items.map((item): number | null => (item.id === first ? null : items.has(item.id) ? 3 : 1));
    const { facts, decision } = decide('mssmhs', answers);
    expect(facts.subscaleBands?.depression).toBeNull();
    expect(decision.level).toBe('R1');
    expect(openRules(decision)).toContain('mssmhs-moderate');
  });
});

describe('profile vs profile with one blank (QA gen3): settled gives the same level, otherwise the row stays open', () => {
  it.each(SUBSCALED)('%s', (id) => {
    const d = definitionOf(id);
    const positions = ordinary(d);
    // Profiles near one level (each item at a base option or one above), so rows sit on every band's edges.
    const answer = fc
      .tuple(fc.nat(4), fc.array(fc.nat(1), { minLength: d.items.length, maxLength: d.items.length }))
      .map(([base, bumps]) =>
        d.items.map((_, j) => {
          const values = valuesOf(d, j);
          return values[Math.min(values.length - 1, base + (bumps[j] ?? 0))] as number;
        }),
      );
    fc.assert(
      fc.property(answer, fc.constantFrom(...positions), (complete, i) => {
        const full = decide(id, complete).decision;
        const blank = decide(id, blankAt(complete, i)).decision;
        // Never above what some answer to the blank gives: nothing is imputed upwards, the floor rules included.
        expect(rank(blank)).toBeLessThanOrEqual(rank(full));
        const open = openRules(blank);
        // Settled (no rule above its level left open): every answer to the blank gives this level, never a lower one.
        if (open.length === 0) expect(blank.level).toBe(full.level);
        // Open: the complete row's level is one the open rules could set, so the row says "not decided", never less.
        else {
          const reach = Math.max(
            ...open.map((id) => levelRank(defaultRuleSet.rules.find((r) => r.id === id)?.then.level ?? 'R0')),
          );
          expect(rank(full)).toBeLessThanOrEqual(reach);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
