import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommand, scratch } from './run-cli.ts';

/**
 * The first-import guides promise that "every terminal output below comes from running the tool on the example files".
 * Each `triage …` command block followed by a text block is run here, in a folder holding copies of the examples, and
 * its terminal output (stdout and stderr interleaved, as a terminal shows them) must read as the guide says. The guide
 * may leave lines out with a line of `…`; pseudonyms depend on the reader's key and are compared as `P-` + 16 hex digits,
 * and the key's path (shown by a first import) as any path.
 */
const docs = fileURLToPath(new URL('../../../docs/import/', import.meta.url));
const examples = fileURLToPath(new URL('../../../examples/screenings/', import.meta.url));

interface Transcript {
  readonly line: number;
  readonly args: readonly string[];
  readonly output: string;
}

/** The mapping file §4.4 shows (a YAML block that names wjx-phqa.map.yaml in its first line). */
function mappingFile(markdown: string): string {
  const block = /^```yaml\n(# wjx-phqa\.map\.yaml[\s\S]*?)^```$/m.exec(markdown)?.[1];
  if (block === undefined) throw new Error('the guide shows no wjx-phqa.map.yaml');
  return block;
}

function transcripts(markdown: string): Transcript[] {
  const pattern = /^```sh\n(?: {2})?triage ([^\n]+)\n```\n\n```text\n([\s\S]*?)\n```$/gm;
  return [...markdown.matchAll(pattern)].map((match) => ({
    line: markdown.slice(0, match.index).split('\n').length,
    args: match[1]?.split(' ') ?? [],
    output: match[2] ?? '',
  }));
}

/** A regular expression for the guide's text: lines as written, `…` for any lines, any pseudonym for a pseudonym. */
function shownAs(output: string): RegExp {
  const variable = /(P-[0-9a-f]{16}|\/\S+\/pseudonym\.key)/;
  const lines = output.split('\n').map((text) =>
    text === '…'
      ? '(?:[^\\n]*\\n)*?'
      : `${text
          .split(variable)
          .map((part, i) =>
            i % 2 === 0
              ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              : part.startsWith('P-')
                ? 'P-[0-9a-f]{16}'
                : '\\S+',
          )
          .join('')}\\n`,
  );
  return new RegExp(`^${lines.join('')}$`);
}

describe.each(['en', 'zh'])('the %s first-import guide', (lang) => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const markdown = readFileSync(join(docs, `${lang}.md`), 'utf8');
  const found = transcripts(markdown);

  /** The terminal a reader sees: one file for stdout and stderr, so their lines keep their order. */
  function terminal(args: readonly string[], config = env): string {
    const log = join(s.dir, 'terminal.txt');
    const fd = openSync(log, 'w');
    try {
      const { command, env: runEnv } = cliCommand(args, config);
      const result = spawnSync(command[0] ?? '', command.slice(1), {
        cwd: s.dir,
        env: runEnv,
        stdio: ['ignore', fd, fd],
        timeout: 20_000,
      });
      if (result.error) throw result.error;
    } finally {
      closeSync(fd);
    }
    return readFileSync(log, 'utf8');
  }

  beforeAll(() => {
    for (const name of readdirSync(examples)) copyFileSync(join(examples, name), join(s.dir, name));
    // §4.4 asks the reader to write the mapping file it shows; its commands run with that file as the guide gives it.
    writeFileSync(join(s.dir, 'wjx-phqa.map.yaml'), mappingFile(markdown));
    // The first import on a computer also says it created the key; the guide shows that line apart.
    terminal(['import', 'class-40.en.csv', '--out', join(s.dir, 'first'), '--lang', lang]);
  });
  afterAll(() => s.done());

  it('has the walk-through commands, and those of a questionnaire-platform file (§4.4)', () => {
    expect(found.map(({ args }) => args.filter((a) => a !== '--lang' && a !== 'zh').join(' '))).toEqual([
      `import class-40.${lang === 'en' ? 'en.csv' : 'zh.gb18030.csv'}`,
      'import grade-7.xlsx',
      expect.stringMatching(/^import template /),
      'import messy.csv',
      'import wjx-phqa.csv',
      'import wjx-phqa.csv --instrument phq-a',
      'import wjx-phqa.csv --map wjx-phqa.map.yaml',
    ]);
  });

  it.each(found.map((t) => [t.line, t] as const))('line %i: prints what the guide shows', (line, { args, output }) => {
    // A transcript of a first import (it shows the key being created) runs with a config folder of its own.
    const config = output.includes('pseudonym.key') ? { TRIAGE_CONFIG_DIR: join(s.dir, `config-${line}`) } : env;
    expect(terminal(args, config)).toMatch(shownAs(output));
  });
});
