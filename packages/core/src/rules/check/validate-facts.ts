import type { Condition, FactTest, Rule } from '../schema.ts';
import { resolveFact } from './catalog.ts';
import type { Domain } from './known-values.ts';
import { typeMismatch, unknownFact, unknownValue } from './messages.ts';
import type { DraftIssue } from './types.ts';

type Path = readonly (string | number)[];

const NUMERIC = ['gte', 'gt', 'lte', 'lt', 'between'] as const;
const VALUED = ['eq', 'ne', 'in', 'notIn'] as const;

function operatorOf(test: FactTest): string {
  return (['exists', 'contains', ...NUMERIC, ...VALUED] as const).find((k) => test[k] !== undefined) ?? 'exists';
}

function testProblems(rule: string, test: FactTest, domain: Domain, at: Path): DraftIssue[] {
  const operator = operatorOf(test);
  const issue = (message: DraftIssue['message']): DraftIssue => ({
    severity: 'error',
    code: 'RULES_UNKNOWN_FACT',
    rules: [rule],
    message,
    at: [...at, operator],
  });
  if (operator === 'exists') return [];
  const kind = domain.kind === 'list' ? 'list' : domain.kind === 'ids' ? 'id' : 'number';
  if (kind === 'list') return operator === 'contains' ? [] : [issue(typeMismatch(rule, test.fact, operator, kind))];
  if (operator === 'contains') return [issue(typeMismatch(rule, test.fact, operator, kind))];
  if ((NUMERIC as readonly string[]).includes(operator)) {
    return kind === 'id' ? [issue(typeMismatch(rule, test.fact, operator, kind))] : [];
  }
  const raw = test.eq ?? test.ne ?? test.in ?? test.notIn ?? [];
  const values = Array.isArray(raw) ? raw : [raw];
  if (domain.kind === 'ids') {
    return values
      .filter((v) => !domain.values.includes(v as string | boolean))
      .map((v) => issue(unknownValue(rule, test.fact, v, domain.values)));
  }
  return values.some((v) => typeof v !== 'number') ? [issue(typeMismatch(rule, test.fact, operator, kind))] : [];
}

/** What RULES_UNKNOWN_FACT found in one rule: issues, and whether a path (not only a value) was unknown. */
interface FactProblems {
  readonly issues: DraftIssue[];
  readonly unknownPath: boolean;
}

/**
 * Every test of a rule must name a fact the engine can read (a registered instrument and one of its items, bands,
 * flags, cut-offs, subscales or categories; a person or contact field of facts.ts) and compare it with values it
 * can hold. Each issue points at the test in the document.
 */
export function validateFacts(rule: Rule, index: number): FactProblems {
  const issues: DraftIssue[] = [];
  let unknownPath = false;
  const walk = (condition: Condition, at: Path): void => {
    if ('all' in condition) {
      condition.all.forEach((c, i) => {
        walk(c, [...at, 'all', i]);
      });
    } else if ('any' in condition) {
      condition.any.forEach((c, i) => {
        walk(c, [...at, 'any', i]);
      });
    } else if ('not' in condition) walk(condition.not, [...at, 'not']);
    else {
      const found = resolveFact(condition.fact);
      if (found.ok) issues.push(...testProblems(rule.id, condition, found.value.domain, at));
      else {
        unknownPath = true;
        issues.push({
          severity: 'error',
          code: 'RULES_UNKNOWN_FACT',
          rules: [rule.id],
          message: unknownFact(rule.id, found.error),
          at: [...at, 'fact'],
        });
      }
    }
  };
  walk(rule.when, ['rules', index, 'when']);
  return { issues, unknownPath };
}
