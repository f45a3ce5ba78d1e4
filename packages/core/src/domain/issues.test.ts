import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contactSchema } from './contact.ts';
import { examples } from './examples.ts';
import { domainErrorMap, formatDomainIssues, parseDomain } from './issues.ts';
import { studentSchema } from './student.ts';

const linesOf = (schema: z.ZodType, input: unknown, lang: 'zh' | 'en'): string[] => {
  const r = parseDomain(schema, input, lang);
  if (r.ok) throw new Error('expected a failure');
  return formatDomainIssues(r.error, lang);
};

describe('zh and en messages', () => {
  it.each<[string, z.ZodType, unknown, string[], string[]]>([
    [
      'a timestamp without offset',
      contactSchema,
      { ...examples.contact, startedAt: '2025-03-01 22:04' },
      ['startedAt：应为带时区的 ISO 8601 时间，例如 2025-03-01T08:30:00+08:00'],
      ['startedAt: expected an ISO 8601 date-time with offset, e.g. 2025-03-01T08:30:00+08:00'],
    ],
    [
      'an end before the start',
      contactSchema,
      { ...examples.contact, endedAt: '2025-03-01T21:00:00+08:00' },
      ['endedAt：不能早于 startedAt'],
      ['endedAt: must not be before startedAt'],
    ],
    [
      'a name field and an unknown category',
      contactSchema,
      { ...examples.contact, category: 'emergency', name: '张三' },
      [
        'category：应为以下之一：general、illness、practical、high_risk',
        '（整体）：不接受的字段：name（不收录姓名、电话、住址等身份信息，编号须为化名）',
      ],
      [
        'category: expected one of: general, illness, practical, high_risk',
        '(root): unknown field(s): name (names, phone numbers and addresses are not accepted; ids are pseudonymous)',
      ],
    ],
    [
      'a missing field, a bad age and a phone number as id',
      studentSchema,
      { ...examples.student, id: '13812345678', age: 3, grade: undefined },
      [
        'id：看起来像手机号或身份证号：编号必须是化名编号（例如学号的加密散列）',
        'age：应不小于 5',
        'grade：缺失或类型不对：应为数字',
      ],
      [
        'id: looks like a phone or national ID number: ids must be pseudonymous (e.g. a keyed hash of the student number)',
        'age: expected at least 5',
        'grade: missing or of the wrong type: expected a number',
      ],
    ],
  ])('%s', (_, schema, input, zh, en) => {
    expect(linesOf(schema, input, 'zh')).toEqual(zh);
    expect(linesOf(schema, input, 'en')).toEqual(en);
  });

  it('never echoes the rejected value', () => {
    const input = { ...examples.student, id: '李四同学', class: 'x'.repeat(40) };
    const text = [...linesOf(studentSchema, input, 'zh'), ...linesOf(studentSchema, input, 'en')].join('\n');
    expect(text).not.toContain('李四');
    expect(text).not.toContain('xxxx');
  });

  it('puts the same message on the issue as formatDomainIssues renders, in any language', () => {
    const r = studentSchema.safeParse({ ...examples.student, sex: 'f' }, { error: domainErrorMap('zh') });
    expect(r.error?.issues[0]?.message).toBe('应为以下之一：female、male、other');
    // Parsed with zod's default (English) messages, formatted in Chinese.
    const plain = studentSchema.safeParse({ ...examples.student, sex: 'f' });
    expect(plain.error && formatDomainIssues(plain.error, 'zh')).toEqual(['sex：应为以下之一：female、male、other']);
  });

  it("falls back to zod's own zh-CN and en locales for issues the domain does not phrase", () => {
    const schema = z.number().multipleOf(5);
    expect(linesOf(schema, 7, 'zh')).toEqual(['（整体）：无效数字：必须是 5 的倍数']);
    expect(linesOf(schema, 7, 'en')).toEqual(['(root): Invalid number: must be a multiple of 5']);
  });
});
