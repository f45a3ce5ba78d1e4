import { join } from 'node:path';
import type { Lang } from '@triage/scales';
import type { XlsxDamage, XlsxInvalidReason } from '../xlsx/xlsx-error.ts';
import { columnLetters } from './column-position.ts';
import type { CopiedAnswerPlace } from './copied-answers.ts';
import type { GroupExample } from './header-row.ts';
import type { RowIssueCode } from './read-row.ts';

/**
 * The strings of `triage import`, zh-CN and en. Messages name files, sheets, lines, columns, headers and items; none
 * takes a cell value, a name or an answer, so none can print one.
 */

/** A run of item columns numbered from 1, by its 1-based first and last columns. */
interface NumberedRunText {
  readonly first: number;
  readonly last: number;
  readonly items: number;
}

/** A run of item columns numbered from 1 that no --instrument named: its first and last columns, and what fits it. */
interface UnnamedRunText {
  /** 1-based columns, and their headers ('' when a header may be a cell value). */
  readonly first: number;
  readonly last: number;
  readonly from: string;
  readonly to: string;
  readonly items: number;
  readonly fits: readonly string[];
}

/** An instrument's part of columns numbered on: 1-based first and last columns, its first and last item ids. */
export interface NumberedOnExample {
  readonly id: string;
  readonly first: number;
  readonly last: number;
  readonly firstItem: string;
  readonly lastItem: string;
}

/** A 问卷星 matrix question: its number, 1-based first and last columns, first column's header, and rows. */
interface MatrixText {
  readonly question: number;
  readonly first: number;
  readonly last: number;
  readonly header: string;
  readonly rows: number;
}

/** A run's place in words: `Q1–Q9 at columns C–K` (or `items 1–9 at …` when the headers are not shown). */
const runAt = (r: UnnamedRunText, lang: Lang) => {
  const span = `${columnLetters(r.first)}–${columnLetters(r.last)}`;
  if (lang === 'zh')
    return `第 ${span} 列（${r.from === '' || r.to === '' ? `第 1–${r.items} 题` : `${r.from}–${r.to}`}）`;
  return `${r.from === '' || r.to === '' ? `items 1–${r.items}` : `${r.from}–${r.to}`} at columns ${span}`;
};

/** Where a CSV file stops being valid text: see CsvDecodeError. `encoding` as shown (UTF-8), `suggestions` as typed. */
type DecodeAt = {
  readonly encoding: string;
  readonly detected: boolean;
  readonly line: number;
  readonly offset: number | undefined;
  readonly mixed: boolean;
  readonly cutShort: boolean;
  readonly damaged: boolean;
  readonly suggestions: readonly string[];
};
type Where = { readonly file: string; readonly sheet: string | null; readonly line: number };
type Col = { readonly index: number; readonly header: string };
type ImportCounts = {
  readonly rows: number;
  readonly scored: number;
  readonly rejected: number;
  readonly summaryRows: number;
  readonly titleRows: number;
  readonly headerRows: number;
  readonly blankRows: number;
  readonly duplicateIds: number;
};

/** A list as said: in full up to six, else its first and last (`1 … 20`). */
const listed = (items: readonly string[], separator = ', ') =>
  items.length > 6 ? `${items[0]} … ${items.at(-1)}` : items.join(separator);

/** A list as said: its first `n`, then `more` when it has others (`3, 4, 5, …`). */
const firstOf = (items: readonly string[], n: number, separator: string, more: string) =>
  `${items.slice(0, n).join(separator)}${items.length > n ? more : ''}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An item's header as an example: PHQA1, GAD7_1 (never GAD-71, which reads as item 71). */
function itemHeader(abbreviation: string, item: string | undefined): string {
  const compact = abbreviation.replace(/[^\p{L}\p{N}]/gu, '');
  return /\d$/.test(compact) ? `${compact}_${item}` : `${compact}${item}`;
}

const rowIssuesEn: Record<Exclude<RowIssueCode, `SCALES_${string}`>, (expected: string) => string> = {
  IMPORT_FIELD_COUNT: (e) =>
    `the row does not have the header's ${e} fields (a cell lost or added; answers could shift)`,
  IMPORT_UNTERMINATED_QUOTE: () => 'a quoted field opened on this line is never closed; expected a closing "',
  IMPORT_SHEET_UNMAPPED: () => "the sheet's header row could not be mapped (see the message about this sheet)",
  IMPORT_HEADER_REPEATED: () =>
    'this line is a header row again (files or classes pasted one under another?), not a student',
  IMPORT_HEADER_UNMAPPED: (e) =>
    `a header row again, in a layout that cannot be read as this file's instruments (${e}): the rows under it, up to the next header that can be, are not read (IMPORT_UNDER_UNMAPPED_HEADER); do not delete this line: import those rows as a file of their own`,
  IMPORT_UNDER_UNMAPPED_HEADER: (e) =>
    `the row sits under the header on line ${e}, which cannot be read as this file's instruments: not read (the first header's columns are not this row's); urgent where its risk is unknown: import these rows, with that header, as a file of their own`,
  IMPORT_ABOVE_HEADER: (e) =>
    `the row sits above the header (line ${e}) and holds a student's answers, not a title or notes (pasted above the header, or moved there by a sort?): not read; move it below the header`,
  IMPORT_HEADER_ROW: () => "the file's header row again (under each class of a stacked sheet): skipped; nothing to fix",
  IMPORT_SUMMARY_ROW: () =>
    "a statistics row (合计, 平均分, 最高分 …), not a student's answers: set aside, never scored; nothing to fix",
  IMPORT_TITLE_ROW: () => 'a title line (a class heading such as 初一(2)班?), not a student: set aside; nothing to fix',
  IMPORT_CELL_ERROR: (e) =>
    `the cell holds Excel's error value ${e}: its formula failed (a lookup that found nothing?); expected an answer: fix the formula or type the answer`,
  IMPORT_CELL_FORMULA: () =>
    'the cell holds a formula saved without its value (written by a program, never opened in Excel?); expected the value itself: open the file in Excel or WPS and save it, or type the value',
  IMPORT_CELL_UNREADABLE: () =>
    "the cell holds bytes that are not text in the file's encoding (the file is damaged here: a download cut short, or a part saved in another encoding?); expected readable text: retype the cell and save again, or export the file again",
  IMPORT_NO_ANSWERS: () =>
    'no answer at all: the student did not take the screening (absent?); expected answers or remove the row',
  IMPORT_ID_MISSING: () => 'no student id; expected the student id (学号)',
  IMPORT_ID_MANGLED: (e) =>
    e === 'fraction'
      ? 'the student id is a decimal number, not an id (no id has a fraction: the id column was taken for numbers?); expected the id as written: format the column as Text and export again'
      : 'the student id is in scientific notation (Excel shortened it, digits are lost); expected the full id: format the column as Text and export again',
  IMPORT_AGE_INVALID: (e) => `age is not a whole number; expected ${e}`,
  IMPORT_AGE_RANGE: (e) => `age is outside ${e}`,
  IMPORT_SEX_INVALID: (e) => `sex not recognised; expected one of ${e} (or add codes in a --map file)`,
};

const rowIssuesZh: typeof rowIssuesEn = {
  IMPORT_FIELD_COUNT: (e) => `该行字段数与表头的 ${e} 个不符（少了或多了单元格，答案可能错位）`,
  IMPORT_UNTERMINATED_QUOTE: () => '本行开始的带引号字段没有结束；缺少右引号 "',
  IMPORT_SHEET_UNMAPPED: () => '该工作表的表头无法识别（见关于该工作表的提示）',
  IMPORT_HEADER_REPEATED: () => '这一行又是表头（几个文件或班级上下拼在一起了？），不是学生',
  IMPORT_HEADER_UNMAPPED: (e) =>
    `表头再次出现，但其列无法按本文件的量表（${e}）读取：其下直到下一个可读的表头，各行都未读取（IMPORT_UNDER_UNMAPPED_HEADER）；请勿删除这一行：请把这些行单独存为一个文件导入`,
  IMPORT_UNDER_UNMAPPED_HEADER: (e) =>
    `该行位于第 ${e} 行的表头之下，而该表头无法按本文件的量表读取：未读取（第一个表头的列不是这一行的列）；风险未知者标为紧急：请把这些行连同该表头单独存为一个文件导入`,
  IMPORT_ABOVE_HEADER: (e) =>
    `该行位于表头（第 ${e} 行）之上，是学生的作答，不是标题或说明（粘贴到了表头上方，或排序把表头移到了下面？）：未读取；请把它移到表头下方`,
  IMPORT_HEADER_ROW: () => '文件自身的表头再次出现（多个班级上下排在一张表里）：已跳过；无需修正',
  IMPORT_SUMMARY_ROW: () => '统计行（合计、平均分、最高分等），不是学生的作答：已另放，不计分；无需修正',
  IMPORT_TITLE_ROW: () => '标题行（班级标题，如 初一(2)班？），不是学生：已另放；无需修正',
  IMPORT_CELL_ERROR: (e) =>
    `单元格是 Excel 的错误值 ${e}：公式计算失败（查找没有找到？）；应为作答：请修正公式或直接填写答案`,
  IMPORT_CELL_FORMULA: () =>
    '单元格是没有保存计算结果的公式（由程序生成、未在 Excel 中打开过？）；应为数值本身：请用 Excel 或 WPS 打开后保存，或直接填写',
  IMPORT_CELL_UNREADABLE: () =>
    '单元格中有不符合文件编码的字节，无法读成文字（文件在此处损坏：下载不完整，或其中一部分用了另一种编码保存？）；应为可读的文字：请重新填写该单元格后保存，或重新导出文件',
  IMPORT_NO_ANSWERS: () => '整行没有任何作答：该学生未参加筛查（缺席？）；请补充作答或删除此行',
  IMPORT_ID_MISSING: () => '缺少学号',
  IMPORT_ID_MANGLED: (e) =>
    e === 'fraction'
      ? '学号是带小数的数字，不是学号（学号不会有小数：学号列被当成了数值？）；应为原样的学号：请把该列设为“文本”后重新导出'
      : '学号显示为科学计数法（Excel 截断了数字）；请把该列设为“文本”后重新导出',
  IMPORT_AGE_INVALID: (e) => `年龄不是整数；应为 ${e}`,
  IMPORT_AGE_RANGE: (e) => `年龄不在 ${e} 之间`,
  IMPORT_SEX_INVALID: (e) => `无法识别性别；应为 ${e} 之一（或在 --map 文件中添加代码）`,
};

