import { describe, expect, it } from 'vitest';
import { idRank, personFieldOfHeader } from './person-header.ts';

describe('personFieldOfHeader', () => {
  it.each([
    ['学号', 'studentId'],
    ['学生学号', 'studentId'],
    ['学生编号', 'studentId'],
    ['学籍号', 'studentId'],
    ['考号', 'studentId'],
    ['编号', 'studentId'],
    ['student_id', 'studentId'],
    ['Student ID', 'studentId'],
    ['STUDENTID', 'studentId'],
    ['Student  Number', 'studentId'],
    ['id', 'studentId'],
    ['ＩＤ', 'studentId'],
    ['\uFEFF学号', 'studentId'],
    [' 学号 ', 'studentId'],
    ['姓名', 'name'],
    ['学生姓名', 'name'],
    ['Name', 'name'],
    ['Full Name', 'name'],
    ['性别', 'sex'],
    ['Gender', 'sex'],
    ['sex', 'sex'],
    ['年龄', 'age'],
    ['年龄(岁)', 'age'],
    ['年龄（岁）', 'age'],
    ['Age (years)', 'age'],
    ['年级', 'grade'],
    ['Grade', 'grade'],
    ['班级', 'class'],
    ['班', 'class'],
    ['行政班', 'class'],
    ['Class', 'class'],
    ['Homeroom', 'class'],
    ['学校', 'school'],
    ['School Name', 'school'],
  ])('%j → %s', (header, field) => {
    expect(personFieldOfHeader(header)).toBe(field);
  });

  // As questionnaire platforms (问卷星, 腾讯问卷) and school templates head them: QA's real-world exports.
  it.each([
    ['1、你的学号：', 'studentId'],
    ['1.请填写你的学号（如2023010101）:', 'studentId'],
    ['1、请填写你的学号（如2023010101）：', 'studentId'],
    ['您的学号是？', 'studentId'],
    ['你的学号是多少?', 'studentId'],
    ['*学号', 'studentId'],
    ['学号*', 'studentId'],
    ['＊学号', 'studentId'],
    ['【学号】', 'studentId'],
    ['[学号]', 'studentId'],
    ['学号/考号', 'studentId'],
    ['学号或学籍号', 'studentId'],
    ['学籍号（身份证号）', 'studentId'],
    ['学 号', 'studentId'],
    ['学　号', 'studentId'],
    ['个人学号', 'studentId'],
    ['学号（必填）', 'studentId'],
    ['Q1. 学号', 'studentId'],
    ['Q1、学号', 'studentId'],
    ['1．学号', 'studentId'],
    ['第1题：学号', 'studentId'],
    ['(1)学号', 'studentId'],
    ['学号：', 'studentId'],
    ['学号:', 'studentId'],
    ['请填写学号*', 'studentId'],
    ['Please enter your student ID:', 'studentId'],
    ['2、你的姓名：', 'name'],
    ['*姓名', 'name'],
    ['姓 名', 'name'],
    ['您的姓名（必填）', 'name'],
    ['【姓名】', 'name'],
    ['3、性别：', 'sex'],
    ['您的性别是？', 'sex'],
    ['*性别', 'sex'],
    ['4．年龄', 'age'],
    ['您的年龄是多少？', 'age'],
    ['年龄（周岁）', 'age'],
    ['5. 年级:', 'grade'],
    ['【年级】', 'grade'],
    ['请输入您的班级', 'class'],
    ['*班级（如初一3班）', 'class'],
    ['班 级', 'class'],
    ['Q6、学校：', 'school'],
    // 问卷星's usual person questions (QA round 6).
    ['3、你所在的年级：', 'grade'],
    ['4、你所在的班级：', 'class'],
    ['所在年级', 'grade'],
    ['所在班级', 'class'],
    ['就读年级', 'grade'],
    ['请选择你所在的年级', 'grade'],
    ['您目前所在的班级是？', 'class'],
    ['班别', 'class'],
    ['年级班级', 'class'],
    ['您所在的学校', 'school'],
    ['所在学校', 'school'],
    ['你所就读的学校：', 'school'],
    ['你的性别', 'sex'],
    ['你的年龄', 'age'],
    // Traditional characters, as a zh-TW/zh-HK export writes them (QA round 6).
    ['學號', 'studentId'],
    ['學籍號', 'studentId'],
    ['性別', 'sex'],
    ['年齡', 'age'],
    ['年級', 'grade'],
    ['班級', 'class'],
    ['學校', 'school'],
    ['學生姓名', 'name'],
    ['1、請填寫你的學號：', 'studentId'],
    ['你所就讀的學校', 'school'],
  ])('as a platform or template heads it: %j → %s', (header, field) => {
    expect(personFieldOfHeader(header)).toBe(field);
  });

  // Only the whole header names a field: a part of an id, an instruction that mentions one, a platform's number.
  it.each([
    '序号',
    '答卷编号',
    '提交序号',
    '答题序号',
    '学号1',
    '班级学号后两位',
    '学号后四位',
    '请核对学号无误后再作答以下题目',
    '学号/姓名',
    '家长姓名或学号',
    'Q1',
    '1',
    '提交时间',
    '开始答题时间',
    '备注',
    '总分',
    'PHQ-A',
    'identity',
    '',
    '*',
    '【】',
    '1、兴趣减退',
    '1、在过去两周内……—第1行',
    '你的',
    '1、',
    '您的是？',
    '所在',
    '你所在的',
    '所在地区',
    '就读时间',
  ])('%j → nothing', (header) => {
    expect(personFieldOfHeader(header)).toBeUndefined();
  });
});

describe('idRank', () => {
  it.each([
    ['1.请填写你的学号（如2023010101）:', '编号'],
    ['*学号', 'ID'],
    ['学号', '学籍号'],
    ['学号/考号', '学籍号'],
    ['学籍号（身份证号）', '编号'],
    ['Student ID', 'id'],
  ])('%j is preferred to %j as the id', (better, worse) => {
    expect(idRank(better)).toBeLessThan(idRank(worse));
  });

  it('ranks a header naming no id last', () => {
    expect(idRank('姓名')).toBe(Number.MAX_SAFE_INTEGER);
    expect(idRank('序号')).toBe(Number.MAX_SAFE_INTEGER);
  });
});
