import type { RuleFileIssue } from '@triage/core';
import { getInstrument, type InstrumentDefinition, type Lang, type Result } from '@triage/scales';
import { z } from 'zod';
import { messages } from '../messages.ts';
import { normalizeHeader } from '../responses/item-columns.ts';
import { fileIssueMessage, fileIssues } from '../rule-files.ts';
import { columnPosition } from './column-position.ts';
import type { Column, ColumnTarget, SheetMapping } from './columns.ts';
import type { ImportMessages } from './messages.ts';
import { PERSON_FIELDS, type PersonField } from './person-header.ts';

/**
 * `--map mapping.yaml`: what to do with columns the automatic mapping cannot know.
 * @example
 * instruments: [phq-a, gad-7]
 * columns:
 *   学生学号: studentId
 *   Q1: phq-a.1
 *   column 20: gad-7.1   # by position, when headers repeat (column T, 第20列)
 *   备注: ignore
 * values:
 *   sex: { "1": male, "2": female }
 */
const mappingFileSchema = z
  .object({
    // `instruments: phq-a` (or `phq-a, gad-7`) as well as a list: the same as --instrument takes.
    instruments: z
      .union([
        z.array(z.string()),
        z.string().transform((ids) =>
          ids
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== ''),
        ),
      ])
      .optional(),
    columns: z.record(z.string(), z.string()).optional(),
    values: z
      .object({ sex: z.record(z.string(), z.enum(['male', 'female'])).optional() })
      .strict()
      .optional(),
  })
  .strict();

export interface MappingFile {
  readonly instruments: readonly InstrumentDefinition[];
  /** By normalized header. */
  readonly columns: ReadonlyMap<string, ColumnTarget>;
  /** By 0-based column index (`column 12`, `column L`, `第12列`): wins over a header key. */
  readonly positions: ReadonlyMap<number, ColumnTarget>;
  /** Extra sex codes, e.g. "1" → male; by trimmed, lower-cased value. */
  readonly sex: ReadonlyMap<string, 'male' | 'female'>;
}

const FIELD_ALIASES: Readonly<Record<string, PersonField>> = {
  student_id: 'studentId',
  studentid: 'studentId',
  id: 'studentId',
  gender: 'sex',
};

function target(value: string, text: ImportMessages['mappingFile']): ColumnTarget | string {
  const v = value.trim();
  if (v === 'ignore') return { kind: 'ignore' };
  const field = (PERSON_FIELDS as readonly string[]).includes(v) ? (v as PersonField) : FIELD_ALIASES[v.toLowerCase()];
  if (field) return { kind: 'person', field };
  const dot = v.lastIndexOf('.');
  const instrument = dot > 0 ? getInstrument(v.slice(0, dot).toLowerCase()) : undefined;
  const item = v.slice(dot + 1);
  if (!instrument) return text.badTarget(v, PERSON_FIELDS);
  if (!instrument.items.some((i) => i.id === item)) {
    return text.noItem(
      v,
      instrument.abbreviation,
      item,
      instrument.items.map((i) => i.id),
    );
  }
  return { kind: 'item', instrument, item };
}

/**
 * Reads a mapping file; every problem has the file's line and column, and its own in the words of `words` (those of
 * YAML syntax and of the schema come from @triage/core in English, with what they are: see fileIssueMessage).
 */
