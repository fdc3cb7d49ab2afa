import { Hono } from 'hono';
import { z } from 'zod';
import { listSuppliers, updateSupplierTaxProfile } from '../../agent/suppliers';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const taxProfile = z
  .object({ personType: z.enum(['natural', 'juridica']).optional(), declarante: z.boolean().nullable().optional() })
  .refine((v) => v.personType !== undefined || v.declarante !== undefined, 'indica personType o declarante');

/** The company's suppliers and what decides the rates withheld from them (persona, declarante). */
export const supplierRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => c.json(await listSuppliers(c.get('agent').db, c.get('company').id)))
  .patch('/:nit', validate('json', taxProfile), async (c) => {
    const agent = c.get('agent');
    const body = c.req.valid('json');
    const change = { ...(body.personType ? { personType: body.personType } : {}), ...(body.declarante !== undefined ? { declarante: body.declarante } : {}) };
    return c.json(await updateSupplierTaxProfile(agent.db, c.get('company').id, c.req.param('nit'), change, c.get('actor').name, agent.clock.now()));
  });
