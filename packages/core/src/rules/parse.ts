import type { Result } from '@triage/scales';
import { type RuleSet, ruleSetSchema } from './schema.ts';
import { parseYamlFile, type RuleFileIssue } from './yaml-file.ts';

export type { RuleFileIssue } from './yaml-file.ts';

/**
 * Parses a rule set from YAML (or JSON, which is YAML) text and validates it, locating every problem to its line
 * and column. Pure: the caller reads the file.
 */
export function parseRuleSet(text: string, file = '<input>'): Result<RuleSet, readonly RuleFileIssue[]> {
  return parseYamlFile(ruleSetSchema, text, file);
}
