import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRuleSet } from './parse.ts';
import { parseYamlFile } from './yaml-file.ts';

const schema = z
  .object({
    name: z.string(),
    columns: z.record(z.string(), z.string()).optional(),
    sex: z.enum(['male', 'female']).optional(),
  })
  .strict();

/** The located problems of a text, without file and message: what a caller words in its own language. */
function problems(text: string) {
  const result = parseYamlFile(schema, text, 'f.yaml');
  if (result.ok) throw new Error('expected problems');
  return result.error.map(({ line, column, problem }) => ({ line, column, problem }));
}

describe('parseYamlFile: what each problem is, beside its English message', () => {
  it.each([
    ['a key twice', 'name: a\nname: b\n', { line: 2, column: 1, problem: { kind: 'syntax', code: 'DUPLICATE_KEY' } }],
    ['an unknown key', 'name: a\ncolums: {}\n', { line: 2, problem: { kind: 'unknown-key', key: 'colums' } }],
    ['a required key left out', 'columns: {}\n', { problem: { kind: 'type', expected: 'string', missing: true } }],
    [
      'a list for a map',
      'name: a\ncolumns: [x]\n',
      { line: 2, problem: { kind: 'type', expected: 'record', missing: false } },
    ],
    [
      'a value not allowed',
      'name: a\nsex: man\n',
      { line: 2, column: 6, problem: { kind: 'value', values: ['male', 'female'] } },
    ],
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toContainEqual(expect.objectContaining(expected));
  });
});

describe('parseYamlFile: a rule id given twice carries its code, for callers that word it in another language', () => {
  it('two rules with one id: RULES_DUPLICATE_ID at the second', () => {
    const rule = (id: string) =>
      `  - id: ${id}\n    description: { zh: x, en: x }\n    when: { fact: scales.gad-7.total, gte: 10 }\n    then: { level: R2 }\n`;
    const text = `id: s\nversion: "1"\nname: { zh: s, en: s }\nunknownCritical: { level: R3, source: s }\nrules:\n${rule('a')}${rule('a')}`;
    const result = parseRuleSet(text, 'r.yaml');
    if (result.ok) throw new Error('expected problems');
    expect(result.error).toEqual([
      expect.objectContaining({
        line: 10,
        path: 'rules.1.id',
        message: 'duplicate rule id a',
        problem: { kind: 'duplicate', code: 'RULES_DUPLICATE_ID', value: 'a' },
      }),
    ]);
  });
});
