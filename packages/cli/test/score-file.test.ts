import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const tmp = scratch();
afterAll(() => tmp.done());

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (readonly number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const BOM = [0xef, 0xbb, 0xbf];

// GB18030 bytes written by hand (Node has no GB18030 encoder); the first test checks them with TextDecoder.
const GB = {
  学号: [0xd1, 0xa7, 0xba, 0xc5],
  班级: [0xb0, 0xe0, 0xbc, 0xb6],
  好几天: [0xba, 0xc3, 0xbc, 0xb8, 0xcc, 0xec],
} as const;

describe('triage score --file', () => {
  it('reads a UTF-8 CSV with BOM, Chinese headers and labels', () => {
    const file = tmp.write(
      'bom.csv',
      bytes(
        BOM,
        utf8('学号,班级,姓名,第1题,第2题,第3题,第4题,第5题,第6题,第7题,第8题,第9题\r\n'),
        utf8('S001,初一(1)班,张三丰,1,1,好几天,0,0,0,0,0,0\r\n'),
        utf8('S002,初一(1)班,李四光,3,3,3,3,3,3,3,3,1\r\n'),
      ),
    );
    const r = runCli(['score', 'phq-9', '--file', file, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ source: 'file', encoding: 'utf-8', bom: true, delimiter: ',' });
    expect(out.columns.id).toBe('学号');
    expect(out.rows.map((x: { id: string; score: { total: number } }) => [x.id, x.score.total])).toEqual([
      ['S001', 3],
      ['S002', 25],
    ]);
    expect(out.rows[1].score.flags[0]).toMatchObject({ item: '9', status: 'positive' });
    expect(out.summary).toEqual({ rows: 2, scored: 2, rejected: 0, blankLines: 0, flagged: 1 });
    expect(r.stderr).toContain('read as UTF-8 with BOM (detected)');
    // Name columns are never read, so never printed.
    expect(r.stdout + r.stderr).not.toMatch(/张三丰|李四光/);
  });

  it.each([
    ['after the last line', 'A,2,2,2,2,2,2,0,0,1\r\n\x1a'],
    ['stuck to the last cell', 'A,2,2,2,2,2,2,0,0,1\x1a'],
  ])('reads a DOS end-of-file mark (Ctrl-Z) %s as the end of the file', (_, last) => {
    const file = tmp.write('ctrl-z.csv', utf8(`id,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\r\n${last}`));
    const r = runCli(['score', 'phq-9', '--file', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ rows: 1, scored: 1, rejected: 0 });
    expect(out.rows[0].score.total).toBe(13);
  });

  it("refuses UTF-32 text (its byte-order mark starts as UTF-16LE's) as import does, exit 1", () => {
    const text = 'id,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\r\nA,2,2,2,2,2,2,0,0,1\r\n';
    const utf32 = bytes([0xff, 0xfe, 0, 0], ...[...text].map((c) => [c.charCodeAt(0), 0, 0, 0]));
    const r = runCli(['score', 'phq-9', '--file', tmp.write('utf32.csv', utf32)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('UTF-32 text, which triage does not read');
  });

  it('prints a table in the chosen language', () => {
    const file = tmp.write('table.csv', utf8('id,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\nA,2,2,2,2,2,2,0,0,0\n'));
    const r = runCli(['score', 'phq-9', '-f', file, '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^行\s+总分\s+分级\s+标记\s+提示/);
    expect(r.stdout).toMatch(/A\s+12\s+中度/);
    expect(r.stderr).toContain('已计分 1 行');
  });

  it('knows the GB18030 bytes it uses', () => {
    const decode = (b: readonly number[]) => new TextDecoder('gb18030').decode(Uint8Array.from(b));
    expect([decode(GB.学号), decode(GB.班级), decode(GB.好几天)]).toEqual(['学号', '班级', '好几天']);
  });

  it('detects a GB18030 CSV without BOM (Excel on Chinese Windows)', () => {
    const file = tmp.write(
      'gbk.csv',
      bytes(
        GB.学号,
        utf8(','),
        GB.班级,
        utf8(',1,2,3,4,5,6,7,8,9\r\n'),
        utf8('G01,1,'),
        GB.好几天,
        utf8(',1,1,1,1,1,1,1,0\r\nG02,2,0,0,0,0,0,0,0,0,0\r\n'),
      ),
    );
    const r = runCli(['score', 'phq-9', '--file', file, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(out.columns.id).toBe('学号');
    expect(out.rows.map((x: { id: string; score: { total: number } }) => [x.id, x.score.total])).toEqual([
      ['G01', 8],
      ['G02', 0],
    ]);
    expect(r.stderr).toContain('read as GB18030 (detected)');
  });

  it('fails with exit 1 when a GB18030 file is forced to UTF-8', () => {
    const file = tmp.write('gbk-forced.csv', bytes(GB.学号, utf8(',1,2,3,4,5,6,7,8,9\n')));
    const r = runCli(['score', 'phq-9', '--file', file, '--encoding', 'utf-8']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/gbk-forced.csv:1: not valid UTF-8 from this line on .*try --encoding gb18030/);
  });

  // Excel on zh-TW/zh-HK Windows saves a CSV in Big5: read as `triage import` reads it, detected or named.
  it.each([
    ['detected', []],
    ['--encoding big5', ['--encoding', 'big5']],
  ])('reads a Big5 CSV (%s)', (_how, flags) => {
    const text =
      '學號,班級,姓名,第1題,第2題,第3題,第4題,第5題,第6題,第7題,第8題,第9題\r\nB01,國一甲,陳小明,1,1,1,1,1,1,1,1,0\r\n';
    const file = tmp.write('big5.csv', iconv.encode(text, 'big5'));
    const r = runCli(['score', 'phq-9', '--file', file, '--json', ...flags]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ encoding: 'big5', summary: { scored: 1 } });
    expect(r.stderr).toContain(`read as Big5 (${flags.length ? '--encoding' : 'detected'})`);
  });

  // Headers as `triage import` reads them: a zh-TW 學號, and 腾讯问卷's question number before GAD-7's own header.
  it.each([
    {
      name: 'a traditional-Chinese 學號',
      instrument: 'phq-9',
      bytes: utf8('學號,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\r\nB01,1,1,1,1,1,1,1,1,0\r\n'),
      id: '學號',
      items: ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9'],
      rows: [['B01', 8]],
    },
    {
      name: 'a 腾讯问卷 export, Q7:GAD-7 1 …',
      instrument: 'gad-7',
      bytes: utf8(
        'Q1:学号,Q2:姓名,Q7:GAD-7 1,Q8:GAD-7 2,Q9:GAD-7 3,Q10:GAD-7 4,Q11:GAD-7 5,Q12:GAD-7 6,Q13:GAD-7 7\n' +
          'T01,甲,3,0,0,0,0,0,1\n',
      ),
      id: 'Q1:学号',
      items: ['Q7:GAD-7 1', 'Q8:GAD-7 2', 'Q9:GAD-7 3', 'Q10:GAD-7 4', 'Q11:GAD-7 5', 'Q12:GAD-7 6', 'Q13:GAD-7 7'],
      rows: [['T01', 4]],
    },
  ])('reads $name as import does', ({ instrument, bytes: content, id, items, rows }) => {
    const r = runCli(['score', instrument, '--file', tmp.write(`${instrument}-import-headers.csv`, content), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.columns.id).toBe(id);
    expect(out.columns.items.map((c: { item: string; header: string }) => [c.item, c.header])).toEqual(
      items.map((header, i) => [String(i + 1), header]),
    );
    expect(out.rows.map((x: { id: string; score: { total: number } }) => [x.id, x.score.total])).toEqual(rows);
  });

  it('takes every encoding `triage import` takes: gbk reads as GB18030, utf-16be', () => {
    const gbk = tmp.write('gbk-named.csv', bytes(GB.学号, utf8(',1,2,3,4,5,6,7,8,9\r\nK1,0,0,0,0,0,0,0,0,0\r\n')));
    const r = runCli(['score', 'phq-9', '--file', gbk, '--encoding', 'gbk', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'gb18030', summary: { scored: 1 } });
    const be = tmp.write('be.csv', iconv.encode('id,1,2,3,4,5,6,7,8,9\nE1,0,0,0,0,0,0,0,0,0\n', 'utf-16be'));
    const r2 = runCli(['score', 'phq-9', '--file', be, '--encoding', 'utf-16be', '--json']);
    expect(r2.status).toBe(0);
    expect(JSON.parse(r2.stdout)).toMatchObject({ encoding: 'utf-16be', summary: { scored: 1 } });
  });

  it('reads a tab-delimited UTF-16LE export', () => {
    const text = '学号\tQ1\tQ2\tQ3\tQ4\tQ5\tQ6\tQ7\tQ8\tQ9\r\nT1\t1\t1\t1\t1\t1\t1\t1\t1\t0\r\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = runCli(['score', 'phq-9', '--file', tmp.write('unicode.txt', bytes([0xff, 0xfe], le)), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', summary: { scored: 1 } });
  });

  it('scores the good rows, rejects the bad ones with line and column, and exits 3', () => {
    const file = tmp.write(
      'mixed.csv',
      utf8(
        [
          '学号,姓名,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9', // line 1
          'R1,王小明,1,1,1,1,1,1,1,1,0', // 2 scored
          'R2,王小红,1,1,9876,1,1,1,1,1,0', // 3 out of range: column 5 (Q3)
          '', // 4 blank
          'R3,王小刚,1,1,1,1,1,1,1,1', // 5 too few fields
          '"R4","王小丽",1,1,1,1,1,1,1,1,"never-ever"', // 6 unknown label: column 11 (Q9)
          'R5,王小华,,1,1,1,1,1,1,1,1', // 7 scored (prorated), critical positive
        ].join('\n'),
      ),
    );
    const r = runCli(['score', 'phq-9', '--file', file, '--json']);
    expect(r.status).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ rows: 5, scored: 2, rejected: 3, blankLines: 1, flagged: 1 });
    // Every data line is in exactly one place.
    const lines = [...out.rows, ...out.rejected].map((x: { line: number }) => x.line).sort((a, b) => a - b);
    expect(lines).toEqual([2, 3, 5, 6, 7]);
    expect(
      out.rejected.map((x: { line: number; issues: { column: number | null; header: string | null }[] }) => [
        x.line,
        x.issues[0]?.column,
        x.issues[0]?.header,
      ]),
    ).toEqual([
      [3, 5, 'Q3'],
      [5, null, null],
      [6, 11, 'Q9'],
    ]);
    expect(r.stderr).toContain(`${file}:3, column 5 (Q3): item 3: answer out of range, expected 0–3`);
    expect(r.stderr).toContain(`${file}:5: row has 10 fields, header has 11`);
    expect(r.stderr).toContain(`${file}:6, column 11 (Q9): item 9: unrecognised answer`);
    expect(r.stderr).toContain('5 rows: 2 scored, 3 rejected, 1 blank line skipped');
    // Neither the rejected values nor any name reaches stdout or stderr.
    expect(r.stdout + r.stderr).not.toMatch(/9876|never-ever|王小/);
  });

  it('says the same in Chinese', () => {
    const file = tmp.write(
      'mixed-zh.csv',
      utf8('学号,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\nR1,0,0,0,0,0,0,0,0,0\nR2,0,0,0,0,0,0,0,0,4\n'),
    );
    const r = runCli(['score', 'phq-9', '--file', file, '--lang', 'zh']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`拒收：${file} 第3行，第10列（Q9）：第9题的答案超出范围：应为 0–3`);
  });

  it('exits 1 when every row is rejected', () => {
    const file = tmp.write('all-bad.csv', utf8('Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n5,0,0,0,0,0,0,0,0\n'));
    const r = runCli(['score', 'phq-9', '--file', file, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ scored: 0, rejected: 1 });
  });

  it.each([
    { name: 'a missing file', content: null, text: 'file not found', code: 'CLI_FILE_NOT_FOUND' },
    { name: 'an empty file', content: '', text: 'the file is empty', code: 'CLI_NO_DATA' },
    { name: 'a header without rows', content: '1,2,3,4,5,6,7,8,9\n', text: 'no data rows', code: 'CLI_NO_DATA' },
    {
      name: 'a missing item column',
      content: '学号,1,2,3,4,5,6,7,8\nA,0,0,0,0,0,0,0,0\n',
      text: ':1: no column for PHQ-9 item 9',
      code: 'CLI_COLUMNS',
    },
    {
      name: 'no header row',
      content: 'S001,1,2,0,1,0,0,1,0,1\nS002,1,2,0,1,0,0,1,0,1\n',
      text: ':1: several item columns have the same header, so the first row looks like answers',
      code: 'CLI_COLUMNS',
    },
    {
      name: 'an unclosed quote',
      content: '1,2,3,4,5,6,7,8,9\n0,0,0,0,0,0,0,0,"0\n',
      text: ':2: a quoted field opened on this line is never closed',
      code: 'CLI_CSV_SYNTAX',
    },
  ])('exits 1 on $name', ({ content, text, code }) => {
    const file = content === null ? `${tmp.dir}/does-not-exist.csv` : tmp.write(`${code}.csv`, utf8(content));
    const r = runCli(['score', 'phq-9', '--file', file, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe(code);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown instrument or a file-only flag without --file', () => {
    expect(runCli(['score', 'phq-99', '--file', 'x.csv']).status).toBe(2);
    expect(runCli(['score', 'phq-9', '--answers', '0', '--encoding', 'gb18030']).status).toBe(2);
  });

  it('scores the README quick-start example with exit 0', () => {
    const example = fileURLToPath(new URL('../../../examples/phq-9-responses.csv', import.meta.url));
    const r = runCli(['score', 'phq-9', '--file', example, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ encoding: 'utf-8', bom: true, summary: { rejected: 0, flagged: 1 } });
    expect(out.summary.scored).toBeGreaterThanOrEqual(10);
    expect(out.rows.some((x: { score: { prorated: boolean } }) => x.score.prorated)).toBe(true);
  });
});
