import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvRecord } from './csv-parser.ts';
import { CsvDecodeError, isCsvDecodeError } from './decode-error.ts';
import { type CsvDialect, type OpenCsvOptions, openCsv } from './open-csv.ts';
import { readCsv } from './read-csv.ts';

let dir = '';
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'open-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${files++}.csv`);
  await writeFile(path, bytes);
  return path;
}

async function readAll(path: string, options: OpenCsvOptions = {}) {
  const { dialect, batches } = await openCsv(path, options);
  const records: CsvRecord[] = [];
  let count = 0;
  for await (const batch of batches) {
    count++;
    records.push(...batch);
  }
  return { dialect, records, batches: count };
}

async function decodeError(path: string, options: OpenCsvOptions = {}): Promise<CsvDecodeError> {
  const error = await readAll(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCsvDecodeError(error)) throw new Error(`expected a CsvDecodeError, got ${String(error)}`);
  return error;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const gb18030 = (text: string) => iconv.encode(text, 'gb18030');
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8Bom = (text: string) => Buffer.concat([Buffer.from(UTF8_BOM), utf8(text)]);
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

const CHUNK_SIZES = [...Array.from({ length: 16 }, (_, k) => k + 1), undefined];

describe('openCsv, every chunk size from 1 to 16 bytes and the default', () => {
  it.each([
    { name: 'CRLF, quoted line breaks', text: 'h1,h2\r\n"a\r\nb",2\r\nnext,3\r\n', encode: utf8, encoding: 'utf-8' },
    { name: 'lone CR line ends', text: 'a,b\r"x\ry",2\r\r3,4', encode: utf8, encoding: 'utf-8' },
    { name: 'doubled quotes', text: '"say ""hi""",""""\n"",x\n', encode: utf8, encoding: 'utf-8' },
    { name: 'Chinese, UTF-8', text: '学号,姓名,第1题\nS1,"张,三",好几天\n', encode: utf8, encoding: 'utf-8' },
    {
      name: 'Chinese, GB18030',
      text: '学号,姓名,第1题\r\nS1,"张,三",好几天\r\n',
      encode: gb18030,
      encoding: 'gb18030',
    },
    {
      name: '4-byte GB18030 characters',
      text: '姓名,备注\r\n㐀𠀀,"𠀀\r\n㐀"\r\n',
      encode: gb18030,
      encoding: 'gb18030',
    },
    { name: '4-byte UTF-8 characters', text: '姓名,备注\n😀,"𠀀\n😀"\n', encode: utf8, encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', text: '学号,姓名\nS1,张三\n', encode: utf8Bom, encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM, tabs', text: '学号\t姓名\r\nS1\t"张\t三"\r\n', encode: utf16le, encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', text: '学号,姓名\r\nS1,张三\r\n', encode: utf16be, encoding: 'utf-16be' },
    { name: 'unterminated quote at the end', text: 'h\n1\n"open,2\r\n3\r', encode: utf8, encoding: 'utf-8' },
    { name: 'delimiter at the very end', text: 'a,b\n1,', encode: utf8, encoding: 'utf-8' },
    { name: 'blank lines and padded rows', text: 'a,b\n\n,\r\n\r\n1,2', encode: utf8, encoding: 'utf-8' },
    { name: 'text after a closing quote', text: 'a,b\n"x"y,"z""\n"\n', encode: utf8, encoding: 'utf-8' },
  ])('$name', async ({ text, encode, encoding }) => {
    const path = await tempFile(encode(text));
    const delimiter = encoding.startsWith('utf-16le') ? '\t' : ',';
    const expected = [...readCsv(text, { delimiter })];
    for (const chunkSize of CHUNK_SIZES) {
      const read = await readAll(path, chunkSize === undefined ? {} : { chunkSize });
      expect(read.dialect, `chunk ${chunkSize}`).toMatchObject({ encoding, delimiter });
      expect(read.records, `chunk ${chunkSize}`).toEqual(expected);
    }
  });

  it('yields the records of a chunk in batches of at most 1,024', async () => {
    const text = Array.from({ length: 3000 }, (_, k) => `S${k},${k}\n`).join('');
    const path = await tempFile(utf8(text));
    const { batches } = await openCsv(path);
    const sizes: number[] = [];
    for await (const batch of batches) sizes.push(batch.length);
    expect(sizes).toEqual([1024, 1024, 952]);
    const small = await readAll(path, { chunkSize: 16 });
    expect(small.batches).toBeGreaterThan(1000);
    expect(small.records).toEqual([...readCsv(text, { delimiter: ',' })]);
  });
});

describe('openCsv dialect', () => {
  const dialect = (encoding: string, delimiter: string, bom = false, detected = true): CsvDialect =>
    ({ encoding, bom, detected, delimiter }) as CsvDialect;
  it.each([
    { name: 'UTF-8 with BOM', bytes: utf8Bom('学号,姓名\n'), dialect: dialect('utf-8', ',', true) },
    { name: 'UTF-8 without BOM', bytes: utf8('学号,姓名\n'), dialect: dialect('utf-8', ',') },
    { name: 'ASCII', bytes: utf8('id,name\n'), dialect: dialect('utf-8', ',') },
    { name: 'GB18030 without BOM', bytes: gb18030('学号,姓名\n'), dialect: dialect('gb18030', ',') },
    { name: 'UTF-16LE "Unicode text"', bytes: utf16le('学号\t姓名\r\n'), dialect: dialect('utf-16le', '\t', true) },
    { name: 'UTF-16BE with BOM', bytes: utf16be('学号\t姓名\r\n'), dialect: dialect('utf-16be', '\t', true) },
    { name: 'semicolons', bytes: utf8('学号;姓名;备注\n1;2,5;3\n'), dialect: dialect('utf-8', ';') },
    { name: 'pipes', bytes: utf8('a|b|c,d\n'), dialect: dialect('utf-8', '|') },
    { name: 'tabs', bytes: utf8('a\tb\tc\n'), dialect: dialect('utf-8', '\t') },
    { name: 'a tie', bytes: utf8('a;b,c\n'), dialect: dialect('utf-8', ',') },
    { name: 'delimiters inside quotes', bytes: utf8('"a,b,c";d;e\n'), dialect: dialect('utf-8', ';') },
    { name: 'quoted line break in the header', bytes: utf8('"a\n,,,";b;c\n'), dialect: dialect('utf-8', ';') },
    { name: 'blank lines before the header', bytes: utf8('\n  \n\t\r\na;b\n'), dialect: dialect('utf-8', ';') },
    { name: 'a header without line break', bytes: utf8('a|b'), dialect: dialect('utf-8', '|') },
    { name: 'an empty file', bytes: utf8(''), dialect: dialect('utf-8', ',') },
    {
      name: 'UTF-16LE without BOM',
      bytes: Buffer.from('学号\t姓名\tPHQA1\r\n1\t张三\t0\r\n', 'utf16le'),
      dialect: dialect('utf-16le', '\t'),
    },
    {
      name: 'UTF-16BE without BOM',
      bytes: Buffer.from('学号\t姓名\tPHQA1\r\n1\t张三\t0\r\n', 'utf16le').swap16(),
      dialect: dialect('utf-16be', '\t'),
    },
    {
      name: 'tabs, with more commas than tabs in the header text',
      bytes: utf8('id\tname\tPHQ-A 1. down, depressed, hopeless\tPHQ-A 2. interest, pleasure, fun\n1\tA\t1\t1\n'),
      dialect: dialect('utf-8', '\t'),
    },
  ])('$name', async ({ bytes, dialect }) => {
    const path = await tempFile(bytes);
    for (const chunkSize of [1, 2, 5, undefined]) {
      expect((await openCsv(path, chunkSize === undefined ? {} : { chunkSize })).dialect).toEqual(dialect);
    }
  });

  it.each([
    {
      name: 'gbk reads as GB18030',
      bytes: gb18030('学号\n'),
      options: { encoding: 'gbk' },
      encoding: 'gb18030',
      bom: false,
    },
    { name: 'a matching BOM', bytes: utf8Bom('a\n'), options: { encoding: 'utf-8' }, encoding: 'utf-8', bom: true },
    {
      name: 'UTF-16LE without BOM',
      bytes: Buffer.from('a\tb\n', 'utf16le'),
      options: { encoding: 'utf-16le' },
      encoding: 'utf-16le',
      bom: false,
    },
  ] as const)('a requested encoding: $name', async ({ bytes, options, encoding, bom }) => {
    const { dialect } = await openCsv(await tempFile(bytes), options);
    expect(dialect).toMatchObject({ encoding, bom, detected: false });
  });

  it('takes a given delimiter as is', async () => {
    const read = await readAll(await tempFile(utf8('a,b;c\n')), { delimiter: ';' });
    expect(read.dialect.delimiter).toBe(';');
    expect(read.records).toEqual([{ line: 1, fields: ['a,b', 'c'] }]);
  });

  it('reads an empty file as no records', async () => {
    expect((await readAll(await tempFile(new Uint8Array()))).records).toEqual([]);
    expect((await readAll(await tempFile(Buffer.from(UTF8_BOM)))).records).toEqual([]);
  });

  it('never puts a U+FEFF into the first field', async () => {
    // A BOM written twice (a tool adding one to a file that had one), and GB18030's own 4-byte BOM.
    const twice = await readAll(await tempFile(utf8Bom('\uFEFF学号,姓名\n')));
    expect(twice.records[0]?.fields).toEqual(['学号', '姓名']);
    const gbBom = await readAll(await tempFile(gb18030('\uFEFF学号,姓名\n')), { encoding: 'gb18030', chunkSize: 1 });
    expect(gbBom.records[0]?.fields).toEqual(['学号', '姓名']);
  });

  it('refuses a chunk size below 1 and an unusable delimiter', async () => {
    const path = await tempFile(utf8('a\n'));
    await expect(openCsv(path, { chunkSize: 0 })).rejects.toThrow(RangeError);
    await expect(openCsv(path, { delimiter: '"' })).rejects.toThrow(RangeError);
  });

  it('rejects a missing file with the system error', async () => {
    await expect(openCsv(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('openCsv when the first megabyte is ASCII only', () => {
  // Decided: ASCII reads the same in UTF-8 and GB18030, so it cannot tell them apart. Detection skips it (cheaply, a
  // chunk at a time, without keeping it) and decides on the first Chinese text, however far into the file.
  const asciiRows = Array.from({ length: 100_000 }, (_, k) => `S${String(k).padStart(6, '0')},${k % 4},${k % 3}\n`);
  const prefix = `id,a,b\n${asciiRows.join('')}`;

  it.each([
    { encode: gb18030, encoding: 'gb18030' },
    { encode: utf8, encoding: 'utf-8' },
  ])('detects $encoding from the text after it', async ({ encode, encoding }) => {
    const text = `${prefix}S9,张三,好几天\n`;
    expect(prefix.length).toBeGreaterThan(1 << 20);
    const read = await readAll(await tempFile(encode(text)));
    expect(read.dialect).toMatchObject({ encoding, detected: true });
    expect(read.records.at(-1)).toEqual({ line: 100_002, fields: ['S9', '张三', '好几天'] });
  });
});

describe('openCsv decode errors', () => {
  // Enough valid UTF-8 up front (over 1 KiB of Chinese) for the sample to settle on UTF-8.
  const chineseRows = Array.from({ length: 120 }, (_, k) => `S${k},张三丰,男\n`).join('');
  const head = `学号,姓名,性别\n${chineseRows}`;
  const before = 1 + 120;

  it.each([1, 2, 3, 7, 16, 64, 1000, undefined])(
    'reports the line of GB18030 bytes in UTF-8, chunk %s',
    async (size) => {
      const bytes = Buffer.concat([utf8(head), utf8('"multi\nline",x,y\n'), gb18030('S1,李四,女\n'), utf8('S2,x,y\n')]);
      const error = await decodeError(await tempFile(bytes), size === undefined ? {} : { chunkSize: size });
      expect(error).toBeInstanceOf(CsvDecodeError);
      expect(error).toMatchObject({ code: 'CSV_DECODE', encoding: 'utf-8', detected: true, line: before + 3 });
      expect(error.cause).toBeInstanceOf(TypeError);
    },
  );

  it.each([1, 2, 5, undefined])('reports the line with CRLF line ends, chunk %s', async (size) => {
    const text = head.replaceAll('\n', '\r\n');
    const bytes = Buffer.concat([utf8(text), utf8('a\r\n\r\nb'), Buffer.from([0xe5, 0x0d, 0x0a]), utf8('c\r\n')]);
    const error = await decodeError(await tempFile(bytes), size === undefined ? {} : { chunkSize: size });
    expect(error.line).toBe(before + 3);
  });

  it.each([1, 4, undefined])(
    'reports the last line for a character cut off by the end of the file, chunk %s',
    async (size) => {
      const bytes = Buffer.concat([utf8(head), utf8('x,'), utf8('张').subarray(0, 2)]);
      const error = await decodeError(await tempFile(bytes), size === undefined ? {} : { chunkSize: size });
      expect(error.line).toBe(before + 1);
    },
  );

  // QA round 23, 4: a UTF-16 file one byte short was "line 10 of 9, try --encoding utf-16be (or utf-8)", which
  // advised back "utf-16le": the file is cut short, and no other encoding helps.
  it.each(CHUNK_SIZES)('says a UTF-16LE file one byte short is cut short, on its last line, chunk %s', async (size) => {
    const whole = utf16le('学号\t姓名\r\n1\t张三\r\n2\t李四\r\n');
    const error = await decodeError(
      await tempFile(whole.subarray(0, -1)),
      size === undefined ? {} : { chunkSize: size },
    );
    expect(error).toMatchObject({ encoding: 'utf-16le', line: 3, cutShort: true, offset: whole.length - 2 });
    expect(error.suggestions).toEqual([]);
  });

  it('says a UTF-8 file that ends inside a character is cut short, with no other encoding to try', async () => {
    const error = await decodeError(await tempFile(Buffer.concat([utf8('学号\n张三\n'), utf8('李').subarray(0, 2)])));
    expect(error).toMatchObject({ cutShort: true, line: 3 });
    expect(error.suggestions).toEqual([]);
  });

  it('says a UTF-8 header with a damaged character is damaged there, line 1, with no other encoding to try', async () => {
    const bytes = Buffer.concat([
      utf8('学号,姓名,性别,年龄,年级,'),
      utf8('班').subarray(0, 2),
      utf8(',PHQA1\n1,张三,男,13,初一,初一(1)班,0\n2,李四,女,13,初一,初一(1)班,1\n'),
    ]);
    const error = await decodeError(await tempFile(bytes));
    expect(error).toMatchObject({ encoding: 'utf-8', detected: true, line: 1, damaged: true, offset: 37 });
    expect(error.suggestions).toEqual([]);
  });

  it('keeps UTF-8 for a short file whose last character is cut off, and says where', async () => {
    const error = await decodeError(await tempFile(Buffer.concat([utf8('学号\n张三\n'), utf8('李').subarray(0, 2)])));
    expect(error).toMatchObject({ encoding: 'utf-8', detected: true, line: 3 });
  });

  it('reports line 1 when a requested UTF-8 does not fit', async () => {
    const error = await decodeError(await tempFile(gb18030('学号,姓名\n')), { encoding: 'utf-8' });
    expect(error).toMatchObject({ encoding: 'utf-8', detected: false, line: 1 });
  });

  it('reports bytes GB18030 cannot hold', async () => {
    const bytes = Buffer.concat([gb18030('学号,姓名\n1,张三\n2,'), Buffer.from([0xff]), gb18030('\n')]);
    for (const chunkSize of [1, 3, undefined]) {
      const error = await decodeError(await tempFile(bytes), chunkSize === undefined ? {} : { chunkSize });
      expect(error).toMatchObject({ encoding: 'gb18030', detected: true, line: 3 });
    }
  });

  it.each(CHUNK_SIZES)('reports a lone surrogate in UTF-16LE, chunk %s', async (size) => {
    const good = utf16le('学号\t姓名\r\n1\t张三\r\n2\t');
    const bytes = Buffer.concat([good, Buffer.from([0x00, 0xd8]), Buffer.from('x\r\n3\tz\r\n', 'utf16le')]);
    const error = await decodeError(await tempFile(bytes), size === undefined ? {} : { chunkSize: size });
    expect(error).toMatchObject({ encoding: 'utf-16le', line: 3 });
  });

  it('reports the mixed-encoding line of a UTF-8 file whose Chinese then also reads as GB18030', async () => {
    // 学号,姓名 and 张三 are 6 bytes each in UTF-8: the whole file is valid GB18030 too, as garbage.
    const utf8Part = utf8('学号,姓名,PHQA1\n1,张三,0\n');
    const bytes = Buffer.concat([utf8Part, gb18030('2,李四,1\n')]);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toContain('瀛﹀彿');
    for (const chunkSize of [1, 3, 16, undefined]) {
      const error = await decodeError(await tempFile(bytes), chunkSize === undefined ? {} : { chunkSize });
      expect(error).toMatchObject({ encoding: 'utf-8', detected: true, line: 3, mixed: true });
      expect(error.offset).toBe(utf8Part.length + 2);
      expect(error.suggestions).toEqual([]);
    }
  });

  it('says mixed for GB18030 bytes past the sample too', async () => {
    const bytes = Buffer.concat([utf8(head), gb18030('S1,李四,女\n')]);
    expect(await decodeError(await tempFile(bytes))).toMatchObject({ line: before + 1, mixed: true });
  });

  it('reports the mixed-encoding line of a GB18030 file with UTF-8 rows under it (read as GB18030 garbage before)', async () => {
    const gbPart = gb18030('学号,姓名,PHQA1\r\n1,张三,0\r\n');
    const bytes = Buffer.concat([gbPart, utf8('2,李四,1\r\n3,王五,0\r\n')]);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toContain('鏉庡洓');
    for (const chunkSize of [1, 3, 16, undefined]) {
      const error = await decodeError(await tempFile(bytes), chunkSize === undefined ? {} : { chunkSize });
      expect(error).toMatchObject({ encoding: 'gb18030', detected: true, line: 3, mixed: true });
      expect(error.offset).toBe(gbPart.length + 2);
      expect(error.suggestions).toEqual([]);
    }
    // An encoding the user names is read as named (the message of the detected case says how): a rare GB18030 line
    // of hanzi that is also valid UTF-8 must not make a file impossible to import.
    const asked = await readAll(await tempFile(bytes), { encoding: 'gbk' });
    expect(asked.records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('finds UTF-8 rows under GB18030 far past the sample, at their line', async () => {
    const rows = Array.from({ length: 32_000 }, (_, k) => `${k},张三,没有或很少时间,几乎每天\n`).join('');
    const bytes = Buffer.concat([gb18030(`学号,姓名,a,b\n${rows}`), utf8('x,李四,王五\n')]);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    expect(await decodeError(await tempFile(bytes))).toMatchObject({ encoding: 'gb18030', line: 32_002, mixed: true });
  });

  it('skips a UTF-8 byte-order mark before GB18030 text when GB18030 is named', async () => {
    const bytes = Buffer.concat([Buffer.from(UTF8_BOM), gb18030('学号,姓名\n1,张三\n')]);
    const path = await tempFile(bytes);
    const { dialect, records } = await readAll(path, { encoding: 'gb18030' });
    expect(dialect).toMatchObject({ encoding: 'gb18030', bom: false, detected: false });
    expect(records.map((r) => r.fields)).toEqual([
      ['学号', '姓名'],
      ['1', '张三'],
    ]);
    expect(await decodeError(path)).toMatchObject({ encoding: 'utf-8', line: 1 });
  });

  it('reads a UTF-8 file as GB18030 when told to: the encoding named wins', async () => {
    const records = await readAll(await tempFile(utf8('id,name\n1,张三\n')), { encoding: 'gb18030' });
    expect(records.records.map((r) => r.fields[1])).toEqual(['name', '寮犱笁']);
  });

  it('reports UTF-8 with one bad byte as UTF-8, with its offset, and suggests no encoding that cannot read it', async () => {
    const good = utf8('id,name\n1,A\n2,张');
    const bytes = Buffer.concat([good, Buffer.from([0xff]), utf8(',0\n')]);
    const error = await decodeError(await tempFile(bytes));
    expect(error).toMatchObject({ encoding: 'utf-8', detected: true, line: 3, offset: good.length, mixed: false });
    // 0xFF is no GB18030 byte either, and the file does not start as UTF-16.
    expect(error.suggestions).toEqual([]);
    const asked = await decodeError(await tempFile(bytes), { encoding: 'gb18030' });
    expect(asked).toMatchObject({ encoding: 'gb18030', detected: false, line: 3, offset: good.length, mixed: false });
    expect(asked.suggestions).toEqual([]);
  });

  it.each([
    ['GB18030 read as UTF-8', gb18030('id,name\n1,张三\n'), 'utf-8', ['gb18030']],
    ['UTF-8 read as GB18030', utf8('id,name\n1,张三\uFFFF\n'), 'gb18030', ['utf-8']],
    [
      'UTF-16LE read as UTF-8',
      // ÿ is FF 00: no UTF-8 or GB18030 byte; the NULs of the start say UTF-16LE.
      Buffer.from('id,name\n1,ÿ\n', 'utf16le'),
      'utf-8',
      ['utf-16le'],
    ],
  ] as const)(
    'suggests for %s only the encodings that read the failing line',
    async (_, bytes, encoding, suggested) => {
      const error = await decodeError(await tempFile(bytes), { encoding });
      expect(error.suggestions).toEqual(suggested);
    },
  );

  it('leaves the byte offset out for a character cut off by the end of the file', async () => {
    const error = await decodeError(await tempFile(Buffer.concat([utf8('学号\n张三\n'), utf8('李').subarray(0, 2)])));
    expect(error).toMatchObject({ line: 3, offset: undefined });
  });

  it('yields the batches before the failing chunk', async () => {
    const bytes = Buffer.concat([utf8(head), gb18030('李四\n')]);
    const { batches } = await openCsv(await tempFile(bytes), { chunkSize: 64 });
    const lines: number[] = [];
    await expect(
      (async () => {
        for await (const batch of batches) lines.push(...batch.map((r) => r.line));
      })(),
    ).rejects.toThrow(CsvDecodeError);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines).toEqual(Array.from({ length: lines.length }, (_, k) => k + 1));
  });
});

describe('openCsv with damagedRecords', () => {
  const BAD = Buffer.from([0xff]);
  const lines = (...parts: (string | Buffer)[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? utf8(p) : p)));
  const damagedLines = (records: readonly CsvRecord[]) => records.filter((r) => r.damaged).map((r) => r.line);

  it.each(CHUNK_SIZES)('passes a few damaged records on, marked, their bad bytes as U+FFFD, chunk %s', async (size) => {
    // UTF-8 with Chinese, a bad byte on line 3 and a character cut off by the end of the file on line 5.
    const bytes = lines('学号,姓名\n1,张三\n2,李', BAD, '\n3,王五\n4,', utf8('赵').subarray(0, 2));
    const { dialect, records } = await readAll(await tempFile(bytes), { chunkSize: size, damagedRecords: 2 });
    expect(dialect.encoding).toBe('utf-8');
    expect(records.map((r) => r.fields)).toEqual([
      ['学号', '姓名'],
      ['1', '张三'],
      ['2', '李\uFFFD'],
      ['3', '王五'],
      ['4', '\uFFFD'],
    ]);
    expect(damagedLines(records)).toEqual([3, 5]);
  });

  it('marks damaged GB18030 records too', async () => {
    const bytes = Buffer.concat([gb18030('学号,姓名\n1,张三\n2,'), BAD, gb18030('四\n')]);
    const { dialect, records } = await readAll(await tempFile(bytes), { damagedRecords: 1 });
    expect(dialect.encoding).toBe('gb18030');
    expect(damagedLines(records)).toEqual([3]);
  });

  it('fails at the first damaged line when more records are damaged than allowed', async () => {
    const bytes = lines('学号,姓名\n1,张三\n2,李', BAD, '\n3,王', BAD, '\n4,赵', BAD, '\n');
    const error = await decodeError(await tempFile(bytes), { damagedRecords: 2 });
    expect(error).toMatchObject({ encoding: 'utf-8', line: 3, mixed: true });
  });

  it('fails when the header is damaged, after blank lines too', async () => {
    const error = await decodeError(await tempFile(lines('\n学号,姓', BAD, '\n1,张三\n')), { damagedRecords: 5 });
    expect(error).toMatchObject({ encoding: 'utf-8', line: 2 });
  });

  it('stays strict in UTF-16 and by default', async () => {
    const utf16 = Buffer.concat([utf16le('a,b\n1,2\n'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(await decodeError(await tempFile(utf16), { damagedRecords: 5 })).toMatchObject({ encoding: 'utf-16le' });
    expect(await decodeError(await tempFile(lines('学号,姓名\n2,李', BAD, '\n')))).toMatchObject({ line: 2 });
  });
});

describe('openCsv batches', () => {
  it('reads the file again on every iteration, also after an early exit', async () => {
    const text = Array.from({ length: 50 }, (_, k) => `${k},x\n`).join('');
    const { batches } = await openCsv(await tempFile(utf8(text)), { chunkSize: 8 });
    for await (const _ of batches) break;
    const all: CsvRecord[] = [];
    for await (const batch of batches) all.push(...batch);
    expect(all).toEqual([...readCsv(text, { delimiter: ',' })]);
  });
});

describe('openCsv properties', () => {
  const field = fc.stringMatching(/^[a-z0-9 ,;"\r\n学号好几天㐀😀]{0,6}$/u);
  const text = fc
    .tuple(
      fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
    )
    .map(([rows, end, quoteAll]) =>
      rows
        .map((row) => row.map((f) => (quoteAll || /[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(','))
        .join(end),
    );
  const raw = fc.stringMatching(/^[a,"\r\n学😀]{0,30}$/u);

  it.each([
    { name: 'UTF-8', encode: utf8, encoding: 'utf-8' },
    { name: 'GB18030', encode: gb18030, encoding: 'gb18030' },
    { name: 'UTF-16LE', encode: utf16le, encoding: 'utf-16le' },
  ] as const)('reads a $name file in any chunk size as readCsv reads its text', async ({ encode, encoding }) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, raw), fc.integer({ min: 1, max: 40 }), async (t, chunkSize) => {
        const read = await readAll(await tempFile(encode(t)), { encoding, delimiter: ',', chunkSize });
        expect(read.records).toEqual([...readCsv(t, { delimiter: ',' })]);
      }),
      { numRuns: 60 },
    );
  });
});