const en = {
  rowIssues: rowIssuesEn,
  where: (w: Where, column?: Col) =>
    `${w.file}${w.sheet === null ? '' : ` [${w.sheet}]`}:${w.line}${column ? `, column ${column.index + 1} (${column.header})` : ''}`,
  column: (column: Col) => `column ${column.index + 1} (${column.header})`,
  readAs: (file: string, encoding: string, detected: boolean, delimiter: string) =>
    `${file}: read as ${encoding} (${detected ? 'detected' : '--encoding'}), delimiter ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}`,
  readSheets: (file: string, sheets: readonly string[]) => `${file}: workbook, sheets ${sheets.join(', ')}`,
  mapped: (where: string, instruments: readonly string[], person: readonly string[], ignored: number) =>
    `${where}: ${instruments.join(' + ')}; ${person.length > 0 ? `person columns ${person.join(', ')}` : 'no person columns'}; ${plural(ignored, 'other column')} ignored (never read)`,
  numberedOn: (where: string, abbreviation: string, columns: readonly { index: number; item: string }[]) =>
    `${where}: ${abbreviation} items ${listed(columns.map((c) => c.item))} read by position from columns ${listed(columns.map((c) => String(c.index + 1)))}, which the questionnaire numbers on rather than by item; if it asks them in another order than the form, name each column in a --map file`,
  unknownItem: (where: string, column: Col, abbreviation: string, item: string) =>
    `${where}: column ${column.index + 1} (${column.header}) looks like ${abbreviation} item ${item}, which does not exist; ignored`,
  /** A suicide question the instrument lacks (PHQ9_c beside -i phq-9); `readBy`: the instrument that has it (phq-a). */
  suicideItem: (where: string, column: Col, abbreviation: string, readBy?: string) =>
    `${where}: column ${column.index + 1} (${column.header}) looks like a suicide question, which ${abbreviation} does not have; NOT read${readBy ? `: to read it, give --instrument ${readBy} (and, where its header gives no letter, a --map file naming it ${readBy}.c or ${readBy}.d)` : ''}`,
  unmatchedKeys: (where: string, keys: readonly string[]) =>
    `${where}: the mapping file names ${keys.map((k) => `"${k}"`).join(', ')}, but no column is headed so; not used`,
  byCount: (where: string, abbreviation: string, items: number) =>
    `${where}: the ${items} unnamed item columns were taken as ${abbreviation}, the only instrument with exactly these items; if that is wrong, name it with --instrument`,
  linesAboveHeader: (where: string, line: number, above: number) =>
    `${where}: header on line ${line}; ${plural(above, 'line')} above it skipped (a title or notes, not student rows)`,
  studentsAboveHeader: (where: string, line: number, rows: number) =>
    `${where}: ${plural(rows, 'row')} above the header (line ${line}) ${rows === 1 ? 'holds' : 'hold'} a student's answers, not a title or notes: not read, in errors.csv (IMPORT_ABOVE_HEADER); move ${rows === 1 ? 'it' : 'them'} below the header`,
  newHeader: (where: string, line: number) =>
    `${where}: a header in another layout on line ${line} (another column order or other columns): the rows under it, and under the same header again, are read by it`,
  headerUnmapped: (where: string, line: number) =>
    `${where}: the header on line ${line} cannot be read as this file's instruments: the rows under it, up to the next header that can be, are not read (in errors.csv, IMPORT_UNDER_UNMAPPED_HEADER)`,
  /** `example`: from the file's header cells, each left out where it may be a student's data (see GroupExample). */
  twoRowHeader: (where: string, from: number, to: number, example?: GroupExample) => {
    const lead = `${where}: header on lines ${from}–${to}, read as one (a group row over the column names`;
    if (!example) return `${lead})`;
    const group = example.group === null ? 'the group name' : `"${example.group}"`;
    const column = `column ${example.column}`;
    const own = example.own === null ? column : `"${example.own}"${example.group === null ? ` (${column})` : ''}`;
    return `${lead}: ${group} over ${own} is ${example.instrument} item ${example.item})`;
  },
  /** `sheets`: the workbook's sheets without one (null for a CSV); a sheet's name stands for its class in the tables. */
  noClassColumn: (file: string, sheets: readonly string[] | null) =>
    sheets === null
      ? `${file}: no class column (班级); the by-class table and the class in the follow-up list will be empty: if the file has one under another header, name it in a --map file`
      : `${file}: no class column (班级) in ${plural(sheets.length, 'sheet')} (${firstOf(sheets, 3, ', ', ' …')}); the by-class table counts each by its sheet's name, and the follow-up list shows no class`,
  noIdColumn: (where: string) =>
    `${where}: no student id column; rows are named by line number, duplicates cannot be found`,
  /** A workbook sheet not read (see skipped-sheets.ts), with its non-blank rows. */
  sheetSkipped: (sheet: string, rows: number, reason: 'hidden' | 'no-columns') =>
    `sheet "${sheet}" (${plural(rows, 'row')}) not read: ${reason === 'hidden' ? 'the workbook hides it, and its header does not hold the instruments of the sheets read (an option list or lookups?)' : 'no column of it is recognised, no student id, no item (instructions?)'}; to read it, name it with the sheets to import: --sheet "${sheet}"`,
  hiddenSheetRead: (sheet: string) =>
    `sheet "${sheet}" is hidden in the workbook but read as a class: its header holds the instruments of the other sheets; if it is no class, name the sheets to import with --sheet`,
  sheetOtherInstruments: (sheet: string, theirs: readonly string[], first: readonly string[]) =>
    `sheet "${sheet}" holds ${theirs.join(' + ')}, not the ${first.join(' + ')} of the first sheet read: its rows went to errors.csv (one import reads one set of instruments); import it alone: --sheet "${sheet}"`,
  sheetUnmapped: (sheet: string) =>
    `sheet "${sheet}": header row not recognised or other instruments than the first sheet; its rows went to errors.csv (use --sheet to pick sheets)`,
  duplicates: (n: number, lines: readonly string[]) =>
    `${n === 1 ? '1 row repeats' : `${n} rows repeat`} a student id seen earlier (e.g. line ${lines.join(', ')}); all were scored, see duplicate_of in results.csv`,
  leadingZeros: (n: number, length: number, lines: readonly string[]) =>
    `${n === 1 ? '1 student id looks like it' : `${n} student ids look like they`} lost leading zeros (shorter than the ${length}-digit ids that start with 0; e.g. line ${lines.join(', ')}): format the id column as Text in Excel`,
  shortIds: (headers: readonly string[]) =>
    `every student id (${headers.join(', ')}) is a number of at most 4 digits: most likely a questionnaire platform's response numbers (1, 2, 3 …) or numbers within a class, not student ids; students of other files with the same number get the same pseudonym. Export the 学号 question or column too, or name the id column in a mapping file`,
  classesAsDates: (n: number, example: string) =>
    `${n === 1 ? '1 class reads' : `${n} classes read`} as a date (${example}): Excel turns a class typed as 7-1 or 7/1 into a date. Format the class column as text (or type '7-1) and export again; the by-class table and the follow-up list show the dates meanwhile`,
  withheldRows: (n: number) =>
    `${n === 1 ? '1 row of errors.csv has its' : `${n} rows of errors.csv have their`} cells withheld under --pseudonymize (the columns are not known, or cells may have moved: any cell could hold a name or student id): find ${n === 1 ? 'it' : 'them'} by sheet and line in the source file`,
  cellsWithheld:
    'cells withheld under --pseudonymize: the columns are not known, or cells may have moved, so any cell could hold a name or student id; find the row by its line in the source file',
  riskInRejected: (n: number) =>
    `${n === 1 ? '1 rejected row shows' : `${n} rejected rows show`} a positive or unanswered critical item: fix and re-import ${n === 1 ? 'it' : 'them'} first (errors.csv, column _urgent = yes)`,
  undecided: (n: number) =>
    `${n === 1 ? '1 scored row has' : `${n} scored rows have`} no level, or a level blank items may keep too low, because blank items leave a band open (results.csv reasons say "not decided"): check ${n === 1 ? 'its' : 'their'} blank answers (the _missing columns) and rescreen if needed`,
  rulesReadNone: (ruleSet: string, instruments: readonly string[], reads: readonly string[]) =>
    `rule set ${ruleSet} reads none of the instruments in the file (${instruments.join(', ')}): no student would get a level from them. It reads ${reads.length > 0 ? reads.join(', ') : 'no instrument'}. Give a rule set written for ${instruments.join(', ')} (triage rules show --rules <file> lists what it tests), or leave out --rules to use the default rule set`,
  rulesReadNothingOf: (ruleSet: string, instruments: readonly string[]) =>
    `rule set ${ruleSet} reads nothing of ${instruments.join(', ')}: no score or answer of ${instruments.length === 1 ? 'it' : 'theirs'} can give a student a level ("no rule fired")`,
  rulesCriticalUnread: (ruleSet: string, instrument: string, items: readonly string[]) =>
    `rule set ${ruleSet} does not read a positive ${instrument} critical item (${items.join('; ')}): a student who endorses ${items.length === 1 ? 'it' : 'one'} gets no level for that answer`,
  summaryTitle: (file: string) => `Import of ${file}`,
  counts: (c: ImportCounts) =>
    `${plural(c.rows, 'row')} read: ${c.scored} scored, ${c.rejected} rejected${c.summaryRows ? `, ${plural(c.summaryRows, 'statistics row')} (合计, 平均分 …) set aside, not scored` : ''}${c.titleRows ? `, ${plural(c.titleRows, 'title row')} (a title over the rows, such as the class name 初一(2)班) set aside` : ''}${c.headerRows ? `, ${plural(c.headerRows, 'repeated header row')} skipped` : ''}${c.blankRows ? `, ${plural(c.blankRows, 'blank row')} skipped` : ''}${c.duplicateIds ? `, ${plural(c.duplicateIds, 'duplicate id')}` : ''}`,
  levelsHeading: 'Risk levels',
  noLevel: 'no rule fired',
  byGrade: (minCell: number) =>
    `By grade (counts under ${minCell}, and cells that would give them away, hidden: <${minCell})`,
  byClass: (minCell: number) =>
    `By class (counts under ${minCell}, and cells that would give them away, hidden: <${minCell})`,
  total: 'total',
  followUpHeading: (n: number) => `Follow up first: ${plural(n, 'student')} at R3 or above`,
  followUpLine: (id: string, line: string, level: string, where: string) => `${level}  ${id}  ${line}  ${where}`,
  lineRef: (sheet: string | null, line: number) => (sheet === null ? `line ${line}` : `${sheet}:${line}`),
  moreFollowUp: (n: number) => `… and ${n} more in results.csv (level R3 or R4)`,
  noFollowUp: (urgentRejected: number): string =>
    urgentRejected > 0
      ? 'No scored student at R3 or above; rejected rows are not scored (see below).'
      : 'No student at R3 or above.',
  files: 'Files (mode 0600):',
  urgentRejected: (n: number) =>
    `${n === 1 ? '1 rejected row shows' : `${n} rejected rows show`} a risk signal: fix first (errors.csv, _urgent = yes).`,
  dryRun: 'Dry run: nothing was written.',
  unknownStudent: 'no id',
  grade: 'grade',
  class: 'class',
  interrupted: (command: string) => `interrupted; what was done is saved. Resume with: ${command}`,
  /** `fix`: what to do about the reason ({@link writeFixes}), before `next`. */
  writeFailed: (out: string, reason: string, next: string, fix: string) =>
    `could not write the results in ${out}: ${reason}. Nothing already saved is lost; ${fix}, then ${next}`,
  writeReasons: {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'a file grew past the size this system allows',
    EROFS: 'the disk is read-only',
    EACCES: 'not allowed to write there',
    EPERM: 'not allowed to write there',
    EIO: 'the disk reported an input/output error',
  } as Readonly<Record<string, string>>,
  writeFixes: {
    EFBIG: 'write where larger files are allowed (a FAT32 drive stops at 4 GB; a limit set by ulimit -f, at that)',
    EROFS: 'make the disk writable',
    EACCES: 'give yourself permission to write in that folder',
    EPERM: 'give yourself permission to write in that folder',
    EIO: 'check the disk',
  } as Readonly<Record<string, string>>,
  makeRoom: 'make room',
  reportFailed: (out: string, reason: string, next: string, fix: string) =>
    `could not write report.html in ${out}: ${reason}. Every row is saved; ${fix}, then ${next}`,
  resumeWith: (command: string) => `resume with: ${command}`,
  runAgain: 'run the same command again',
  fileNotFound: (file: string) => `${file}: file not found`,
  skipMarks: (abbreviation: string, rows: number) =>
    `${abbreviation}: ${rows === 1 ? '1 row holds' : `${rows} rows hold`} -3 or (跳过), 问卷星's mark for a question its logic did not show: read as not asked (blank; a total with an item missing is prorated where the scale allows). If the file is not a 问卷星 download, a -3 is a typo: fix it and import again`,
  codingHint: (abbreviation: string, looks: 'one-based' | 'zero-based', rows: number, yesNo = false) =>
    looks === 'one-based'
      ? `${abbreviation}: no answer uses the lowest option, and ${rows} answer${rows === 1 ? '' : 's'} are one above the highest: the file looks coded from 1; if so, import again with --coding one-based${yesNo ? " (its yes/no questions are then read only as text, 是/否: which number is 是 depends on the form's option order)" : ''}`
      : `${abbreviation}: no answer uses the highest option, and ${rows} answer${rows === 1 ? '' : 's'} are one below the lowest: the file looks coded from 0; if so, import again with --coding zero-based`,
  // QA round 16, 4: answer cells a merged range filled from another row or column (copied-answers.ts).
  copiedAnswers: (cells: number, first: CopiedAnswerPlace) =>
    `${cells === 1 ? '1 answer cell shows' : `${cells} answer cells show`} the value of a merged range that starts in another row or column (first: ${first.sheet === undefined ? '' : `sheet ${first.sheet} `}row ${first.line} column ${columnLetters(first.column.index + 1)}, ${first.column.header}): Excel keeps only the value of a merged range's first cell, so it is not that student's answer to that item; read as blank (a critical item is then unknown, as when left blank). Unmerge the cells, type each student's own answer and import again`,
  fileTotals: (
    header: string,
    differ: number,
    compared: number,
    example: string,
    asWritten: boolean,
    measure: 'total' | 'index' = 'total',
  ) =>
    `the file's own ${measure === 'index' ? 'standard score' : 'total'} column "${header}" differs from the computed ${measure === 'index' ? 'standard score' : 'total'} in ${differ} of ${compared} rows (${example})${asWritten ? '; it equals the answers summed as written, with no item reversed: the platform may have reverse-scored items already (问卷星 "按分值" with 反向计分), which triage then reverses again' : ''}. Check before using the results; to be sure, export the answers as option text (按选项文本) or option numbers (按序号) and import that`,
  classOtherGrade: (rows: number, klass: string, grade: string) =>
    `${rows} row${rows === 1 ? ' has' : 's have'} a class that names another grade than the grade column ("${klass}" under ${grade}): counted as a class of its own under ${grade}, not with the class of that number; check the grade and class columns`,
  fileTotalExample: (where: string, file: number, computed: number) =>
    `line ${where}: ${file} in the file, ${computed} computed`,
  otherInstruments: (where: string, abbreviations: readonly string[]) =>
    `${where}: the file also has ${abbreviations.join(', ')} columns, not imported because --instrument names others`,
  noRows: (file: string) => `${file}: has a header row but no data rows`,
  emptyFile: (file: string) => `${file}: the file is empty; expected a header row and one row per student`,
  /** `wpsEt`: the file is named `.et`, WPS's own name for the format. */
  oldExcel: (file: string, wpsEt: boolean) =>
    wpsEt
      ? `${file}: a WPS .et workbook, an old binary format; expected .xlsx or CSV: in WPS, save it again as .xlsx (文件 → 另存为 → .xlsx)`
      : `${file}: an old binary workbook (.xls, or WPS .et); expected .xlsx or CSV: save it again as .xlsx or "CSV UTF-8"`,
  inputChanged: (file: string) =>
    `${file} changed while it was read (its size or time of change is not what it was when the import started: a sync client, or an export saved over it); no result was kept: import it again once it is saved`,
  utf32: (file: string) =>
    `${file}: UTF-32 text, which triage does not read; expected UTF-8, GB18030 or UTF-16: open it in a text editor and save it as UTF-8`,
  notText: (file: string) => `${file}: not a text (CSV) file; expected CSV, or an .xlsx named .xlsx`,
  progress: (rows: number) => `${rows.toLocaleString('en-US')} rows…`,
  resumed: (rows: number) => `resuming after ${plural(rows, 'record')} already written`,
  resumeDryRun: (rows: number) =>
    `--resume would go on after ${plural(rows, 'record')} already written; this dry run reads the whole file and writes nothing`,
  resumedFromStart: 'the interrupted import stopped before its first checkpoint: starting again from the first record',
  upToDate: 'same file and options as the last import in this folder: results rewritten, identical',
  ephemeralKey: 'no pseudonym key yet and a dry run writes none: the pseudonyms shown are for this run only',
  sheetOnCsv: '--sheet applies to .xlsx workbooks only',
  keyExposed: (path: string) =>
    `the pseudonym key ${path} can be read by other users of this computer: whoever reads it can tell who a pseudonym is by trying student ids; expected it readable by you alone: chmod 600 ${path}`,
  keyCreated: (path: string) =>
    `created the pseudonym key ${path} (keep it private; the same key gives the same pseudonyms)`,
  prompt: {
    instruments: 'Which instruments does this file hold?',
    column: (abbreviation: string, item: string) => `Which column holds ${abbreviation} item ${item}?`,
    none: '(none of these)',
    confirm: 'Use this mapping?',
    interrupted: 'stopped at the mapping prompt (Ctrl-C or SIGTERM): nothing was read or written',
    /** The words of the prompts' key help line (`↑↓ navigate • space select …`) and of their yes/no answers. */
    keys: {} as Readonly<Record<string, string>>,
    yes: 'Yes',
    no: 'No',
    yesOrNo: (yes: string, no: string) => `You must answer with "${yes}" or "${no}"`,
  },
  saveMapping: (path: string) => `Save this mapping as ${path} for next time?`,
  overwrite: (path: string) => `${path} exists. Replace it?`,
  mappingSaved: (path: string) => `mapping saved to ${path}; use it with --map ${path}`,
  mapping: {
    /** `columns`: by number, with the header only when it is clearly one (`7 (Q1)`, `8`); `among`: several --instrument. */
    noInstrument: (where: string, columns: readonly string[], among: readonly string[] = []) => {
      const listed = firstOf(columns, 6, ', ', ', …');
      if (columns.length === 0)
        return `${where}: no item columns recognised; expected headers such as PHQA1, "GAD-7 1、…", SDS1, or Q1 with --instrument <id>; or a --map file`;
      return among.length > 1
        ? `${where}: columns ${listed} look like items but do not say which of ${among.join(', ')} they belong to; expected the instrument's name in the headers (PHQA1, "GAD-7 1、…") or in a group row over them, or a --map file`
        : `${where}: columns ${listed} look like items but do not name their instrument; expected --instrument <id> (see: triage scales list) or a --map file`;
    },
    /** `named`: the ids --instrument gave, no column headed as an item of any. */
    namedNotFound: (where: string, named: readonly string[]) => {
      const [first = ''] = named;
      const name = first.toUpperCase();
      return `${where}: no column is headed as an item of ${named.map((id) => id.toUpperCase()).join(', ')}, which --instrument names; expected headers such as ${name.replace('-', '')}_1, "${name} 1", Q1, 1、 or 第1题, or a --map file naming each column ("column 7": ${first}.1)`;
    },
    unreadGroup: (where: string, group: string, columns: readonly string[]) =>
      `${where}: the group name ${group === '' ? '' : `"${group}" `}over columns ${firstOf(columns, 6, ', ', ', …')} names no instrument, so these item columns would not be read; expected the instrument's short name in it ("PHQ-A 青少年抑郁量表", "GAD-7"), or a --map file`,
    ambiguous: (where: string, candidates: readonly string[]) =>
      `${where}: the item columns fit several instruments (${candidates.join(', ')}); expected --instrument ${candidates[0]} or another of them`,
    missingItems: (where: string, abbreviation: string, items: readonly string[]) =>
      `${where}: no column for ${abbreviation} item${items.length === 1 ? '' : 's'} ${items.join(', ')}; expected headers such as ${itemHeader(abbreviation, items[0])} or "${abbreviation} ${items[0]}、…" (or a --map file)`,
    /** `skip`: the last of the columns, as the example of a mapping file's position key. */
    /** `skip` undefined: a suicide item may be in any of the columns, so none is suggested to skip. */
    duplicateItem: (
      where: string,
      abbreviation: string,
      item: string,
      headers: readonly string[],
      skip: number | undefined,
    ) =>
      skip === undefined
        ? `${where}: columns ${headers.join(' and ')} all hold ${abbreviation} item ${item}, and a suicide question may be in any of them; expected one column per item: check which column asks ${abbreviation} item ${item} and name every column by its position in a --map file`
        : `${where}: columns ${headers.join(' and ')} all hold ${abbreviation} item ${item}; expected one column per item: delete one, or name the one not to read by its position in a --map file, "column ${skip}": ignore (column ${columnLetters(skip)} in Excel)`,
    duplicateField: (where: string, field: string, headers: readonly string[], skip: number) =>
      `${where}: columns ${headers.join(' and ')} all look like the ${field} column; expected one: delete one, or name the one not to read by its position in a --map file, "column ${skip}": ignore (column ${columnLetters(skip)} in Excel)`,
    /** `runs`: 1-based first and last columns and the number of items of each run; `among`: the named instruments. */
    numberedRuns: (where: string, runs: readonly NumberedRunText[], among: readonly string[]) =>
      `${where}: columns ${runs.map((r) => `${r.first}–${r.last}`).join(' and ')} each number items from 1, and the number of items does not tell which of ${among.join(', ')} each is; expected a --map file naming each column by position: ${runs.map((r) => `"column ${r.first}": <instrument>.1 … "column ${r.last}": <instrument>.${r.items}`).join(', then ')}, where <instrument> is one of ${among.join(', ')}`,
    /** `example`: an --instrument list in run order that reads the runs, when there is one. */
    unnamedRuns: (where: string, runs: readonly UnnamedRunText[], example: readonly string[] | undefined) => {
      const fits = runs.map(
        (r) => `${plural(r.items, 'item')}: ${r.fits.length > 0 ? r.fits.join(' or ') : 'no instrument'}`,
      );
      const say = example
        ? `expected --instrument naming them in run order, such as --instrument ${example.join(',')} (${fits.join('; ')})`
        : `expected --instrument naming them in run order (${fits.join('; ')}), or a --map file naming each column by position`;
      return `${where}: the header holds ${runs.length} runs of items, each numbered from 1 (${runs.map((r) => runAt(r, 'en')).join(' and ')}): likely ${runs.length} instruments, one after the other, and no header says which; ${say}`;
    },
    /** `matrix`: question number, 1-based first and last columns, rows; `fits`: instruments with that many items. */
    unreadMatrix: (where: string, matrix: MatrixText, fits: readonly string[], named?: readonly string[]) => {
      const at = `columns ${columnLetters(matrix.first)}–${columnLetters(matrix.last)} (${matrix.first}–${matrix.last}, "${matrix.header}" …)`;
      if (named && fits.length === 0)
        return `${where}: matrix question ${matrix.question} at ${at} has ${matrix.rows} rows, but no instrument of --instrument ${named.join(',')} has ${matrix.rows} numbered items, so it is not read; expected the --instrument of the matrix's own instrument, or a --map file naming each column by position`;
      // Several named instruments fit: naming them again cannot help, only a mapping file can say which is which.
      if (named && fits.length > 1)
        return `${where}: matrix question ${matrix.question} at ${at} has ${matrix.rows} rows, and ${fits.map((f) => f.toUpperCase()).join(', ')} of --instrument all have ${matrix.rows} items, so which one it is cannot be told from the header; expected a --map file naming its columns, such as "column ${matrix.first}": ${fits[0]}.1 … "column ${matrix.last}": ${fits[0]}.${matrix.rows}`;
      const say =
        fits.length === 0
          ? `no instrument has ${matrix.rows} numbered items; expected a --map file naming each column by position`
          : fits.length === 1
            ? `${fits[0]?.toUpperCase()} has ${matrix.rows} items: expected --instrument ${fits[0]} (or a --map file)`
            : `${fits.map((f) => f.toUpperCase()).join(', ')} all have ${matrix.rows} items: expected --instrument naming one of ${fits.join(', ')} (or a --map file)`;
      return `${where}: matrix question ${matrix.question} at ${at} has ${matrix.rows} rows, and neither its stem nor --instrument says which instrument they are; ${say}`;
    },
    /** `run`: 1-based first and last columns, their headers (blank when they may be data), its items; `has`: the instrument's. */
    runTooLong: (where: string, instrument: string, run: Omit<UnnamedRunText, 'fits'>, has: number) =>
      `${where}: columns ${run.first}–${run.last}${run.from && run.to ? ` (${run.from} … ${run.to})` : ''} number ${run.items} items straight through, but ${instrument.toUpperCase()} has ${has}: likely several instruments numbered on, one after another, so which columns are ${instrument.toUpperCase()}'s cannot be told; expected a --map file naming each ${instrument.toUpperCase()} column by position, "column <n>": ${instrument}.1 … ${instrument}.${has}, and the other columns ignore`,
    /**
     * `run`: the columns numbered on (1-based, headers blank when they may be data); `named`: --instrument's, in order;
     * `fits`: with none named, instruments with as many items; `example`: the named ones laid over the columns in order.
     */
    numberedOn: (
      where: string,
      run: Omit<UnnamedRunText, 'fits'>,
      named: readonly { readonly name: string; readonly items: number }[],
      fits: readonly string[],
      example: readonly NumberedOnExample[] | undefined,
    ) => {
      const at = `columns ${run.first}–${run.last}${run.from && run.to ? ` (${run.from} … ${run.to})` : ''}`;
      const said = `${where}: ${at} number ${run.items} questions on from the questionnaire's own (学号, 姓名 …), so no header says which instrument each is`;
      const counts = named.map((d) => `${d.name} has ${d.items}`).join(', ');
      if (example) {
        const lines = example
          .map((e) => `"column ${e.first}": ${e.id}.${e.firstItem} … "column ${e.last}": ${e.id}.${e.lastItem}`)
          .join(', ');
        return `${said}; ${counts}: ${run.items} in all, but in which order the questionnaire asks them cannot be told from the header; expected a --map file naming each column by position, ${lines} if it asks them in the order --instrument names them`;
      }
      if (named.length > 0)
        return `${said}; ${counts} item${named.length === 1 && named[0]?.items === 1 ? '' : 's'}${named.length > 1 ? `, ${named.reduce((n, d) => n + d.items, 0)} in all` : ''}, not ${run.items}; expected a --map file naming each of ${named.length === 1 ? 'its' : 'their'} columns by position ("column <n>": <instrument>.<item>), and the other columns ignore`;
      const fit =
        fits.length > 0
          ? `--instrument naming the one instrument they are (${fits.map((f) => f.toUpperCase()).join(', ')} ${fits.length === 1 ? 'has' : 'have'} ${run.items} items), or `
          : '';
      return `${said}; expected ${fit}a --map file naming each column by position ("column <n>": <instrument>.<item>)`;
    },
    unmatchedKeys: (where: string, keys: readonly string[]) =>
      `${where}: the mapping file names ${keys.map((k) => `"${k}"`).join(', ')}, but no column is headed so; expected each key as the header is written (or "column N" by position)`,
    /** `columns`: by number with header; `readBy`: the instrument that has such questions (phq-a), if one does. */
    suicideItems: (where: string, abbreviation: string, columns: readonly string[], readBy?: string) =>
      `${where}: columns ${columns.join(', ')} look like suicide questions, which ${abbreviation} does not have, so they would not be read and a "yes" there would be lost; expected ${readBy ? `--instrument ${readBy} to read them (${readBy.toUpperCase()}'s supplements c and d; where a header gives no letter, with a --map file naming it ${readBy}.c or ${readBy}.d), or ` : 'a --map file naming what they are, or '}--instrument ${abbreviation.toLowerCase()} to read ${abbreviation} alone and leave them unread`,
    noSuchColumn: (where: string, column: number, width: number) =>
      `${where}: the --map file names column ${column}, but the header has ${width} columns; expected a column from 1 to ${width}`,
    headerLooksLikeData: (where: string) =>
      `${where}: the first row looks like answers, not a header row; expected a header row: add it (or use --map)`,
    headerQuote: (where: string, column: number) =>
      `${where}: column ${column}: a quoted header cell never closes (a stray "?), so the header line ends there; expected a closing " or no quote: remove the stray quote, or open the file in Excel and save it again`,
    delimiter: (d: string) =>
      `The columns were split by ${d === '\t' ? 'tab' : `"${d}"`} (detected, or --delimiter); expected the delimiter of the file: if it is another, give it with --delimiter (, ; | or tab).`,
    fix: 'In a terminal, triage asks how to map the columns; here, give --instrument or --map (see: triage import --help).',
    encodingGiven: (encoding: string) =>
      `The file was read as ${encoding} because --encoding says so; expected headers that read as text: if they look garbled, the encoding is wrong: run without --encoding (triage detects it).`,
  },
  /** Problems of a --map file, each after its file:line:column. */
  mappingFile: {
    unknownInstrument: (id: string) => `unknown instrument "${id}" (see: triage scales list)`,
    badTarget: (value: string, fields: readonly string[]) =>
      `"${value}": expected ignore, ${fields.join(', ')}, or <instrument>.<item> such as phq-a.1`,
    noItem: (value: string, abbreviation: string, item: string, items: readonly string[]) =>
      `"${value}": ${abbreviation} has no item "${item}"; expected one of ${items.join(', ')}`,
    columnZero: (key: string) => `"${key}": column 1 is the first (A in Excel)`,
    sameColumn: (key: string, before: string) => `"${key}" is the same column as "${before}"`,
    sameHeader: (key: string, before: string) => `"${key}" is the same header as "${before}"`,
    notListed: (value: string, id: string, listed: readonly string[]) =>
      `"${value}": ${id} is not in the file's instruments (${listed.join(', ')}); expected ${id} added to instruments, or the column named as an item of ${listed.join(' or ')}`,
    notUtf8:
      'the mapping file is not UTF-8 text (saved as ANSI or GBK, as Notepad does on Chinese Windows?), so its headers would match no column; expected UTF-8: open it in Notepad, Save as, Encoding "UTF-8", and save',
    utf16:
      'the mapping file is UTF-16 text (saved as "Unicode" in Notepad?), so its headers would match no column; expected UTF-8: open it in Notepad, Save as, Encoding "UTF-8", and save',
  },
  mapInstrumentsDiffer: (map: string, named: readonly string[], meant: readonly string[]) =>
    `--instrument ${named.join(',')} and the mapping file ${map} (${meant.join(', ')}) name different instruments; expected one of them: leave out --instrument, or change the mapping file's instruments and columns`,
  inputIsFolder: (file: string) => `${file}: is a folder; expected a CSV or .xlsx file`,
  notRegular: (file: string) =>
    file === '-'
      ? `-: the import does not read standard input; expected a file: save it first (e.g. iconv -f gbk -t utf-8 export.csv > class.csv) and import that`
      : `${file}: not a regular file (a pipe, <(…), /dev/stdin or a device); the import reads a saved file: save it first (e.g. iconv -f gbk -t utf-8 export.csv > class.csv) and import that`,
  inputUnreadable: (file: string, code: string) =>
    `${file}: cannot be read (${code}${code === 'EACCES' || code === 'EPERM' ? ': no permission to read it' : ''}); expected a file you can read: check its permissions, or copy it somewhere you can`,
  inputReadFailed: (file: string, code: string, next: string) =>
    `${file}: reading it failed part way (${code}${code === 'EIO' ? ': a disk or network error, or the drive was removed' : ''}); expected a file that can be read to the end: copy it to this computer's own disk, then ${next}`,
  configDir: (dir: string, code: string) =>
    `cannot keep the pseudonym key in the config folder ${dir} (${code}${code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ': not allowed to write there' : code === 'ENOTDIR' ? ': a file stands where a folder must be' : ''}); expected a folder triage can write: check it, or set TRIAGE_CONFIG_DIR to another`,
  keyDamaged: (dir: string) =>
    `the pseudonym key file pseudonym.key in the config folder ${dir} is damaged (expected 64 hex digits); it is never replaced on its own, as pseudonyms made with it would stop matching: restore it from a backup, or move it away to make a new key (earlier pseudonyms will not match the new ones)`,
  outDir: {
    otherFile: (out: string, file: string) =>
      `${out} holds the import of another file (${file}); expected a new --out folder for this file`,
    isFile: (out: string) => `--out ${out} is a file; expected a folder for the results (a new one, or this file's)`,
    holdsInput: (out: string, name: string) =>
      `${out}: the file to import is ${name} in this folder, a name the import writes (it would be overwritten); expected another --out folder, or rename the file`,
    cannotCreate: (out: string, code: string) =>
      `could not create the folder ${out} (${code}${code === 'ENOENT' || code === 'EEXIST' ? ': a link to a folder that is not there, or a drive not connected?' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ': not allowed to write there' : ''}); expected a folder that can be created: check the path, or give another --out`,
    nothingToResume: (path: string) => `nothing to resume: no interrupted import in this folder (${path})`,
    alreadyComplete: (out: string) =>
      `nothing to resume: the import in ${out} is complete; run it again without --resume to import the file anew`,
    removedWhileWriting: (out: string) =>
      `could not write the results in ${out}: its files were removed (or the folder itself) while importing; leave the folder as it is while an import runs, then run the same command again`,
    workFiles: (out: string, path: string, missing: boolean) =>
      `cannot resume the import in ${out}: its work file ${path} is ${missing ? 'missing' : 'shorter than when it was saved (damaged, or cut when copied)'}; run the same command again without --resume to start over`,
    busy: (out: string, holder: string | undefined) =>
      holder
        ? `another import is running in ${out} (${holder}); wait for it to finish, or give another --out (if that process is no triage import, after a restart, delete ${join(out, '.triage-import.lock')}). Nothing was written`
        : `another import is starting in ${out}: its lock file (.triage-import.lock) names no process yet; wait a minute (a lock left so by an import that was killed is then taken over), or give another --out. Nothing was written`,
    busyHolder: (pid: number, host: string | undefined, started: string) =>
      `process ${pid}${host ? ` on ${host}` : ''}, started ${started}`,
    tookOver: (out: string, holder: string) =>
      `${out}: the import that held this folder is no longer running (${holder}); continuing in its place`,
    changedSince: (file: string) =>
      `the interrupted import read ${file}; that file, the options or (with --pseudonymize) the pseudonym key changed since; run again without --resume to start over`,
  },
  decodeError: (file: string, e: DecodeAt) => {
    if (e.cutShort)
      return `${file}:${e.line}: the file ends in the middle of a ${e.encoding} character${e.offset === undefined ? '' : ` (byte offset ${e.offset})`}: it was cut short (copied or downloaded part way?); expected the whole file: copy or export it again`;
    const at = `${file}:${e.line}: not valid ${e.encoding}${e.detected ? ' (detected)' : ''} from this line on${e.offset === undefined ? '' : ` (byte offset ${e.offset})`}`;
    if (e.damaged)
      return `${at}: a character of this line is damaged (a byte changed or cut out), the lines after it are ${e.encoding} text; expected valid text: retype that line's damaged cell, or export the file again`;
    const [first, second] = e.suggestions;
    if (!e.mixed && first === undefined)
      return `${at}, nor in any other encoding triage reads (UTF-8, GB18030, Big5, UTF-16): the file is in another one (Windows-1252 or another code page?); expected UTF-8: open it in Excel or WPS and save it as "CSV UTF-8", then import that`;
    if (!e.mixed)
      return `${at}; expected one encoding for the whole file: try --encoding ${first}${second ? ` (or ${second})` : ''}`;
    return `${at}, though the lines above are ${e.encoding} text: the file mixes two encodings (files pasted together?) or is damaged here; expected one encoding for the whole file: save the parts in one encoding (such as "CSV UTF-8") before joining them${!e.detected ? ', or leave out --encoding to have it detected' : e.encoding === 'GB18030' ? ' (if the whole file is GB18030 and a line of it only looks like UTF-8, give --encoding gb18030)' : ''}`;
  },
  xlsx: {
    noSuchSheet: (file: string, missing: readonly string[], sheets: readonly string[]) =>
      `${file}: no sheet ${missing.map((n) => `"${n}"`).join(', ')}; the sheets are ${sheets.join(', ')}`,
    ambiguousSheet: (file: string, requested: string, sheets: readonly string[]) =>
      `${file}: sheet "${requested}" could be ${sheets.join(' or ')}; give its exact name`,
    emptySheets: (file: string, sheets: readonly string[]) =>
      `${file}: ${sheets.length === 1 ? 'sheet' : 'sheets'} ${sheets.join(', ')} ${sheets.length === 1 ? 'is' : 'are'} empty; expected a header row and one row per student`,
    invalid: (file: string, reason: XlsxInvalidReason | undefined, damage?: XlsxDamage) => {
      if (damage?.sheet !== undefined) {
        const where = `${file}: the .xlsx workbook is damaged: sheet "${damage.sheet}"`;
        const fix = 'Excel would "repair" it by guessing; fix the workbook where it was made, or export it again';
        switch (damage.kind) {
          case 'sheet-without-part':
            return `${where} is listed, but its data is missing from the file. ${fix}`;
          case 'duplicate-sheet':
            return `${where} is there twice, and only one could be read. ${fix}`;
          case 'duplicate-cell':
            return `${where} holds cell ${damage.cell} twice, maybe with different answers. ${fix}`;
          case 'duplicate-row':
            return `${where} holds row ${damage.row} twice, maybe two students. ${fix}`;
          case 'row-out-of-range':
            return `${where} has a row numbered ${damage.row}, past Excel's last row (1,048,576). ${fix}`;
        }
      }
      switch (reason) {
        case 'legacy-or-encrypted':
          return `${file}: an old binary workbook (.xls, or WPS .et), or a workbook protected by a password: save it as .xlsx without a password, or as CSV UTF-8`;
        case 'not-zip':
          return `${file}: not an .xlsx workbook (a CSV or text file renamed .xlsx?); save it as .xlsx or CSV UTF-8`;
        case 'not-xlsx':
          return `${file}: a zip archive without an Excel workbook in it (a .docx or .ods?); save it as .xlsx or CSV UTF-8`;
        case 'unsupported':
          return `${file}: a sheet of this workbook is stored in a way that cannot be read; open it in Excel or WPS and save it again as .xlsx`;
        default:
          return `${file}: the .xlsx workbook is damaged (truncated, or a part of it is not valid); open it in Excel or WPS and save it again, or save it as CSV UTF-8`;
      }
    },
  },
  templateWritten: (files: readonly string[]) => `template written: ${files.join(', ')}`,
  templateHeaders: { studentId: 'student_id', name: 'name', sex: 'sex', age: 'age', grade: 'grade', class: 'class' },
  fieldNames: {
    studentId: 'student id',
    name: 'name',
    sex: 'sex',
    age: 'age',
    grade: 'grade',
    class: 'class',
    school: 'school',
  },
};

export type ImportMessages = typeof en;

const zh: ImportMessages = {
  rowIssues: rowIssuesZh,
  where: (w, column) =>
    `${w.file}${w.sheet === null ? '' : ` [${w.sheet}]`}:${w.line}${column ? `，第 ${column.index + 1} 列（${column.header}）` : ''}`,
  column: (column) => `第 ${column.index + 1} 列（${column.header}）`,
  readAs: (file, encoding, detected, delimiter) =>
    `${file}：按 ${encoding} 读取（${detected ? '自动识别' : '--encoding 指定'}），分隔符 ${delimiter === '\t' ? '制表符' : `"${delimiter}"`}`,
  readSheets: (file, sheets) => `${file}：Excel 工作簿，工作表 ${sheets.join('、')}`,
  mapped: (where, instruments, person, ignored) =>
    `${where}：${instruments.join(' + ')}；${person.length > 0 ? `个人信息列 ${person.join('、')}` : '没有个人信息列'}；其余 ${ignored} 列忽略（不读取）`,
  numberedOn: (where, abbreviation, columns) =>
    `${where}：${abbreviation} 第 ${listed(
      columns.map((c) => c.item),
      '、',
    )} 题按位置读自第 ${listed(
      columns.map((c) => String(c.index + 1)),
      '、',
    )} 列（问卷接续编号，题号不是量表题号，按量表原顺序读取）；若问卷中的顺序与量表不同，请在 --map 文件中逐列指定`,
  unknownItem: (where, column, abbreviation, item) =>
    `${where}：第 ${column.index + 1} 列（${column.header}）像是 ${abbreviation} 第 ${item} 题，但该量表没有此题；已忽略`,
  suicideItem: (where, column, abbreviation, readBy) =>
    `${where}：第 ${column.index + 1} 列（${column.header}）像是自杀相关问题，但 ${abbreviation} 没有此题；未读取${readBy ? `：如需读取，请用 --instrument ${readBy}（表头没有写题号字母的，再用 --map 映射文件指明为 ${readBy}.c 或 ${readBy}.d）` : ''}`,
  unmatchedKeys: (where, keys) =>
    `${where}：映射文件写了 ${keys.map((k) => `“${k}”`).join('、')}，但没有哪一列的表头是这样写的；未使用`,
  byCount: (where, abbreviation, items) =>
    `${where}：未注明量表的 ${items} 个题目列按 ${abbreviation} 读取（只有它恰好有这些题目）；如不对，请用 --instrument 指定`,
  linesAboveHeader: (where, line, above) =>
    `${where}：表头在第 ${line} 行；其上 ${above} 行（标题或说明，不是学生数据）已跳过`,
  studentsAboveHeader: (where, line, rows) =>
    `${where}：表头（第 ${line} 行）上方有 ${rows} 行是学生的作答，不是标题或说明：未读取，已写入 errors.csv（IMPORT_ABOVE_HEADER）；请移到表头下方`,
  newHeader: (where, line) =>
    `${where}：第 ${line} 行是另一种排列的表头（列的顺序或列不同）：其下各行（以及同样表头下的各行）按它读取`,
  headerUnmapped: (where, line) =>
    `${where}：第 ${line} 行的表头无法按本文件的量表读取：其下直到下一个可读的表头，各行都未读取（见 errors.csv，IMPORT_UNDER_UNMAPPED_HEADER）`,
  twoRowHeader: (where, from, to, example) => {
    const lead = `${where}：表头在第 ${from}–${to} 行，合起来读（上一行是分组名`;
    if (!example) return `${lead}）`;
    const group = example.group === null ? '分组名' : `“${example.group}”`;
    const column = `第 ${example.column} 列`;
    const own = example.own === null ? column : `“${example.own}”${example.group === null ? `（${column}）` : ''}`;
    return `${lead}：${group}下面的${own}读作 ${example.instrument} 第 ${example.item} 题）`;
  },
  noClassColumn: (file, sheets) =>
    sheets === null
      ? `${file}：没有班级列；按班级统计和跟进名单中的班级都将为空：如果文件里有班级但表头不同，请在 --map 文件中指明`
      : `${file}：${sheets.length} 个工作表（${firstOf(sheets, 3, '、', '……')}）没有班级列；按班级统计以各工作表名称代替班级，跟进名单不显示班级`,
  noIdColumn: (where) => `${where}：没有学号列；各行以行号标识，无法查重`,
  sheetSkipped: (sheet, rows, reason) =>
    `工作表“${sheet}”（${rows} 行）未读取：${reason === 'hidden' ? '它在工作簿中是隐藏的，表头也不含所读工作表的量表（是选项列表或查找表？）' : '其中没有可识别的列，没有学号，也没有题目（是填写说明？）'}；如需读取，请连同要导入的工作表一起指明：--sheet "${sheet}"`,
  hiddenSheetRead: (sheet) =>
    `工作表“${sheet}”在工作簿中是隐藏的，但已作为班级读取：它的表头含有其他工作表的量表；如果它不是班级，请用 --sheet 指明要导入的工作表`,
  sheetOtherInstruments: (sheet, theirs, first) =>
    `工作表“${sheet}”是 ${theirs.join(' + ')}，不是第一个读取的工作表的 ${first.join(' + ')}：其各行已写入 errors.csv（一次导入只读一组量表）；请单独导入它：--sheet "${sheet}"`,
  sheetUnmapped: (sheet) =>
    `工作表“${sheet}”：表头无法识别，或量表与第一个工作表不同；其各行已写入 errors.csv（可用 --sheet 选择工作表）`,
  duplicates: (n, lines) =>
    `${n} 行的学号与前面重复（如第 ${lines.join('、')} 行）；均已计分，见 results.csv 的 duplicate_of 列`,
  leadingZeros: (n, length, lines) =>
    `${n} 个学号疑似丢失了开头的 0（比以 0 开头的 ${length} 位学号短；如第 ${lines.join('、')} 行）：请在 Excel 中把学号列设为“文本”`,
  shortIds: (headers) =>
    `学号列（${headers.join('、')}）全是不超过 4 位的数字：多半是问卷平台的答卷编号（1、2、3……）或班内序号，不是学号；其他文件中号码相同的学生会得到同一个化名。请一并导出学号题或学号列，或在映射文件中指明学号列`,
  classesAsDates: (n, example) =>
    `有 ${n} 个班级被读成了日期（如 ${example}）：Excel 会把输入的 7-1、7/1 这类班级自动变成日期。请把班级列设为文本格式（或输入 '7-1）后重新导出；在此之前，分班统计和随访名单中显示的是这些日期`,
  withheldRows: (n) =>
    `errors.csv 中有 ${n} 行的单元格已按 --pseudonymize 隐去（列未能识别或单元格可能错位，任何一格都可能是姓名或学号）：请按工作表和行号在原文件中查找`,
  cellsWithheld:
    '单元格已按 --pseudonymize 隐去：列未能识别或单元格可能错位，任何一格都可能是姓名或学号；请按行号在原文件中找到该行',
  riskInRejected: (n) =>
    `${n} 个被拒收的行含阳性或未作答的危机条目：请优先修正并重新导入（errors.csv 中 _urgent = yes 的行）`,
  undecided: (n) =>
    `${n} 个已计分的行因空白条目使分级无法确定，没有等级或等级可能偏低（results.csv 的 reasons 写明“未能判定”）：请检查这些行的空白条目（_missing 列），必要时重新施测`,
  rulesReadNone: (ruleSet, instruments, reads) =>
    `规则集 ${ruleSet} 不读取文件中的任何量表（${instruments.join('、')}）：没有学生能由此得到等级。它读取的是${reads.length > 0 ? ` ${reads.join('、')}` : '：无'}。请改用为 ${instruments.join('、')} 编写的规则集（triage rules show --rules <文件> 列出它检验的内容），或去掉 --rules 使用默认规则集`,
  rulesReadNothingOf: (ruleSet, instruments) =>
    `规则集 ${ruleSet} 不读取 ${instruments.join('、')} 的任何结果：其得分和作答都不会使学生得到等级（“未触发规则”）`,
  rulesCriticalUnread: (ruleSet, instrument, items) =>
    `规则集 ${ruleSet} 不读取 ${instrument} 危机条目的阳性结果（${items.join('；')}）：作答阳性的学生不会因此得到等级`,
  summaryTitle: (file) => `导入 ${file}`,
  counts: (c) =>
    `读取 ${c.rows} 行：计分 ${c.scored}，拒收 ${c.rejected}${c.summaryRows ? `，统计行（合计、平均分等）${c.summaryRows} 行另放、未计分` : ''}${c.titleRows ? `，标题行（表格中的标题，如班级名初一(2)班）${c.titleRows} 行另放` : ''}${c.headerRows ? `，跳过重复的表头 ${c.headerRows} 行` : ''}${c.blankRows ? `，跳过空行 ${c.blankRows}` : ''}${c.duplicateIds ? `，重复学号 ${c.duplicateIds}` : ''}`,
  levelsHeading: '风险等级',
  noLevel: '未触发规则',
  byGrade: (minCell) => `按年级（小于 ${minCell} 的格子及可据此推算的格子隐藏为 <${minCell}）`,
  byClass: (minCell) => `按班级（小于 ${minCell} 的格子及可据此推算的格子隐藏为 <${minCell}）`,
  total: '合计',
  followUpHeading: (n) => `优先跟进：R3 及以上学生 ${n} 人`,
  followUpLine: (id, line, level, where) => `${level}  ${id}  ${line}  ${where}`,
  lineRef: (sheet, line) => (sheet === null ? `第 ${line} 行` : `${sheet}:${line}`),
  moreFollowUp: (n) => `…… 另有 ${n} 人，见 results.csv（等级 R3 或 R4）`,
  noFollowUp: (urgentRejected) =>
    urgentRejected > 0 ? '已计分的学生中没有 R3 及以上的；被拒收的行没有计分（见下）。' : '没有 R3 及以上的学生。',
  files: '文件（权限 0600）：',
  urgentRejected: (n) => `${n} 个被拒收的行含风险信号：请优先修正（errors.csv 中 _urgent = yes 的行）。`,
  dryRun: '试运行：未写入任何文件。',
  unknownStudent: '无学号',
  grade: '年级',
  class: '班级',
  interrupted: (command) => `已中断；已完成的部分已保存。继续导入：${command}`,
  writeFailed: (out, reason, next, fix) => `无法在 ${out} 中写入结果：${reason}。已保存的部分不会丢失；${fix}后${next}`,
  writeReasons: {
    ENOSPC: '磁盘已满',
    EDQUOT: '磁盘配额已用完',
    EFBIG: '文件超过了系统允许的大小',
    EROFS: '磁盘为只读',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EIO: '磁盘报告读写错误',
  },
  writeFixes: {
    EFBIG: '改写到允许更大文件的位置（FAT32 磁盘上限 4 GB；用 ulimit -f 设的上限亦然）',
    EROFS: '让磁盘可写',
    EACCES: '给自己该文件夹的写入权限',
    EPERM: '给自己该文件夹的写入权限',
    EIO: '检查磁盘',
  },
  makeRoom: '腾出空间',
  reportFailed: (out, reason, next, fix) =>
    `无法在 ${out} 中写入 report.html：${reason}。所有行均已保存；${fix}后${next}`,
  resumeWith: (command) => `继续导入：${command}`,
  runAgain: '重新运行同一命令',
  fileNotFound: (file) => `${file}：找不到文件`,
  skipMarks: (abbreviation, rows) =>
    `${abbreviation}：${rows} 行含 -3 或“(跳过)”（问卷星对逻辑跳过、未显示题目的标记），按未作答处理（空白；量表允许时，缺一题的总分按比例折算）。若文件并非问卷星导出，-3 应为录入错误：请修正后重新导入`,
  codingHint: (abbreviation, looks, rows, yesNo = false) =>
    looks === 'one-based'
      ? `${abbreviation}：没有任何作答是最低选项，却有 ${rows} 个作答比最高选项大 1：文件似乎从 1 开始编码；如是，请加 --coding one-based 重新导入${yesNo ? '（此时“是/否”题只按文字读取：数字 1 是“是”还是“否”取决于问卷中选项的先后）' : ''}`
      : `${abbreviation}：没有任何作答是最高选项，却有 ${rows} 个作答比最低选项小 1：文件似乎从 0 开始编码；如是，请加 --coding zero-based 重新导入`,
  // QA round 16, 4: answer cells a merged range filled from another row or column (copied-answers.ts).
  copiedAnswers: (cells, first) =>
    `${cells} 个作答单元格显示的是从另一行或另一列开始的合并单元格的值（第一个：${first.sheet === undefined ? '' : `工作表 ${first.sheet} `}第 ${first.line} 行 ${columnLetters(first.column.index + 1)} 列，${first.column.header}）：合并单元格只保留第一个单元格的值，这不是该学生对这道题的作答；已按空白读取（危机条目因此为未知，与空着相同）。请取消合并，为每个学生填入各自的作答后重新导入`,
  fileTotals: (header, differ, compared, example, asWritten, measure = 'total') =>
    `文件自带的${measure === 'index' ? '标准分' : '总分'}列“${header}”在 ${compared} 行中有 ${differ} 行与计算出的${measure === 'index' ? '标准分' : '总分'}不同（${example}）${asWritten ? '；它等于按原样相加的作答、没有反向计分：平台可能已对反向题计分（问卷星“按分值”下载并设置了反向计分），triage 又反向了一次' : ''}。使用结果前请核对；稳妥的做法是按“选项文本”或“选项序号”导出作答后再导入`,
  classOtherGrade: (rows, klass, grade) =>
    `有 ${rows} 行的班级名写的是另一个年级（“${klass}”在 ${grade} 下）：在 ${grade} 下单独算作一个班，不与同号的班合并；请核对年级列和班级列`,
  fileTotalExample: (where, file, computed) => `第 ${where} 行：文件中为 ${file}，计算为 ${computed}`,
  otherInstruments: (where, abbreviations) =>
    `${where}：文件中还有 ${abbreviations.join('、')} 的列，因 --instrument 指定了其他量表而未导入`,
  noRows: (file) => `${file}：只有表头，没有数据行`,
  emptyFile: (file) => `${file}：文件是空的；应有一行表头，每个学生一行`,
  oldExcel: (file, wpsEt) =>
    wpsEt
      ? `${file}：WPS 表格的 .et 工作簿（旧版二进制格式）；请在 WPS 里另存为 .xlsx（文件 → 另存为 → .xlsx）`
      : `${file}：旧版二进制工作簿（.xls，或 WPS 的 .et）；请另存为 .xlsx 或“CSV UTF-8”`,
  inputChanged: (file) =>
    `${file} 在读取过程中被改动了（大小或修改时间与开始导入时不同：同步软件，或另一次导出覆盖了它）；没有保留任何结果：请等文件保存好后重新导入`,
  utf32: (file) =>
    `${file}：UTF-32 编码的文本，triage 不读取；应为 UTF-8、GB18030 或 UTF-16：请用文本编辑器打开并另存为 UTF-8`,
  notText: (file) => `${file}：不是文本（CSV）文件；应为 CSV，或扩展名为 .xlsx 的 Excel 工作簿`,
  progress: (rows) => `已读取 ${rows.toLocaleString('en-US')} 行……`,
  resumed: (rows) => `从第 ${rows} 条记录之后继续`,
  resumeDryRun: (rows) => `加 --resume 时将从已写入的 ${rows} 条记录之后继续；本次试运行读取整个文件，不写入任何内容`,
  resumedFromStart: '中断的导入在第一个检查点之前就已停止：从第一条记录重新开始',
  upToDate: '与此文件夹上次导入的文件和选项相同：结果已重写，内容一致',
  ephemeralKey: '尚无化名密钥，试运行也不会创建：此次显示的化名仅对本次有效',
  sheetOnCsv: '--sheet 只适用于 .xlsx 工作簿',
  keyExposed: (path) =>
    `化名密钥 ${path} 本机其他用户也能读取：读到密钥的人可以逐个尝试学号，认出化名对应的学生；应只有你自己能读：chmod 600 ${path}`,
  keyCreated: (path) => `已创建化名密钥 ${path}（请妥善保管；同一密钥得到相同化名）`,
  prompt: {
    instruments: '此文件包含哪些量表？',
    column: (abbreviation, item) => `哪一列是 ${abbreviation} 第 ${item} 题？`,
    none: '（都不是）',
    confirm: '使用此映射？',
    interrupted: '已在列映射提问处停止（Ctrl-C 或 SIGTERM）：未读取任何行，也未写入任何文件',
    keys: {
      navigate: '上下移动',
      space: '空格',
      select: '选择',
      all: '全选',
      invert: '反选',
      '⏎': '回车',
      submit: '确定',
    },
    yes: '是',
    no: '否',
    yesOrNo: (yes, no) => `请回答「${yes}」或「${no}」（也可输入 y 或 n）`,
  },
  saveMapping: (path) => `将此列映射保存为 ${path} 以便下次使用？`,
  overwrite: (path) => `${path} 已存在。替换？`,
  mappingSaved: (path) => `列映射已保存到 ${path}；下次使用 --map ${path}`,
  mapping: {
    noInstrument: (where, columns, among = []) => {
      const listed = firstOf(columns, 6, '、', '……');
      if (columns.length === 0)
        return `${where}：没有识别到题目列；表头应类似 PHQA1、“GAD-7 1、……”、SDS1，或 Q1 加 --instrument <量表>；或提供 --map 映射文件`;
      return among.length > 1
        ? `${where}：第 ${listed} 列像是题目列，但没有注明属于 ${among.join('、')} 中的哪一个；表头（或其上的分组行）应含量表名（PHQA1、“GAD-7 1、……”），或提供 --map 映射文件`
        : `${where}：第 ${listed} 列像是题目列，但没有注明量表；请用 --instrument <量表> 指定（见 triage scales list），或提供 --map 映射文件`;
    },
    namedNotFound: (where, named) => {
      const [first = ''] = named;
      const name = first.toUpperCase();
      return `${where}：没有哪一列的表头是 --instrument 所指 ${named.map((id) => id.toUpperCase()).join('、')} 的题目；表头应类似 ${name.replace('-', '')}_1、“${name} 1”、Q1、1、或 第1题，或提供 --map 映射文件逐列指明（"column 7": ${first}.1）`;
    },
    unreadGroup: (where, group, columns) =>
      `${where}：第 ${firstOf(columns, 6, '、', '……')} 列上方的分组名${group === '' ? '' : `“${group}”`}不是量表名，这些题目列将不会被读取；分组名应含量表简称（“PHQ-A 青少年抑郁量表”“GAD-7”），或提供 --map 映射文件`,
    ambiguous: (where, candidates) =>
      `${where}：这些题目列可对应多个量表（${candidates.join('、')}）；请用 --instrument ${candidates[0]} 等指定`,
    missingItems: (where, abbreviation, items) =>
      `${where}：缺少 ${abbreviation} 第 ${items.join('、')} 题的列；表头应类似 ${itemHeader(abbreviation, items[0])} 或“${abbreviation} ${items[0]}、……”（或用 --map）`,
    duplicateItem: (where, abbreviation, item, headers, skip) =>
      skip === undefined
        ? `${where}：${headers.join(' 和 ')} 列都对应 ${abbreviation} 第 ${item} 题，而其中任何一列都可能是自杀相关问题；每题只能有一列：请核对哪一列是 ${abbreviation} 第 ${item} 题，并在 --map 映射文件中按位置逐列指明`
        : `${where}：${headers.join(' 和 ')} 列都对应 ${abbreviation} 第 ${item} 题；每题只能有一列：请删去一列，或在 --map 映射文件中按位置指明不读的那一列："第${skip}列": ignore（即 Excel 的 ${columnLetters(skip)} 列）`,
    duplicateField: (where, field, headers, skip) =>
      `${where}：${headers.join(' 和 ')} 列都像是“${field}”列；只能有一列：请删去一列，或在 --map 映射文件中按位置指明不读的那一列："第${skip}列": ignore（即 Excel 的 ${columnLetters(skip)} 列）`,
    numberedRuns: (where, runs, among) =>
      `${where}：第 ${runs.map((r) => `${r.first}–${r.last}`).join(' 和 ')} 列各自从第 1 题编号，按题数分不出各属于 ${among.join('、')} 中的哪一个；请提供 --map 映射文件，按位置逐列指明：${runs.map((r) => `"第${r.first}列": <量表>.1 …… "第${r.last}列": <量表>.${r.items}`).join('，然后 ')}，其中 <量表> 为 ${among.join('、')} 之一`,
    unnamedRuns: (where, runs, example) => {
      const fits = runs.map((r) => `${r.items} 题：${r.fits.length > 0 ? r.fits.join(' 或 ') : '没有相符的量表'}`);
      const say = example
        ? `请用 --instrument 按先后顺序指明，例如 --instrument ${example.join(',')}（${fits.join('；')}）`
        : `请用 --instrument 按先后顺序指明（${fits.join('；')}），或提供 --map 映射文件按位置逐列指明`;
      return `${where}：表头中有 ${runs.length} 组各自从第 1 题编号的题目（${runs.map((r) => runAt(r, 'zh')).join(' 和 ')}）：很可能是前后相接的 ${runs.length} 个量表，而表头没有写明各是哪个；${say}`;
    },
    unreadMatrix: (where, matrix, fits, named) => {
      const at = `第 ${columnLetters(matrix.first)}–${columnLetters(matrix.last)} 列（第 ${matrix.first}–${matrix.last} 列，“${matrix.header}”……）`;
      if (named && fits.length === 0)
        return `${where}：${at}是矩阵题第 ${matrix.question} 题，共 ${matrix.rows} 行，但 --instrument ${named.join(',')} 中没有 ${matrix.rows} 道编号题的量表，因此不读取；请用 --instrument 指定该矩阵题本身的量表，或提供 --map 映射文件按位置逐列指明`;
      if (named && fits.length > 1)
        return `${where}：${at}是矩阵题第 ${matrix.question} 题，共 ${matrix.rows} 行，--instrument 中的 ${fits.map((f) => f.toUpperCase()).join('、')} 都有 ${matrix.rows} 题，从表头看不出是哪一个；请提供 --map 映射文件逐列指明，例如 "column ${matrix.first}": ${fits[0]}.1 …… "column ${matrix.last}": ${fits[0]}.${matrix.rows}`;
      const say =
        fits.length === 0
          ? `没有哪个量表有 ${matrix.rows} 道编号题；请提供 --map 映射文件按位置逐列指明`
          : fits.length === 1
            ? `${fits[0]?.toUpperCase()} 有 ${matrix.rows} 题：请用 --instrument ${fits[0]} 指定（或提供 --map 映射文件）`
            : `${fits.map((f) => f.toUpperCase()).join('、')} 都有 ${matrix.rows} 题：请用 --instrument 指定其中之一：${fits.join('、')}（或提供 --map 映射文件）`;
      return `${where}：${at}是矩阵题第 ${matrix.question} 题，共 ${matrix.rows} 行，题干和 --instrument 都没有说明是哪个量表；${say}`;
    },
    numberedOn: (where, run, named, fits, example) => {
      const at = `第 ${run.first}–${run.last} 列${run.from && run.to ? `（${run.from} …… ${run.to}）` : ''}`;
      const said = `${where}：${at}共 ${run.items} 题，接着问卷自身的题号（学号、姓名……）编号，表头没有写明各属于哪个量表`;
      const counts = named.map((d) => `${d.name} 有 ${d.items} 题`).join('，');
      if (example) {
        const lines = example
          .map((e) => `"第${e.first}列": ${e.id}.${e.firstItem} …… "第${e.last}列": ${e.id}.${e.lastItem}`)
          .join('，');
        return `${said}；${counts}，共 ${run.items} 题，但从表头看不出问卷问它们的先后顺序；请提供 --map 映射文件按位置逐列指明：如果问卷按 --instrument 的顺序提问，即 ${lines}`;
      }
      if (named.length > 0)
        return `${said}；${counts}${named.length > 1 ? `，共 ${named.reduce((n, d) => n + d.items, 0)} 题` : ''}，而不是 ${run.items} 题；请提供 --map 映射文件按位置逐列指明这些量表的列（"第<n>列": <量表>.<题号>），其余列 ignore`;
      const fit =
        fits.length > 0
          ? `用 --instrument 指明它们是哪一个量表（${fits.map((f) => f.toUpperCase()).join('、')} 有 ${run.items} 题），或`
          : '';
      return `${said}；请${fit}提供 --map 映射文件按位置逐列指明（"第<n>列": <量表>.<题号>）`;
    },
    unmatchedKeys: (where, keys) =>
      `${where}：映射文件写了 ${keys.map((k) => `“${k}”`).join('、')}，但没有哪一列的表头是这样写的；每个键应与表头写法一致（或按位置写 "第N列"）`,
    runTooLong: (where, instrument, run, has) =>
      `${where}：第 ${run.first}–${run.last} 列${run.from && run.to ? `（${run.from} …… ${run.to}）` : ''}连续编号共 ${run.items} 题，但 ${instrument.toUpperCase()} 只有 ${has} 题：很可能是几个量表前后相接、连续编号，分不出哪些列是 ${instrument.toUpperCase()}；请提供 --map 映射文件，按位置逐列指明 ${instrument.toUpperCase()} 的列（"第<n>列": ${instrument}.1 …… ${instrument}.${has}），其余列 ignore`,
    suicideItems: (where, abbreviation, columns, readBy) =>
      `${where}：第 ${columns.join('、')} 列像是自杀相关问题，但 ${abbreviation} 没有这些题，它们将不会被读取，其中的“是”会被漏掉；${readBy ? `请用 --instrument ${readBy} 读取（即 ${readBy.toUpperCase()} 的补充题 c 和 d；表头没有写题号字母的，再用 --map 映射文件指明为 ${readBy}.c 或 ${readBy}.d），或` : '请提供 --map 映射文件指明它们是什么，或'}用 --instrument ${abbreviation.toLowerCase()} 只读取 ${abbreviation}、不读这些列`,
    noSuchColumn: (where, column, width) =>
      `${where}：--map 映射文件指定了第 ${column} 列，但表头只有 ${width} 列；应为第 1 到 ${width} 列`,
    headerLooksLikeData: (where) => `${where}：第一行像是答案，而不是表头行；请补上表头行（或用 --map）`,
    headerQuote: (where, column) =>
      `${where}：第 ${column} 列：表头中带引号的单元格没有结束（多了一个 "？），表头行到此为止；应补上右引号或去掉引号：请删除多余的引号，或在 Excel 里打开后重新保存`,
    delimiter: (d) =>
      `各列是按${d === '\t' ? '制表符' : ` "${d}" `}拆分的（自动识别或 --delimiter 指定）；应使用文件实际的分隔符：如果不是它，请用 --delimiter 指定（, ; | 或 tab）。`,
    fix: '在终端中运行时会询问如何对应各列；此处请提供 --instrument 或 --map（见 triage import --help）。',
    encodingGiven: (encoding) =>
      `文件是按 --encoding 指定的 ${encoding} 读取的；表头应能读成正常文字：如果看起来是乱码，说明编码不对：请去掉 --encoding 重新运行（triage 会自动识别）。`,
  },
  mappingFile: {
    unknownInstrument: (id) => `不认识的量表“${id}”（见 triage scales list）`,
    badTarget: (value, fields) => `“${value}”：应为 ignore、${fields.join('、')}，或 <量表>.<题号>（例如 phq-a.1）`,
    noItem: (value, abbreviation, item, items) =>
      `“${value}”：${abbreviation} 没有第“${item}”题；应为 ${items.join('、')} 之一`,
    columnZero: (key) => `“${key}”：第 1 列是最左边一列（Excel 的 A 列）`,
    sameColumn: (key, before) => `“${key}”与“${before}”是同一列`,
    sameHeader: (key, before) => `“${key}”与“${before}”是同一个表头`,
    notListed: (value, id, listed) =>
      `“${value}”：${id} 不在文件的 instruments（${listed.join('、')}）中；请把 ${id} 加入 instruments，或把该列指明为 ${listed.join(' 或 ')} 的题目`,
    notUtf8:
      '映射文件不是 UTF-8 编码（用记事本按 ANSI 或 GBK 保存的？），其中的表头将对不上任何列；应为 UTF-8：请用记事本打开，“另存为”，编码选“UTF-8”后保存',
    utf16:
      '映射文件是 UTF-16 编码（记事本里的“Unicode”？），其中的表头将对不上任何列；应为 UTF-8：请用记事本打开，“另存为”，编码选“UTF-8”后保存',
  },
  mapInstrumentsDiffer: (map, named, meant) =>
    `--instrument ${named.join(',')} 与映射文件 ${map}（${meant.join('、')}）指定的量表不同；只能以其中一个为准：请去掉 --instrument，或修改映射文件的 instruments 和各列`,
  inputIsFolder: (file) => `${file}：是一个文件夹；应为 CSV 或 .xlsx 文件`,
  notRegular: (file) =>
    file === '-'
      ? `-：导入不读取标准输入；应为文件：请先保存为文件（例如 iconv -f gbk -t utf-8 export.csv > class.csv）再导入`
      : `${file}：不是普通文件（管道、<(…)、/dev/stdin 或设备）；导入需要已保存的文件：请先保存为文件（例如 iconv -f gbk -t utf-8 export.csv > class.csv）再导入`,
  inputUnreadable: (file, code) =>
    `${file}：无法读取（${code}${code === 'EACCES' || code === 'EPERM' ? '：没有读取权限' : ''}）；应为可以读取的文件：请检查文件权限，或复制到有权限的位置`,
  inputReadFailed: (file, code, next) =>
    `${file}：读取中途失败（${code}${code === 'EIO' ? '：磁盘或网络出错，或移动存储已拔出' : ''}）；应为能完整读取的文件：请把它复制到本机磁盘，然后${next}`,
  configDir: (dir, code) =>
    `无法在配置文件夹 ${dir} 中保存化名密钥（${code}${code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? '：没有写入权限' : code === 'ENOTDIR' ? '：应为文件夹的位置是一个文件' : ''}）；应为 triage 可以写入的文件夹：请检查，或将 TRIAGE_CONFIG_DIR 设为其他文件夹`,
  keyDamaged: (dir) =>
    `配置文件夹 ${dir} 中的化名密钥文件 pseudonym.key 已损坏（应为 64 位十六进制数字）；它不会被自动替换，否则用它生成的化名将不再对应：请从备份恢复，或把它移走以生成新密钥（之前的化名将与新的不再对应）`,
  outDir: {
    otherFile: (out, file) => `${out} 中已有另一个文件（${file}）的导入结果；请为此文件另选 --out 文件夹`,
    isFile: (out) => `--out ${out} 是一个文件；应为存放结果的文件夹（新文件夹，或此文件原来的结果文件夹）`,
    holdsInput: (out, name) =>
      `${out}：要导入的文件就是此文件夹中的 ${name}，而导入会写入这个文件名（会被覆盖）；请另选 --out 文件夹，或给文件改名`,
    cannotCreate: (out, code) =>
      `无法创建文件夹 ${out}（${code}${code === 'ENOENT' || code === 'EEXIST' ? '：指向不存在的文件夹的链接，或外接磁盘未连接？' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? '：没有写入权限' : ''}）；应为可以创建的文件夹：请检查路径，或另选 --out`,
    nothingToResume: (path) => `没有可继续的导入：此文件夹中没有中断的导入（${path}）`,
    alreadyComplete: (out) => `没有可继续的导入：${out} 中的导入已经完成；如需重新导入，请去掉 --resume 再运行`,
    removedWhileWriting: (out) =>
      `无法在 ${out} 中写入结果：导入进行中，其中的文件（或文件夹本身）被删除了；导入时请不要改动该文件夹，然后重新运行同一命令`,
    workFiles: (out, path, missing) =>
      `无法继续 ${out} 中的导入：工作文件 ${path} ${missing ? '不见了' : '比保存时短（已损坏，或复制时被截断）'}；请去掉 --resume 重新运行同一命令，从头导入`,
    busy: (out, holder) =>
      holder
        ? `${out} 中另一个导入正在运行（${holder}）；请等它完成，或另选 --out（若该进程并非 triage 导入，例如重启之后，请删除 ${join(out, '.triage-import.lock')}）。未写入任何内容`
        : `${out} 中另一个导入正在启动：它的锁文件（.triage-import.lock）还没有写明进程；请等一分钟（被强行结束的导入留下的这种锁届时会被接替），或另选 --out。未写入任何内容`,
    busyHolder: (pid, host, started) => `进程 ${pid}${host ? `（${host}）` : ''}，开始于 ${started}`,
    tookOver: (out, holder) => `${out}：原先占用此文件夹的导入已不在运行（${holder}）；由本次导入接替`,
    changedSince: (file) =>
      `中断的导入读取的是 ${file}；该文件、选项或（加 --pseudonymize 时）化名密钥在中断后已改变；请去掉 --resume 重新导入`,
  },
  decodeError: (file, e) => {
    if (e.cutShort)
      return `${file}:${e.line}：文件在一个 ${e.encoding} 字符的中间结束${e.offset === undefined ? '' : `（字节偏移 ${e.offset}）`}：文件不完整（复制或下载到一半？）；应为完整的文件：请重新复制或导出`;
    const at = `${file}:${e.line}：从此行起不是有效的 ${e.encoding} 文本（${e.detected ? '自动识别的编码' : '--encoding 指定的编码'}${e.offset === undefined ? '' : `，字节偏移 ${e.offset}`}）`;
    if (e.damaged)
      return `${at}：此行有字符已损坏（某个字节被改动或缺失），其后各行是 ${e.encoding} 文本；应为有效的文本：请重新输入此行损坏的单元格，或重新导出文件`;
    const [first, second] = e.suggestions;
    if (!e.mixed && first === undefined)
      return `${at}，也不是 triage 能读的其他编码（UTF-8、GB18030、Big5、UTF-16）：文件用了别的编码（Windows-1252 或其他代码页？）；应为 UTF-8：请用 Excel 或 WPS 打开，另存为“CSV UTF-8”后再导入`;
    if (!e.mixed) return `${at}；整个文件应为同一编码：请尝试 --encoding ${first}${second ? `（或 ${second}）` : ''}`;
    return `${at}，而前面各行是有效的 ${e.encoding} 文本：文件混用了两种编码（例如直接拼接了两个文件）或在此处损坏；整个文件应为同一编码：请先把各部分保存为同一编码（如“CSV UTF-8”）再合并${!e.detected ? '，或去掉 --encoding 让程序自动识别' : e.encoding === 'GB18030' ? '（如果整个文件确实是 GB18030，只是某行看起来像 UTF-8，请加 --encoding gb18030）' : ''}`;
  },
  xlsx: {
    noSuchSheet: (file, missing, sheets) =>
      `${file}：没有工作表${missing.map((n) => `“${n}”`).join('、')}；现有工作表：${sheets.join('、')}`,
    ambiguousSheet: (file, requested, sheets) =>
      `${file}：工作表“${requested}”可能是 ${sheets.join(' 或 ')}；请给出确切的名称`,
    emptySheets: (file, sheets) => `${file}：工作表 ${sheets.join('、')} 是空的；应有一行表头，每个学生一行`,
    invalid: (file, reason, damage) => {
      if (damage?.sheet !== undefined) {
        const where = `${file}：.xlsx 工作簿已损坏：工作表“${damage.sheet}”`;
        const fix = 'Excel 会靠猜测“修复”它；请在生成该工作簿的地方改正，或重新导出';
        switch (damage.kind) {
          case 'sheet-without-part':
            return `${where}列在工作簿中，但文件里缺少它的数据。${fix}`;
          case 'duplicate-sheet':
            return `${where}出现了两次，只能读到其中一个。${fix}`;
          case 'duplicate-cell':
            return `${where}中单元格 ${damage.cell} 出现了两次，两处的答案可能不同。${fix}`;
          case 'duplicate-row':
            return `${where}中第 ${damage.row} 行出现了两次，可能是两名学生。${fix}`;
          case 'row-out-of-range':
            return `${where}中有编号为 ${damage.row} 的行，超出了 Excel 的最后一行（1,048,576）。${fix}`;
        }
      }
      switch (reason) {
        case 'legacy-or-encrypted':
          return `${file}：旧版二进制工作簿（.xls，或 WPS 的 .et），或设了打开密码的工作簿：请去掉密码另存为 .xlsx，或另存为 CSV UTF-8`;
        case 'not-zip':
          return `${file}：不是 .xlsx 工作簿（是改了扩展名的 CSV 或文本文件？）；请另存为 .xlsx 或 CSV UTF-8`;
        case 'not-xlsx':
          return `${file}：是压缩包，但里面没有 Excel 工作簿（.docx 或 .ods？）；请另存为 .xlsx 或 CSV UTF-8`;
        case 'unsupported':
          return `${file}：工作簿中有工作表的存储方式无法读取；请用 Excel 或 WPS 打开后重新另存为 .xlsx`;
        default:
          return `${file}：.xlsx 工作簿已损坏（不完整，或其中部分内容无效）；请用 Excel 或 WPS 打开后重新保存，或另存为 CSV UTF-8`;
      }
    },
  },
  templateWritten: (files) => `模板已写入：${files.join('、')}`,
  templateHeaders: { studentId: '学号', name: '姓名', sex: '性别', age: '年龄', grade: '年级', class: '班级' },
  fieldNames: {
    studentId: '学号',
    name: '姓名',
    sex: '性别',
    age: '年龄',
    grade: '年级',
    class: '班级',
    school: '学校',
  },
};

export function importMessages(lang: Lang): ImportMessages {
  return lang === 'zh' ? zh : en;
}
