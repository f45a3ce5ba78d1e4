import { z } from 'zod';
import { caseIdSchema, workOrderIdSchema } from './ids.ts';
import { institutionRefSchema } from './institution.ts';
import { check, isBefore, timestampSchema } from './primitives.ts';

/** Status of a work order: escalated when overdue or refused and passed up; cancelled when no longer needed. */
export const workOrderStatusSchema = z.enum(['dispatched', 'acknowledged', 'completed', 'escalated', 'cancelled']);
/** Status of a work order. */
export type WorkOrderStatus = z.infer<typeof workOrderStatusSchema>;

/** A work order (工单): a task on a case dispatched to an institution, with a due time. */
export const workOrderSchema = z
  .strictObject({
    id: workOrderIdSchema,
    caseId: caseIdSchema,
    target: institutionRefSchema,
    dispatchedAt: timestampSchema,
    dueAt: timestampSchema,
    status: workOrderStatusSchema,
    acknowledgedAt: timestampSchema.optional(),
    completedAt: timestampSchema.optional(),
  })
  .refine((w) => !isBefore(w.dueAt, w.dispatchedAt), check('time.notBefore', 'dueAt', { field: 'dispatchedAt' }))
  .refine(
    (w) => !isBefore(w.acknowledgedAt, w.dispatchedAt),
    check('time.notBefore', 'acknowledgedAt', { field: 'dispatchedAt' }),
  )
  .refine(
    (w) => w.status !== 'completed' || w.completedAt !== undefined,
    check('field.requiredWhen', 'completedAt', { field: 'status', value: 'completed' }),
  );
/** A work order. */
export type WorkOrder = z.infer<typeof workOrderSchema>;
