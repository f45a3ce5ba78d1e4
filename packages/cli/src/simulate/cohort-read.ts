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
import { type GroupedName, type MappingIssue, mapHeader } from '../import/columns.ts';
import { headersOf } from '../import/header-row.ts';
import { answerTexts } from '../import/header-text.ts';
import { readFailure } from '../import/import-command.ts';
import type { MappingFile } from '../import/mapping-file.ts';
import { mappingProblems } from '../import/mapping-messages.ts';
import type { ResolveMapping } from '../import/mapping-prompter.ts';
import type { ImportMessages } from '../import/messages.ts';
import { personReader, personSchema } from '../import/person.ts';
import { pseudonymOf } from '../import/pseudonym.ts';
import { instrumentPlans, type RowContext, readRow, type SourceRecord } from '../import/read-row.ts';
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
  readonly counts: { rows: number; scored: number; rejected: number; blankRows: number };
  /** Sheets whose header could not be mapped; their rows count as rejected. */
  readonly unmappedSheets: readonly string[];
  /** Workbook sheets not read, as `triage import` leaves them: hidden, or nothing in them recognised. */
  readonly skipped: readonly SkippedSheet[];
  readonly cohorts: readonly (readonly CohortStudent[])[];
}

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
  const counts = { rows: 0, scored: 0, rejected: 0, blankRows: 0 };
  const cohorts: CohortStudent[][] = options.ruleSets.map(() => []);

  const explicit = options.mapping ? { explicit: options.mapping.columns, explicitAt: options.mapping.positions } : {};
  // `grouped`: the group name over each column of a two-row header, so a group naming no instrument is not skipped.
  const mapFields = (fields: readonly string[], grouped?: readonly (GroupedName | undefined)[]) =>
    mapHeader(fields, { candidates, named, known: options.all, ...explicit, ...(grouped ? { grouped } : {}) });

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
    const idRequired = mapping.person.studentId !== undefined;
    return {
      mapping,
      person: personReader(personSchema({ idRequired, ...sex }), { idRequired }),
      memo,
      plans: instrumentPlans(mapping, options.score, readsItems),
      strictWidth: opened.kind === 'csv',
    };
  }

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
  options.onMapped?.([...instruments]);
  for await (const batch of source.read()) {
    for (const record of batch) {
      if (record.fields.every((f) => f.trim() === '')) {
        counts.blankRows++;
        continue;
      }
      const sheet = record.sheet ?? null;
      const header = headers.get(sheet);
      // Lines above the header (a title) and the header itself.
      if (record.line <= (header?.line ?? 0)) continue;
      counts.rows++;
      const context = contexts.get(sheet);
      const row = context ? readRow(record, context) : undefined;
      if (!row?.ok) {
        counts.rejected++;
        continue;
      }
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
  };
}

/** A student's pseudonym; a file without ids gets the row's place (line, and sheet), which names nobody. */
function idOf(studentId: string | null, record: SourceRecord, key: Buffer | undefined): string {
  if (studentId !== null && key) return pseudonymOf(key, studentId);
  return record.sheet === undefined ? `L${record.line}` : `${record.sheet}:L${record.line}`;
}
