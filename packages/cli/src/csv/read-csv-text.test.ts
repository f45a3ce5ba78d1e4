import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncodingLabel } from './decode.ts';
import { type CsvDecodeError, isCsvDecodeError } from './decode-error.ts';
import { readCsvText } from './read-csv-text.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const gb18030 = (s: string) => iconv.encode(s, 'gb18030');
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

let dir = '';
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-csv-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
async function read(content: Uint8Array, encoding?: EncodingLabel) {
  const path = join(dir, `${files++}.csv`);
  await writeFile(path, content);
  return readCsvText(path, { encoding });
}
async function failure(content: Uint8Array, encoding?: EncodingLabel): Promise<CsvDecodeError> {
  const error = await read(content, encoding).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCsvDecodeError(error)) throw new Error(`expected a CsvDecodeError, got ${String(error)}`);
  return error;
}

describe('readCsvText', () => {
  it.each([
    { name: 'UTF-8 with BOM', input: bytes([0xef, 0xbb, 0xbf], utf8('学号,1')), encoding: 'utf-8', bom: true },
    { name: 'UTF-8 without BOM', input: utf8('学号,1'), encoding: 'utf-8', bom: false },
    { name: 'GB18030 without BOM', input: gb18030('学号,1'), encoding: 'gb18030', bom: false },
    {
      name: 'UTF-16LE with BOM',
      input: bytes([0xff, 0xfe], Buffer.from('学号,1', 'utf16le')),
      encoding: 'utf-16le',
      bom: true,
    },
    {
      name: 'UTF-16BE with BOM',
      input: bytes([0xfe, 0xff], Buffer.from('学号,1', 'utf16le').swap16()),
      encoding: 'utf-16be',
      bom: true,
    },
    { name: 'UTF-16LE without BOM', input: Buffer.from('学号,1\r\n', 'utf16le'), encoding: 'utf-16le', bom: false },
  ])('detects $name', async ({ input, encoding, bom }) => {
    const text = encoding === 'utf-16le' && !bom ? '学号,1\r\n' : '学号,1';
    expect(await read(input)).toEqual({ text, encoding, bom, detected: true });
  });

  it('uses a requested encoding as is, and strips its BOM', async () => {
    expect(await read(gb18030('学号'), 'gbk')).toEqual({
      text: '学号',
      encoding: 'gb18030',
      bom: false,
      detected: false,
    });
    expect(await read(bytes([0xef, 0xbb, 0xbf], utf8('a')), 'utf-8')).toMatchObject({ text: 'a', bom: true });
  });

  it('fails with the line rather than guess when the requested encoding does not fit', async () => {
    const error = await failure(gb18030('id\n学号'), 'utf-8');
    expect(error).toMatchObject({ encoding: 'utf-8', detected: false, line: 2, offset: 5, mixed: false });
    expect(error.suggestions).toEqual(['gb18030']);
  });

  // Both orders also decode whole as GB18030 (the UTF-8 parts have an even number of bytes between ASCII), which
  // whole-file UTF-8-else-GB18030 decoding read as garbage.
  it.each([
    {
      name: 'UTF-8, then GB18030',
      input: bytes(utf8('学号,姓名\n1,张三\n'), gb18030('2,李四\n')),
      encoding: 'utf-8',
      offset: 25,
    },
    {
      name: 'GB18030, then UTF-8',
      input: bytes(gb18030('学号,姓名\n1,张三\n'), utf8('2,李四\n')),
      encoding: 'gb18030',
      offset: 19,
    },
  ])('fails on $name at line 3, saying the file mixes encodings', async ({ input, encoding, offset }) => {
    expect(new TextDecoder('gb18030', { fatal: true }).decode(input)).toBeTypeOf('string');
    const error = await failure(input);
    expect(error).toMatchObject({ encoding, detected: true, line: 3, offset, mixed: true });
    expect(error.suggestions).toEqual([]);
  });
});
