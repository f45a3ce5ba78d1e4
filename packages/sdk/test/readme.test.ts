/**
 * Type-checks every ```ts block of README.md as a user's strict project would, against the package's own entry
 * (`@triage/sdk`, resolved to src/ by the `@triage/source` condition): a README example that no longer compiles
 * fails here, not in an integrator's editor (QA round 8: the webhook example did not).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(sdkDir, '../..');
const readme = readFileSync(join(sdkDir, 'README.md'), 'utf8');

/** What the examples take as given; a block's own declarations shadow these. */
const GLOBALS = `import type { IncomingMessage, ServerResponse } from 'node:http';
import type { components, paths, TriageClient } from '@triage/sdk';
declare global {
  const client: TriageClient<paths>;
  const req: IncomingMessage;
  const res: ServerResponse;
  const rawBody: Buffer;
  const oldSecret: string;
  const newSecret: string;
  const batch: components['schemas']['ScreeningBatch'];
  const index: number;
  const results: components['schemas']['ScreeningResultUpload']['results'];
}
export {};
`;

interface Example {
  readonly heading: string;
  /** 1-based README line of the block's first line of code. */
  readonly line: number;
  readonly code: string;
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    if (line !== '```ts') continue;
    const end = lines.indexOf('```', i + 1);
    found.push({ heading, line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return found;
}

/**
 * A module: the block's (one-line) imports on its first line, then the block in an async function (for `await` and
 * `return`), each line of code on line n of the file where it is on line n - 1 of the block.
 */
function moduleOf(code: string): string {
  const lines = code.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const body = lines.map((l) => (l.startsWith('import ') ? '' : l));
  return `${imports.join(' ')} export async function example() {\n${body.join('\n')}\n}\n`;
}

const blocks = examples(readme);
const files = new Map<string, string>([[join(sdkDir, 'test/readme-globals.ts'), GLOBALS]]);
blocks.forEach((b, i) => {
  files.set(join(sdkDir, `test/readme-example-${i}.ts`), moduleOf(b.code));
});

/** Diagnostics of every block, by block, from one program (loading the package once). */
function check(): string[][] {
  const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name);
    return text === undefined ? read(name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return blocks.map((b, i) => {
    const file = program.getSourceFile(join(sdkDir, `test/readme-example-${i}.ts`));
    if (!file) return ['not compiled'];
    return ts.getPreEmitDiagnostics(program, file).map((d) => {
      const at = d.start === undefined ? 0 : file.getLineAndCharacterOfPosition(d.start).line;
      const line = b.line + Math.max(at - 1, 0);
      return `README.md:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

describe('README.md examples', () => {
  const diagnostics = check();

  it('has the blocks this test is meant to cover', () => {
    expect(blocks.map((b) => b.heading)).toEqual(
      expect.arrayContaining(['Use', 'Pagination', 'Idempotency', 'Webhooks']),
    );
  });

  it.each(blocks.map((b, i) => [`${b.heading} (line ${b.line})`, i] as const))('%s type-checks', (_label, i) => {
    expect(diagnostics[i]).toEqual([]);
  });
});
