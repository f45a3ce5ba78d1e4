import type { Result } from '@triage/scales';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

/** A problem in a rule or rule-test file, located to its line and column (1-based). */
export interface RuleFileIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Path inside the document, e.g. rules.3.then.level. */
  readonly path: string;
  readonly message: string;
}

type Position = { line: number; column: number };

/** Finds the line and column of a path in a YAML (or JSON) text, or of its deepest existing parent. */
export function createLocator(text: string): (path: readonly PropertyKey[]) => Position | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return (path) => {
    for (let p = path.map((k) => (typeof k === 'symbol' ? String(k) : k)); p.length > 0; p = p.slice(0, -1)) {
      // `11:` is a number key in YAML, while schema paths of records name it "11": try both.
      const numeric = p.map((k) => (typeof k === 'string' && /^(0|[1-9]\d*)$/.test(k) ? Number(k) : k));
      for (const candidate of [p, numeric]) {
        const node = doc.getIn(candidate, true);
        if (isNode(node) && node.range) {
          const { line, col } = lineCounter.linePos(node.range[0]);
          return { line, column: col };
        }
      }
    }
    return undefined;
  };
}

/**
 * Parses YAML (or JSON, which is YAML) text and validates it with a schema, locating every syntax and schema problem
 * to its line and column. Pure: the caller reads the file.
 */
export function parseYamlFile<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
): Result<z.output<S>, readonly RuleFileIssue[]> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      error: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { file, line, column: col, path: '', message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  const locate = createLocator(text);
  return {
    ok: false,
    error: parsed.error.issues.map((issue) => {
      // An unknown key is reported at its parent; point at the key itself.
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const at = locate(key === undefined ? issue.path : [...issue.path, key]) ?? { line: 1, column: 1 };
      return { file, ...at, path: issue.path.map(String).join('.'), message: issue.message };
    }),
  };
}
