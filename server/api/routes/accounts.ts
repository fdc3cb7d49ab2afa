import { Hono } from 'hono';
import { z } from 'zod';
import { Chart } from '../../ledger/chart';
import { stripMarks } from '../../text/fold';
import type { ApiEnv } from '../env';
import { validate } from '../validate';

/** Postable accounts for the panel's account picker, searched by code prefix or words of the name. */
export const accountRoutes = new Hono<ApiEnv>().get('/', validate('query', z.object({ q: z.string().max(80).optional(), limit: z.coerce.number().int().min(1).max(200).optional() })), async (c) => {
  const { q, limit } = c.req.valid('query');
  const chart = await Chart.forCompany(c.get('agent').db, c.get('company').id);
  const words = stripMarks(q ?? '').toUpperCase().split(/\s+/).filter(Boolean);
  const found = chart
    .postableAccounts()
    .filter((a) => words.every((w) => a.code.startsWith(w) || stripMarks(a.name).toUpperCase().includes(w)))
    .slice(0, limit ?? 50);
  return c.json(found.map((a) => ({ code: a.code, name: a.name })));
});
