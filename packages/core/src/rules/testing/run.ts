import {
  type Answers,
  formatIssue,
  getInstrument,
  type Result,
  type ScoreOptions,
  scoreInstrument,
} from '@triage/scales';
import { type CompiledRuleSet, compileRuleSet, type Decision, evaluateRules } from '../evaluate.ts';
import { type Facts, type ScaleFacts, scaleFacts } from '../facts.ts';
import type { RuleSet } from '../schema.ts';
import type { RuleTestCase, RuleTestExpectation, RuleTestSuite, Situation } from './schema.ts';

/** The id under which the rule set's unknown-critical policy appears among fired rules. */
const UNKNOWN_CRITICAL = 'unknown-critical';

export interface RuleTestCaseResult {
  readonly name: string;
  readonly passed: boolean;
  /** Why the case failed, one sentence each (en); empty when it passed. */
  readonly failures: readonly string[];
  /** The decision the rule set reached; null when the case's answers could not be scored. */
  readonly decision: Decision | null;
}

export interface RuleTestReport {
  readonly cases: readonly RuleTestCaseResult[];
  readonly passed: number;
  readonly failed: number;
  /** Rule id → number of cases in which it fired, for every rule of the set (0 when none did). */
  readonly coverage: Readonly<Record<string, number>>;
  /** Number of cases in which the unknown-critical policy fired. */
  readonly unknownCritical: number;
  /** Rules no case fired, in rule-set order. */
  readonly unexercised: readonly string[];
  /** Problems with the suite as a whole (e.g. written for another rule set), in en. */
  readonly warnings: readonly string[];
}

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');

/** Turns a case's raw answers into scale facts; problems come back as failure sentences. */
function scoreAnswers(c: Situation): { scales: Record<string, ScaleFacts>; failures: string[] } {
  const scales: Record<string, ScaleFacts> = {};
  const failures: string[] = [];
  for (const [instrumentId, raw] of Object.entries(c.answers ?? {})) {
    const definition = getInstrument(instrumentId);
    if (!definition) {
      failures.push(`answers.${instrumentId}: unknown instrument`);
      continue;
    }
    if (c.facts?.scales?.[definition.id]) {
      failures.push(`answers.${instrumentId}: ${definition.id} is given both as facts and as answers`);
      continue;
    }
    // YAML true/false on a yes/no item: read as the option labels.
    const yesNo = (a: unknown) => (a === true ? 'yes' : a === false ? 'no' : a);
    const answers = (
      Array.isArray(raw) ? raw.map(yesNo) : Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, yesNo(v)]))
    ) as Answers;
    const options: ScoreOptions = { ...c.scoring?.[instrumentId], includeItems: true };
    const scored = scoreInstrument(definition, answers, options);
    if (!scored.ok) {
      for (const issue of scored.error.issues) failures.push(`answers.${instrumentId}: ${formatIssue(issue, 'en')}`);
      continue;
    }
    scales[definition.id] = scaleFacts(scored.value);
  }
  for (const instrumentId of Object.keys(c.scoring ?? {})) {
    if (!c.answers?.[instrumentId]) failures.push(`scoring.${instrumentId}: no answers to score for it`);
  }
  return { scales, failures };
}

