import { describe, expect, it } from 'vitest';
import { getInstrument, instruments } from '../registry.ts';
import { scoreInstrument } from './score.ts';
import { simplifiedHan } from './traditional.ts';

describe('simplifiedHan', () => {
  it.each([
    ['學號', '学号'],
    ['性別', '性别'],
    ['年齡', '年龄'],
    ['班級', '班级'],
    ['學校名稱', '学校名称'],
    ['13歲', '13岁'],
    ['總計', '总计'],
    ['沒有或很少時間', '没有或很少时间'],
    ['學号 mixed', '学号 mixed'],
    ['学号', '学号'],
    ['PHQ-A 1', 'PHQ-A 1'],
  ])('%j → %j', (text, simplified) => {
    expect(simplifiedHan(text)).toBe(simplified);
  });

  it('leaves every simplified option label of every instrument as it is', () => {
    for (const d of instruments) {
      for (const o of [...d.options, ...d.items.flatMap((i) => i.options ?? [])]) {
        expect(simplifiedHan(o.label.zh)).toBe(o.label.zh);
      }
    }
  });
});

describe('answers in traditional characters', () => {
  // As a zh-TW/zh-HK export writes the options: each reads as its simplified label.
  it.each([
    ['gad-7', '完全不會', 0],
    ['gad-7', '好幾天', 1],
    ['gad-7', '一半以上的天數', 2],
    ['gad-7', '幾乎每天', 3],
    ['sds', '沒有或很少時間', 1],
    ['sds', '絕大部分或全部時間', 4],
  ])('%s: %j reads as %d', (id, text, value) => {
    const d = getInstrument(id);
    if (!d) throw new Error(id);
    const simplified = simplifiedHan(text);
    const answers = (a: string) => d.items.map(() => a);
    const traditional = scoreInstrument(d, answers(text));
    expect(traditional.ok).toBe(true);
    expect(traditional).toEqual(scoreInstrument(d, answers(simplified)));
    if (traditional.ok) expect(traditional.value.answered).toBe(d.items.length);
    expect(scoreInstrument(d, answers(String(value)), { coding: 'native' })).toEqual(traditional);
  });
});
