import { factPaths } from '../conditions.ts';
import { levelRank } from '../levels.ts';
import type { RuleSet } from '../schema.ts';
import { createLocator } from '../yaml-file.ts';
import type { AnalysedRule } from './analysed-rule.ts';
import { resolveFact } from './catalog.ts';
import { findConflicts } from './conflicts.ts';
import { findGaps } from './gaps.ts';
import { noSource, tooComplex, unsatisfiable } from './messages.ts';
import { MAX_CONJUNCTS, toDnf } from './normalize.ts';
import { contradiction, satisfiable } from './regions.ts';
import { findShadowed } from './shadowing.ts';
import type { DraftIssue, RuleCheckIssue, RuleCheckOptions, RuleCheckReport } from './types.ts';
import { validateFacts } from './validate-facts.ts';

/** "0–27" or "a, b, c": what a single fact can hold, to explain a contradiction on it. */
function describeDomain(facts: readonly string[]): string | undefined {
  const [only, ...rest] = [...new Set(facts)];
  if (!only || rest.length > 0) return undefined;
  const found = resolveFact(only);
  if (!found.ok) return undefined;
  const d = found.value.domain;
  if (d.kind === 'ids') return d.values.map(String).join(', ');
  if (d.kind === 'range') return Number.isFinite(d.min + d.max) ? `${d.min}–${d.max}` : undefined;
  if (d.kind === 'numbers' && d.values.length > 0) return `${Math.min(...d.values)}–${Math.max(...d.values)}`;
  return undefined;
}

/** Per-rule checks, and the rules prepared for the checks across rules. */
function checkEach(ruleSet: RuleSet) {
  const issues: DraftIssue[] = [];
  const analysed: AnalysedRule[] = [];
  const skipInstruments = new Set<string>();
  ruleSet.rules.forEach((rule, index) => {
    const at = ['rules', index];
    if (!rule.source) {
      issues.push({ severity: 'warning', code: 'RULES_NO_SOURCE', rules: [rule.id], message: noSource(rule.id), at });
    }
    const facts = validateFacts(rule, index);
    issues.push(...facts.issues);
    const dnf = toDnf(rule.when);
    if (!dnf) {
      issues.push({
        severity: 'warning',
        code: 'RULES_TOO_COMPLEX',
        rules: [rule.id],
        message: tooComplex(rule.id, MAX_CONJUNCTS),
        at,
      });
      for (const path of factPaths(rule.when)) {
        const found = resolveFact(path);
        if (found.ok && found.value.instrument) skipInstruments.add(found.value.instrument.id);
      }
      return;
    }
    // A test on a fact the engine does not know cannot be analysed; the rule is reported and left out.
    if (facts.unknownPath) return;
    const region = dnf.filter(satisfiable);
    // An unknown value already explains why the rule never fires: one error is enough.
    if (region.length === 0 && facts.issues.length === 0) {
      const blame = dnf.length === 1 && dnf[0] ? contradiction(dnf[0]) : undefined;
      const possible = blame ? describeDomain(blame.map((l) => l.fact)) : undefined;
      issues.push({
        severity: 'error',
        code: 'RULES_UNSATISFIABLE',
        rules: [rule.id],
        message: unsatisfiable(rule.id, dnf.length, blame, possible),
        at,
      });
    }
    analysed.push({ rule, index, rank: rule.then.level ? levelRank(rule.then.level) : -1, region });
  });
  return { issues, analysed, skipInstruments };
}

/**
 * Verifies a rule set statically, without facts: unknown facts and values, rules without a source, rules that can
 * never fire, rules shadowed by a more severe one, same-level rules that disagree on a single-valued outcome, and
 * scores, bands or categories that reach no rule. Pure; give `text` to locate each issue to its line and column.
 * @see reference/triage.md §2.3 (dmn-check, ODM and Red Hat verification: gaps, overlaps, subsumption, conflicts)
 * @example
 * const parsed = parseRuleSet(text, 'rules.yaml');
 * if (parsed.ok) {
 *   const report = checkRules(parsed.value, { text, file: 'rules.yaml' });
 *   report.errors; // 0 when every PHQ-9 total reaches a rule and no rule is unreachable
 * }
 */
export function checkRules(ruleSet: RuleSet, options: RuleCheckOptions = {}): RuleCheckReport {
  const { issues, analysed, skipInstruments } = checkEach(ruleSet);
  issues.push(...findShadowed(analysed), ...findConflicts(analysed), ...findGaps(ruleSet, analysed, skipInstruments));
  const locate = options.text === undefined ? undefined : createLocator(options.text);
  const located = issues.map(({ at, ...issue }): RuleCheckIssue => {
    const position = at && locate ? locate(at) : undefined;
    return {
      ...issue,
      ...(options.file === undefined ? {} : { file: options.file }),
      ...(position ? { line: position.line, column: position.column } : {}),
    };
  });
  return {
    issues: located,
    errors: located.filter((i) => i.severity === 'error').length,
    warnings: located.filter((i) => i.severity === 'warning').length,
  };
}
