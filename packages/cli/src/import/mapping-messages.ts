import { getInstrument } from '@triage/scales';
import type { Column, MappingIssue } from './columns.ts';
import { SUICIDE_WORDING } from './found-items.ts';
import type { ImportMessages, NumberedOnExample } from './messages.ts';

/** Columns by number, with the header where the issue kept it (it is blank when it may be a cell value). */
const numbered = (columns: readonly Column[]) =>
  columns.map((c) => (c.header.trim() === '' ? `${c.index + 1}` : `${c.index + 1} (${c.header})`));

/** The 1-based number of the last of `columns`: the one a mapping file's example skips. */
const lastColumn = (columns: readonly Column[]) => Math.max(...columns.map((c) => c.index)) + 1;

/** A named instrument as a message says it: its name and number of items. */
const namedItems = ({ id, items }: { readonly id: string; readonly items: readonly string[] }) => ({
  name: getInstrument(id)?.abbreviation ?? id.toUpperCase(),
  items: items.length,
});

/**
 * The named instruments' items laid over the columns in --instrument order (first item, first column …), when they
 * have exactly as many items as there are columns: the --map lines to check and use. Undefined otherwise.
 */
function exampleOf(
  columns: readonly Column[],
  named: readonly { readonly id: string; readonly items: readonly string[] }[],
): NumberedOnExample[] | undefined {
  if (named.length === 0 || named.reduce((n, d) => n + d.items.length, 0) !== columns.length) return undefined;
  let at = 0;
  return named.map(({ id, items }) => {
    const part = { id, first: (columns[at]?.index ?? 0) + 1, last: (columns[at + items.length - 1]?.index ?? 0) + 1 };
    at += items.length;
    return { ...part, firstItem: items[0] ?? '', lastItem: items.at(-1) ?? '' };
  });
}

/** One mapping problem in words, at `where` (file and sheet). */
export function mappingIssue(issue: MappingIssue, where: string, text: ImportMessages): string {
  const m = text.mapping;
  switch (issue.code) {
    case 'no-instrument':
      if (issue.itemLike.length === 0 && issue.named) return m.namedNotFound(where, issue.named);
      return m.noInstrument(
        where,
        numbered(issue.itemLike),
        (issue.among ?? []).map((id) => id.toUpperCase()),
      );
    case 'unread-group':
      return m.unreadGroup(where, issue.group, numbered(issue.columns));
    case 'ambiguous':
      return m.ambiguous(where, issue.candidates);
    case 'missing-items':
      return m.missingItems(where, issue.instrument.toUpperCase(), issue.items);
    case 'duplicate-item': {
      // Which of the columns is a suicide item is not known: no example ever skips one that may be it.
      const critical =
        getInstrument(issue.instrument)?.critical?.some((c) => c.item === issue.item) === true ||
        issue.columns.some((c) => SUICIDE_WORDING.test(c.header));
      const skip = critical ? undefined : lastColumn(issue.columns);
      return m.duplicateItem(where, issue.instrument.toUpperCase(), issue.item, numbered(issue.columns), skip);
    }
    case 'duplicate-field':
      return m.duplicateField(where, text.fieldNames[issue.field], numbered(issue.columns), lastColumn(issue.columns));
    case 'numbered-runs': {
      const runs = issue.runs.map((r) => ({ first: r.first + 1, last: r.last + 1, items: r.items }));
      return m.numberedRuns(where, runs, issue.among);
    }
    case 'unnamed-runs': {
      const runs = issue.runs.map((r) => ({
        first: r.first.index + 1,
        last: r.last.index + 1,
        from: r.first.header,
        to: r.last.header,
        items: r.items,
        fits: r.fits,
      }));
      return m.unnamedRuns(where, runs, issue.example);
    }
    case 'unread-matrix': {
      const { question, first, last, rows } = issue;
      const matrix = { question, first: first.index + 1, last: last.index + 1, header: first.header, rows };
      return m.unreadMatrix(where, matrix, issue.fits, issue.named);
    }
    case 'no-such-column':
      return m.noSuchColumn(where, issue.column, issue.width);
    case 'header-looks-like-data':
      return m.headerLooksLikeData(where);
    case 'suicide-items':
      return m.suicideItems(where, issue.instrument.toUpperCase(), numbered(issue.columns), issue.readBy);
    case 'run-too-long': {
      const { first, last, items, has } = issue;
      const run = { first: first.index + 1, last: last.index + 1, from: first.header, to: last.header, items };
      return m.runTooLong(where, issue.instrument, run, has);
    }
    case 'numbered-on': {
      const { columns, named, fits } = issue;
      const first = columns[0];
      const last = columns.at(-1);
      const run = {
        first: (first?.index ?? 0) + 1,
        last: (last?.index ?? 0) + 1,
        from: first?.header ?? '',
        to: last?.header ?? '',
        items: columns.length,
      };
      return m.numberedOn(where, run, named.map(namedItems), fits, exampleOf(columns, named));
    }
    case 'unmatched-keys':
      return m.unmatchedKeys(where, issue.keys);
    case 'header-quote':
      return m.headerQuote(where, issue.column + 1);
  }
}

/** Columns a header split by a wrong delimiter has at most (学号;姓名;… read as one or two). */
const NARROW_HEADER = 2;

/**
 * Every problem of every sheet whose header cannot be mapped, then how to fix it: one message. For a CSV file with no
 * item column at all, the `delimiter` it was split by too, as a wrong one is a likely cause.
 */
export function mappingProblems(
  problems: readonly { readonly sheet: string | null; readonly issues: readonly MappingIssue[] }[],
  file: string,
  text: ImportMessages,
  delimiter?: string,
  /** The encoding `--encoding` gave (shown as its name): a wrong one reads every header as garbage. */
  givenEncoding?: string,
): string {
  const lines: string[] = [];
  for (const { sheet, issues } of problems) {
    const where = sheet === null ? `${file}:1` : `${file} [${sheet}]`;
    for (const issue of issues) lines.push(mappingIssue(issue, where, text));
  }
  const noItems = problems.flatMap((p) =>
    p.issues.filter((i) => i.code === 'no-instrument' && i.itemLike.length === 0),
  ) as Extract<MappingIssue, { code: 'no-instrument' }>[];
  if (givenEncoding !== undefined && noItems.length > 0) lines.push(text.mapping.encodingGiven(givenEncoding));
  // A wrong delimiter leaves a header of one or two columns; a header split into many was split right.
  const narrow = noItems.some((i) => (i.width ?? 0) <= NARROW_HEADER);
  if (delimiter !== undefined && narrow) lines.push(text.mapping.delimiter(delimiter));
  // --instrument or --map cannot mend a stray quote: only the file's own fix is said.
  if (!problems.every((p) => p.issues.every((i) => i.code === 'header-quote'))) lines.push(text.mapping.fix);
  return lines.join('\n');
}
