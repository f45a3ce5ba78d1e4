/**
 * zod schemas: the instrument-definition schema and answer schemas derived from each definition.
 * A separate entry (`@triage/scales/schemas`) so that scoring never loads zod: the CLI starts ~100 ms faster.
 */
export { answersJsonSchema, answersSchema } from './answers-schema.ts';
export { instrumentSchema } from './definition/schema.ts';
