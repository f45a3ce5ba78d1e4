import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const HEADER = 'student_id,name,PHQA1,PHQA2,PHQA3,PHQA4,PHQA5,PHQA6,PHQA7,PHQA8,PHQA9,PHQA_c,PHQA_d';
const row = (id: string, name: string) => `${id},${name},1,1,1,1,1,1,1,1,0,0,0`;

// A GB18030 class file with UTF-8 rows pasted under it. 学号,姓名 and the names are an even number of UTF-8 bytes,
// so the whole file also decodes as GB18030, the UTF-8 rows as garbage (李四 as 鏉庡洓): it must fail at line 3.
const gbPart = iconv.encode(`学号,姓名${HEADER.slice(15)}\r\n${row('600000000001', '张三')}\r\n`, 'gb18030');
const utf8Part = Buffer.from(`${row('600000000002', '李四')}\r\n${row('600000000003', '王五')}\r\n`, 'utf8');
const offset = gbPart.length + '600000000002,'.length;

describe('CSV files with GB18030 rows, then UTF-8 rows', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const run = (args: readonly string[]) => runCli(args, env);
  afterAll(() => s.done());
  const mixed = s.write('gb-then-utf8.csv', Buffer.concat([gbPart, utf8Part]));

  it('triage import fails at the line where UTF-8 starts, and writes no results', () => {
    const r = run(['import', mixed, '--out', join(s.dir, 'out'), '--no-input']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `gb-then-utf8.csv:3: not valid GB18030 (detected) from this line on (byte offset ${offset}), though the lines above are GB18030 text: the file mixes two encodings`,
    );
    expect(r.stderr).not.toContain('--encoding utf-8');
    expect(r.stderr).not.toMatch(/张|李|鏉/);
    expect(() => readFileSync(join(s.dir, 'out', 'results.csv'))).toThrow();
  });
});

describe('an import that meets other-encoded rows deep in a file', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  // 60,000 UTF-8 rows (many batches and a checkpoint written), then a class's GB18030 rows pasted under them: more
  // than a few damaged lines, so the file fails.
  const utf8Rows = Array.from({ length: 60_000 }, (_, i) => `${row(String(700000000000 + i), '张三')}\n`).join('');
  const path = s.write(
    'long-then-gb.csv',
    Buffer.concat([
      Buffer.from(`学号,姓名${HEADER.slice(15)}\n${utf8Rows}`),
      iconv.encode(`${row('700000099999', '李四')}\n`.repeat(10), 'gb18030'),
    ]),
  );

  it('leaves no partial results or journal behind: --resume would stop at the same line', () => {
    const fresh = join(s.dir, 'fresh');
    const r = runCli(['import', path, '--out', fresh, '--no-input'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('long-then-gb.csv:60002: not valid UTF-8 (detected) from this line on');
    expect(existsSync(fresh)).toBe(false);
    // A folder that holds something else keeps it, and only it.
    const shared = join(s.dir, 'shared');
    mkdirSync(shared);
    s.write('shared/notes.txt', 'kept');
    expect(runCli(['import', path, '--out', shared, '--no-input'], env).status).toBe(1);
    expect(readdirSync(shared)).toEqual(['notes.txt']);
  });
});

describe('triage score --file on files that mix GB18030 and UTF-8', () => {
  const s = scratch();
  afterAll(() => s.done());
  const header = '学号,姓名,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n';
  const answers = (id: string, name: string) => `${id},${name},1,1,1,1,1,1,1,1,0\n`;
  const first = `${header}${answers('S1', '张三')}`;
  const second = answers('S2', '李四');

  // Both files also decode whole as GB18030, as whole-file UTF-8-else-GB18030 decoding read them: with garbage.
  it.each([
    { name: 'GB18030, then UTF-8', file: 'gb-utf8.csv', parts: [iconv.encode(first, 'gb18030'), Buffer.from(second)] },
    { name: 'UTF-8, then GB18030', file: 'utf8-gb.csv', parts: [Buffer.from(first), iconv.encode(second, 'gb18030')] },
  ])('fails on $name at line 3, as import does, in English and Chinese', ({ file, parts }) => {
    const path = s.write(file, Buffer.concat(parts));
    const offset = (parts[0] as Buffer).length + 'S2,'.length;
    const encoding = file.startsWith('gb') ? 'GB18030' : 'UTF-8';
    const en = runCli(['score', 'phq-9', '--file', path]);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(
      `${file}:3: not valid ${encoding} (detected) from this line on (byte offset ${offset}), though the lines above are ${encoding} text: the file mixes two encodings`,
    );
    expect(en.stdout).toBe('');
    const zh = runCli(['score', 'phq-9', '--file', path, '--lang', 'zh']);
    expect(zh.stderr).toContain(`${file}:3：从此行起不是有效的 ${encoding} 文本（自动识别的编码，字节偏移 ${offset}）`);
    expect(zh.stderr).toContain('混用了两种编码');
  });
});
