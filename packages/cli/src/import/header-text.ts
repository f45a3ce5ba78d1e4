import type { InstrumentDefinition } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';
import type { Column, MappingIssue } from './columns.ts';

/*
 * When a header cell may be echoed. A "header" row that is really a student's row (a file without its header row)
 * holds an id, an age, a class and answers; messages about a header must never repeat those. The rule, for every
 * message that lists header cells: a cell is shown only when it is clearly a header, that is when none of these holds
 * (else the column is named by its number alone):
 *   - it has no letter and no Chinese character (numbers, dates, times, codes: `13`, `2025/9/1`, `0`);
 *   - it has a run of 5 or more digits (student ids, phone numbers, `20250901`);
 *   - it is a date or a time (`2025-09-01`, `9月1日`, `10:01`);
 *   - it is a number with a unit or a grade or class (`13岁`, `101秒`, `1班`, `初一`, `七年级`, `初一(1)班`);
 *   - it is an answer as written: an option label or alias of a candidate instrument (`好几天`, `是`), or a sex (`女`).
 * Item numbers such as `1` or `13` are columns' own names in many exports, but they are also ages: they are never
 * shown, the column number says where they are.
 */

const SEX_VALUES = ['男', '女', '男性', '女性', '男生', '女生', 'male', 'female', 'boy', 'girl', 'm', 'f'];
const LETTER = /[\p{L}]/u;
const LONG_NUMBER = /\d{5}/;
const DATE_OR_TIME = /\d{1,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}:\d{2}/;
const NUMBER_WITH_UNIT = /^\d+(?:\.\d+)?\s*(?:岁|周岁|秒|分钟?|班|级|年级|cm|kg|s)$/;
const GRADE_OR_CLASS =
  /^(?:小学?|初|高|中)[一二三四五六](?:年级)?(?:\s*[(（]?\s*\d+\s*[)）]?\s*班)?$|^[一二三四五六七八九十]+年级|[(（]\s*\d+\s*[)）]\s*班$|\d+\s*班$/;

/** Option labels and aliases of `instruments`, folded as headers are: cells that are answers. */
export function answerTexts(instruments: readonly InstrumentDefinition[]): ReadonlySet<string> {
  const texts = new Set(SEX_VALUES);
  for (const d of instruments) {
    for (const option of [...d.options, ...d.items.flatMap((i) => i.options ?? [])]) {
      for (const t of [option.label.zh, option.label.en, ...(option.aliases ?? [])]) texts.add(normalizeHeader(t));
    }
  }
  return texts;
}

/** True when `cell` may be a student's data rather than a header (the rule above): never echo it. */
export function mayBeData(cell: string, answers: ReadonlySet<string>): boolean {
  const h = normalizeHeader(cell);
  if (h === '') return false;
  return (
    !LETTER.test(h) ||
    LONG_NUMBER.test(h) ||
    DATE_OR_TIME.test(h) ||
    NUMBER_WITH_UNIT.test(h) ||
    GRADE_OR_CLASS.test(h) ||
    answers.has(h)
  );
}

/**
 * True when a row that is not a header looks like a student's row, so the file lacks its header row: a cell is a long
 * number (an id), a date or time, a grade or class, or an answer (option label, sex). Bare small numbers do not count:
 * `1`, `2`, `3` are item headers in many exports.
 */
export function looksLikeAnswers(cells: readonly string[], answers: ReadonlySet<string>): boolean {
  return cells.some((cell) => {
    const h = normalizeHeader(cell);
    return (
      h !== '' &&
      (/^\d{5,}$/.test(h) ||
        DATE_OR_TIME.test(h) ||
        NUMBER_WITH_UNIT.test(h) ||
        GRADE_OR_CLASS.test(h) ||
        answers.has(h))
    );
  });
}

/**
 * Whether an issue's item columns have the same header twice, and that header may be a cell value (`1`, `2`): a data
 * row where the header should be. Words twice (`PHQA9`, `Q1`) are headers: a duplicate item, said as such.
 */
export function repeatsCellValue(issue: MappingIssue, answers: ReadonlySet<string>): boolean {
  const columns =
    issue.code === 'duplicate-item'
      ? issue.columns
      : issue.code === 'no-instrument' || issue.code === 'ambiguous'
        ? issue.itemLike
        : [];
  const seen = new Set<string>();
  return columns.some(({ header }) => {
    const h = normalizeHeader(header);
    if (seen.has(h)) return mayBeData(header, answers);
    seen.add(h);
    return false;
  });
}

/** The issue with every header that may be a cell value blanked (the rule above): messages then show numbers. */
export function withShownHeaders(issue: MappingIssue, answers: ReadonlySet<string>): MappingIssue {
  const shown = (columns: readonly Column[]) =>
    columns.map((c) => (mayBeData(c.header, answers) ? { ...c, header: '' } : c));
  switch (issue.code) {
    case 'no-instrument':
    case 'ambiguous':
      return { ...issue, itemLike: shown(issue.itemLike) };
    case 'unread-group':
      return { ...issue, group: mayBeData(issue.group, answers) ? '' : issue.group, columns: shown(issue.columns) };
    case 'duplicate-item':
    case 'duplicate-field':
    case 'numbered-on':
      return { ...issue, columns: shown(issue.columns) };
    case 'run-too-long': {
      const [first, last] = shown([issue.first, issue.last]) as [Column, Column];
      return { ...issue, first, last };
    }
    case 'unnamed-runs':
      return {
        ...issue,
        runs: issue.runs.map((r) => {
          const [first, last] = shown([r.first, r.last]) as [Column, Column];
          return { ...r, first, last };
        }),
      };
    default:
      return issue;
  }
}
