import { z } from 'zod';
import { callerSchema } from './caller.ts';
import { caseSchema } from './case.ts';
import { closureSchema } from './closure.ts';
import { contactSchema } from './contact.ts';
import { evaluationSchema } from './evaluation.ts';
import { feedbackSchema } from './feedback.ts';
import { followUpSchema } from './follow-up.ts';
import { objectTerms } from './messages.ts';
import { referralSchema } from './referral.ts';
import { riskAssessmentSchema } from './risk-assessment.ts';
import { screeningBatchSchema } from './screening-batch.ts';
import { screeningResultSchema } from './screening-result.ts';
import { stationSchema } from './station.ts';
import { studentSchema } from './student.ts';
import { teamSchema } from './team.ts';
import { workOrderSchema } from './work-order.ts';

/** Every top-level domain object's schema, by name. */
export const domainSchemas = {
  student: studentSchema,
  caller: callerSchema,
  screeningBatch: screeningBatchSchema,
  screeningResult: screeningResultSchema,
  contact: contactSchema,
  riskAssessment: riskAssessmentSchema,
  case: caseSchema,
  workOrder: workOrderSchema,
  referral: referralSchema,
  followUp: followUpSchema,
  closure: closureSchema,
  evaluation: evaluationSchema,
  feedback: feedbackSchema,
  station: stationSchema,
  team: teamSchema,
} as const;

/** Name of a top-level domain object. */
export type DomainObjectName = keyof typeof domainSchemas;

/**
 * JSON Schema (draft 2020-12) of every top-level domain object, for integrators; cross-field checks (time order,
 * required-when) are not expressible there and are enforced by the zod schemas only.
 */
export function domainJsonSchemas(): Record<DomainObjectName, z.core.JSONSchema.JSONSchema> {
  const out = {} as Record<DomainObjectName, z.core.JSONSchema.JSONSchema>;
  for (const name of Object.keys(domainSchemas) as DomainObjectName[]) {
    const term = objectTerms[name];
    out[name] = {
      ...z.toJSONSchema(domainSchemas[name], { target: 'draft-2020-12' }),
      title: term.title,
      description: `${term.zh} — ${term.en}`,
    };
  }
  return out;
}
