import {
  type CohortStudent,
  compileRuleSet,
  createDecisionMemo,
  type Decision,
  type DecisionMemo,
  type RuleSet,
} from '@triage/core';
import type { InstrumentDefinition, ScoreOptions } from '@triage/scales';
import { CliError } from '../exit-codes.ts';
import { type GroupedName, type MappingIssue, mapHeader, type SheetMapping } from '../import/columns.ts';
import { type CopiedAnswerPlace, CopiedAnswers } from '../import/copied-answers.ts';
import { HeaderChanges, type HeaderReading } from '../import/header-changes.ts';
import { headersOf, linesAbove, repeatsHeaderRows } from '../import/header-row.ts';
import { answerTexts } from '../import/header-text.ts';
import { readFailure } from '../import/import-command.ts';
import type { MappingFile } from '../import/mapping-file.ts';
import { mappingProblems } from '../import/mapping-messages.ts';
import type { ResolveMapping } from '../import/mapping-prompter.ts';
import type { ImportMessages } from '../import/messages.ts';
import { namedButAbsent } from '../import/named-instruments.ts';
import { personReader, personSchema } from '../import/person.ts';
import { pseudonymOf } from '../import/pseudonym.ts';
import {
  aboveHeader,
  headerKind,
  type InstrumentPlan,
  instrumentPlans,
  isHeaderAgain,
  isHeaderRow,
  type RowContext,
  readRow,
  type SourceRecord,
  setAside,
  underUnmappedHeader,
} from '../import/read-row.ts';
import { isGroupRow, namesGroups } from '../import/repeated-header.ts';
import { instrumentCandidates } from '../import/run-import.ts';
import { recognisesNothing, rowsOf, type SkippedSheet, sortHiddenSheets } from '../import/skipped-sheets.ts';
import { openSource, type Source, type SourceOptions, withHiddenSheets, withoutSheets } from '../import/source.ts';

export interface CohortReadOptions extends SourceOptions {
  readonly file: string;
  /** `--instrument`: only these, and unprefixed item headers belong to them. Empty: detect. */
  readonly instruments: readonly InstrumentDefinition[];
  readonly all: readonly InstrumentDefinition[];
  readonly mapping?: MappingFile | undefined;
  /** One rule set, or two to compare: every row is decided by each. */
  readonly ruleSets: readonly [RuleSet] | readonly [RuleSet, RuleSet];
  readonly score: ScoreOptions;
  /**
   * Key of the pseudonyms that stand for student ids (the import's key, so lists can be matched); without one (a
   * single rule set: no list of students is shown) rows are named by their place.
   */
  readonly key?: Buffer | undefined;
  /** Asked when a sheet's header cannot be mapped; may return a mapping (interactive prompt). */
  readonly resolveMapping?: ResolveMapping | undefined;
  /**
   * Called once every sheet is mapped, before any row is read, with the instruments of the mapped sheets (ids, each
   * once): what `triage import` checks a rule set against. May throw to stop (a rule set that reads none of them).
   */
  readonly onMapped?: (instruments: readonly string[]) => void;
}

/** A screening read for a projection: per rule set, one entry per scored row (pseudonym and level), in file order. */
export interface CohortRead {
  readonly source: Source;
  readonly instruments: readonly string[];
  /** `rejectedWithRisk`: rejected rows that show a positive or unknown critical item, as `triage import` marks them. */
  readonly counts: { rows: number; scored: number; rejected: number; rejectedWithRisk: number; blankRows: number };
  /** Sheets whose header could not be mapped; their rows count as rejected. */
  readonly unmappedSheets: readonly string[];
  /** Workbook sheets not read, as `triage import` leaves them: hidden, or nothing in them recognised. */
  readonly skipped: readonly SkippedSheet[];
  readonly cohorts: readonly (readonly CohortStudent[])[];
  /** What the file's headers made of its rows, to be said (see {@link HeaderNote}), in file order. */
  readonly headerNotes: readonly HeaderNote[];
  /** The instruments of every reading made, with the signs their answers showed (coding, skip marks). */
  readonly plans: readonly (readonly InstrumentPlan[])[];
  /** Answer cells read as blank: a merged range filled them from another row or column (copied-answers.ts). */
  readonly copiedAnswers: { readonly cells: number; readonly first: CopiedAnswerPlace | undefined };
}

/**
 * `students-above`: `rows` students' rows above the header on `line`, not read (`triage import` rejects them,
 * IMPORT_ABOVE_HEADER); `new-header`: a header in another layout on `line`, the rows under it read by it;
 * `header-unmapped`: a header on `line` that cannot be read as the sheet's instruments, the rows under it not read.
 * `where`: the file, and the sheet of a workbook.
 */
