import { z } from 'zod';

export const fieldErrorSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "password" or "items.0.name"'),
  message: z.string(),
  code: z.string(),
});

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;