/** Compares a decision with what the case expects; returns one sentence per mismatch. */
function check(expect: RuleTestExpectation, decision: Decision, ruleIds: ReadonlySet<string>): string[] {
  const failures: string[] = [];
  const fired = decision.fired.map((r) => r.id);
  if (decision.level !== expect.level) {
    failures.push(`level: expected ${expect.level ?? 'none'}, got ${decision.level ?? 'none'} (fired: ${list(fired)})`);
  }
  const missingActions = (expect.actions ?? []).filter((a) => !decision.actions.includes(a));
  if (missingActions.length > 0) {
    failures.push(`actions: expected ${list(missingActions)}, got ${list(decision.actions)}`);
  }
  const unwantedActions = (expect.notActions ?? []).filter((a) => decision.actions.includes(a));
  if (unwantedActions.length > 0) failures.push(`actions: expected no ${list(unwantedActions)}`);
  if (expect.category !== undefined && decision.category !== expect.category) {
    failures.push(`category: expected ${expect.category ?? 'none'}, got ${decision.category ?? 'none'}`);
  }
  for (const id of [...(expect.fired ?? []), ...(expect.notFired ?? [])]) {
    if (id !== UNKNOWN_CRITICAL && !ruleIds.has(id)) failures.push(`rule ${id}: no such rule in the rule set`);
  }
  const known = (expect.fired ?? []).filter((id) => ruleIds.has(id) || id === UNKNOWN_CRITICAL);
  const missingFired = known.filter((id) => !fired.includes(id));
  if (missingFired.length > 0) failures.push(`fired: expected ${list(missingFired)} to fire, fired: ${list(fired)}`);
  const unwantedFired = (expect.notFired ?? []).filter((id) => fired.includes(id));
  if (unwantedFired.length > 0) failures.push(`fired: expected ${list(unwantedFired)} not to fire`);
  if (expect.followUp !== undefined) {
    const want = expect.followUp === null ? 'none' : list(expect.followUp);
    const got = decision.followUp === null ? 'none' : list(decision.followUp);
    if (want !== got) failures.push(`followUp: expected ${want}, got ${got}`);
  }
  if (expect.caseTerm !== undefined && decision.caseTerm !== expect.caseTerm) {
    failures.push(`caseTerm: expected ${expect.caseTerm ?? 'none'}, got ${decision.caseTerm ?? 'none'}`);
  }
  return failures;
}

/**
 * The facts of a situation: given facts merged with raw answers scored by @triage/scales (items included).
 * Unscorable answers come back as failure sentences naming the instrument and item.
 */
export function situationFacts(c: Situation): Result<Facts, readonly string[]> {
  const scored = scoreAnswers(c);
  if (scored.failures.length > 0) return { ok: false, error: scored.failures };
  const given: Facts = c.facts ?? {};
  return {
    ok: true,
    value: Object.keys(scored.scales).length > 0 ? { ...given, scales: { ...given.scales, ...scored.scales } } : given,
  };
}

function runCase(compiled: CompiledRuleSet, c: RuleTestCase, ruleIds: ReadonlySet<string>): RuleTestCaseResult {
  const facts = situationFacts(c);
  if (!facts.ok) return { name: c.name, passed: false, failures: facts.error, decision: null };
  const decision = evaluateRules(compiled, facts.value, c.atLeast ? { atLeast: c.atLeast } : {});
  const failures = check(c.expect, decision, ruleIds);
  return { name: c.name, passed: failures.length === 0, failures, decision };
}

/**
 * Runs every case of a rule-test suite against a rule set: scores raw answers with @triage/scales (items included),
 * evaluates, and compares with each expectation. Also counts how often each rule fired, so rules that no case
 * exercises show up. Failures are values, never exceptions.
 * @example
 * const report = runRuleTests(defaultRuleSet, suite);
 * report.failed; // 0
 * report.unexercised; // [] when every rule fired in some case
 */
export function runRuleTests(ruleSet: RuleSet | CompiledRuleSet, suite: RuleTestSuite): RuleTestReport {
  const compiled = 'ref' in ruleSet ? ruleSet : compileRuleSet(ruleSet);
  const ids = compiled.ruleSet.rules.map((r) => r.id);
  const ruleIds = new Set(ids);
  const coverage: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  let unknownCritical = 0;
  const warnings: string[] = [];
  if (suite.ruleSet !== undefined && suite.ruleSet !== compiled.ruleSet.id) {
    warnings.push(`the tests were written for rule set ${suite.ruleSet}, not ${compiled.ruleSet.id}`);
  }
  const cases = suite.cases.map((c) => {
    const result = runCase(compiled, c, ruleIds);
    for (const fired of result.decision?.fired ?? []) {
      if (fired.id === UNKNOWN_CRITICAL) unknownCritical++;
      else if (ruleIds.has(fired.id)) coverage[fired.id] = (coverage[fired.id] ?? 0) + 1;
    }
    return result;
  });
  const passed = cases.filter((c) => c.passed).length;
  return {
    cases,
    passed,
    failed: cases.length - passed,
    coverage,
    unknownCritical,
    unexercised: ids.filter((id) => coverage[id] === 0),
    warnings,
  };
}
