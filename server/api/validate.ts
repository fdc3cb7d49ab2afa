import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';

// Validation messages in Spanish, like everything a user reads.
z.config(z.locales.es());

/**
 * zod validation with a Spanish 400 that says which field is wrong, instead of the library's default body.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || target;
      return c.json({ error: { code: 'INVALID_REQUEST', message: `Solicitud inválida en «${field}»: ${issue?.message ?? 'valor no válido'}.` } }, 400);
    }
    return undefined;
  });
}
