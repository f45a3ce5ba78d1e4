import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { styleText } from 'node:util';
import type { InstrumentDefinition, Lang } from '@triage/scales';
import { CliError } from '../exit-codes.ts';
import { type ColumnTarget, type MappingIssue, mapHeader, type SheetMapping } from './columns.ts';
import { mappingToYaml } from './mapping-file.ts';
import { mappingIssue } from './mapping-messages.ts';
import { type ImportMessages, importMessages } from './messages.ts';
import { writePrivateFile } from './output/private-file.ts';
import { personFieldOfHeader } from './person-header.ts';

export interface PromptMappingOptions {
  readonly file: string;
  readonly sheet: string | null;
  readonly headers: readonly string[];
  readonly issues: readonly MappingIssue[];
  readonly all: readonly InstrumentDefinition[];
  readonly lang: Lang;
  readonly note: (message: string, level?: 'info' | 'warning') => void;
}

/**
 * At a terminal, when a header cannot be mapped: ask which instruments the file holds, then which column holds each
 * item still missing; show the result, confirm, and offer to save it as a mapping file for next time. Prompts go to
 * stderr, so stdout stays data. Returns undefined when the user declines.
 */
export async function promptMapping(options: PromptMappingOptions): Promise<SheetMapping | undefined> {
  // SIGTERM (a `kill`, a closed session) ends a question as Ctrl-C does: the prompt would otherwise wait on for keys.
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGTERM', abort);
  try {
    return await ask(options, stop.signal);
  } catch (error) {
    // Ctrl-C at a question: a stop the user asked for, before anything was written (exit 130), never a crash.
    const name = (error as Error | undefined)?.name;
    if (name !== 'ExitPromptError' && name !== 'AbortPromptError') throw error;
    throw new CliError('CLI_INTERRUPTED', importMessages(options.lang).prompt.interrupted, { cause: error });
  } finally {
    process.off('SIGTERM', abort);
  }
}

async function ask(options: PromptMappingOptions, signal: AbortSignal): Promise<SheetMapping | undefined> {
  const { checkbox, confirm, select } = await import('@inquirer/prompts');
  const context = { output: process.stderr, signal };
  const text = importMessages(options.lang);
  const theme = promptTheme(text.prompt);
  const where = options.sheet === null ? `${options.file}:1` : `${options.file} [${options.sheet}]`;
  for (const issue of options.issues) options.note(mappingIssue(issue, where, text), 'warning');
  const chosen = await checkbox(
    {
      message: text.prompt.instruments,
      choices: options.all.map((d) => ({ name: `${d.abbreviation}  ${d.name[options.lang]}`, value: d })),
      required: true,
      theme,
    },
    context,
  );
  // By position: headers may repeat (items all headed 得分), and a header would name every column it heads.
  const explicitAt = new Map<number, ColumnTarget>();
  const offered = options.headers.flatMap((h, i) =>
    personFieldOfHeader(h) === undefined ? [{ name: `${i + 1}. ${h}`, value: i }] : [],
  );
  let result = mapHeader(options.headers, { candidates: chosen, named: true });
  for (let round = 0; !result.ok && round < 2; round++) {
    // No column looks like an item at all (every item headed 得分, say): each required item of each chosen one is asked.
    const required = (d: InstrumentDefinition) => d.items.filter((i) => i.optional !== true).map((i) => i.id);
    const missing = result.error.flatMap((i) =>
      i.code === 'missing-items'
        ? i.items.map((item) => ({ instrument: i.instrument, item }))
        : (i.code === 'no-instrument' && i.itemLike.length === 0) || i.code === 'numbered-on'
          ? chosen.flatMap((d) => required(d).map((item) => ({ instrument: d.id, item })))
          : [],
    );
    if (missing.length === 0) break;
    for (const { instrument, item } of missing) {
      const definition = chosen.find((d) => d.id === instrument);
      if (!definition) continue;
      // Never a person column (学号, 姓名: a name is never read) nor one already given to an item.
      const free = offered.filter((c) => !explicitAt.has(c.value));
      const column = await select(
        {
          message: text.prompt.column(definition.abbreviation, item),
          choices: [...free, { name: text.prompt.none, value: -1 }],
          theme,
        },
        context,
      );
      if (column >= 0) explicitAt.set(column, { kind: 'item', instrument: definition, item });
    }
    result = mapHeader(options.headers, { candidates: chosen, named: true, explicitAt });
  }
  if (!result.ok) {
    for (const issue of result.error) options.note(mappingIssue(issue, where, text), 'warning');
    return undefined;
  }
  const mapping = result.value;
  options.note(mappingToYaml(mapping));
  if (!(await confirm({ message: text.prompt.confirm, default: true, theme }, context))) return undefined;
  const path = join(dirname(options.file), `${basename(options.file, extname(options.file))}.map.yaml`);
  if (await confirm({ message: text.saveMapping(path), default: true, theme }, context)) {
    const replace =
      !existsSync(path) || (await confirm({ message: text.overwrite(path), default: false, theme }, context));
    if (replace) {
      writePrivateFile(path, mappingToYaml(mapping));
      options.note(text.mappingSaved(path));
    }
  }
  return mapping;
}

/**
 * The prompts in the user's language: the key help line under a list (as @inquirer draws it, its words translated)
 * and the yes/no words of a confirmation. `y`, `n`, `yes` and `no` are still read in any language; the default answer
 * is bracketed (`[是]/否`), since a script without case cannot show it in capitals.
 */
function promptTheme(text: ImportMessages['prompt']) {
  const word = (w: string) => text.keys[w] ?? w;
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys
          .map(([key, action]) => `${styleText('bold', word(key))} ${styleText('dim', word(action))}`)
          .join(styleText('dim', ' • ')),
      confirmDefault: (hint: string) => (hint.toLowerCase() === hint.toUpperCase() ? `[${hint}]` : hint.toUpperCase()),
    },
    keywords: {
      yes: text.yes,
      no: text.no,
      error: ({ yes, no }: { yes: string; no: string }) => text.yesOrNo(yes, no),
    },
  };
}
