import { z } from 'zod';
import { check, institutionNameSchema, PATTERNS } from './primitives.ts';

/** Kind of institution a work order or referral goes to (工单对象 / 转介对象). */
export const institutionKindSchema = z.enum(['station', 'school', 'hospital', 'agency', 'police', 'ambulance']);
/** Kind of institution a work order or referral goes to. */
export type InstitutionKind = z.infer<typeof institutionKindSchema>;

/** An institution by kind and id and/or name (e.g. `{ kind: 'police', id: '110' }`); never a person. */
export const institutionRefSchema = z
  .strictObject({
    kind: institutionKindSchema,
    /** The institution's id in the directory: a station or school id, a hospital code, a hotline number such as 110. */
    id: z.string().regex(PATTERNS.id).optional(),
    /** The institution's name, e.g. 市第三人民医院; never a person's name. */
    name: institutionNameSchema.optional(),
  })
  .refine(
    (v) => v.id !== undefined || v.name !== undefined,
    check('field.atLeastOne', 'id', { fields: ['id', 'name'] }),
  );
/** An institution by kind and id and/or name. */
export type InstitutionRef = z.infer<typeof institutionRefSchema>;