type HeaderNote =
  | { readonly kind: 'students-above'; readonly where: string; readonly line: number; readonly rows: number }
  | { readonly kind: 'new-header' | 'header-unmapped'; readonly where: string; readonly line: number };

/** A header that cannot be mapped, with every problem, said the way `triage import` says it. */
function mappingError(
  problems: readonly { sheet: string | null; issues: readonly MappingIssue[] }[],
  file: string,
  text: ImportMessages,
): CliError {
  return new CliError('CLI_MAPPING', mappingProblems(problems, file, text));
}

/** Decides with the first rule set, and with the second on the same facts: readRow builds the facts once. */
function pairedMemo(ruleSets: CohortReadOptions['ruleSets']): { memo: DecisionMemo; second: () => Decision | null } {
  const [a, b] = ruleSets.map((r) => createDecisionMemo(r));
  let second: Decision | null = null;
  const first = a as DecisionMemo;
  return {
    memo: {
      stats: first.stats,
      evaluate(facts, options) {
        second = b ? b.evaluate(facts, options) : null;
        return first.evaluate(facts, options);
      },
    },
    second: () => second,
  };
}

/**
 * Reads a screening file through the import pipeline (decode, map, validate, score, triage: `openSource`, `mapHeader`,
 * `readRow`) and keeps, per rule set, each scored student's level and case term under a pseudonym. Writes nothing.
 * Failures the user can fix are CLI errors in the import's words.
 */
export async function readCohort(options: CohortReadOptions, text: ImportMessages): Promise<CohortRead> {
  try {
    return await read(options, text);
  } catch (error) {
    throw readFailure(error, options.file, text);
  }
}

