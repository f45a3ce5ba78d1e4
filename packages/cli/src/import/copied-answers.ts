import type { Column } from './columns.ts';
import type { InstrumentPlan, SourceRecord } from './read-row.ts';

/*
 * Excel keeps one value of a merged range, its top-left cell's, and shows it in every cell of the range; the workbook
 * reader does the same (merged-cells.ts). A class merged down its students' rows is every student's class. But an
 * answer cell merged down over the next student's row (item 9 of one student over the next one's, whose own answer is
 * gone), or across the next item (items 8–9, c–d), shows an answer the student never gave to that item: a critical
 * item would be imputed from a neighbour. Such a cell is not this student's answer: it is read as blank (unknown),
 * and the import says where.
 */

/** Where the first answer cell read as blank is, for the warning; never its value. */
export interface CopiedAnswerPlace {
  readonly sheet: string | undefined;
  readonly line: number;
  readonly column: Column;
}

/** Answer cells read as blank because a merged range filled them from another cell, over the whole file. */
export class CopiedAnswers {
  cells = 0;
  first: CopiedAnswerPlace | undefined;

  note(record: SourceRecord, column: Column, cells: number): void {
    this.cells += cells;
    this.first ??= { sheet: record.sheet, line: record.line, column };
  }
}

/**
 * The row's cells with every answer cell that holds another cell's value (`record.copied`, see above) read as blank,
 * the answer columns so read, and how many: `fields` itself when there are none (every CSV row, most workbook rows).
 */
export function ownAnswers(
  record: SourceRecord,
  plans: readonly InstrumentPlan[],
): { readonly fields: readonly string[]; readonly copied: readonly Column[] } {
  const { fields, copied } = record;
  if (!copied) return { fields, copied: [] };
  const columns: Column[] = [];
  let own: string[] | undefined;
  for (const { items } of plans) {
    for (const column of items) {
      if (!copied.includes(column.index) || (fields[column.index] ?? '') === '') continue;
      own ??= [...fields];
      own[column.index] = '';
      columns.push(column);
    }
  }
  return { fields: own ?? fields, copied: columns.sort((a, b) => a.index - b.index) };
}
