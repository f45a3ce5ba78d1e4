import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readdirSync, readFileSync } from 'node:fs';
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
  const found = transcripts(readFileSync(join(docs, `${lang}.md`), 'utf8'));

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
    // The first import on a computer also says it created the key; the guide shows that line apart.
    terminal(['import', 'class-40.en.csv', '--out', join(s.dir, 'first'), '--lang', lang]);
  });
  afterAll(() => s.done());

  it('has the four walk-through commands', () => {
    expect(found.map(({ args }) => args.slice(0, 2).join(' '))).toEqual([
      `import class-40.${lang === 'en' ? 'en.csv' : 'zh.gb18030.csv'}`,
      'import grade-7.xlsx',
      'import template',
      'import messy.csv',
    ]);
  });

  it.each(found.map((t) => [t.line, t] as const))('line %i: prints what the guide shows', (line, { args, output }) => {
    // A transcript of a first import (it shows the key being created) runs with a config folder of its own.
    const config = output.includes('pseudonym.key') ? { TRIAGE_CONFIG_DIR: join(s.dir, `config-${line}`) } : env;
    expect(terminal(args, config)).toMatch(shownAs(output));
  });
});
