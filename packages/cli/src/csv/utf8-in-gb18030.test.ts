import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Utf8LineAt, Utf8LineFinder } from './utf8-in-gb18030.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const gb18030 = (text: string) => iconv.encode(text, 'gb18030');

/** The finder fed `bytes` in pieces of `size` (all at once when undefined), then ended. */
function find(bytes: Uint8Array, size = bytes.length || 1): Utf8LineAt | undefined {
  const finder = new Utf8LineFinder();
  for (let p = 0; p < bytes.length; p += size) {
    const found = finder.push(bytes.subarray(p, p + size), p);
    if (found) return found;
  }
  return finder.end();
}

describe('Utf8LineFinder', () => {
  const gbPart = gb18030('学号,姓名,班级\r\n1,张三,初二(3)班\r\n');
  it.each([
    { name: 'a UTF-8 row under GB18030 rows', bytes: [gbPart, utf8('2,李四,初二(3)班\r\n')], line: gbPart.length },
    { name: 'a UTF-8 last line without a line break', bytes: [gbPart, utf8('2,李四')], line: gbPart.length },
    { name: 'UTF-8 with Latin-1 and punctuation', bytes: [gbPart, utf8('2,Zoë “李四”\n')], line: gbPart.length },
    { name: 'lone CR line ends', bytes: [gb18030('学号\r1,张三\r'), utf8('2,李四\r')], line: 12 },
  ])('finds $name', ({ bytes, line }) => {
    const all = Buffer.concat(bytes);
    const found = find(all);
    expect(found?.lineStart).toBe(line);
    // The offset is the first non-ASCII byte of the line: where the UTF-8 text starts.
    expect(all[found?.offset ?? -1]).toBeGreaterThanOrEqual(0x80);
    expect(all.subarray(line, found?.offset).every((b) => b < 0x80)).toBe(true);
  });

  it.each([
    { name: 'GB18030 only', bytes: gb18030('学号,姓名\n1,张三,没有或很少时间,几乎每天\n') },
    { name: 'ASCII only', bytes: utf8('id,name\n1,Zhang San\n') },
    { name: 'one UTF-8 CJK character in a line', bytes: Buffer.concat([gbPart, utf8('2,李\n')]) },
    { name: 'UTF-8 Cyrillic, as GB18030 misread as UTF-8 reads', bytes: Buffer.concat([gbPart, utf8('Жлф中文\n')]) },
    { name: 'a 4-byte UTF-8 character', bytes: Buffer.concat([gbPart, utf8('李四😀\n')]) },
    { name: 'nothing', bytes: new Uint8Array(0) },
  ])('finds nothing in $name', ({ bytes }) => {
    expect(find(bytes)).toBeUndefined();
  });

  it('finds the same line whatever the chunks (a line cut by a chunk end is kept until it ends)', () => {
    const line = fc.constantFrom('学号,姓名', '1,张三,好几天', '', 'id,0,1', '初二（3）班,完全不会', '王小明');
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 6 }),
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 40 }),
        (gbLines, utf8Lines, end, size) => {
          const bytes = Buffer.concat([gb18030(gbLines.map((l) => l + end).join('')), utf8(utf8Lines.join(end))]);
          expect(find(bytes, size)).toEqual(find(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** mulberry32: the same rows on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Utf8LineFinder on GB18030 Chinese text (false positives)', () => {
  const random = rng(20260101);
  const pick = <T>(from: readonly T[]): T => from[Math.floor(random() * from.length)] as T;
  const surnames = [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  ];
  // Common given-name characters, many of them level-2 GB2312 (leads D8–F7, where UTF-8's E4–E9 lie).
  const given = [
    ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂子轩梓涵浩宇欣怡雨桐一诺萱可馨思彤紫诗妍睿俊熙然奕辰佳琪瑶钰璐婧翊昊珂芮晗琦瑾瀚煜璟彧炜骁鑫淼垚琳瑜婷婕茜蕾薇',
  ];
  const options = [
    ...['没有或很少时间', '小部分时间', '相当多时间', '绝大部分或全部时间'],
    ...['完全不会', '好几天', '一半以上的天数', '几乎每天', '是', '否'],
  ];
  const grades = ['初一', '初二', '初三', '高一', '高二', '高三', '七年级', '八年级', '九年级'];
  const classes = ['(1)班', '（2）班', '3班', '四班', '十二班'];
  const name = () => pick(surnames) + pick(given) + (random() < 0.7 ? pick(given) : '');
  const row = (): string => {
    const kind = random();
    if (kind < 0.2) return name();
    if (kind < 0.3) return `${pick(['第一中学', '实验中学', '育才中学'])},${pick(grades)}${pick(classes)}`;
    const answers = Array.from({ length: 9 }, () => pick(options)).join(',');
    return `${Math.floor(random() * 1e12)},${name()},${pick(['男', '女'])},${pick(grades)}${pick(classes)},${answers}`;
  };
  // GB2312 hanzi, levels 1 and 2.
  const hanzi: string[] = [];
  for (let lead = 0xb0; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= (lead === 0xd7 ? 0xf9 : 0xfe); trail++) {
      hanzi.push(iconv.decode(Buffer.from([lead, trail]), 'gb18030'));
    }
  }
  const hanziLine = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(hanzi)).join('');
  const flagged = (lines: () => string, n: number) => {
    let count = 0;
    for (let k = 0; k < n; k++) if (find(gb18030(`${lines()}\n`))) count++;
    return count;
  };

  // Measured with 1,000,000 of each: 0 rows; 3 lines of random hanzi (no separators); 10 of random GBK characters.
  it('flags none of 100,000 rows of names, classes and answer texts', () => {
    expect(flagged(row, 100_000)).toBe(0);
  });

  it('flags at most a few in 100,000 lines of 1–8 random GB2312 hanzi', () => {
    expect(flagged(hanziLine, 100_000)).toBeLessThanOrEqual(3);
  });
});
