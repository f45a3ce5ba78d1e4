import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { InstrumentDefinition, Lang } from '@triage/scales';
import { normalizeHeader } from '../responses/item-columns.ts';
import { type ColumnTarget, type MappingIssue, mapHeader, type SheetMapping } from './columns.ts';
import { mappingToYaml } from './mapping-file.ts';
import { mappingIssue } from './mapping-messages.ts';
import { importMessages } from './messages.ts';
import { writePrivateFile } from './output/private-file.ts';

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
  const { checkbox, confirm, select } = await import('@inquirer/prompts');
  const context = { output: process.stderr };
  const text = importMessages(options.lang);
  const where = options.sheet === null ? `${options.file}:1` : `${options.file} [${options.sheet}]`;
  for (const issue of options.issues) options.note(mappingIssue(issue, where, text), 'warning');
  const chosen = await checkbox(
    {
      message: text.prompt.instruments,
      choices: options.all.map((d) => ({ name: `${d.abbreviation}  ${d.name[options.lang]}`, value: d })),
      required: true,
    },
    context,
  );
  const explicit = new Map<string, ColumnTarget>();
  let result = mapHeader(options.headers, { candidates: chosen, named: true });
  for (let round = 0; !result.ok && round < 2; round++) {
    const missing = result.error.flatMap((i) =>
      i.code === 'missing-items' ? i.items.map((item) => ({ instrument: i.instrument, item })) : [],
    );
    if (missing.length === 0) break;
    for (const { instrument, item } of missing) {
      const definition = chosen.find((d) => d.id === instrument);
      if (!definition) continue;
      const header = await select(
        {
          message: text.prompt.column(definition.abbreviation, item),
          choices: [
            ...options.headers.map((h, i) => ({ name: `${i + 1}. ${h}`, value: h })),
            { name: text.prompt.none, value: '' },
          ],
        },
        context,
      );
      if (header !== '') explicit.set(normalizeHeader(header), { kind: 'item', instrument: definition, item });
    }
    result = mapHeader(options.headers, { candidates: chosen, named: true, explicit });
  }
  if (!result.ok) {
    for (const issue of result.error) options.note(mappingIssue(issue, where, text), 'warning');
    return undefined;
  }
  const mapping = result.value;
  options.note(mappingToYaml(mapping));
  if (!(await confirm({ message: text.prompt.confirm, default: true }, context))) return undefined;
  const path = join(dirname(options.file), `${basename(options.file, extname(options.file))}.map.yaml`);
  if (await confirm({ message: text.saveMapping(path), default: true }, context)) {
    const replace = !existsSync(path) || (await confirm({ message: text.overwrite(path), default: false }, context));
    if (replace) {
      writePrivateFile(path, mappingToYaml(mapping));
      options.note(text.mappingSaved(path));
    }
  }
  return mapping;
}
