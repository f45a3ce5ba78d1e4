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
  /** In English. */
  readonly message: string;
  /** What the problem is, for a caller that words it itself (in another language); absent: only `message` says. */
  readonly problem?: RuleFileProblem;
}

/**
 * The kind of a file problem found by {@link parseYamlFile}: the YAML parser's error code (`DUPLICATE_KEY`,
 * `BAD_INDENT` …), a key the schema does not allow, a value of the wrong type (`expected`: zod's type name) or none,
 * a value not among those allowed, or a name given twice (`RULES_DUPLICATE_ID`: two rules with one id;
 * `RULES_DUPLICATE_CASE`: two rule-test cases with one name; `value` is the id or name).
 * Other problems a schema words itself (a custom refinement) have none.
 */
export type RuleFileProblem =
  | { readonly kind: 'syntax'; readonly code: string }
  | { readonly kind: 'unknown-key'; readonly key: string }
  /** `missing`: the document has nothing at the path (a required key left out). */
  | { readonly kind: 'type'; readonly expected: string; readonly missing: boolean }
  | { readonly kind: 'value'; readonly values: readonly string[] }
  | { readonly kind: 'duplicate'; readonly code: DuplicateCode; readonly value: string };

/** Stable codes of the "given twice" problems a schema reports through `params` of a custom issue. */
export type DuplicateCode = 'RULES_DUPLICATE_ID' | 'RULES_DUPLICATE_CASE';

/** The `params` a schema puts on a custom issue so that {@link parseYamlFile} can say what the problem is. */
export const duplicateParams = (code: DuplicateCode, value: string) => ({
  problem: { kind: 'duplicate', code, value },
});

type Position = { line: number; column: number };

/** A schema path as YAML may key it: `11:` is a number key in YAML, while schema paths of records name it "11". */
function numericVariants(path: readonly PropertyKey[]): (string | number)[][] {
  const plain = path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  return [plain, plain.map((k) => (typeof k === 'string' && /^(0|[1-9]\d*)$/.test(k) ? Number(k) : k))];
}

/** Finds the line and column of a path in a YAML (or JSON) text, or of its deepest existing parent. */
export function createLocator(text: string): (path: readonly PropertyKey[]) => Position | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return (path) => {
    for (let p: readonly PropertyKey[] = path; p.length > 0; p = p.slice(0, -1)) {
      for (const candidate of numericVariants(p)) {
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
        const message = e.message.split('\n')[0] ?? e.message;
        return { file, line, column: col, path: '', message, problem: { kind: 'syntax', code: e.code } };
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
      const problem = problemOf(issue, (path) => numericVariants(path).some((p) => doc.hasIn(p)));
      return {
        file,
        ...at,
        path: issue.path.map(String).join('.'),
        message: issue.message,
        ...(problem && { problem }),
      };
    }),
  };
}

/** What a schema issue is, when zod's own code says it (never a custom message, which only its schema can word). */
function problemOf(
  issue: z.core.$ZodIssue,
  has: (path: readonly PropertyKey[]) => boolean,
): RuleFileProblem | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys[0] === undefined ? undefined : { kind: 'unknown-key', key: issue.keys[0] };
    case 'invalid_type':
      return { kind: 'type', expected: issue.expected, missing: !has(issue.path) };
    case 'invalid_value':
      return { kind: 'value', values: issue.values.map(String) };
    case 'custom': {
      const problem = issue.params?.problem as RuleFileProblem | undefined;
      return problem?.kind === 'duplicate' ? problem : undefined;
    }
    default:
      return undefined;
  }
}
