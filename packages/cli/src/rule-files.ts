import type { RuleFileIssue, RuleSet } from '@triage/core';
import { CliError } from './exit-codes.ts';
import type { Messages } from './messages.ts';

export type Core = typeof import('@triage/core');

/** The rule engine, loaded on first use so other commands never pay for it. */
export function loadCore(): Promise<Core> {
  return import('@triage/core');
}

/** A text file's content, or a CLI error naming the file. */
export async function readText(file: string, text: Messages): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('CLI_FILE_NOT_FOUND', text.fileNotFound(file), { cause: error });
    throw new CliError('CLI_FILE_UNREADABLE', text.fileUnreadable(file), { cause: error });
  }
}

/** Problems of one YAML file, each placed at the line and column of the path it concerns (line 1 when not found). */
export function fileIssues(
  core: Core,
  text: string,
  file: string,
): { readonly issues: RuleFileIssue[]; add(path: readonly string[], message: string): void } {
  const locate = core.createLocator(text);
  const issues: RuleFileIssue[] = [];
  return {
    issues,
    add(path, message) {
      const at = locate(path) ?? { line: 1, column: 1 };
      issues.push({ file, line: at.line, column: at.column, path: path.join('.'), message });
    },
  };
}

/** A located problem's words in the language of `text`: the parser's or schema's English where none are known. */
export function fileIssueMessage(issue: RuleFileIssue, text: Messages): string {
  return issue.problem ? text.rules.problem(issue.problem, issue.message) : issue.message;
}

/** One line per located problem. */
export function formatFileIssues(issues: readonly RuleFileIssue[], text: Messages): string {
  return issues.map((i) => text.rules.at(i.file, i.line, i.column, i.path, fileIssueMessage(i, text))).join('\n');
}

/** The rule set a `--rules` flag names, or the shipped default. Invalid files are errors with line and column. */
export async function loadRuleSet(core: Core, file: string | undefined, text: Messages): Promise<RuleSet> {
  if (!file) return core.defaultRuleSet;
  const parsed = core.parseRuleSet(await readText(file, text), file);
  if (!parsed.ok) throw new CliError('CLI_RULES_INVALID', formatFileIssues(parsed.error, text));
  return parsed.value;
}
