import { instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { answerTexts, looksLikeAnswers, mayBeData } from './header-text.ts';

const answers = answerTexts(instruments);

describe('mayBeData: header cells never echoed', () => {
  it.each([
    '202501110001',
    '13',
    '1',
    '0.5',
    '2025/9/1 10:00:00',
    '2025-09-01',
    '9月1日',
    '13岁',
    '101秒',
    '1班',
    '初一',
    '高二',
    '七年级',
    '初一(1)班',
    '完全不会',
    '好几天',
    'Several days',
    '是',
    '否',
    '女',
    'Male',
    'S20250101001',
  ])('%j may be data', (cell) => {
    expect(mayBeData(cell, answers)).toBe(true);
  });

  it.each([
    '学号',
    '年龄(岁)',
    '班级',
    'Q1',
    'PHQA9',
    'GAD-7 1',
    '第3题',
    '1、兴趣减退',
    '7、在过去两周内，有多少时候您受到以下任何问题所困扰？—情绪低落、烦躁或绝望',
    'PHQ-A 青少年抑郁量表',
    '1、你的学号：',
  ])('%j is clearly a header', (cell) => {
    expect(mayBeData(cell, answers)).toBe(false);
  });
});

describe('looksLikeAnswers: a student row where the header should be', () => {
  it.each([
    [['202501110001', '郭测试', '女', '13']],
    [['张三', '13岁', '初一', '1班']],
    [['1', '2025/9/1 10:00:00', '2', '3']],
    [['学生', '好几天', '完全不会']],
  ])('%j looks like answers', (row) => {
    expect(looksLikeAnswers(row, answers)).toBe(true);
  });

  it.each([
    [['学号', '1', '2', '3', '4', '5', '6', '7', '8', '9']],
    [['学号', '姓名', 'PHQ-A 青少年抑郁量表', '', 'GAD-7']],
    [['序号', '提交答卷时间', '1、你的学号：', '7、在过去两周内……—情绪低落']],
    [['student_id', 'Q1', 'Qa', 'Qc', 'Qd']],
  ])('%j is a header', (row) => {
    expect(looksLikeAnswers(row, answers)).toBe(false);
  });
});
