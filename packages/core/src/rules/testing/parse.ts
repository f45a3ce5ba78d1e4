import type { Result } from '@triage/scales';
import { parseYamlFile, type RuleFileIssue } from '../yaml-file.ts';
import { type RuleTestSuite, ruleTestSuiteSchema } from './schema.ts';

/**
 * Parses a rule-test file from YAML (or JSON) text and validates it, locating every problem to its line and column
 * as `parseRuleSet` does. Pure: the caller reads the file.
 * @example
 * const suite = parseRuleTests(readFileSync('rules.tests.yaml', 'utf8'), 'rules.tests.yaml');
 * if (suite.ok) runRuleTests(ruleSet, suite.value);
 */
export function parseRuleTests(text: string, file = '<input>'): Result<RuleTestSuite, readonly RuleFileIssue[]> {
  return parseYamlFile(ruleTestSuiteSchema, text, file);
}
