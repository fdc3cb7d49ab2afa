import { Hono } from 'hono';
import { z } from 'zod';
import { updateCompany } from '../../companies/companies';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const trustedSuppliers = z.object({ nits: z.array(z.string().trim().min(1).max(20)).max(500) });

/** Who am I: the company and the user's name for "Hola, {nombre}". */
export const meRoutes = new Hono<ApiEnv>()
  .get('/', (c) => {
    const company = c.get('company');
    return c.json({ company, user: { name: company.userName } });
  })
  // Suppliers whose bare documents (without DIAN's response) may register by themselves; never relaxes a broken
  // signature (server/agent/classify-arrival.ts).
  .put('/trusted-suppliers', validate('json', trustedSuppliers), async (c) => {
    const company = await updateCompany(c.get('agent').db, c.get('company').id, { trustedSupplierNits: c.req.valid('json').nits });
    return c.json({ trustedSupplierNits: company.trustedSupplierNits ?? [] });
  });
