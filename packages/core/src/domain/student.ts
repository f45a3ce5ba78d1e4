import { z } from 'zod';
import { schoolIdSchema, studentIdSchema } from './ids.ts';

/** Sex as recorded by the school; matches the rule engine's person facts. */
export const sexSchema = z.enum(['female', 'male', 'other']);
/** Sex as recorded. */
export type Sex = z.infer<typeof sexSchema>;

/**
 * School grade as one number: 1–6 primary (小学), 7–9 junior secondary (初一–初三), 10–12 senior or vocational
 * secondary (高一–高三), 13–16 undergraduate years 1–4.
 */
export const gradeSchema = z.int().min(1).max(16);
/** School grade 1–16. */
export type Grade = z.infer<typeof gradeSchema>;

/** A student (学生): pseudonymous id and the few attributes screening needs; no name, phone or address field. */
export const studentSchema = z.strictObject({
  id: studentIdSchema,
  /** Whole years; the bounds catch data-entry errors, not a service limit. Under 14: guardian consent (PIPL 31). */
  age: z.int().min(5).max(40),
  sex: sexSchema,
  schoolId: schoolIdSchema,
  grade: gradeSchema,
  /** Class label within the grade, e.g. `3` or `3班`. */
  class: z.string().min(1).max(32),
});
/** A pseudonymous student. */
export type Student = z.infer<typeof studentSchema>;
