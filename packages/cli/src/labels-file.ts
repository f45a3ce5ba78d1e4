import type { RuleFileIssue } from '@triage/core';
import type { InstrumentDefinition, Localized, Result } from '@triage/scales';
import { z } from 'zod';
import { CliError } from './exit-codes.ts';
import type { Messages } from './messages.ts';
import { type Core, fileIssues, formatFileIssues, loadCore, readText } from './rule-files.ts';

/** One item's wording: the same text for both languages, or each language on its own. */
const wordingSchema = z.union([
  z.string().min(1),
  z
    .object({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })
    .strict()
    .refine((w) => w.zh !== undefined || w.en !== undefined, 'expected zh, en or both'),
]);

/**
 * `--labels labels.yaml`: item wording a user holds a licence for, for instruments whose wording this package may not
 * ship (ISI, SDQ, SCL-90-R …). Read from the user's file at run time, never bundled.
 * @example
 * isi:
 *   "1": { zh: 入睡困难, en: Difficulty falling asleep }
 *   "2": 难以维持睡眠
 */
const labelsFileSchema = z.record(z.string(), z.record(z.string(), wordingSchema));

/** Licensed wording by instrument id, then item id. */
type ItemLabels = ReadonlyMap<string, ReadonlyMap<string, Localized>>;

/** Reads a labels file; every problem has the file's line and column. */
function parseLabelsFile(
  text: string,
  file: string,
  core: Core,
  instruments: readonly InstrumentDefinition[],
): Result<ItemLabels, readonly RuleFileIssue[]> {
  const parsed = core.parseYamlFile(labelsFileSchema, text, file);
  if (!parsed.ok) return parsed;
  const { issues, add: issue } = fileIssues(core, text, file);
  const labels = new Map<string, Map<string, Localized>>();
  for (const [key, items] of Object.entries(parsed.value)) {
    const definition = instruments.find((d) => d.id === key);
    if (!definition) {
      issue([key], `unknown instrument "${key}"; expected one of ${instruments.map((d) => d.id).join(', ')}`);
      continue;
    }
    const byItem = new Map<string, Localized>();
    for (const [item, wording] of Object.entries(items)) {
      if (!definition.items.some((i) => i.id === item)) {
        issue(
          [key, item],
          `${definition.abbreviation} has no item "${item}"; expected one of ${definition.items.map((i) => i.id).join(', ')}`,
        );
        continue;
      }
      // One language given: it stands for both, so the wording shows whatever --lang is.
      const zh = typeof wording === 'string' ? wording : (wording.zh ?? wording.en ?? '');
      const en = typeof wording === 'string' ? wording : (wording.en ?? wording.zh ?? '');
      byItem.set(item, { zh, en });
    }
    labels.set(key, byItem);
  }
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: labels };
}

/** The definition with the user's wording as item text (items without an entry keep what they had). */
function withItemLabels(definition: InstrumentDefinition, labels: ItemLabels): InstrumentDefinition {
  const own = labels.get(definition.id);
  if (!own || own.size === 0) return definition;
  return { ...definition, items: definition.items.map((item) => ({ ...item, text: own.get(item.id) ?? item.text })) };
}

/** The instruments with the wording of the `--labels` file applied, or a CLI error with each problem's place. */
export async function applyLabelsFile(
  file: string | undefined,
  instruments: readonly InstrumentDefinition[],
  text: Messages,
): Promise<readonly InstrumentDefinition[]> {
  if (file === undefined) return instruments;
  const parsed = parseLabelsFile(await readText(file, text), file, await loadCore(), instruments);
  if (!parsed.ok) throw new CliError('CLI_LABELS_INVALID', formatFileIssues(parsed.error, text));
  return instruments.map((d) => withItemLabels(d, parsed.value));
}
