import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

const HEADER = 'student_id,name,PHQA1,PHQA2,PHQA3,PHQA4,PHQA5,PHQA6,PHQA7,PHQA8,PHQA9,PHQA_c,PHQA_d';
const row = (id: string, name: string) => `${id},${name},1,1,1,1,1,1,1,1,0,0,0`;

describe('triage import: CSV encodings', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const run = (args: readonly string[]) => runCli(args, env);
  afterAll(() => s.done());

  // Two class files pasted together: a UTF-8 header and row, then rows in GB18030. The UTF-8 part has an even number
  // of bytes of Chinese, so the whole file also decodes as GB18030 (学号 as 瀛﹀彿): it must fail, not read as that.
  // Six lines in the other encoding: more than the damaged lines an import rejects one by one.
  const utf8Part = Buffer.from(`学号,姓名${HEADER.slice(15)}\n${row('600000000001', '张三')}\n`, 'utf8');
  const gbRows = [2, 3, 4, 5, 6, 7].map((n) => `${row(`60000000000${n}`, '李四')}\n`).join('');
  const mixed = s.write('mixed.csv', Buffer.concat([utf8Part, iconv.encode(gbRows, 'gb18030')]));

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

  // UTF-8 with a bad byte on line 3, after Chinese on the same line, and on the six lines after it.
  const good = Buffer.from(`${HEADER}\n${row('600000000001', 'A')}\n600000000002,张`, 'utf8');
  const damagedLine = (id: string) =>
    Buffer.concat([Buffer.from(`${id},张`), Buffer.from([0xff]), Buffer.from(',1,1,1,1,1,1,1,1,0,0,0\n')]);
  const badUtf8 = s.write(
    'bad-utf8.csv',
    Buffer.concat([
      good,
      Buffer.from([0xff]),
      Buffer.from(',1,1,1,1,1,1,1,1,0,0,0\n'),
      ...[3, 4, 5, 6, 7, 8].map((n) => damagedLine(`60000000000${n}`)),
    ]),
  );

  it('names UTF-8 for a UTF-8 file with bad bytes line after line, with the first line and byte; suggests no encoding that cannot read it either', () => {
    const r = run(['import', badUtf8, '--out', join(s.dir, 'bad'), '--no-input']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `bad-utf8.csv:3: not valid UTF-8 (detected) from this line on (byte offset ${good.length}), nor in any other encoding triage reads`,
    );
    expect(r.stderr).not.toContain('try --encoding');
  });

  // Excel's "CSV (Comma delimited)" on a Western Windows: Windows-1252, which no encoding triage reads can decode.
  it('tells a Windows-1252 file to be saved as CSV UTF-8, suggesting no --encoding that cannot read it', () => {
    const text = 'student_id,name,PHQA1,PHQA2,PHQA3,PHQA4,PHQA5,PHQA6,PHQA7,PHQA8,PHQA9,PHQA_c,PHQA_d\n';
    // More rows than the few damaged lines an import reads past (their bad bytes only in the name, never read).
    const rows = [1, 2, 3, 4, 5, 6, 7].map((n) => `${row(`60000000000${n}`, 'José Müller')}\n`).join('');
    const file = s.write('win1252.csv', iconv.encode(`${text}${rows}`, 'win1252'));
    for (const lang of ['en', 'zh']) {
      const r = run(['import', file, '--out', join(s.dir, `win1252-${lang}`), '--no-input', '--lang', lang]);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toContain('--encoding');
      expect(r.stderr).toContain(lang === 'en' ? 'save it as "CSV UTF-8"' : '另存为“CSV UTF-8”');
    }
  });

  it('suggests only an encoding that reads the file: GB18030 for a GB18030 file, never UTF-16', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].map((n) => `${row(`60000000000${n}`, '张测试')}\n`).join('');
    const gb = s.write('gb.csv', iconv.encode(`${HEADER}\n${rows}`, 'gb18030'));
    const r = run(['import', gb, '--out', join(s.dir, 'gb-as-utf8'), '--no-input', '--encoding', 'utf-8']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('expected one encoding for the whole file: try --encoding gb18030\n');
  });

  describe('a few damaged lines (a download cut off inside a character, a byte damaged in transit)', () => {
    const lines = [HEADER, ...[1, 2, 3, 4].map((n) => row(`60000000000${n}`, `学生${n}`))].join('\n');
    const utf8 = Buffer.from(`${lines}\n`, 'utf8');
    /** The file with its first `needle` replaced by a 0xFF byte (no character in UTF-8 or GB18030). */
    const damage = (text: Buffer, needle: string) => {
      const k = text.indexOf(needle);
      return Buffer.concat([text.subarray(0, k), Buffer.from([0xff]), text.subarray(k + Buffer.byteLength(needle))]);
    };

    it('rejects a row whose answer cell is damaged (line, column, IMPORT_CELL_UNREADABLE, urgent when critical) and scores the rest', () => {
      // Line 3's PHQA9 cell (the 11th field, a critical item: unreadable is unknown, so urgent) becomes 0xFF.
      const text = Buffer.from(utf8.toString().replace('学生2,1,1,1,1,1,1,1,1,0', '学生2,1,1,1,1,1,1,1,1,X'));
      const file = s.write('damaged-answer.csv', damage(text, 'X'));
      const out = join(s.dir, 'damaged-answer');
      const r = run(['import', file, '--out', out, '--no-input']);
      expect(r.status).toBe(3);
      expect(r.stdout).toContain('4 rows read: 3 scored, 1 rejected');
      const errors = readOutputCsv(join(out, 'errors.csv'));
      expect(errors.rows).toHaveLength(1);
      expect(errors.rows[0]).toMatchObject({ _line: '3', _code: 'IMPORT_CELL_UNREADABLE', _column: '11' });
      expect(errors.rows[0]?._message).toContain("not text in the file's encoding");
      expect(errors.rows[0]?._urgent).toBe('yes');
      expect(readOutputCsv(join(out, 'results.csv')).rows.map((row) => row.line)).toEqual(['2', '4', '5']);
    });

    it('scores a row whose only damaged cell is the name, which is never read', () => {
      const file = s.write('damaged-name.csv', damage(utf8, '生'));
      const r = run(['import', file, '--out', join(s.dir, 'damaged-name'), '--no-input']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('4 rows read: 4 scored, 0 rejected');
    });

    it('rejects the last row of a GB18030 file cut off inside a character, and scores the rest', () => {
      // The last cell of every row is the student's sex (女): read, so a cut one cannot be scored.
      const [head, ...rows] = lines.split('\n');
      const gb = iconv.encode([`${head},sex`, ...rows.map((r) => `${r},女`)].join('\n'), 'gb18030');
      const file = s.write('cut.csv', gb.subarray(0, gb.length - 1));
      const out = join(s.dir, 'cut');
      const r = run(['import', file, '--out', out, '--no-input', '--lang', 'zh']);
      expect(r.stderr).toContain('GB18030');
      expect(r.status).toBe(3);
      expect(r.stdout).toContain('读取 4 行：计分 3，拒收 1');
      const errors = readOutputCsv(join(out, 'errors.csv'));
      expect(errors.rows.map((row) => [row._line, row._code])).toEqual([['5', 'IMPORT_CELL_UNREADABLE']]);
      expect(errors.rows[0]?._message).toContain('不符合文件编码');
    });
  });

  it('never suggests the encoding that was asked for and failed', () => {
    const r = run(['import', badUtf8, '--out', join(s.dir, 'bad-gb'), '--no-input', '--encoding', 'gb18030']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad-utf8.csv:3: not valid GB18030 from this line on');
    expect(r.stderr).not.toContain('try --encoding gb18030');
  });

  // QA round 11, LOW-2: a wrong --encoding on purpose.
  it.each(['utf-16le', 'utf-16be'])('suggests UTF-8 alone for a UTF-8 file with its BOM read as %s', (encoding) => {
    const file = s.write('bom.csv', `\ufeff${HEADER}\r\n${row('600000000001', '张三')}\r\n`);
    const r = run(['import', file, '--out', join(s.dir, `bom-${encoding}`), '--no-input', '--encoding', encoding]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('expected one encoding for the whole file: try --encoding utf-8\n');
  });

  it('says a header read as garbage may be the --encoding given, before the delimiter', () => {
    const file = s.write('plain-utf8.csv', `学号,${HEADER.slice(11)}\r\n${row('600000000001', '张三')}\r\n`);
    const r = run(['import', file, '--out', join(s.dir, 'plain-as-16'), '--no-input', '--encoding', 'utf-16le']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'The file was read as UTF-16LE because --encoding says so; expected headers that read as text: if they look garbled, the encoding is wrong: run without --encoding (triage detects it).',
    );
    // Detected, the same file says nothing of it.
    const detected = run(['import', file, '--out', join(s.dir, 'plain-detected'), '--no-input', '-i', 'sds']);
    expect(detected.stderr).not.toContain('because --encoding says so');
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
