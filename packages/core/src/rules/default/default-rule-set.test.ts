import { readFileSync } from 'node:fs';
import { getInstrument, instruments, scoreInstrument } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../check/check-rules.ts';
import { factPaths } from '../conditions.ts';
import { evaluateRules } from '../evaluate.ts';
import { scaleFacts } from '../facts.ts';
import { type Condition, type FactTest, ruleSetSchema } from '../schema.ts';
import { parseRuleTests } from '../testing/parse.ts';
import { runRuleTests } from '../testing/run.ts';
import { defaultRuleSet } from './default-rule-set.ts';

/** Every fact test of a condition, in order. */
const testsOf = (c: Condition): FactTest[] =>
  'all' in c ? c.all.flatMap(testsOf) : 'any' in c ? c.any.flatMap(testsOf) : 'not' in c ? testsOf(c.not) : [c];

const testsFile = new URL('./default-rule-set.tests.yaml', import.meta.url);
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('defaultRuleSet', () => {
  it('is a valid rule set', () => {
    const parsed = ruleSetSchema.safeParse(defaultRuleSet);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(defaultRuleSet.id).toBe('default');
    expect(defaultRuleSet.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(defaultRuleSet.rules.map((r) => [r.id, r] as const))('%s cites a source from the reference', (_, rule) => {
    expect(rule.source).toMatch(/reference\/(triage|scales)\.md §\d/);
  });

  it('reads only instruments the scales package knows', () => {
    const known = new Set(instruments.map((d) => d.id));
    const read = defaultRuleSet.rules.flatMap((r) => factPaths(r.when)).filter((p) => p.startsWith('scales.'));
    expect(read.map((p) => p.split('.')[1]).filter((id) => !known.has(id as string))).toEqual([]);
  });

  it('reaches a rule from every band of every instrument it reads, subscales at their lowest band (no band left without an outcome)', () => {
    const readsBands = new Set(
      defaultRuleSet.rules
        .flatMap((r) => factPaths(r.when))
        .filter((p) => p.endsWith('.band'))
        .map((p) => p.split('.')[1]),
    );
    const missing: string[] = [];
    for (const definition of instruments.filter((d) => readsBands.has(d.id))) {
      // MSSMHS normal needs every factor normal too (its total band stands for the mean): each at its lowest band.
      const lowest = (definition.subscales ?? []).flatMap((s) => {
        const band = s.bandSets?.[0]?.bands[0];
        return band ? [[s.id, band] as const] : [];
      });
      const subscales = Object.fromEntries(lowest.map(([id, band]) => [id, band.min]));
      const subscaleBands = Object.fromEntries(lowest.map(([id, band]) => [id, band.id]));
      for (const set of definition.bandSets) {
        for (const band of set.bands) {
          const d = evaluateRules(defaultRuleSet, {
            scales: { [definition.id]: { band: band.id, subscales, subscaleBands } },
          });
          if (d.fired.length === 0) missing.push(`${definition.id} ${set.id} ${band.id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a rule for every critical item of every instrument, positive and blank', () => {
    const tests = defaultRuleSet.rules.flatMap((r) => testsOf(r.when).map((t) => ({ rule: r.id, t })));
    const reads = (path: string, status: string) =>
      tests.filter(({ t }) => t.fact === path && t.eq === status).map(({ rule }) => rule);
    const missing: string[] = [];
    for (const definition of instruments) {
      for (const c of definition.critical ?? []) {
        const path = `scales.${definition.id}.flags.${c.id}`;
        if (reads(path, 'positive').length === 0) missing.push(`${path} positive`);
        if (!reads(path, 'unknown').includes('critical-item-unanswered')) missing.push(`${path} unknown`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('passes the static checks: no gaps, conflicts, shadowed rules or unknown facts', () => {
    const report = checkRules(defaultRuleSet);
    expect(report.issues.map((i) => `${i.code} ${i.rules.join(',')}: ${i.message.en}`)).toEqual([]);
  });

  it('lists every rule in the README, in both tables', () => {
    for (const rule of defaultRuleSet.rules) {
      expect(readme.split(`| \`${rule.id}\` |`).length - 1, rule.id).toBe(2);
    }
  });

  it('passes its own test file, and the file exercises every rule', () => {
    const suite = parseRuleTests(readFileSync(testsFile, 'utf8'), 'default-rule-set.tests.yaml');
    if (!suite.ok) throw new Error(JSON.stringify(suite.error, null, 2));
    const report = runRuleTests(defaultRuleSet, suite.value);
    expect(report.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.failures.join('; ')}`)).toEqual([]);
    expect(report.unexercised).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.unknownCritical).toBeGreaterThan(0);
  });

  it('runs the full ASQ table: 32 yes/no combinations, a refusal on each item, blanks', () => {
    const suite = parseRuleTests(readFileSync(testsFile, 'utf8'));
    if (!suite.ok) throw new Error('tests file does not parse');
    const asq = suite.value.cases.filter((c) => c.answers?.asq && /^ASQ [a-z,]+ → /.test(c.name));
    expect(asq).toHaveLength(32);
    expect(suite.value.cases.filter((c) => /^ASQ refused item \d, (rest|items 1–4) no/.test(c.name))).toHaveLength(5);
  });

  it.each([
    ['refused after a yes on item 1', ['yes', 'no', 'no', 'no', 'refused']],
    ['blank after a yes on item 1', ['yes', 'no', 'no', 'no', null]],
    ['refused with items 1–4 no', ['no', 'no', 'no', 'no', 'refused']],
  ])('gives the reason "item 5 refused or not answered", never "item 5 no", for ASQ item 5 %s', (_, answers) => {
    const asq = getInstrument('asq');
    if (!asq) throw new Error('asq');
    const score = scoreInstrument(asq, answers);
    if (!score.ok) throw new Error(JSON.stringify(score.error));
    const decision = evaluateRules(defaultRuleSet, { scales: { asq: scaleFacts(score.value) } });
    expect(decision.level).toBe('R3');
    const reasons = decision.fired.map((r) => `${r.description.en} | ${r.description.zh}`);
    expect(reasons.some((r) => r.includes('item 5 refused or not answered'))).toBe(true);
    expect(reasons.filter((r) => r.includes('item 5 no') || r.includes('第5题“否”'))).toEqual([]);
  });
});
