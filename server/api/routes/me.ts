import { Hono } from 'hono';
import { z } from 'zod';
import { updateCompany } from '../../companies/companies';
import { ROLE_PERMISSIONS } from '../../users/permissions';
import { rolesOf } from '../../users/users';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const trustedSuppliers = z.object({ nits: z.array(z.string().trim().min(1).max(20)).max(500) });

/**
 * Who am I: the company, and the person with their role here and in each of their companies. `user.name` is the
 * person's own name; the first administrator, who has none, is greeted with the company's «¿Cómo te llamas?».
 */
export const meRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const company = c.get('company');
    const user = c.get('user');
    const roles = await rolesOf(c.get('agent').db, user);
    return c.json({
      company,
      // What this person may do here, so the panel offers only that (the API refuses the rest anyway).
      user: { id: user.id, login: user.login, name: user.displayName ?? company.userName, role: c.get('role'), permissions: ROLE_PERMISSIONS[c.get('role')], generalAdmin: user.generalAdmin, roles },
    });
  })
  // Suppliers whose bare documents (without DIAN's response) may register by themselves; never relaxes a broken
  // signature (server/agent/classify-arrival.ts).
  .put('/trusted-suppliers', validate('json', trustedSuppliers), async (c) => {
    const company = await updateCompany(c.get('agent').db, c.get('company').id, { trustedSupplierNits: c.req.valid('json').nits });
    return c.json({ trustedSupplierNits: company.trustedSupplierNits ?? [] });
  });