export function parseMappingFile(
  text: string,
  file: string,
  core: typeof import('@triage/core'),
  words: ImportMessages,
): Result<MappingFile, readonly RuleFileIssue[]> {
  const m = words.mappingFile;
  const encoding = notUtf8(text, file, m);
  if (encoding) return { ok: false, error: [encoding] };
  const parsed = core.parseYamlFile(mappingFileSchema, text, file);
  if (!parsed.ok) return parsed;
  const { issues, add: issue } = fileIssues(core, text, file);
  const instruments: InstrumentDefinition[] = [];
  (parsed.value.instruments ?? []).forEach((id, i) => {
    const definition = getInstrument(id.toLowerCase());
    if (definition) instruments.push(definition);
    else issue(['instruments', String(i)], m.unknownInstrument(id));
  });
  const columns = new Map<string, ColumnTarget>();
  const positions = new Map<number, ColumnTarget>();
  const keyOf = new Map<string, string>();
  const positionKeyOf = new Map<number, string>();
  for (const [header, value] of Object.entries(parsed.value.columns ?? {})) {
    const t = target(value, m);
    const position = columnPosition(header);
    if (position !== undefined) {
      const before = positionKeyOf.get(position);
      if (position === 0) issue(['columns', header], m.columnZero(header));
      else if (before !== undefined) issue(['columns', header], m.sameColumn(header, before));
      else if (typeof t === 'string') issue(['columns', header], t);
      else positions.set(position - 1, t);
      positionKeyOf.set(position, header);
      continue;
    }
    const key = normalizeHeader(header);
    const before = keyOf.get(key);
    // "Name" and "NAME " are one header to the import: two entries for it would leave one silently unread.
    if (before !== undefined) issue(['columns', header], m.sameHeader(header, before));
    else if (typeof t === 'string') issue(['columns', header], t);
    else columns.set(key, t);
    keyOf.set(key, header);
  }
  // A column of an instrument the file's list leaves out would be read all the same: say which the file means.
  const listed = new Set(instruments.map((d) => d.id));
  for (const [header, value] of Object.entries(parsed.value.columns ?? {})) {
    const t = columns.get(normalizeHeader(header)) ?? positions.get((columnPosition(header) ?? 0) - 1);
    if (listed.size > 0 && t?.kind === 'item' && !listed.has(t.instrument.id))
      issue(['columns', header], m.notListed(value, t.instrument.id, [...listed]));
  }
  const sex = new Map(Object.entries(parsed.value.values?.sex ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return issues.length > 0
    ? { ok: false, error: issues }
    : { ok: true, value: { instruments, columns, positions, sex } };
}

/**
 * A mapping file that is not UTF-8 text, read as UTF-8: Notepad's "ANSI" (GBK on Chinese Windows) leaves U+FFFD where
 * its bytes are no UTF-8, and "Unicode" (UTF-16) a NUL after every ASCII letter. Its keys would match no header, and
 * the error would be about the columns, never about the file: this says what it is, at the first such character.
 */
function notUtf8(text: string, file: string, m: ImportMessages['mappingFile']): RuleFileIssue | undefined {
  const nul = text.indexOf('\u0000');
  const utf16 = nul >= 0 || text.startsWith('\uFFFD\uFFFD');
  const at = utf16 ? Math.max(nul, 0) : text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  const before = text.slice(0, at).split('\n');
  const line = utf16 ? 1 : before.length;
  const column = utf16 ? 1 : (before.at(-1)?.length ?? 0) + 1;
  return { file, line, column, path: '', message: utf16 ? m.utf16 : m.notUtf8 };
}

/** A mapping file's problems, one a line, `file:line:column: what` in `lang`. */
export function mappingFileProblems(issues: readonly RuleFileIssue[], lang: Lang): string {
  const text = messages(lang);
  return issues.map((i) => `${i.file}:${i.line}:${i.column}: ${fileIssueMessage(i, text)}`).join('\n');
}

/**
 * A mapping as a mapping file, so a mapping confirmed at the prompt can be saved and reused without questions.
 * Keys and values are JSON strings, which YAML reads as double-quoted scalars. A column is keyed by its header, or by
 * its position (`column 27`) where a header cannot say it: a header that repeats with columns read differently (two
 * `得分` for items 1 and 2, a `Q1` read and a `Q1` ignored), or a blank header over a column that is read.
 */
export function mappingToYaml(mapping: SheetMapping): string {
  const lines = ['# triage import mapping: use it with --map', 'instruments:'];
  for (const { definition } of mapping.instruments) lines.push(`  - ${definition.id}`);
  lines.push('columns:');
  const columns: { readonly column: Column; readonly target: string }[] = [];
  for (const [field, column] of Object.entries(mapping.person)) if (column) columns.push({ column, target: field });
  for (const { definition, items } of mapping.instruments) {
    for (const column of items) columns.push({ column, target: `${definition.id}.${column.item}` });
  }
  for (const column of mapping.ignored) columns.push({ column, target: 'ignore' });
  const targets = new Map<string, Set<string>>();
  for (const { column, target } of columns) {
    const key = normalizeHeader(column.header);
    targets.set(key, (targets.get(key) ?? new Set()).add(target));
  }
  // One entry per header as the import compares them: two 备注 both ignored are one key (YAML rejects a repeated key,
  // and the reader rejects two keys for one header).
  const written = new Set<string>();
  for (const { column, target } of columns) {
    const key = normalizeHeader(column.header);
    const byPosition = key === '' ? target !== 'ignore' : (targets.get(key)?.size ?? 0) > 1;
    if (byPosition) lines.push(`  ${JSON.stringify(`column ${column.index + 1}`)}: ${target}`);
    if (byPosition || key === '' || written.has(key)) continue;
    written.add(key);
    lines.push(`  ${JSON.stringify(column.header)}: ${target}`);
  }
  return `${lines.join('\n')}\n`;
}
