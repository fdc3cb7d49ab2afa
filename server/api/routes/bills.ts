import { Hono } from 'hono';
import { z } from 'zod';
import { correctBillLine, getBillOrThrow, pageBills } from '../../agent/bills';
import { pageParams, parsePage } from '../../agent/pagination';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

const listQuery = z.object({
  needsReview: z.enum(['true', 'false']).optional(),
  ...pageParams,
});

const lineChange = z
  .object({
    accountCode: z.string().regex(/^\d{4,12}$/, 'un código de cuenta son solo dígitos').optional(),
    itemId: z.string().min(1).optional(),
    itemName: z.string().min(1).optional(),
    // A retención concept (`vehiculos`, `software_servicios`…) or `ninguno`: re-computes withholdings and entry.
    withholdingConcept: z.string().min(1).max(40).optional(),
  })
  .refine((v) => v.accountCode !== undefined || v.withholdingConcept !== undefined, 'indica accountCode o withholdingConcept');

/** Registered purchase bills with their lines, accounts, explanations and journal entry. */
export const billRoutes = new Hono<ApiEnv>()
  .get('/', validate('query', listQuery), async (c) => {
    const { needsReview, limit, offset } = c.req.valid('query');
    return c.json(await pageBills(c.get('agent').db, c.get('company').id, needsReview ? { needsReview: needsReview === 'true' } : {}, parsePage('bills', { limit, offset }), c.get('agent').clock.now()));
  })
  .get('/:id', async (c) => c.json(await getBillOrThrow(c.get('agent').db, c.get('company').id, c.req.param('id'), c.get('agent').clock.now())))
  // Verify (same account) or change a line's account or withholding concept: re-posts the entry (an account also
  // teaches the suggestion engine).
  .patch('/:id/lines/:lineId', validate('json', lineChange), async (c) => {
    const body = c.req.valid('json');
    const bill = await correctBillLine(c.get('agent').deps, c.get('company').id, c.req.param('id'), c.req.param('lineId'), {
      ...(body.accountCode ? { accountCode: body.accountCode } : {}),
      ...(body.withholdingConcept ? { withholdingConcept: body.withholdingConcept } : {}),
      ...(body.itemId ? { itemId: body.itemId } : {}),
      ...(body.itemName ? { itemName: body.itemName } : {}),
    }, c.get('actor'));
    return c.json(bill);
  });
