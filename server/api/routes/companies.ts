import { Hono } from 'hono';
import { z } from 'zod';
import { createCompany, updateCompany } from '../../companies/companies';
import { companiesOf } from '../../users/users';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

export const companyInput = z.object({
  nit: z.string().regex(/^[\d.\s-]{5,20}$/, 'escribe el NIT sin DV, solo números'),
  name: z.string().trim().min(2).max(200),
  userName: z.string().trim().min(1).max(120),
  ciiu: z.array(z.string().regex(/^\d{4}$/, 'un código CIIU tiene 4 dígitos')).max(10).default([]),
  withholdingAgent: z.boolean().default(true),
  largeTaxpayer: z.boolean().default(false),
  ivaWithholdingAgent: z.boolean().default(false),
  ivaResponsible: z.boolean().default(true),
  icaRatePerMille: z.string().regex(/^\d+(\.\d+)?$/).optional(),
  expenseFunction: z.enum(['admin', 'ventas', 'costo']).optional(),
  inventory: z.enum(['perpetual', 'periodic', 'none']).default('perpetual'),
  icaMunicipality: z.string().regex(/^\d{5}$/, 'el municipio es su código DIVIPOLA de 5 dígitos (11001 Bogotá)').optional(),
  fixedAssetIva: z.enum(['capitalize', 'discount']).default('capitalize'),
});

/** The settings a person changes later (the withholding profile, where ReteICA is practised, fixed-asset IVA…). */
const companyChange = companyInput
  .omit({ nit: true })
  .partial()
  .extend({ icaMunicipality: z.union([z.string().regex(/^\d{5}$/, 'el municipio es su código DIVIPOLA de 5 dígitos (11001 Bogotá)'), z.literal('')]).optional() });

/** The chosen company's own settings. */
export const companySettingsRoutes = new Hono<ApiEnv>()
  .get('/', (c) => c.json(c.get('company')))
  .patch('/', validate('json', companyChange), async (c) => {
    const body = c.req.valid('json');
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return c.json(await updateCompany(c.get('agent').db, c.get('company').id, changes));
  });

/** The person's companies (an accountant keeps several); creating one is for a general administrator. */
export const companyRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => c.json(await companiesOf(c.get('agent').db, c.get('user'))))
  .post('/', validate('json', companyInput), async (c) => {
    const agent = c.get('agent');
    const input = c.req.valid('json');
    return c.json(await createCompany(agent.db, { ...input, ...(input.icaRatePerMille ? { icaRatePerMille: input.icaRatePerMille } : {}) }, agent.clock), 201);
  });
