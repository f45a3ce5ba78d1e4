import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { firstInvalidByte } from './decode.ts';
import { encodingOfSample, utf16WithoutBom } from './sniff-encoding.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const gb18030 = (text: string) => iconv.encode(text, 'gb18030');
const big5 = (text: string) => iconv.encode(text, 'big5');
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('encodingOfSample', () => {
  // QA round 23, 3: a UTF-8 file whose header lost a byte (年级 cut to 2 bytes) was read as GB18030, its rows then
  // called UTF-8 pasted under a GB18030 header.
  it('takes a UTF-8 file with one character of its header damaged for UTF-8, a GB18030 one for GB18030', () => {
    const header = `学号,姓名,性别,年龄,年级,班级,${Array.from({ length: 40 }, (_, k) => `第${k + 1}题情绪低落`).join(',')}`;
    const rows = Array.from({ length: 30 }, (_, k) => `${k},张三,男,13,初一,初一(1)班,${'没有,'.repeat(39)}没有`);
    const damaged = Buffer.concat([
      utf8('学号,姓名,性别,年龄,年级,'),
      utf8('班').subarray(0, 2),
      utf8(`级${header.slice(17)}\n${rows.join('\n')}\n`),
    ]);
    expect(firstInvalidByte(damaged, 'utf-8')).toBeGreaterThan(0);
    // The sample a file is judged by ends inside the second line here (1,024 non-ASCII bytes).
    let n = 0;
    const sample = damaged.subarray(0, damaged.findIndex((b) => b >= 0x80 && ++n === 1024) + 1);
    expect(sample.indexOf(10)).toBeGreaterThan(0);
    expect(encodingOfSample(sample)).toBe('utf-8');
    expect(encodingOfSample(gb18030(`${header}\n${rows.join('\n')}\n`))).toBe('gb18030');
  });

  it.each([
    { name: 'UTF-8 Chinese', bytes: utf8('学号,姓名\n1,张三\n'), encoding: 'utf-8' },
    { name: 'GB18030 Chinese', bytes: gb18030('学号,姓名\n1,张三\n'), encoding: 'gb18030' },
    {
      name: 'UTF-8 with a character cut off at the end',
      bytes: utf8('学号,姓名\n1,张三').subarray(0, -1),
      encoding: 'utf-8',
    },
    // 学号 in UTF-8 is 6 bytes, 张三 6: the whole file is also valid GB18030, as garbage (瀛﹀彿).
    {
      name: 'a UTF-8 header and row, then a GB18030 row (two files pasted together)',
      bytes: Buffer.concat([utf8('学号,姓名\n1,张三\n'), gb18030('2,李四\n')]),
      encoding: 'utf-8',
    },
    {
      name: 'UTF-8 with one bad byte after Chinese, on the first line with any (neither fits)',
      bytes: Buffer.concat([utf8('id,name\n1,A\n2,张'), Buffer.from([0xff]), utf8('\n')]),
      encoding: 'utf-8',
    },
    {
      // 女 in GB18030 is C5 AE, valid UTF-8 (Ů): not Chinese UTF-8, so no evidence against GB18030.
      name: 'GB18030 whose first lines happen to be valid UTF-8 (女)',
      bytes: gb18030('id,sex\n1,女\n2,女\n3,男\n'),
      encoding: 'gb18030',
    },
    { name: 'GB18030 学 (D1 A7, valid UTF-8 ѧ) before 号', bytes: gb18030('学号\n'), encoding: 'gb18030' },
    {
      name: 'GB18030 with bytes it cannot hold, no Chinese UTF-8 before',
      bytes: Buffer.concat([gb18030('学号\n1,'), Buffer.from([0xff])]),
      encoding: 'gb18030',
    },
  ])('$name → $encoding', ({ bytes, encoding }) => {
    expect(encodingOfSample(bytes)).toBe(encoding);
  });

  // Common characters of names and headers: GB18030 files of them are detected as before, whatever the names.
  const hanzi = [
    ...'学号姓名性别年龄级班张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫宇浩然子涵欣怡梓轩一诺睿佳琪雨泽俊',
  ];
  const name = fc.array(fc.constantFrom(...hanzi), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
  it('detects GB18030 files of Chinese names, English or Chinese header', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(name, fc.constantFrom('男', '女')), { minLength: 1, maxLength: 60 }),
        (zhHeader, rows) => {
          const header = zhHeader ? '学号,姓名,性别,PHQA1\n' : 'student_id,name,sex,PHQA1\n';
          const text = header + rows.map(([n, s], k) => `2025${k},${n},${s},1\n`).join('');
          const bytes = gb18030(text);
          fc.pre(firstInvalidByte(bytes, 'utf-8') !== -1);
          expect(encodingOfSample(bytes)).toBe('gb18030');
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Names with characters outside GB2312 (GBK's own: 喆, 堃, 玥 …), the GB18030 text most like Big5.
  const rare = [...'喆堃玥珺赟祎淼犇昇燚婧翀琰珏瑄嫣妤彧'];
  it('detects GB18030 files whose names hold rare characters (outside GB2312)', () => {
    const rareName = fc
      .tuple(fc.constantFrom(...hanzi), fc.constantFrom(...rare), fc.constantFrom(...hanzi, ...rare))
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(rareName, { minLength: 1, maxLength: 60 }), (names) => {
        const text = `学号,姓名,性别\n${names.map((n, k) => `2025${k},${n},女\n`).join('')}`;
        expect(encodingOfSample(gb18030(text))).toBe('gb18030');
      }),
      { numRuns: 500 },
    );
  });

  // Big5, as Excel on zh-TW/zh-HK Windows saves a CSV: valid GB18030 too (as rare characters), so told by its bytes.
  const traditional = [
    ...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯翁魏孫戴偉婷雅怡君宏志明美惠玲淑芬',
  ];
  // With an English header, the names alone tell: a class's worth of them (a few could all be 林, 王 …, the same in
  // both scripts; such a file needs --encoding big5).
  it.each([
    ['a traditional header', '學號,姓名,性別,年齡,年級,班級\n', 3],
    ['an English header', 'student_id,name,sex\n', 20],
  ])('detects Big5 files of traditional names (%s)', (_, header, students) => {
    const tradName = fc.array(fc.constantFrom(...traditional), { minLength: 2, maxLength: 3 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(tradName, { minLength: students, maxLength: 60 }), (names) => {
        const text = header + names.map((n, k) => `2025${k},${n},女\n`).join('');
        expect(encodingOfSample(big5(text))).toBe('big5');
      }),
      { numRuns: 500 },
    );
  });

  // QA round 17, 2: English headers, answers as option text (SDS, PHQ); no name, no Chinese header.
  const options = {
    big5: [
      '沒有或很少時間',
      '小部分時間',
      '相當多時間',
      '絕大部分或全部時間',
      '完全不會',
      '好幾天',
      '一半以上的天數',
      '幾乎每天',
    ],
    gb18030: [
      '没有或很少时间',
      '小部分时间',
      '相当多时间',
      '绝大部分或全部时间',
      '完全不会',
      '好几天',
      '一半以上的天数',
      '几乎每天',
    ],
  } as const;
  it.each(['big5', 'gb18030'] as const)('detects %s files whose only Chinese is answers as option text', (encoding) => {
    const answers = fc.array(fc.constantFrom(...options[encoding]), { minLength: 5, maxLength: 20 });
    fc.assert(
      fc.property(fc.array(answers, { minLength: 1, maxLength: 40 }), (rows) => {
        const text = `student_id,sex,Q1\n${rows.map((a, k) => `S${k},male,${a.join(',')}\n`).join('')}`;
        const bytes = encoding === 'big5' ? big5(text) : gb18030(text);
        expect(encodingOfSample(bytes)).toBe(encoding);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a Big5 header alone as Big5', () => {
    expect(encodingOfSample(big5('學號,姓名,性別,年齡,年級,班級,GAD7_1\n'))).toBe('big5');
  });
});

describe('utf16WithoutBom', () => {
  it.each([
    { name: 'UTF-16LE, tabs', bytes: utf16le('学号\t姓名\tPHQA1\r\n2025\t张三\t1\r\n'), encoding: 'utf-16le' },
    { name: 'UTF-16BE, tabs', bytes: utf16be('学号\t姓名\tPHQA1\r\n2025\t张三\t1\r\n'), encoding: 'utf-16be' },
    {
      name: 'UTF-16LE with 一 (U+4E00, a NUL on the other side)',
      bytes: utf16le('一二三\t1\t2\t3\r\n'),
      encoding: 'utf-16le',
    },
    { name: 'UTF-16LE, ASCII only', bytes: utf16le('id,a\n1,2\n'), encoding: 'utf-16le' },
    { name: 'UTF-8', bytes: utf8('学号,姓名\n1,张三\n'), encoding: undefined },
    { name: 'GB18030', bytes: gb18030('学号,姓名\n1,张三\n'), encoding: undefined },
    { name: 'one byte', bytes: Buffer.from([0]), encoding: undefined },
    { name: 'UTF-16LE, Chinese only', bytes: utf16le('学号姓名张三李四'), encoding: undefined },
  ])('$name → $encoding', ({ bytes, encoding }) => {
    expect(utf16WithoutBom(bytes)).toBe(encoding);
  });
});

describe('firstInvalidByte', () => {
  it.each([
    { bytes: utf8('ab张'), encoding: 'utf-8', at: -1 },
    { bytes: utf8('ab张').subarray(0, 4), encoding: 'utf-8', at: -1 },
    { bytes: Buffer.from([0x61, 0xff, 0x62]), encoding: 'utf-8', at: 1 },
    { bytes: Buffer.concat([utf8('张'), Buffer.from([0xe5, 0x41])]), encoding: 'utf-8', at: 4 },
    { bytes: Buffer.concat([gb18030('学号'), Buffer.from([0xa0, 0xff])]), encoding: 'gb18030', at: 5 },
    { bytes: Buffer.from([0x61, 0x00, 0x00, 0xd8, 0x61, 0x00]), encoding: 'utf-16le', at: 5 },
  ] as const)('$encoding $bytes → $at', ({ bytes, encoding, at }) => {
    expect(firstInvalidByte(bytes, encoding)).toBe(at);
  });
});
