import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
// 学号 in GB18030, written out by hand (Node has no GB18030 encoder).
const XUEHAO_GB = [0xd1, 0xa7, 0xba, 0xc5];

describe('decodeBytes', () => {
  it('knows the GB18030 bytes used in these tests', () => {
    expect(new TextDecoder('gb18030').decode(Uint8Array.from(XUEHAO_GB))).toBe('学号');
  });

  it.each([
    { name: 'UTF-8 with BOM', input: bytes([0xef, 0xbb, 0xbf], utf8('学号,1')), encoding: 'utf-8', bom: true },
    { name: 'UTF-8 without BOM', input: utf8('学号,1'), encoding: 'utf-8', bom: false },
    { name: 'GB18030 without BOM', input: bytes(XUEHAO_GB, utf8(',1')), encoding: 'gb18030', bom: false },
    {
      name: 'UTF-16LE with BOM',
      input: bytes([0xff, 0xfe, 0x66, 0x5b, 0xf7, 0x53, 0x2c, 0, 0x31, 0]),
      encoding: 'utf-16le',
      bom: true,
    },
    {
      name: 'UTF-16BE with BOM',
      input: bytes([0xfe, 0xff, 0x5b, 0x66, 0x53, 0xf7, 0, 0x2c, 0, 0x31]),
      encoding: 'utf-16be',
      bom: true,
    },
  ])('detects $name', ({ input, encoding, bom }) => {
    const r = decodeBytes(input);
    expect(r).toEqual({ ok: true, value: { text: '学号,1', encoding, bom, detected: true } });
  });

  it('uses a requested encoding as is', () => {
    const r = decodeBytes(bytes(XUEHAO_GB), 'gb18030');
    expect(r).toEqual({ ok: true, value: { text: '学号', encoding: 'gb18030', bom: false, detected: false } });
  });

  it('fails rather than guess when the requested encoding does not fit', () => {
    expect(decodeBytes(bytes(XUEHAO_GB), 'utf-8')).toEqual({ ok: false, error: { encoding: 'utf-8' } });
  });

  it('strips the BOM when the requested encoding matches it', () => {
    const r = decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8('a')), 'utf-8');
    expect(r.ok && r.value).toMatchObject({ text: 'a', bom: true });
  });
});
