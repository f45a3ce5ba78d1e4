import { readFileSync } from 'node:fs';
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
