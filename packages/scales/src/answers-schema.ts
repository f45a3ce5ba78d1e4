import { z } from 'zod';
import type { InstrumentDefinition, ResponseOption } from './definition/schema.ts';

function answerSchema(options: readonly ResponseOption[], optional: boolean) {
  const values = options.map((o) => z.literal(o.value).describe(`${o.label.en} / ${o.label.zh}`));
  const labels = options.flatMap((o) => [o.label.zh, o.label.en, ...(o.aliases ?? [])]);
  const answer = z.union([...values, z.enum(labels as [string, ...string[]])]);
  return optional ? answer.nullable().optional() : answer.nullable();
}

/**
 * A zod schema for one respondent's answers keyed by item id, in native coding or by option label.
 * `null` marks an unanswered item; the engine's missing-item rules decide what that means.
 */
export function answersSchema(definition: InstrumentDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const item of definition.items) {
    shape[item.id] = answerSchema(item.options ?? definition.options, item.optional === true).describe(
      `${item.label.en} / ${item.label.zh}`,
    );
  }
  return z.strictObject(shape);
}

/** JSON Schema (draft 2020-12) of the answers object, for integrators generating forms or validators. */
export function answersJsonSchema(definition: InstrumentDefinition): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(answersSchema(definition), { target: 'draft-2020-12' }) as Record<string, unknown>),
    title: `${definition.abbreviation} answers`,
  };
}