async function read(options: CohortReadOptions, text: ImportMessages): Promise<CohortRead> {
  const opened = await openSource(options.file, { ...options, visibleOnly: true });
  const { candidates, named } = instrumentCandidates(options, options.all);
  const { memo, second } = pairedMemo(options.ruleSets);
  // Item answers go into the facts only where a rule of either set reads them (C-SSRS item 2, say).
  const paths = options.ruleSets.flatMap((r) => compileRuleSet(r).rules.flatMap((c) => c.readers.map((x) => x.fact)));
  const readsItems = (id: string) => paths.some((p) => p.startsWith(`scales.${id}.items`));
  const sex = options.mapping ? { sex: options.mapping.sex } : {};

  const contexts = new Map<string | null, RowContext | null>();
  const problems: { sheet: string | null; issues: readonly MappingIssue[] }[] = [];
  const instruments = new Set<string>();
  const mappedSheets: SheetMapping[] = [];
  const counts = { rows: 0, scored: 0, rejected: 0, rejectedWithRisk: 0, blankRows: 0 };
  const cohorts: CohortStudent[][] = options.ruleSets.map(() => []);

  const explicit = options.mapping ? { explicit: options.mapping.columns, explicitAt: options.mapping.positions } : {};
  // `grouped`: the group name over each column of a two-row header, so a group naming no instrument is not skipped.
  const mapFields = (fields: readonly string[], grouped?: readonly (GroupedName | undefined)[]) =>
    mapHeader(fields, { candidates, named, known: options.all, ...explicit, ...(grouped ? { grouped } : {}) });

  // Every reading made (a sheet's own, a header's in the middle of its data): what its answers looked like.
  const plans: (readonly InstrumentPlan[])[] = [];
  const copiedAnswers = new CopiedAnswers();
  const contextOf = (mapping: SheetMapping): RowContext => {
    const idRequired = mapping.person.studentId !== undefined;
    const context = {
      mapping,
      person: personReader(personSchema({ idRequired, ...sex }), { idRequired }),
      memo,
      plans: instrumentPlans(mapping, options.score, readsItems),
      strictWidth: opened.kind === 'csv',
      copiedAnswers,
    };
    plans.push(context.plans);
    return context;
  };

  async function contextFor(
    sheet: string | null,
    header: readonly string[],
    grouped?: readonly (GroupedName | undefined)[],
  ): Promise<RowContext | null> {
    const mapped = mapFields(header, grouped);
    const mapping = mapped.ok ? mapped.value : await options.resolveMapping?.(sheet, header, mapped.error);
    if (!mapping) {
      problems.push({ sheet, issues: mapped.ok ? [] : mapped.error });
      // A CSV has one header: nothing else can be read.
      if (opened.kind === 'csv') throw mappingError(problems, options.file, text);
      return null;
    }
    for (const i of mapping.instruments) instruments.add(i.definition.id);
    mappedSheets.push(mapping);
    return contextOf(mapping);
  }

  /**
   * A header in the middle of a sheet's data, mapped as `triage import` maps it (run-import.ts): read by when it holds
   * the sheet's instruments (in any order), else the rows under it are not read. Item headers that name no instrument
   * (Q1, 第1题) are the sheet's instruments'.
   */
  const readingOf = (
    fields: readonly string[],
    own: SheetMapping,
    grouped?: readonly (GroupedName | undefined)[],
  ): HeaderReading => {
    const ids = (m: SheetMapping) => m.instruments.map((i) => i.definition.id).sort();
    const mapped = mapFields(fields, grouped);
    const guessed = !mapped.ok || mapped.value.how === 'count';
    const asOwn = own.instruments.map((i) => i.definition);
    const named = guessed
      ? mapHeader(fields, {
          candidates: asOwn,
          named: true,
          known: options.all,
          ...explicit,
          ...(grouped ? { grouped } : {}),
        })
      : mapped;
    const reading = named.ok ? named : mapped;
    if (!reading.ok) return { ok: false, other: null };
    const same = ids(reading.value).join() === ids(own).join();
    return same ? { ok: true, context: contextOf(reading.value) } : { ok: false, other: contextOf(reading.value) };
  };

  const skipped: SkippedSheet[] = [];
  const leaveUnread = async (sheet: string, reason: SkippedSheet['reason']) =>
    skipped.push({ sheet, rows: await rowsOf(opened, sheet), reason });
  // As `triage import` finds them: a title or notes above a header are skipped; a hidden sheet holding a class is read.
  const answers = answerTexts(candidates);
  const visible = await headersOf(opened, (fields, grouped) => mapFields(fields, grouped).ok, answers);
  const hidden = await sortHiddenSheets(opened, visible, {
    answers,
    instrumentsOf: (fields, grouped) => {
      const mapped = mapFields(fields, grouped);
      return mapped.ok ? mapped.value.instruments.map((i) => i.definition.id) : undefined;
    },
  });
  for (const sheet of hidden.unread) await leaveUnread(sheet, 'hidden');
  const headers = hidden.headers;
  // As `triage import` leaves them: sheets in which nothing is recognised (instructions beside the classes), unless
  // --sheet named them or no sheet is more.
  const blank = [...headers].filter(([sheet, header]) => {
    const mapped = sheet === null || header.unterminated ? undefined : mapFields(header.fields, header.grouped);
    return (
      mapped?.ok === false && recognisesNothing(header.fields, mapped.error, { answers, mapping: options.mapping })
    );
  });
  if ((options.sheets ?? []).length === 0 && blank.length < headers.size) {
    for (const [sheet] of blank) {
      headers.delete(sheet);
      if (sheet !== null) await leaveUnread(sheet, 'no-columns');
    }
  }
  const source = withoutSheets(withHiddenSheets(opened, hidden.read), new Set(skipped.map((s) => s.sheet)));
  // Every sheet mapped before a row is read, as `triage import` does: a header that cannot be mapped, or a rule set
  // written for other instruments, stops here rather than after the whole file.
  if (headers.size === 0) throw new CliError('CLI_NO_DATA', text.emptyFile(options.file));
  for (const [sheet, header] of headers) contexts.set(sheet, await contextFor(sheet, header.fields, header.grouped));
  if ([...contexts.values()].every((c) => c === null)) throw mappingError(problems, options.file, text);
  const absent = namedButAbsent(options, mappedSheets);
  if (absent.length > 0)
    throw mappingError([{ sheet: [...headers.keys()][0] ?? null, issues: absent }], options.file, text);
  options.onMapped?.([...instruments]);

  const headerNotes: HeaderNote[] = [];
  const whereOf = (sheet: string | null) => (sheet === null ? options.file : `${options.file} [${sheet}]`);
  // Per sheet: the header in force (header-changes.ts), and the students' rows above its header, not read.
  const layouts = new Map<string | null, HeaderChanges>();
  const studentsAbove = new Map<string | null, ReadonlySet<number>>();
  const headersAbove = new Map<string | null, ReadonlySet<number>>();
  for (const [sheet, context] of contexts) {
    const header = headers.get(sheet);
    if (!context || !header) continue;
    const changes = new HeaderChanges((fields, grouped) => readingOf(fields, context.mapping, grouped), answers);
    changes.start(sheet, header.fields, context);
    layouts.set(sheet, changes);
    const { students, headers: headerLines } = linesAbove(header, context.mapping, answers);
    studentsAbove.set(sheet, students);
    headersAbove.set(sheet, headerLines);
    const line = header.from ?? header.line;
    // Under a header above (one that cannot be read), they are said as its rows when it is met.
    if (students.size > 0 && headerLines.size === 0)
      headerNotes.push({ kind: 'students-above', where: whereOf(sheet), line, rows: students.size });
  }
  /** A row rejected or not read; `risk`, urgent as the import marks it (see RowRejection.riskSignal). */
  const notRead = (risk = false) => {
    counts.rows++;
    counts.rejected++;
    if (risk) counts.rejectedWithRisk++;
  };
  /** A header in another layout: the rows under it read by it, or, one that cannot be read, not read (nor itself). */
  const meetHeader = (record: SourceRecord, mapping: SheetMapping, changes: HeaderChanges) => {
    const sheet = record.sheet ?? null;
    // A header's group row in another layout (GAD-7 over the first items): its names row next.
    if (namesGroups(record.fields, mapping) && changes.group(sheet, record.line, record.fields, true)) return;
    const { now, fresh } = changes.met(sheet, record.line, record.fields);
    if (fresh) {
      const kind = now.ok ? 'new-header' : 'header-unmapped';
      headerNotes.push({ kind, where: whereOf(sheet), line: record.line });
    }
    if (!now.ok) notRead();
  };

  for await (const batch of source.read()) {
    for (const record of batch) {
      if (record.fields.every((f) => f.trim() === '')) {
        counts.blankRows++;
        continue;
      }
      const sheet = record.sheet ?? null;
      const header = headers.get(sheet);
      const changes = layouts.get(sheet);
      // Lines above the header (a title, notes: skipped; students' rows: not read, as the import rejects them) and
      // the header itself.
      if (record.line <= (header?.line ?? 0)) {
        const now = changes?.of(sheet);
        if (changes && now?.ok && headersAbove.get(sheet)?.has(record.line)) {
          meetHeader(record, now.context.mapping, changes);
          continue;
        }
        // The sheet's own header: its reading in force from here, after any header above that could not be read.
        if (record.line === (header?.from ?? header?.line)) changes?.restart(sheet);
        if (studentsAbove.get(sheet)?.has(record.line)) {
          if (now && !now.ok) notRead(underUnmappedHeader(record, now.line, now.other).riskSignal);
          else notRead(!!header && !!now?.ok && aboveHeader(record, now.context, header.line).riskSignal);
        }
        continue;
      }
      const own = changes?.of(sheet);
      if (!changes || !own) {
        notRead();
        continue;
      }
      // A header of two rows repeated under each class: neither row is a student; the sheet's own reading is back.
      if (header?.rows && repeatsHeaderRows(record.fields, header.rows)) {
        changes.restart(sheet);
        continue;
      }
      // The row under a group row: the names row of a header of two rows, or not (see HeaderChanges.below).
      const twoRows = changes.below(sheet, record.fields);
      if (twoRows?.fresh) {
        const kind = twoRows.now.ok ? 'new-header' : 'header-unmapped';
        headerNotes.push({ kind, where: whereOf(sheet), line: twoRows.line });
      }
      if (twoRows?.joined) continue;
      const now = twoRows?.now ?? own;
      // Under a header that cannot be read, no row is read: only the next header that can be is looked for.
      if (!now.ok) {
        const kind = headerKind(record.fields, now.last);
        if (kind === 'repeat') changes.repeated(sheet, now.last);
        else if (kind === 'again') meetHeader(record, now.last.mapping, changes);
        else notRead(underUnmappedHeader(record, now.line, now.other).riskSignal);
        continue;
      }
      const row = readRow(record, now.context);
      // The header again (under each class of a stacked sheet) is no student; one in another layout is mapped.
      if (isHeaderRow(row)) {
        // The file's group row again, written otherwise: the row under it may name the items in another order.
        if (isGroupRow(record.fields, now.context.mapping)) changes.group(sheet, record.line, record.fields, false);
        continue;
      }
      if (isHeaderAgain(row)) {
        meetHeader(record, now.context.mapping, changes);
        continue;
      }
      // A statistics row (合计, 平均分) or a class title (初一(2)班): no student, nothing to fix; set aside, as the
      // import does, neither projected nor rejected.
      if (!row.ok && setAside(row)) continue;
      if (!row.ok) {
        notRead(row.riskSignal);
        continue;
      }
      counts.rows++;
      counts.scored++;
      const id = idOf(row.person.studentId, record, options.key);
      const decisions = [row.decision, second()];
      cohorts.forEach((list, i) => {
        const d = decisions[i] as Decision;
        list.push({ id, level: d.level, term: d.caseTerm });
      });
    }
  }
  if (counts.rows === 0) throw new CliError('CLI_NO_DATA', text.noRows(options.file));
  return {
    source,
    instruments: [...instruments],
    counts,
    unmappedSheets: problems.flatMap((p) => (p.sheet === null ? [] : [p.sheet])),
    skipped,
    cohorts,
    headerNotes,
    plans,
    copiedAnswers,
  };
}

/** A student's pseudonym; a file without ids gets the row's place (line, and sheet), which names nobody. */
function idOf(studentId: string | null, record: SourceRecord, key: Buffer | undefined): string {
  if (studentId !== null && key) return pseudonymOf(key, studentId);
  return record.sheet === undefined ? `L${record.line}` : `${record.sheet}:L${record.line}`;
}
