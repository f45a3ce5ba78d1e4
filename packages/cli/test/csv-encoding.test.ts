import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const HEADER = 'student_id,name,PHQA1,PHQA2,PHQA3,PHQA4,PHQA5,PHQA6,PHQA7,PHQA8,PHQA9,PHQA_c,PHQA_d';
const row = (id: string, name: string) => `${id},${name},1,1,1,1,1,1,1,1,0,0,0`;

describe('triage import: CSV encodings', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const run = (args: readonly string[]) => runCli(args, env);
  afterAll(() => s.done());

  // Two class files pasted together: a UTF-8 header and row, then a row in GB18030. The UTF-8 part has an even number
  // of bytes of Chinese, so the whole file also decodes as GB18030 (学号 as 瀛﹀彿): it must fail, not read as that.
  const utf8Part = Buffer.from(`学号,姓名${HEADER.slice(15)}\n${row('600000000001', '张三')}\n`, 'utf8');
  const mixed = s.write(
    'mixed.csv',
    Buffer.concat([utf8Part, iconv.encode(`${row('600000000002', '李四')}\n`, 'gb18030')]),
  );

  it('fails on a file mixing UTF-8 and GB18030, at the line where UTF-8 stops, and writes no results', () => {
    const r = run(['import', mixed, '--out', join(s.dir, 'mixed-out'), '--no-input']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `mixed.csv:3: not valid UTF-8 (detected) from this line on (byte offset ${utf8Part.length + '600000000002,'.length})`,
    );
    expect(r.stderr).toContain('the file mixes two encodings');
    expect(r.stderr).not.toContain('--encoding gb18030');
    expect(r.stderr).not.toMatch(/张|李/);
    expect(() => readFileSync(join(s.dir, 'mixed-out', 'results.csv'))).toThrow();
  });

  it('says so in Chinese too', () => {
    const r = run(['import', mixed, '--out', join(s.dir, 'mixed-zh'), '--no-input', '--lang', 'zh']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('mixed.csv:3：从此行起不是有效的 UTF-8 文本（自动识别的编码，字节偏移');
    expect(r.stderr).toContain('混用了两种编码');
  });

  // UTF-8 with one bad byte on line 3, after Chinese on the same line.
  const good = Buffer.from(`${HEADER}\n${row('600000000001', 'A')}\n600000000002,张`, 'utf8');
  const badUtf8 = s.write(
    'bad-utf8.csv',
    Buffer.concat([good, Buffer.from([0xff]), Buffer.from(',1,1,1,1,1,1,1,1,0,0,0\n')]),
  );

  it('names UTF-8 for a UTF-8 file with a bad byte, with the line and byte, and suggests the other encodings', () => {
    const r = run(['import', badUtf8, '--out', join(s.dir, 'bad'), '--no-input']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `bad-utf8.csv:3: not valid UTF-8 (detected) from this line on (byte offset ${good.length}); expected one encoding for the whole file: try --encoding gb18030 (or utf-16le)`,
    );
  });

  it('never suggests the encoding that was asked for and failed', () => {
    const r = run(['import', badUtf8, '--out', join(s.dir, 'bad-gb'), '--no-input', '--encoding', 'gb18030']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad-utf8.csv:3: not valid GB18030 from this line on');
    expect(r.stderr).toContain('try --encoding utf-8 (or utf-16le)');
    expect(r.stderr).not.toContain('--encoding gb18030');
  });

  it.each([
    { name: 'UTF-16LE', encode: (t: string) => Buffer.from(t, 'utf16le'), encoding: 'UTF-16LE' },
    { name: 'UTF-16BE', encode: (t: string) => Buffer.from(t, 'utf16le').swap16(), encoding: 'UTF-16BE' },
  ])('reads Excel "Unicode text" in $name without a byte-order mark', ({ name, encode, encoding }) => {
    const text = `${HEADER}\r\n${row('600000000001', '张测试')}\r\n`.replaceAll(',', '\t');
    const file = s.write(`${name}.txt`, encode(text));
    const r = run(['import', file, '--out', join(s.dir, name), '--no-input']);
    expect(r.stderr).toContain(`read as ${encoding} (detected), delimiter tab`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 row read: 1 scored, 0 rejected');
  });
});
