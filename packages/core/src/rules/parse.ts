import type { Result } from '@triage/scales';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type RuleSet, ruleSetSchema } from './schema.ts';

/** A problem in a rule file, located to its line and column (1-based). */
export interface RuleFileIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Path inside the document, e.g. rules.3.then.level. */
  readonly path: string;
  readonly message: string;
}

/**
 * Parses a rule set from YAML (or JSON, which is YAML) text and validates it, locating every problem to its line
 * and column. Pure: the caller reads the file.
 */
export function parseRuleSet(text: string, file = '<input>'): Result<RuleSet, readonly RuleFileIssue[]> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      error: doc.errors.map((e) => {
        const { line, col } = at(e.pos[0]);
        return { file, line, column: col, path: '', message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  const parsed = ruleSetSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((issue) => locate(issue, doc, at, file)) };
}

function locate(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  at: (offset: number) => { line: number; col: number },
  file: string,
): RuleFileIssue {
  // The deepest node on the issue's path that exists (a missing key points at its parent).
  let path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let node: unknown;
  while (path.length > 0) {
    node = doc.getIn(path, true);
    if (isNode(node)) break;
    path = path.slice(0, -1);
  }
  if (!isNode(node)) node = doc.contents;
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const { line, col } = at(offset);
  return { file, line, column: col, path: issue.path.join('.'), message: issue.message };
}
